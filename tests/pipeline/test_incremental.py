"""Incremental builds: each output records its inputs; only what changed is rewritten."""
from __future__ import annotations

from pathlib import Path

from govsite.pipeline.build import build
from tests.conftest import OFFICE_CODE, SiteFolder, snapshot, written_groups



def changed(before: dict, after: dict) -> set[str]:
    return {p for p in after if before.get(p) != after[p]} | (set(before) - set(after))


def test_first_build_writes_everything(site: SiteFolder) -> None:
    result = build(site.root)
    assert result.ok, [p.format() for p in result.problems.items]
    assert result.written == result.total > 30
    assert result.unchanged == 0 and result.deleted == 0


def test_second_build_writes_nothing(site: SiteFolder) -> None:
    build(site.root)
    before = snapshot(site.out)
    result = build(site.root)
    assert (result.written, result.deleted) == (0, 0)
    assert result.unchanged == result.total
    assert snapshot(site.out) == before, "a no-change build must not touch any file"


def test_body_change_rewrites_only_that_item(site: SiteFolder) -> None:
    build(site.root)
    path = site.root / "content/items/xzfb/2025/00002.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n新增的一段正文。\n", encoding="utf-8")
    before = snapshot(site.out)
    result = build(site.root)
    written = written_groups(result.written_paths)
    assert written["pages"] == {"xxgk/xzfb/2025/00002.html"}
    # The item has no 内容概述, so the feeds that list it show a new excerpt of the body.
    assert written["feeds"] == {"feeds/latest.xml", "feeds/org/xzfb.xml", "feeds/column/gfxwj.xml",
                                "feeds/column/fdzdgknr.xml", "feeds/theme/2.xml"}
    assert written["data"] == {"data/items-2025.csv", "data/items-2025.json", "data/manifest.json"}
    assert written["search"] == {"y2025"}, "only the year's search shard is re-indexed"
    assert not written["other"]
    # On disk nothing else changed (the re-indexed shard's folder is Pagefind's to rewrite).
    shard = "pagefind/text/y2025/"
    touched = {p for p in changed(before, snapshot(site.out)) if not p.startswith(shard)}
    reported = {p for p in result.written_paths + result.deleted_paths if not p.startswith(shard)}
    assert touched == reported | {".govsite-manifest.json"}
    assert "新增的一段正文。" in site.read_out("xxgk/xzfb/2025/00002.html")


def test_title_change_rewrites_item_and_listings_that_show_it(site: SiteFolder) -> None:
    site.write_item(4, columns=["tjxx"], theme="13.1", publish_date="2024-05-06 10:00", written_date="2024-05-01",
                    index_no=f"{OFFICE_CODE}/2024-00004", rel="content/items/xzfb/2024/00004.md")
    assert build(site.root).ok
    path = site.root / "content/items/xzfb/2024/00004.md"
    path.write_text(path.read_text(encoding="utf-8").replace("第4项工作", "第四项工作"), encoding="utf-8")
    result = build(site.root)
    written = written_groups(result.written_paths)
    assert written["pages"] == {
        "xxgk/xzfb/2024/00004.html",  # the item itself
        "index.html",  # home page: latest items
        "xxgk/tjxx/index.html",  # its column
        "xxgk/fdzdgknr/index.html",  # the parent column lists descendants
        "xxgk/xzfb/index.html",  # its organization
        "xxgk/theme/13/index.html",  # its first-level theme
        "xxgk/year/2024/index.html",  # its year
    }
    assert written["feeds"] == {"feeds/latest.xml", "feeds/org/xzfb.xml", "feeds/column/tjxx.xml",
                                "feeds/column/fdzdgknr.xml", "feeds/theme/13.xml"}
    assert written["data"] == {"data/items-2024.csv", "data/items-2024.json", "data/manifest.json"}
    # The title changed: the title layer and the year's text are re-indexed.
    assert {"y2024", "titles"} <= written["search"] <= {"y2024", "titles", "govsite-shards.json"}
    assert "第四项工作" in site.read_out("xxgk/tjxx/index.html")
    assert "第四项工作" not in site.read_out("xxgk/gfxwj/index.html")


def test_related_pages_follow_a_policy_title_change(site: SiteFolder) -> None:
    policy = "content/items/xzfb/2025/00001.md"
    site.write_item(9, columns=["zcjd"], genre="解读", interprets=f"{_index(site, policy)}",
                    title="《第1项工作的通知》政策解读")
    assert build(site.root).ok
    assert "政策解读" in site.read_out("xxgk/xzfb/2025/00001.html")
    path = site.root / policy
    path.write_text(path.read_text(encoding="utf-8").replace("第1项工作", "第一项工作"), encoding="utf-8")
    result = build(site.root)
    assert "xxgk/xzfb/2025/00009.html" in result.written_paths, "the interpretation links the policy by title"
    assert "第一项工作" in site.read_out("xxgk/xzfb/2025/00009.html")


def _index(site: SiteFolder, rel: str) -> str:
    import yaml

    text = (site.root / rel).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])["index_no"]


def test_template_change_rewrites_pages_that_use_it(site: SiteFolder) -> None:
    build(site.root)
    site.write("templates/partials/attachments.html", '<p class="custom-attachments">附件区</p>\n')
    result = build(site.root)
    items = {"xxgk/xzfb/2025/00001.html", "xxgk/xzfb/2025/00002.html", "xxgk/xzfb/2025/00003.html"}
    written = written_groups(result.written_paths)
    assert written["pages"] == items
    assert written["search"] == {"y2025"}
    assert not (written["feeds"] or written["data"] or written["other"])
    assert 'class="custom-attachments"' in site.read_out("xxgk/xzfb/2025/00001.html")


def test_site_template_can_extend_the_builtin_one(site: SiteFolder) -> None:
    site.write("templates/home.html", '{% extends "theme/home.html" %}\n{% block main %}<p id="hello">本地首页</p>{{ super() }}{% endblock %}\n')
    assert build(site.root).ok
    home = site.read_out("index.html")
    assert '<p id="hello">本地首页</p>' in home and "最新信息" in home


def test_deleted_item_page_is_removed(site: SiteFolder) -> None:
    build(site.root)
    (site.root / "content/items/xzfb/2025/00003.md").unlink()
    # A published URL may only go with a record of why (docs/urls.md): withdrawn here.
    site.write("redirects.yaml", "/xxgk/xzfb/2025/00003.html: ~\n")
    result = build(site.root)
    assert result.ok, [p.format() for p in result.problems.items]
    assert [p for p in result.deleted_paths if not p.startswith("pagefind/")] == ["xxgk/xzfb/2025/00003.html"]
    assert not (site.out / "xxgk/xzfb/2025/00003.html").exists()
    assert "第3项工作" not in site.read_out("xxgk/gfxwj/index.html")


def test_config_change_rewrites_everything(site: SiteFolder) -> None:
    build(site.root)
    cfg = site.root / "site.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("测试县人民政府办公室", "测试县政务服务数据管理局"), encoding="utf-8")
    result = build(site.root)
    html_pages = [p for p in result.written_paths if p.endswith(".html")]
    assert len(html_pages) == len([p for p in snapshot(site.out) if p.endswith(".html")])
    assert "测试县政务服务数据管理局" in site.read_out("404.html")


def test_deleted_output_file_is_restored(site: SiteFolder) -> None:
    build(site.root)
    (site.out / "xxgk/gfxwj/index.html").unlink()
    result = build(site.root)
    assert result.written_paths == ["xxgk/gfxwj/index.html"]
