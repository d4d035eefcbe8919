"""What a reader sees on each page type (HTML assertions)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import yaml

from govsite.pipeline.build import build
from tests.conftest import OFFICE_CODE, SiteFolder

CATALOG = {
    "id": "zdjsxm",
    "domain": "重大建设项目",
    "owner": "xzf",
    "levels": ["县级", "乡级"],
    "entries": [
        {"seq": 1, "item_l1": "批准服务信息", "item_l2": "审批结果", "content": "项目名称、审批结果",
         "basis": "《政府信息公开条例》", "time_limit": "信息形成之日起20个工作日内", "subject": "县发展改革局",
         "channels": ["政府网站", "政务服务中心", "其他"], "channels_other": "投资项目在线审批监管平台",
         "audience": ["全社会"], "mode": ["主动"], "level": ["县级"]},
        {"seq": 2, "item_l1": "征收土地信息", "item_l2": "征地公告", "content": "征地公告",
         "basis": "《土地管理法》", "time_limit": "及时公开", "subject": "县自然资源局",
         "channels": ["政府网站"], "audience": ["特定群体"], "mode": ["依申请"], "level": ["县级", "乡级"]},
    ],
}


def idx(n: int, year: int = 2025) -> str:
    return f"{OFFICE_CODE}/{year}-{n:05d}"


@pytest.fixture
def rich_site(site: SiteFolder) -> SiteFolder:
    site.write("content/catalogs/zdjsxm.yaml", yaml.safe_dump(CATALOG, allow_unicode=True, sort_keys=False))
    site.write("content/attachments/2025/fangan.pdf", b"%PDF-1.4\n" + b"0" * 2400)
    site.write_item(1, attachments=[{"file": "attachments/2025/fangan.pdf", "title": "实施方案"}],
                    keywords=["营商环境", "改革"], summary="印发实施方案。", catalog_entry="zdjsxm#1", stage="决策",
                    effective_date="2025-04-01", body="## 一、总体要求\n\n正文第一段。\n")
    site.write_item(2, validity="废止", expiry_date="2025-06-30", superseded_by=idx(3))
    site.write_item(3, title="测试县人民政府办公室关于第3项工作的通知（修订）")
    site.write_item(8, columns=["zcjd"], genre="解读", interprets=idx(1), title="《第1项工作的通知》政策解读", doc_no=None,
                    publish_date="2025-03-04 10:00")
    for n in range(20, 45):
        site.write_item(n, publish_date=f"2025-0{4 + n % 5}-{(n % 27) + 1:02d} 09:00")
    result = build(site.root)
    assert result.ok, [p.format() for p in result.problems.items]
    return site


def test_item_page_metadata_summary_list(rich_site: SiteFolder) -> None:
    html = rich_site.read_out("xxgk/xzfb/2025/00001.html")
    dl = re.search(r'<dl class="summary-list">(.*?)</dl>', html, re.S).group(1)
    pairs = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", dl, re.S))
    assert pairs["索引号"] == idx(1)
    assert pairs["主题分类"] == "综合政务\\政务公开"
    assert "测试县人民政府办公室" in pairs["发布机构"]
    assert pairs["体裁"] == "通知"
    assert "2025-03-01" in pairs["成文日期"]
    assert "2025-03-03" in pairs["发布日期"]
    assert pairs["文号"] == "测政办发〔2025〕1号"
    assert pairs["公开方式"] == "主动公开"
    assert pairs["有效性"] == "有效"
    assert "2025-04-01" in pairs["生效日期"]
    assert pairs["关键词"] == "营商环境、改革"
    assert pairs["内容概述"] == "印发实施方案。"
    assert pairs["五公开"] == "决策公开"
    assert "重大建设项目" in pairs["标准目录"]
    assert "行政法规、规章和规范性文件" in pairs["所属栏目"]


def test_item_page_body_attachments_and_interpretations(rich_site: SiteFolder) -> None:
    html = rich_site.read_out("xxgk/xzfb/2025/00001.html")
    assert '<h2 id="一总体要求">一、总体要求</h2>' in html
    assert re.search(r'<a href="../../../files/attachments/2025/fangan.pdf" download>附件1：实施方案</a>（PDF，2 KB）', html)
    assert re.search(r'<h3>政策解读</h3>\s*<ul>\s*<li><a href="00008.html">《第1项工作的通知》政策解读</a>', html)
    interp = rich_site.read_out("xxgk/xzfb/2025/00008.html")
    assert '解读的文件：<a href="00001.html">测试县人民政府办公室关于第1项工作的通知</a>' in interp


def test_repealed_item_banner_names_date_and_successor(rich_site: SiteFolder) -> None:
    html = rich_site.read_out("xxgk/xzfb/2025/00002.html")
    banner = re.search(r'<section class="notice-banner" role="region" aria-labelledby="validity-title">(.*?)</section>', html, re.S)
    assert banner, "a 废止 item shows a banner region"
    text = banner.group(1)
    assert "本文件已废止" in text
    assert "2025年6月30日" in text
    assert '<a href="00003.html">测试县人民政府办公室关于第3项工作的通知（修订）</a>' in text
    successor = rich_site.read_out("xxgk/xzfb/2025/00003.html")
    assert "本文件替代的文件" in successor and "notice-banner" not in successor


def test_item_page_breadcrumb_canonical_and_meta_tags(rich_site: SiteFolder) -> None:
    html = rich_site.read_out("xxgk/xzfb/2025/00001.html")
    crumbs = re.search(r'<nav class="breadcrumbs container" aria-label="当前位置">(.*?)</nav>', html, re.S).group(1)
    assert re.findall(r">([^<]+)</a>", crumbs) == ["首页", "政府信息公开", "法定主动公开内容", "行政法规、规章和规范性文件",
                                                   "测试县人民政府办公室关于第1项工作的通知"]
    assert crumbs.count('aria-current="page"') == 1
    assert '<link rel="canonical" href="https://www.test.gov.cn/xxgk/xzfb/2025/00001.html">' in html
    meta = dict(re.findall(r'<meta name="(\w+)" content="([^"]*)">', html))
    meta.pop("viewport")
    assert meta == {
        "SiteName": "测试县人民政府",
        "SiteDomain": "www.test.gov.cn",
        "SiteIDCode": "9999990002",
        "ColumnName": "行政法规、规章和规范性文件",
        "ColumnType": "政策文件",
        "ArticleTitle": "测试县人民政府办公室关于第1项工作的通知",
        "PubDate": "2025-03-03 09:00",
        "ContentSource": "测试县人民政府办公室",
        "Keywords": "营商环境,改革",
        "Description": "印发实施方案。",
    }


def test_listing_is_paginated_newest_first_with_rel_links(rich_site: SiteFolder) -> None:
    first = rich_site.read_out("xxgk/gfxwj/index.html")
    second = rich_site.read_out("xxgk/gfxwj/index_2.html")
    rows = re.findall(r"<tr>\s*<td><a href=\"[^\"]+\">(.*?)</a>.*?</td>\s*<td>(.*?)</td>\s*<td><time datetime=\"([\d-]+)\"", first, re.S)
    assert len(rows) == 20
    dates = [r[2] for r in rows]
    assert dates == sorted(dates, reverse=True)
    assert all(r[1].startswith("测政办发〔2025〕") for r in rows)
    assert '<link rel="next" href="index_2.html">' in first and 'rel="prev"' not in first
    assert '<link rel="prev" href="./">' in second
    assert '<nav class="pagination" aria-label="分页">' in first
    assert 'aria-current="page" aria-label="第1页，当前页"' in first
    total = len(re.findall(r"<tr>\s*<td><a", second))
    assert 20 + total == 4 + 25 - 1  # all gfxwj items: 1,2,3 + 25 extra (00008 is in zcjd)


def test_org_theme_and_year_listings(rich_site: SiteFolder) -> None:
    org = rich_site.read_out("xxgk/xzfb/index.html")
    assert "<h1>测试县人民政府办公室</h1>" in org
    assert "测试县人民政府办公室公开信息列表" in org
    parent = rich_site.read_out("xxgk/xzf/index.html")
    assert '<a href="../xzfb/">测试县人民政府办公室</a>' in parent
    theme = rich_site.read_out("xxgk/theme/2/index.html")
    assert "<h1>主题分类：综合政务</h1>" in theme
    year = rich_site.read_out("xxgk/year/2025/index.html")
    assert "<h1>2025年发布的信息</h1>" in year


def test_standard_catalog_table(rich_site: SiteFolder) -> None:
    html = rich_site.read_out("xxgk/catalog/zdjsxm/index.html")
    assert "<caption>重大建设项目领域基层政务公开标准目录</caption>" in html
    row1 = re.search(r'<tr id="entry-1">(.*?)</tr>', html, re.S).group(1)
    assert "<span>■政府网站</span>" in row1 and "<span>□政府公报</span>" in row1
    assert "<span>■其他：投资项目在线审批监管平台</span>" in row1
    cells = re.findall(r"<td>(.*?)</td>", row1, re.S)  # the channels cell has a class, so is skipped
    assert cells[6:12] == ["√", "", "√", "", "√", ""]  # 全社会 特定群体 主动 依申请 县级 乡级
    assert "测试县人民政府办公室关于第1项工作的通知" in cells[12]
    row2 = re.search(r'<tr id="entry-2">(.*?)</tr>', html, re.S).group(1)
    assert re.findall(r"<td>(.*?)</td>", row2, re.S)[6:12] == ["", "√", "", "√", "√", "√"]
    assert '<th scope="col">一级事项</th>' in html


def test_home_page_has_latest_column_tree_and_search_form(rich_site: SiteFolder) -> None:
    html = rich_site.read_out("index.html")
    assert re.search(r'<form class="search-form" role="search" action="search/" method="get">', html)
    assert '<label for="site-search">站内搜索</label>' in html
    assert "最新信息" in html and "政府信息公开目录" in html
    assert html.count('<ul class="column-tree">') >= 2


def test_guide_page_rendered_from_markdown(rich_site: SiteFolder) -> None:
    html = rich_site.read_out("xxgk/xxgkzn/index.html")
    assert "<h1>政府信息公开指南</h1>" in html and "指南正文。" in html


def test_footer_identity_and_404(rich_site: SiteFolder) -> None:
    html = rich_site.read_out("404.html")
    assert "主办单位：测试县人民政府办公室" in html
    assert "网站标识码：9999990002" in html
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">测ICP备00000002号-1</a>' in html
    assert ('<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=99999902000002" rel="noopener">'
            "测公网安备 99999902000002号</a>") in html
    assert "<h1>页面未找到</h1>" in html


def test_no_page_needs_javascript_or_external_requests(rich_site: SiteFolder) -> None:
    for path in rich_site.out.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        # Every page loads the 关怀版 switch from this site, deferred: an enhancement only
        # (without it the #care link still works; tests/a11y/test_care.py).
        scripts = re.findall(r'<script src="([^"]+)"( defer)?', html)
        care = [s for s in scripts if s[0].endswith("assets/care.js")]
        assert care == ([] if 'http-equiv="refresh"' in html else [(care[0][0], " defer")]), path
        others = [src for src, _defer in scripts if not src.endswith("assets/care.js")]
        if path == rich_site.out / "search/index.html":
            # The one page that needs JavaScript: its search engine and list, from this site
            # (they load Pagefind's JS API from pagefind/).
            assert others == ["../assets/search-engine.js", "../assets/search.js"]
        else:
            assert others == [] and html.count("<script") == 1, path
        for ref in re.findall(r'(?:src|href)="(https?://[^"]+)"', html):
            assert ref.startswith(("https://www.test.gov.cn/", "https://beian.miit.gov.cn/", "http://www.beian.gov.cn/")), ref
        assert 'rel="stylesheet" href="http' not in html


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []

    def handle_starttag(self, tag: str, attrs) -> None:  # type: ignore[no-untyped-def]
        if re.fullmatch(r"h[1-6]", tag):
            self.levels.append(int(tag[1]))


def test_every_page_has_one_h1_and_headings_in_order(rich_site: SiteFolder) -> None:
    for path in rich_site.out.rglob("*.html"):
        parser = _Headings()
        parser.feed(path.read_text(encoding="utf-8"))
        assert parser.levels.count(1) == 1, path
        assert parser.levels[0] == 1, path
        for a, b in zip(parser.levels, parser.levels[1:]):
            assert b <= a + 1, f"{path}: h{a} followed by h{b}"


def test_on_request_item_lists_metadata_but_not_the_text(site: SiteFolder) -> None:
    site.write_item(5, disclosure_mode="依申请公开", body="这段正文只提供给申请人。")
    assert build(site.root).ok
    html = site.read_out("xxgk/xzfb/2025/00005.html")
    assert "这段正文只提供给申请人。" not in html
    assert "<dt>公开方式</dt><dd>依申请公开</dd>" in html
    assert re.search(r'按照<a href="../../ysqgk/">依申请公开</a>的说明向测试县人民政府办公室提出申请，并注明索引号 '
                     + re.escape(idx(5)), html)
    assert "（此件公开发布）" not in html
