"""Pagefind's runtime as govsite publishes it (govsite/search/runtime.py): its 50 ms
polls shortened to 4 ms, and a runtime that does not look like the pinned Pagefind's
refused with a message instead of being published half-patched."""
from __future__ import annotations

from pathlib import Path

from govsite.search.runtime import POLL, SHORT_POLL, pagefind_version, shorten_polls, write_runtime


def test_the_published_runtime_polls_every_4_ms(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    assert write_runtime(bundle, tmp_path / "records") is None
    for name in ("pagefind.js", "pagefind-worker.js"):
        text = (bundle / name).read_text(encoding="utf-8")
        assert "asyncSleep(50)" not in text
        assert text.count(SHORT_POLL) == 2
    assert (bundle / "wasm.unknown.pagefind").is_file()


def test_a_runtime_without_the_expected_polls_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pagefind.js").write_text(f"a();{POLL};b()", encoding="utf-8")
    (tmp_path / "pagefind-worker.js").write_text(f"{POLL};{POLL}", encoding="utf-8")
    message = shorten_polls(tmp_path)
    assert message is not None
    assert "pagefind.js" in message and f"Pagefind {pagefind_version()}" in message
    assert "expected 2" in message and "found 1" in message
    assert (tmp_path / "pagefind.js").read_text(encoding="utf-8") == f"a();{POLL};b()"  # left as it was
