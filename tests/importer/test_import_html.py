"""Legacy HTML bodies → Markdown: fixtures, sanitising, and the text-never-lost property."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup, Comment

from govsite.importer.html2md import html_to_markdown
from govsite.markdown import inspect_markdown, render_markdown

from importer_helpers import FIXTURES

HTML_DIR = FIXTURES / "html"
CASES = sorted(p.stem for p in HTML_DIR.glob("*.html"))
BASE = "http://www.old.gov.cn/xxgk/2019/01/t20190127_1.html"
INVISIBLE = ["script", "style", "noscript", "template", "title", "head", "xml", "iframe", "object", "embed", "svg",
             "math", "select", "textarea", "button"]
CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3001-\u303f\uff01-\uff5e\u201c\u201d\u2018\u2019\u2026\u2014]+")

SNIPPETS = [
    "<p>　　第一段。<br>　　第二段<span>继续</span>。</p>",
    "<table><tr><td rowspan=3>类别</td><td>甲</td></tr><tr><td>乙</td></tr><tr><td>丙</td></tr></table>",
    "<div><table><tr><td><table><tr><td>内表</td><td>数据</td></tr></table></td></tr></table></div>",
    "<p><b>“加粗”</b>后文<i>斜体</i>。<strong>（一）</strong>项目</p>",
    "<font face=宋体 size=3><center>居中标题</center></font>正文<o:p>&nbsp;</o:p>结束",
    "<ul><li>一<ul><li>二</li></ul></li></ul><p>|竖线|和*星号*</p>",
    "<p>A&amp;copy;与&lt;script&gt;不是标签</p>",
]


def visible_cjk_runs(html: str) -> list[str]:
    """CJK runs of every visible text node of ``html`` (whitespace removed)."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(INVISIBLE):
        tag.decompose()
    runs: list[str] = []
    for node in soup.find_all(string=True):
        if isinstance(node, Comment):
            continue
        text = re.sub(r"[\s\u3000]+", "", str(node))
        runs += CJK_RUN.findall(text)
    return runs


def visible_text_nodes(html: str) -> list[str]:
    """Every visible text node of ``html``, whitespace removed."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(INVISIBLE):
        tag.decompose()
    nodes = (re.sub(r"\s+", "", str(n)) for n in soup.find_all(string=True) if not isinstance(n, Comment))
    return [n for n in nodes if n]


def assert_text_kept(html: str, md: str) -> None:
    """Every CJK run of the source is in the Markdown, and every text node is in the rendered page."""
    flat = re.sub(r"[\s\u3000]+", "", md)
    missing = [run for run in visible_cjk_runs(html) if run not in flat]
    assert not missing, f"text lost: {missing}"
    rendered = re.sub(r"\s+", "", BeautifulSoup(render_markdown(md).html, "html.parser").get_text())
    missing = [node for node in visible_text_nodes(html) if node not in rendered]
    assert not missing, f"text lost in the rendered page: {missing}"


@pytest.mark.parametrize("name", CASES)
def test_fixture(name: str) -> None:
    html = (HTML_DIR / f"{name}.html").read_text(encoding="utf-8")
    expected = (HTML_DIR / f"{name}.md").read_text(encoding="utf-8")
    assert html_to_markdown(html, BASE) == expected


@pytest.mark.parametrize("name", CASES)
def test_fixture_text_never_lost(name: str) -> None:
    html = (HTML_DIR / f"{name}.html").read_text(encoding="utf-8")
    assert_text_kept(html, html_to_markdown(html, BASE))


@pytest.mark.parametrize("html", SNIPPETS)
def test_snippet_text_never_lost(html: str) -> None:
    assert_text_kept(html, html_to_markdown(html))


@pytest.mark.parametrize("name", CASES)
def test_output_renders_cleanly(name: str) -> None:
    md = html_to_markdown((HTML_DIR / f"{name}.html").read_text(encoding="utf-8"), BASE)
    assert inspect_markdown(md).images_without_alt == []
    html = render_markdown(md).html
    assert "**" not in html, "emphasis that CommonMark cannot parse must not be emitted"
    assert "\u3000\u3000" not in md
    assert "\n\n\n" not in md and not re.search(r"[ \t]+$", md, re.M)


def test_xss_is_removed() -> None:
    md = html_to_markdown((HTML_DIR / "xss.html").read_text(encoding="utf-8"), BASE)
    lowered = md.lower()
    for bad in ("script", "javascript:", "vbscript:", "onerror", "onclick", "onload", "onmouseover", "alert",
                "iframe", "evil.example", "data:image", "<"):
        assert bad not in lowered, bad
    assert "恶意内容" not in md and "不可见" not in md and "注释内容" not in md
    rendered = render_markdown(md).html
    assert "<script" not in rendered and "javascript:" not in rendered
    assert "[正常链接](http://www.example.gov.cn/a.html)" in md


@pytest.mark.parametrize(
    "html",
    [
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JAVASCRIPT:alert(1)">x</a>',
        '<a href="java\tscript:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<img src="javascript:alert(1)" alt="x">',
        '<img src=x onerror="alert(1)">',
        '<p style="x:expression(alert(1))" onclick="alert(1)">x</p>',
        '<svg><script>alert(1)</script></svg>',
        '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    ],
)
def test_xss_vectors(html: str) -> None:
    md = html_to_markdown(html)
    assert "javascript" not in md.lower() and "alert" not in md.lower() and "onerror" not in md.lower()


def test_broken_markup_does_not_become_a_script() -> None:
    md = html_to_markdown("<scr<script>ipt>alert(1)</script><p>正文</p>")
    assert "<script" not in render_markdown(md).html
    assert "<script" not in render_markdown(md, allow_html=True).html


def test_images_get_alt_text_and_absolute_urls() -> None:
    md = html_to_markdown('<p><img src="a.png"><img src="/b.png" title="示意图"><img src="c.png" alt=" 原有 "></p>'
                          '<img src="d.png" alt="">', BASE)
    assert "![请填写图片说明](http://www.old.gov.cn/xxgk/2019/01/a.png)" in md
    assert "![示意图](http://www.old.gov.cn/b.png)" in md
    assert "![原有](http://www.old.gov.cn/xxgk/2019/01/c.png)" in md
    assert "![请填写图片说明](http://www.old.gov.cn/xxgk/2019/01/d.png)" in md  # no made-up 图片4: check asks for it


def test_relative_urls_kept_without_base_and_spaces_use_angle_brackets() -> None:
    md = html_to_markdown('<a href="files/附件 1.doc">附件1</a><img src="x (1).png">')
    assert "[附件1](<files/附件 1.doc>)" in md
    assert "![请填写图片说明](<x (1).png>)" in md
    assert 'href="files/%E9%99%84%E4%BB%B6%201.doc"' in render_markdown(md).html


def test_leading_fullwidth_indentation_is_stripped() -> None:
    md = html_to_markdown("<p>　　第一段</p><p>&nbsp;&nbsp;&nbsp;&nbsp;第二段</p><p>　 　第三段　中间　保留</p>")
    assert md == "第一段\n\n第二段\n\n第三段　中间　保留\n"


def test_br_runs_become_paragraph_breaks() -> None:
    assert html_to_markdown("<p>甲<br>乙<br><br><br>丙</p>") == "甲\n\n乙\n\n丙\n"
    assert html_to_markdown("<ul><li>甲<br>乙</li></ul>") == "- 甲\\\n  乙\n"


def test_table_spans_are_flattened() -> None:
    html = ("<table><tr><td colspan=3>表题</td></tr>"
            "<tr><td rowspan=2>甲</td><td colspan=2>乙</td></tr>"
            "<tr><td>丙</td><td>丁</td></tr>"
            "<tr><td>戊</td><td>己</td><td>庚</td></tr>"
            "<tr><td colspan=3>注：备注</td></tr></table>")
    assert html_to_markdown(html) == (
        "表题\n\n"
        "| 甲 | 乙 |  |\n"
        "| --- | --- | --- |\n"
        "| 甲 | 丙 | 丁 |\n"
        "| 戊 | 己 | 庚 |\n\n"
        "注：备注\n"
    )


def test_layout_tables_are_unwrapped() -> None:
    html = "<table><tr><td>第一块</td></tr><tr><td>第二块<table><tr><td>甲</td><td>乙</td></tr></table></td></tr></table>"
    assert html_to_markdown(html) == "第一块\n\n第二块\n\n| 甲 | 乙 |\n| --- | --- |\n"


def test_ragged_rows_and_cell_content() -> None:
    html = "<table><tr><th>名称</th><th>说明</th><th>备注</th></tr><tr><td><p>甲</p><p>A|B</p></td><td>乙<br>丙</td></tr></table>"
    md = html_to_markdown(html)
    assert md == "| 名称 | 说明 | 备注 |\n| --- | --- | --- |\n| 甲 A\\|B | 乙 丙 |  |\n"
    assert "<td>甲 A|B</td>" in render_markdown(md).html


def test_emphasis_only_where_commonmark_parses_it() -> None:
    assert html_to_markdown("<p><b>一、总体要求</b></p>") == "**一、总体要求**\n"
    assert html_to_markdown("<p>执行<b>“24小时”</b>值班</p>") == "执行“24小时”值班\n"
    assert html_to_markdown("<p>执行<b>重点</b>工作</p>") == "执行**重点**工作\n"
    assert html_to_markdown("<p><b>一</b><b>二</b></p>") == "**一二**\n"
    assert html_to_markdown("<h2><b>标题</b></h2>") == "## 标题\n"


def test_markdown_specials_in_text_stay_text() -> None:
    md = html_to_markdown("<p>A&amp;copy; &lt;b&gt;x&lt;/b&gt; 2*3_4</p>")
    rendered = render_markdown(md).html
    assert "A&amp;copy; &lt;b&gt;x&lt;/b&gt; 2*3_4" in rendered


def test_empty_and_whitespace_only_html() -> None:
    assert html_to_markdown("") == ""
    assert html_to_markdown("<p>&nbsp;</p><p>　　</p><script>x</script>") == ""


def test_line_start_markers_stay_text() -> None:
    html = "<p>1. 第一</p><p># 标题</p><p>- 列表</p><p>>引用</p><h2># </h2><h3>　　</h3><p>　　2) 项</p>"
    md = html_to_markdown(html)
    rendered = render_markdown(md).html
    for tag in ("<ol", "<ul", "<h1", "<blockquote"):
        assert tag not in rendered
    assert '<h2 id="section">#</h2>' in rendered
    assert "<h3" not in rendered  # an empty heading is dropped, not kept as "###"
    for text in ("1. 第一", "# 标题", "- 列表", "&gt;引用", "2) 项"):
        assert text in rendered
