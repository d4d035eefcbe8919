"""Quick builds that follow body edits without reading the site (govsite/pipeline/edits.py):
they must write exactly what a page-by-page build writes, and leave the output, its
manifest and the search state as a cold build of the same site would."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from govsite.pipeline import pages as pages_mod
from govsite.pipeline import edit_record
from govsite.pipeline.build import build
from tests.conftest import SiteFolder, tree

EDITED = "content/items/xzfb/2024/00001.md"
PAGE = "xxgk/xzfb/2024/00001.html"


def age(root: Path) -> None:
    """Every file 10 s old: older than the racy window, as files an editor saved earlier."""
    then = time.time() - 10
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            os.utime(os.path.join(dirpath, name), (then, then))


@pytest.fixture
def big(site: SiteFolder) -> SiteFolder:
    """The test site with an item of 2024 that no feed shows (60 newer items in its
    organization, column and theme) and a policy interpretation linked to it."""
    site.write_item(1, rel=EDITED, publish_date="2024-01-05 09:00", written_date="2024-01-02",
                    index_no="11999921014372155A/2024-00001")
    for n in range(10, 70):
        site.write_item(n, publish_date=f"2025-{(n % 12) + 1:02d}-{(n % 27) + 1:02d} 09:00", written_date="2025-01-01")
    site.write_item(7, rel="content/items/xzfb/2024/00007.md", publish_date="2024-01-03 09:00",
                    written_date="2024-01-02", index_no="11999921014372155A/2024-00007")
    age(site.root)
    return site


def edit_body(site: SiteFolder, rel: str, text: str) -> None:
    path = site.root / rel
    path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")
    past = time.time() - 5
    os.utime(path, (past, past))


def reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the whole site was read")
    monkeypatch.setattr(pages_mod, "load_site", refuse)


def cold_tree(site: SiteFolder, tmp_path: Path, name: str) -> dict[str, bytes]:
    copy = tmp_path / f"cold-{name}"
    shutil.copytree(site.root, copy, ignore=shutil.ignore_patterns("output", "output-report", ".output.*", ".govsite-cache"))
    assert build(copy, quick=True).ok
    return tree(copy / "output")


def test_a_body_edit_rewrites_only_its_dependants(big: SiteFolder, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert build(big.root, quick=True).ok
    assert build(big.root, quick=True).ok  # the twin exists from here on
    edit_body(big, EDITED, "新增的一段正文，只有本页和开放数据引用它。")
    with monkeypatch.context() as m:
        reads_nothing(m)
        result = build(big.root, quick=True)
    assert result.ok
    # The search shards are all stale already (no full build yet): their state is not rewritten.
    assert sorted(result.written_paths) == [PAGE and "data/items-2024.csv", "data/items-2024.json", "data/manifest.json", PAGE]
    assert "新增的一段正文" in big.read_out(PAGE)
    assert tree(big.out) == cold_tree(big, tmp_path, "1"), "the output and its manifest equal a cold build's"


def test_a_second_build_writes_nothing_and_edits_in_a_row_stay_exact(big: SiteFolder, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert build(big.root, quick=True).ok
    edit_body(big, EDITED, "第一次修改。")
    with monkeypatch.context() as m:
        reads_nothing(m)
        assert build(big.root, quick=True).ok
        again = build(big.root, quick=True)
        assert (again.written, again.deleted) == (0, 0)
        edit_body(big, "content/items/xzfb/2024/00007.md", "另一项的修改。")
        edit_body(big, EDITED, "第二次修改。")
        both = build(big.root, quick=True)
    assert {PAGE, "xxgk/xzfb/2024/00007.html"} <= set(both.written_paths)
    assert tree(big.out) == cold_tree(big, tmp_path, "2")


def test_what_a_body_edit_cannot_follow_takes_the_page_by_page_way(big: SiteFolder, tmp_path: Path) -> None:
    assert build(big.root, quick=True).ok
    path = big.root / EDITED  # a title: listings show it
    path.write_text(path.read_text(encoding="utf-8").replace("第1项工作", "第一项工作"), encoding="utf-8")
    age(big.root)
    result = build(big.root, quick=True)
    assert any(p.startswith("xxgk/year/") for p in result.written_paths), "the year listing shows the new title"
    assert tree(big.out) == cold_tree(big, tmp_path, "3")
    edit_body(big, "content/items/xzfb/2025/00069.md", "最新一项：订阅源显示其正文摘要。")  # in the feeds
    result = build(big.root, quick=True)
    assert "feeds/latest.xml" in result.written_paths
    assert tree(big.out) == cold_tree(big, tmp_path, "4")


def test_a_full_build_after_followed_edits_catches_up_the_search_index(big: SiteFolder) -> None:
    assert build(big.root).ok  # with the search index
    edit_body(big, EDITED, "检索索引要跟上的正文。")
    quick = build(big.root, quick=True)
    assert "pagefind/govsite-shards.json" in quick.written_paths
    assert '"stale"' in big.read_out("pagefind/govsite-shards.json")
    full = build(big.root)
    assert full.ok and '"stale"' not in big.read_out("pagefind/govsite-shards.json")
    assert any(p.startswith("pagefind/text/") for p in full.written_paths)


def test_the_record_is_not_used_for_another_output_state(big: SiteFolder, tmp_path: Path) -> None:
    assert build(big.root, quick=True).ok
    assert edit_record.read(big.root, big.out) is not None
    manifest = big.out / ".govsite-manifest.json"
    manifest.write_bytes(manifest.read_bytes())  # another inode: not the output the record describes
    edit_body(big, EDITED, "记录不再对应输出。")
    result = build(big.root, quick=True)
    assert result.ok and PAGE in result.written_paths
    assert tree(big.out) == cold_tree(big, tmp_path, "5")


def _built_demo(tmp_path: Path) -> tuple[SiteFolder, dict[str, edit_record.ItemFacts]]:
    """The demo county, built once by a quick build, and what its edit record knows of
    each item file."""
    from tests.conftest import copy_demo_site

    demo = SiteFolder(copy_demo_site(tmp_path / "demo"))
    age(demo.root)
    assert build(demo.root, quick=True).ok
    record = edit_record.read(demo.root, demo.out)
    assert record is not None
    return demo, {rel: edit_record.ItemFacts(*fields) for label in record.folders
                  for rel, fields in (getattr(record.folder(label), "items", None) or {}).items()}


def test_body_edits_on_the_demo_site_with_gazette_annual_reports_and_catalogs(tmp_path: Path) -> None:
    """Three items of the demo county whose body only their pages and open data show are
    edited at once: the build reads only those files and ends as a cold build would."""
    demo, facts = _built_demo(tmp_path)
    followed = sorted(rel for rel, fact in facts.items() if fact.own_only)
    assert len(followed) >= 3, "the demo has items whose feed entries show their own summary"
    shown = sorted(set(facts) - set(followed))
    assert shown, "and items a feed, an annual report or the gazette shows"
    for rel in followed[:3]:
        edit_body(demo, rel, f"演示站点正文修改：{rel}。")
    monkeypatch = pytest.MonkeyPatch()
    try:
        reads_nothing(monkeypatch)
        result = build(demo.root, quick=True)
    finally:
        monkeypatch.undo()
    assert result.ok
    pages = {facts[rel].page for rel in followed[:3]}
    assert pages <= set(result.written_paths)
    assert tree(demo.out) == cold_tree(demo, tmp_path, "demo")


def test_an_interrupted_followed_edit_leaves_output_and_record_usable(big: SiteFolder, tmp_path: Path) -> None:
    from govsite.pipeline import output as output_mod

    assert build(big.root, quick=True).ok
    before = tree(big.out)
    edit_body(big, EDITED, "不会发布的修改。")
    monkeypatch = pytest.MonkeyPatch()

    def boom(self: output_mod.Staging) -> None:
        raise KeyboardInterrupt

    try:
        reads_nothing(monkeypatch)
        monkeypatch.setattr(output_mod.Staging, "commit", boom)
        with pytest.raises(KeyboardInterrupt):
            build(big.root, quick=True)
        assert tree(big.out) == before
        monkeypatch.undo()
        reads_nothing(monkeypatch)
        edit_body(big, "content/items/xzfb/2024/00007.md", "同一年的另一项。")
        assert build(big.root, quick=True).ok
    finally:
        monkeypatch.undo()
    assert "不会发布的修改" in big.read_out(PAGE)
    assert tree(big.out) == cold_tree(big, tmp_path, "6")


def test_gazette_article_edits_are_followed_and_match_a_cold_build(tmp_path: Path) -> None:
    """A gazette article with its own text reaches only its page (and its search shard):
    edited with an item of the demo county, the build reads neither the site nor the
    gazette, and ends as a cold build would. An article that shows an item's text is not
    followed (the item page and the article page show one file)."""
    demo, facts = _built_demo(tmp_path)
    articles = sorted(rel for rel, fact in facts.items() if fact.kind == edit_record.ARTICLE)
    items = sorted(rel for rel, fact in facts.items() if fact.kind == "item" and fact.own_only)
    assert articles and items, "the demo gazette has articles with their own text"
    edit_body(demo, articles[0], "公报正文的一处更正。")
    edit_body(demo, items[0], "目录正文的一处修改。")
    monkeypatch = pytest.MonkeyPatch()
    try:
        reads_nothing(monkeypatch)
        result = build(demo.root, quick=True)
    finally:
        monkeypatch.undo()
    assert result.ok
    page = facts[articles[0]].page
    assert page in result.written_paths and facts[items[0]].page in result.written_paths
    assert not [p for p in result.written_paths if p.startswith("zfgb/") and p != page], "no issue page shows a body"
    assert "公报正文的一处更正" in demo.read_out(page)
    assert tree(demo.out) == cold_tree(demo, tmp_path, "gazette")
    linked = [rel for rel in facts if rel.startswith("content/gazette/") and rel not in articles]
    printed = sorted(set(demo.root.glob("content/gazette/*/*/*.md")) - {demo.root / rel for rel in articles})
    assert not linked and printed, "articles that show an item's text (or none) are not in the record"
    edit_body(demo, printed[0].relative_to(demo.root).as_posix(), "不应被跟随的修改。")
    result = build(demo.root, quick=True)
    assert result.ok and tree(demo.out) == cold_tree(demo, tmp_path, "gazette-2")
