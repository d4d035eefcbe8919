"""Build locks (govsite/pipeline/lock.py): two builds at once never publish a broken
site (issue 15 §2). Real processes, real ``flock``; every run ends with an output
byte-identical to a clean reference build of the same content."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govsite.pipeline.build import build
from govsite.pipeline.lock import cache_lock_path, exclusive, output_lock_path
from tests.conftest import SiteFolder, copy_demo_site, tree

PAIRS = 2



def start_build(site: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "govsite.cli", "build", "--site", str(site), "--quiet", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def reference(site: Path, tmp: Path, name: str) -> dict[str, bytes]:
    """A clean build of a copy of ``site`` (no cache, no previous output)."""
    copy = tmp / name
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("output", ".output*", ".govsite-cache"))
    assert build(copy).ok
    return tree(copy / "output")


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    """The demo county (779 output files): big enough that two unlocked builds
    overlap in their staging and swaps (on the 3-item test site they did not)."""
    return copy_demo_site(tmp_path / "demo")


def test_concurrent_builds_end_with_a_clean_output(demo_copy: Path, tmp_path: Path) -> None:
    """N pairs of builds started together on the same site and output, each after
    an edit: both succeed, and the output is the clean build of the new content.
    Without the locks 2 of 4 such pairs left 75 and 3 files of 779."""
    assert build(demo_copy).ok
    item = sorted((demo_copy / "content/items").rglob("*.md"))[0]
    for pair in range(PAIRS):
        with item.open("a", encoding="utf-8") as fh:
            fh.write(f"\n并发构建测试第{pair}段。\n")
        wanted = reference(demo_copy, tmp_path, f"ref{pair}")
        runs = [start_build(demo_copy), start_build(demo_copy)]
        results = [(p.wait(timeout=300), p.stdout.read(), p.stderr.read()) for p in runs]  # type: ignore[union-attr]
        for code, out, err in results:
            assert code == 0, err
            assert "Traceback" not in err and "完成" in out, (out, err)
        got = tree(demo_copy / "output")
        assert sorted(got) == sorted(wanted)
        assert [p for p in wanted if got[p] != wanted[p]] == []
        again = build(demo_copy)  # the stamp and the search shards trust this output: rightly
        assert again.ok and again.written == 0 and again.deleted == 0
        assert tree(demo_copy / "output") == wanted


def test_a_second_build_waits_and_says_so(site: SiteFolder) -> None:
    """While another process holds the output lock, a build waits (with one line
    saying so) and then finishes normally."""
    assert build(site.root, quick=True).ok
    site.write_item(7)
    with exclusive(output_lock_path(site.out)):
        waiting = start_build(site.root, "--no-search")
        deadline = time.monotonic() + 60
        line = ""
        while time.monotonic() < deadline and "另一个构建正在进行" not in line:
            line = waiting.stderr.readline()  # type: ignore[union-attr]
        assert "另一个构建正在进行" in line and str(output_lock_path(site.out)) in line
        time.sleep(0.3)
        assert waiting.poll() is None  # still waiting: nothing was written meanwhile
        assert not (site.out / "xxgk").exists() or "00007" not in " ".join(os.listdir(site.out / "xxgk"))
    assert waiting.wait(timeout=120) == 0
    assert any("00007" in p for p in tree(site.out))


def test_cache_lock_is_held_for_the_whole_build(site: SiteFolder, monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds of one site into two outputs share the cache: they queue on it."""
    seen: list[Path] = []
    with exclusive(cache_lock_path(site.root)):
        proc = start_build(site.root, "--no-search", "--out", str(site.root / "other"))
        line = proc.stderr.readline()  # type: ignore[union-attr]
        seen.append(Path(line.split("（", 1)[1].split("）", 1)[0]))
    assert proc.wait(timeout=120) == 0
    assert seen == [cache_lock_path(site.root)]


def test_lock_files_stay_outside_the_output(site: SiteFolder) -> None:
    assert build(site.root, quick=True).ok
    assert output_lock_path(site.out).parent == site.out.parent
    assert not any(name.endswith(".lock") for name in tree(site.out))


def test_serve_rebuild_waits_for_a_manual_build(site: SiteFolder) -> None:
    """``govsite serve`` rebuilds through the same locks: while a manual build holds
    the output, the preview's rebuild waits, then publishes the new page."""
    import threading

    from govsite.serve.builder import LiveBuilder
    from govsite.serve.events import EventHub

    assert build(site.root, quick=True).ok
    site.write_item(8)
    told: list[Path] = []
    builder = LiveBuilder(site.root, site.out, EventHub(), waiting=told.append)
    with exclusive(output_lock_path(site.out)):
        worker = threading.Thread(target=builder.build_now, args=(True,))
        worker.start()
        worker.join(timeout=1.0)
        assert worker.is_alive() and told == [output_lock_path(site.out)]
    worker.join(timeout=120)
    assert not worker.is_alive() and builder.state.event.ok
    assert any("00008" in p for p in tree(site.out))
