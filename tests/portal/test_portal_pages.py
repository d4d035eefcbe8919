"""The portal's pages as a reader sees them: the combined latest items and feed, the
listings by member, column and 主题分类 linking to each county's own pages, the
"never stale" dashboard naming the stale county and its stale columns, the merged
(撤并) member, and the build's warnings."""
from __future__ import annotations

import re
from html import unescape

import feedparser

from tests.conftest import tree
from tests.portal.portal_helpers import govsite


def text(html: str) -> str:
    main = html[html.index("<main"): html.index("</main>")]
    spaced = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", main)))
    return re.sub(r"\s*([：，；、（）])\s*", r"\1", spaced)


def links(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'<a href="([^"]*)"', html[html.index("<main"): html.index("</main>")])]


def test_latest_items_of_every_county_link_to_their_own_pages(province) -> None:  # type: ignore[no-untyped-def]
    html = province.read("portal/index.html")
    shown = text(html)
    assert shown.index("西岭县财政局关于公开二〇二六年县级预算的公告") < shown.index("东城县人民政府关于推进智慧农业发展的实施意见")
    assert "南山县教育局关于义务教育学校招生入学工作的通知" in shown
    item_links = [h for h in links(html) if h.endswith(".html") and "/xxgk/" in h]
    assert len(item_links) == 7
    for href in item_links:  # each is the county's own page, served by the county's site, never a copy on the portal
        assert re.match(rf"{province.origin}/(dongcheng|xiling|nanshan)/xxgk/", href), href
        assert (province.served / href[len(province.origin) + 1:]).is_file()
    assert not list((province.served / "portal").rglob("xxgk/*/2026/*.html"))


def test_the_feed_lists_the_counties_items(province) -> None:  # type: ignore[no-untyped-def]
    feed = feedparser.parse((province.served / "portal/feeds/portal.xml").read_bytes())
    assert not feed.bozo
    assert feed.feed.title == "示例市政府信息公开平台：最新信息"
    assert [e.title for e in feed.entries][:2] == ["西岭县财政局关于公开二〇二六年县级预算的公告",
                                                   "东城县人民政府关于推进智慧农业发展的实施意见"]
    assert all(e.link.startswith(province.origin + "/") and "/portal/" not in e.link for e in feed.entries)


def test_listings_by_member_column_and_theme_link_to_the_counties_pages(province) -> None:  # type: ignore[no-untyped-def]
    members = province.read("portal/members/index.html")
    assert f"{province.origin}/xiling/xxgk/czzj/" in links(members)
    column = province.read("portal/columns/gfxwj/index.html")
    assert text(column).count("行政法规、规章和规范性文件") >= 3
    assert {f"{province.origin}/{c}/xxgk/gfxwj/" for c in ("dongcheng", "xiling", "nanshan")} <= set(links(column))
    assert "南山县人民政府 行政法规、规章和规范性文件 未按期更新" in text(column)
    theme = province.read("portal/themes/2/index.html")
    assert f"{province.origin}/nanshan/xxgk/theme/2/" in links(theme)
    assert "综合政务" in text(province.read("portal/themes/index.html"))


def test_the_dashboard_names_the_stale_county_and_its_stale_columns(province) -> None:  # type: ignore[no-untyped-def]
    shown = text(province.read("portal/dashboard/index.html"))
    stale = shown[shown.index("南山县人民政府：未按期更新"): shown.index("北乡县人民政府：已撤并")]
    assert "行政法规、规章和规范性文件：最新信息 2025年1月15日，已 674 天，超过更新周期 183 天" in stale
    assert "社会保障、促进就业等方面的政策：最新信息 2025年3月1日，已 629 天，超过更新周期 183 天" in stale
    assert "最近构建 2026年6月1日（172 天前，超过 7 天未重新构建）" in stale
    assert "首页已 629 天未更新" in stale
    fresh = shown[shown.index("东城县人民政府：正常"): shown.index("西岭县人民政府：")]
    assert "未按期更新的栏目 无" in fresh and "本地副本 已读取其发布的输出" in fresh
    assert "上次同步 由本机其他方式更新（未设同步来源 sync_from）" in fresh
    assert "东城县人民政府公报：自 2026 年起在线 3 期；缺 1 期（2026年第3期）" in fresh
    assert "空白栏目 财政预算、决算信息" in fresh
    assert "西岭县人民政府：正常" in shown and "政府公报 未开设" in shown


def test_a_merged_member_is_shown_as_merged_into_its_successor(province) -> None:  # type: ignore[no-untyped-def]
    members = province.read("portal/members/index.html")
    assert "已撤并：于 2025年6月30日 并入 东城县人民政府" in text(members)
    assert f"{province.origin}/dongcheng/" in links(members)
    assert "北乡县人民政府：已撤并" in text(province.read("portal/dashboard/index.html"))


def test_the_build_warns_about_the_stale_county(province) -> None:  # type: ignore[no-untyped-def]
    out = province.build_output
    assert "W-PORTAL-MEMBER-STALE: 成员网站 南山县人民政府：2 个栏目未按期更新" in out
    assert "W-PORTAL-STALE-BUILD [built]: 成员网站 南山县人民政府：最近一次构建在 2026-06-01" in out
    assert "成员网站 东城县人民政府" not in out and "成员网站 西岭县人民政府" not in out


def test_the_same_members_give_the_same_portal(province, tmp_path) -> None:  # type: ignore[no-untyped-def]
    again = tmp_path / "again"
    done = govsite("build", "--site", str(province.served.parent / "portal-site"), "--out", str(again))
    assert done.returncode == 0, done.stdout + done.stderr
    first, second = tree(province.served / "portal"), tree(again)
    assert first == second
