"""What a feed reader sees: valid Atom, links that reach built pages, newest first,
escaped markup, no control characters, stable ids and dates in Beijing time."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.conftest import OFFICE_CODE, SiteFolder
from tests.feeds.feed_helpers import build_ok, feed_files, parse, url_to_file

BASE = "https://www.test.gov.cn/"
ATOM = "{http://www.w3.org/2005/Atom}"


def rich_site(site: SiteFolder) -> None:
    """Items in several organizations, columns and themes."""
    site.write_item(4, issuer="xzf", columns=["zcjd"], theme="3.1", publish_date="2025-06-01 10:00",
                    summary="县政府关于第4项工作的内容概述。")
    site.write_item(5, columns=["xzxk", "gfxwj"], theme="4", publish_date="2025-05-20 08:30")
    site.write_item(6, columns=["ysqgk"], disclosure_mode="依申请公开", publish_date="2025-04-01 09:00",
                    body="这段正文不对外公开。")


def test_every_feed_is_valid_atom_with_its_metadata(site: SiteFolder) -> None:
    rich_site(site)
    build_ok(site)
    feeds = feed_files(site.out)
    assert feeds == ["feeds/column/fdzdgknr.xml", "feeds/column/gfxwj.xml", "feeds/column/xzxk.xml",
                     "feeds/column/ysqgk.xml", "feeds/column/zcjd.xml", "feeds/latest.xml", "feeds/org/xzf.xml",
                     "feeds/org/xzfb.xml", "feeds/theme/2.xml", "feeds/theme/3.xml", "feeds/theme/4.xml"]
    for rel in feeds:
        parsed = parse(site.out, rel)
        f = parsed.feed
        assert parsed.version == "atom10"
        assert f.title and f.subtitle and f.id == BASE + rel
        assert f.language == "zh-CN"
        links = {link.rel: link.href for link in f.links}
        assert links["self"] == BASE + rel
        assert url_to_file(site.out, BASE, links["alternate"]).is_file(), rel
        assert parsed.entries, rel
        assert f.updated == parsed.entries[0].updated  # newest entry, not build time
        root = ET.parse(site.out / rel).getroot()
        assert root.tag == ATOM + "feed"
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-CN"


def test_entries_link_to_built_pages_newest_first(site: SiteFolder) -> None:
    rich_site(site)
    build_ok(site)
    for rel in feed_files(site.out):
        entries = parse(site.out, rel).entries
        for e in entries:
            assert url_to_file(site.out, BASE, e.link).is_file(), (rel, e.link)
            assert e.published == e.updated
            assert e.published.endswith("+08:00")
            assert e.id.startswith("tag:www.test.gov.cn,2025:/items/")
        stamps = [e.published_parsed for e in entries]
        assert stamps == sorted(stamps, reverse=True), rel
    latest = parse(site.out, "feeds/latest.xml").entries
    assert [e.link for e in latest] == [BASE + f"xxgk/xzfb/2025/{n:05d}.html" for n in (4, 5, 6, 3, 2, 1)]


def test_parent_column_feed_shows_descendants_items(site: SiteFolder) -> None:
    rich_site(site)
    build_ok(site)
    parent = [e.title for e in parse(site.out, "feeds/column/fdzdgknr.xml").entries]
    assert parent == [f"测试县人民政府办公室关于第{n}项工作的通知" for n in (5, 3, 2, 1)]
    assert len(parse(site.out, "feeds/column/xzxk.xml").entries) == 1


def test_entry_fields(site: SiteFolder) -> None:
    rich_site(site)
    build_ok(site)
    by_link = {e.link: e for e in parse(site.out, "feeds/latest.xml").entries}
    four = by_link[BASE + "xxgk/xzfb/2025/00004.html"]
    assert four.id == f"tag:www.test.gov.cn,2025:/items/{OFFICE_CODE}/2025-00004"
    assert four.published == "2025-06-01T10:00:00+08:00"
    assert four.author == "测试县人民政府"
    assert four.author_detail.href == BASE + "xxgk/xzf/"
    assert four.summary == "县政府关于第4项工作的内容概述。"
    assert [(t.term, t.label) for t in four.tags] == [("zcjd", "政策解读"), ("3.1", "国民经济管理、国有资产监管\\宏观经济")]
    five = by_link[BASE + "xxgk/xzfb/2025/00005.html"]
    assert [t.term for t in five.tags] == ["xzxk", "gfxwj", "4"]
    assert five.summary == "正文内容。"  # no 内容概述: the body's text
    six = by_link[BASE + "xxgk/xzfb/2025/00006.html"]
    assert six.summary == six.title  # 依申请公开: the body is not published, so not excerpted


def test_body_excerpt_is_plain_text_and_bounded(site: SiteFolder) -> None:
    long = "很长的一段文字。" * 40
    site.write_item(1, body=f"## 第一部分\n\n这是**加粗**和[链接](https://example.org/)。\n\n- 甲\n- 乙\n\n{long}\n")
    build_ok(site)
    entry = next(e for e in parse(site.out, "feeds/latest.xml").entries if e.link.endswith("00001.html"))
    assert entry.summary.startswith("第一部分 这是加粗和链接。 甲 乙 很长的一段文字。")
    assert entry.summary.endswith("…") and len(entry.summary) == 161
    assert "<" not in entry.summary and "**" not in entry.summary


def test_control_characters_are_stripped_and_markup_escaped(site: SiteFolder) -> None:
    site.write_item(7, title="关于\x0b<script>alert(1)</script>&通知\x1f", summary="概述\x0b含<b>标签</b>&amp;符号\x1f。",
                    publish_date="2025-07-01 09:00")
    build_ok(site)
    for rel in feed_files(site.out):
        raw = (site.out / rel).read_bytes()
        assert b"\x0b" not in raw and b"\x1f" not in raw
        assert b"<script>" not in raw and b"<b>" not in raw
        parse(site.out, rel)  # bozo-free
    entry = parse(site.out, "feeds/latest.xml").entries[0]
    root = ET.parse(site.out / "feeds/latest.xml").getroot()
    first = root.find(ATOM + "entry")
    assert first is not None
    assert first.findtext(ATOM + "title") == "关于<script>alert(1)</script>&通知"
    assert first.findtext(ATOM + "summary") == "概述含<b>标签</b>&amp;符号。"
    assert entry.link.endswith("00007.html")


def test_org_feed_and_theme_feed_select_their_items(site: SiteFolder) -> None:
    rich_site(site)
    build_ok(site)
    assert [e.link[-10:] for e in parse(site.out, "feeds/org/xzf.xml").entries] == ["00004.html"]
    assert {e.link[-10:] for e in parse(site.out, "feeds/theme/2.xml").entries} == {"00001.html", "00002.html", "00003.html", "00006.html"}
    assert parse(site.out, "feeds/theme/3.xml").feed.title == "测试县人民政府 主题分类：国民经济管理、国有资产监管"


def test_feed_holds_at_most_feed_size_entries(site: SiteFolder, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from govsite.feeds import catalog

    monkeypatch.setattr(catalog, "FEED_SIZE", 2)
    build_ok(site)
    entries = parse(site.out, "feeds/latest.xml").entries
    assert [e.link[-10:] for e in entries] == ["00003.html", "00002.html"]
    assert "最近 2 条" in site.read_out("subscribe/index.html")


def test_empty_site_still_has_a_valid_site_wide_feed(site: SiteFolder) -> None:
    for n in (1, 2, 3):
        (site.root / f"content/items/xzfb/2025/{n:05d}.md").unlink()
    build_ok(site)
    assert feed_files(site.out) == ["feeds/latest.xml"]
    parsed = parse(site.out, "feeds/latest.xml")
    assert parsed.entries == [] and parsed.feed.updated == "1970-01-01T08:00:00+08:00"
    assert parsed.feed.author == "测试县人民政府"
