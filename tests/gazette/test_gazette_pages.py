"""What a citizen sees in the gazette archive: home, coverage, year, issue and article pages."""
from __future__ import annotations

import hashlib
import re

import pytest

from govsite.pipeline.build import build
from tests.conftest import OFFICE_CODE, SiteFolder
from tests.gazette.gazette_helpers import write_article, write_gazette, write_issue

PDF = b"%PDF-1.4\n" + b"x" * 3000


@pytest.fixture
def gsite(site: SiteFolder) -> SiteFolder:
    site.write_item(1, genre="规范性文件", title="测试县人民政府办公室关于印发规范性文件的通知",
                    body="## 第一条\n\n这是信息公开目录中的唯一正文。\n")
    site.write_item(8, columns=["zcjd"], genre="解读", interprets=f"{OFFICE_CODE}/2025-00001", doc_no=None,
                    title="规范性文件的政策解读", publish_date="2025-03-04 10:00")
    write_gazette(site, first_year=2025, sections=["县政府文件", "县政府办公室文件", "部门文件"])
    for n in range(1, 5):
        folder = write_issue(site, 2025, n, f"2025-{n:02d}-20", cumulative_number=n, volume=1)
        write_article(site, folder, 1, "县政府文件正文。\n", doc_no=f"测政发〔2025〕{n}号", issuer="xzf", pages="2-3",
                      written_date=f"2025-{n:02d}-10")
        write_article(site, folder, 2, "部门文件正文。\n", section="部门文件", pages="4")
    write_article(site, "content/gazette/2025/04", 3, "## 第一条\n\n规章正文。\n", title="测试县城市道路管理办法",
                  genre="规章", doc_no="测试县人民政府令第1号", issuer="xzf", pages="5-8", written_date="2025-04-10")
    site.write("content/gazette/2025/03/gb202503.pdf", PDF)
    issue3 = "content/gazette/2025/03/issue.yaml"
    site.write(issue3, (site.root / issue3).read_text(encoding="utf-8") + "pdf: gazette/2025/03/gb202503.pdf\n")
    write_article(site, "content/gazette/2025/03", 3, section="县政府办公室文件", title="测试县人民政府办公室关于印发规范性文件的通知",
                  item=f"{OFFICE_CODE}/2025-00001", genre="规范性文件", pages="5-6")
    scan = write_issue(site, 2025, 5, "2025-05-20", scan_only=True, pdf="gazette/2025/05/scan.pdf")
    site.write("content/gazette/2025/05/scan.pdf", PDF)
    write_article(site, scan, 1, "", text_source="none", pages="3-4", title="扫描期的文章")
    special = write_issue(site, 2025, 1, "2025-04-25", special=True)
    write_article(site, special, 1, "增刊正文。\n")
    result = build(site.root)
    assert result.ok, [p.format() for p in result.problems.items]
    return site


def test_gazette_home_shows_latest_issue_and_years(gsite: SiteFolder) -> None:
    html = gsite.read_out("zfgb/index.html")
    assert "<h1>《测试县人民政府公报》</h1>" in html
    assert re.search(r'最新一期：<a href="2025/05/">2025年第5期</a>', html)
    assert '<a href="2025/">2025年</a>（6 期）' in html
    assert '<a href="coverage.html">查看收录情况说明</a>' in html
    assert "政府公报</a></li>" in gsite.read_out("index.html"), "main navigation links the gazette"


def test_year_page_lists_every_issue_with_pdf(gsite: SiteFolder) -> None:
    html = gsite.read_out("zfgb/2025/index.html")
    rows = re.findall(r'<th scope="row"><a href="([^"]+)">([^<]+)</a>', html)
    assert [label for _u, label in rows] == ["2025年第1期", "2025年第2期", "2025年第3期", "2025年第4期", "2025年增刊第1期", "2025年第5期"]
    assert '<a href="03/gb202503.pdf">2025年第3期PDF</a>（PDF，3 KB）' in html


def test_issue_page_toc_pdf_checksum_and_neighbours(gsite: SiteFolder) -> None:
    html = gsite.read_out("zfgb/2025/03/index.html")
    assert "<h1>《测试县人民政府公报》2025年第3期</h1>" in html
    toc = re.search(r'<nav class="toc" aria-labelledby="toc-title">\s*<h2 id="toc-title">本期目录</h2>(.*?)</nav>', html, re.S).group(1)
    assert re.findall(r"<h3>(.*?)</h3>", toc) == ["县政府文件", "县政府办公室文件", "部门文件"]
    assert '<a href="1.html">第1篇文章</a>（测政发〔2025〕3号） <span class="pages">第2-3页</span>' in toc
    assert f"<code>{hashlib.sha256(PDF).hexdigest()}</code>" in html
    assert '<a href="gb202503.pdf">下载2025年第3期整期PDF</a>（PDF，3 KB）' in html
    assert '<a href="../02/" rel="prev">上一期：2025年第2期</a>' in html
    assert '<a href="../04/" rel="next">下一期：2025年第4期</a>' in html
    special = gsite.read_out("zfgb/2025/zk01/index.html")
    assert '<a href="../04/" rel="prev">上一期：2025年第4期</a>' in special
    assert (gsite.out / "zfgb/2025/03/gb202503.pdf").read_bytes() == PDF


def test_article_page_with_own_text(gsite: SiteFolder) -> None:
    html = gsite.read_out("zfgb/2025/02/1.html")
    assert "县政府文件正文。" in html
    assert '<dt>刊登期次</dt><dd><a href="./">《测试县人民政府公报》2025年第2期</a>（县政府文件）</dd>' in html
    assert "<dt>文号</dt><dd>测政发〔2025〕2号</dd>" in html and "<dt>发文机关</dt><dd>测试县人民政府</dd>" in html
    assert "标准文本" not in html


def test_only_a_rule_carries_the_standard_text_note(gsite: SiteFolder) -> None:
    """立法法 (on publishing 规章): the 规章 text in a local government's gazette is the
    标准文本; a 规范性文件 (3.html in issue 3) and other articles carry no such note."""
    rule = gsite.read_out("zfgb/2025/04/3.html")
    note = re.search(r'<p class="note" role="note">(.*?)</p>', rule).group(1)
    assert note == "本文件为规章。根据《中华人民共和国立法法》关于规章公布的规定，在地方人民政府公报上刊登的规章文本为标准文本。"
    for other in ("zfgb/2025/03/3.html", "zfgb/2025/04/1.html", "zfgb/2025/04/2.html"):
        assert "标准文本" not in gsite.read_out(other), other


def test_article_linked_to_item_shows_the_items_text_once(gsite: SiteFolder) -> None:
    art = gsite.read_out("zfgb/2025/03/3.html")
    assert art.count("这是信息公开目录中的唯一正文。") == 1
    assert '<a href="gb202503.pdf#page=5">整期PDF第5-6页</a>' in art
    assert "标准文本" not in art, "a 规范性文件 is not a 标准文本 (立法法 gives that status to 规章)"
    assert '<a href="../../../xxgk/xzfb/2025/00001.html">测试县人民政府办公室关于印发规范性文件的通知</a>' in art
    assert '<a href="../../../xxgk/xzfb/2025/00008.html">规范性文件的政策解读</a>' in art
    item = gsite.read_out("xxgk/xzfb/2025/00001.html")
    assert "<h3>刊登于政府公报</h3>" in item
    assert '<a href="../../../zfgb/2025/03/3.html">《测试县人民政府公报》2025年第3期</a>' in item


def test_scan_only_issue_and_article(gsite: SiteFolder) -> None:
    issue = gsite.read_out("zfgb/2025/05/index.html")
    assert "本期仅有扫描件" in issue and '<span class="tag">仅有扫描件</span>' in issue
    art = gsite.read_out("zfgb/2025/05/1.html")
    assert '<h2 id="scan-title">仅有扫描件</h2>' in art
    assert '<a href="scan.pdf#page=3">2025年第5期扫描版PDF第3-4页</a>' in art
    coverage = gsite.read_out("zfgb/coverage.html")
    assert "仅有扫描件的期次" in coverage and '<a href="2025/05/">2025年第5期</a>' in coverage


def test_permalinks(gsite: SiteFolder) -> None:
    for path in ["zfgb/index.html", "zfgb/coverage.html", "zfgb/2025/index.html", "zfgb/2025/05/index.html",
                 "zfgb/2025/05/1.html", "zfgb/2025/zk01/index.html", "zfgb/2025/zk01/1.html"]:
        assert (gsite.out / path).is_file(), path


def test_article_page_meta_and_one_h1(gsite: SiteFolder) -> None:
    html = gsite.read_out("zfgb/2025/02/1.html")
    assert '<meta name="ColumnName" content="政府公报">' in html
    assert '<meta name="PubDate" content="2025-02-20 00:00">' in html
    assert html.count("<h1>") == 1
