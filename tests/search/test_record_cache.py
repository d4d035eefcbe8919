"""The text layer's records kept between builds (govsite/search/record_cache.py): a kept
record is the record the page gives, and a body edit reads and tokenises only the
edited page of its shard, with the same bundle as a build without kept records."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from govsite.pipeline.build import build
from govsite.pipeline.pages import load_and_validate
from govsite.search import indexer, record_cache
from govsite.search.docs import collect_shards
from govsite.search.records import page_text, record
from tests.conftest import copy_demo_site


@pytest.fixture()
def demo(tmp_path: Path) -> tuple[Path, Path]:
    site = copy_demo_site(tmp_path / "site")
    out = tmp_path / "out"
    assert build(site, out=out).ok
    return site, out


def _bundle(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted((out / "pagefind").rglob("*")) if p.is_file()}


def test_a_kept_record_is_the_record_its_page_gives(demo: tuple[Path, Path]) -> None:
    site, out = demo
    model, _ = load_and_validate(site)
    kept = record_cache.folder(site, out)
    shards = [s for s in collect_shards(model) if s.folder.startswith("pagefind/text/") or s.is_title]
    assert any(s.is_title for s in shards) and not all(s.is_title for s in shards)
    for shard in shards:
        stored = record_cache.load(kept, shard.name, indexer.settings_digest())
        assert stored.keys() == {d.url for d in shard.docs}, shard.name
        for doc in shard.docs:
            if shard.is_title:
                assert stored[doc.url][0] == record_cache.digest(doc)
                assert record_cache.record_of(doc.url, stored[doc.url]) == record(doc)
                continue
            page = (out / doc.url).read_bytes()
            assert stored[doc.url][0] == record_cache.digest(doc, page)
            assert record_cache.record_of(doc.url, stored[doc.url]) == record(doc, page_text(page.decode("utf-8")))


def test_a_title_edit_makes_only_its_own_title_record_again(demo: tuple[Path, Path], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    site, out = demo
    item = sorted((site / "content" / "items").rglob("*.md"))[0]
    text = item.read_text(encoding="utf-8")
    item.write_text(text.replace("\ntitle: ", "\ntitle: 修订后的", 1), encoding="utf-8")
    made: list[str] = []

    def counted(doc, text=None):  # type: ignore[no-untyped-def]
        if text is None:
            made.append(doc.title)
        return record(doc, text)

    monkeypatch.setattr(record_cache, "record", counted)
    assert build(site, out=out, jobs=1).ok
    assert len(made) == 1 and made[0].startswith("修订后的"), made


def test_a_body_edit_reads_only_the_edited_page_and_writes_the_same_bundle(demo: tuple[Path, Path], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    site, out = demo
    item = sorted((site / "content" / "items").rglob("*.md"))[0]
    item.write_text(item.read_text(encoding="utf-8") + "\n本条为测试追加的一句话。\n", encoding="utf-8")
    read: list[str] = []

    def counted(page: str) -> str:
        read.append(page)
        return page_text(page)

    monkeypatch.setattr(record_cache, "page_text", counted)
    assert build(site, out=out, jobs=1).ok
    assert len(read) == 1 and "本条为测试追加的一句话" in read[0]
    # The same bundle as a build that keeps nothing.
    shutil.rmtree(site / ".govsite-cache" / "search-records")
    fresh = out.parent / "fresh"
    shutil.copytree(out, fresh, symlinks=True)
    monkeypatch.undo()
    (fresh / "pagefind" / "govsite-shards.json").unlink()  # nothing of the last index is trusted
    assert build(site, out=fresh, jobs=1, force_out=True).ok
    assert _bundle(fresh) == _bundle(out)


def test_an_unreadable_kept_file_is_read_again(demo: tuple[Path, Path]) -> None:
    site, out = demo
    kept = record_cache.folder(site, out)
    for path in kept.glob("*.marshal"):
        path.write_bytes(b"not marshal")
    assert record_cache.load(kept, "anything", indexer.settings_digest()) == {}
    item = sorted((site / "content" / "items").rglob("*.md"))[0]
    item.write_text(item.read_text(encoding="utf-8") + "\n又一句。\n", encoding="utf-8")
    assert build(site, out=out).ok
    assert any(record_cache.load(kept, p.stem, indexer.settings_digest()) for p in kept.glob("*.marshal"))


def test_records_kept_with_other_index_settings_are_not_used(demo: tuple[Path, Path]) -> None:
    """A change to the code that makes records (or to Pagefind) re-indexes every bundle:
    what was kept under the old settings is made again, not reused."""
    site, out = demo
    kept = record_cache.folder(site, out)
    name = next(kept.glob("*.marshal")).stem
    assert record_cache.load(kept, name, indexer.settings_digest())
    assert record_cache.load(kept, name, "another govsite") == {}
