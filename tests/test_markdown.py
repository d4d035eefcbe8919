"""Markdown bodies: golden fixtures, XSS safety, heading ids and levels, accessible tables.

Fixtures live in tests/fixtures/markdown/ as pairs ``NAME.md`` → ``NAME.html``. Files named
``allowhtml-*.md`` are rendered with ``allow_html=True`` (raw HTML sanitised by nh3); all others
with the default (raw HTML shown as text). After an intended rendering change, rewrite the
expected files with ``GOVSITE_REGEN_FIXTURES=1 python -m pytest tests/test_markdown.py`` and
review the diff.
"""
from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from govsite.markdown import body_links, heading_ids, inspect_markdown, render_markdown, slugify

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "markdown"
CASES = sorted(p.stem for p in FIXTURES.glob("*.md"))


def _render_fixture(name: str) -> str:
    source = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
    return render_markdown(source, allow_html=name.startswith("allowhtml-")).html


def test_fixture_pairs_are_complete() -> None:
    assert len(CASES) >= 10
    for name in CASES:
        assert (FIXTURES / f"{name}.html").is_file() or os.environ.get("GOVSITE_REGEN_FIXTURES"), name
    assert {p.stem for p in FIXTURES.glob("*.html")} == set(CASES)


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str) -> None:
    html = _render_fixture(name)
    expected_file = FIXTURES / f"{name}.html"
    if os.environ.get("GOVSITE_REGEN_FIXTURES"):
        expected_file.write_text(html, encoding="utf-8")
    assert html == expected_file.read_text(encoding="utf-8")


# --- XSS: checked structurally over every fixture, not only by string comparison --------------

class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.tags


DANGEROUS_TAGS = {"script", "style", "iframe", "object", "embed", "svg", "math", "form", "input", "link", "meta", "base"}


@pytest.mark.parametrize("name", CASES)
def test_no_active_content_in_any_fixture(name: str) -> None:
    for tag, attrs in _tags(_render_fixture(name)):
        assert tag not in DANGEROUS_TAGS, (name, tag)
        for attr, value in attrs.items():
            assert not attr.startswith("on"), (name, tag, attr)
            if attr == "style":          # only the renderer's own table alignment
                assert tag in ("th", "td") and re.fullmatch(r"text-align:(left|right|center)", value or ""), (name, value)
            if attr in ("href", "src") and value:
                scheme = re.sub(r"[\s\x00-\x1f]", "", value).lower().split(":", 1)
                assert len(scheme) == 1 or scheme[0] in ("http", "https", "mailto", "tel"), (name, tag, value)


def test_script_is_escaped_when_html_is_off() -> None:
    html = render_markdown("<script>alert(1)</script>\n\n段落<script>x</script>\n").html
    assert "<script" not in html
    assert html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>段落&lt;script&gt;x&lt;/script&gt;</p>\n"


def test_script_is_removed_when_html_is_allowed() -> None:
    html = render_markdown("<script>alert(1)</script>\n\n段落<script>x</script>文字\n", allow_html=True).html
    assert "script" not in html and "alert" not in html
    assert "<p>段落文字</p>" in html


@pytest.mark.parametrize("allow_html", [False, True])
@pytest.mark.parametrize("href", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "java&#115;cript:alert(1)",
                                  "vbscript:x", "data:text/html,x", " javascript:alert(1)"])
def test_dangerous_markdown_links_are_not_links(href: str, allow_html: bool) -> None:
    html = render_markdown(f"[点击]({href})\n", allow_html=allow_html).html
    assert "<a" not in html


def test_onerror_is_escaped_when_html_is_off() -> None:
    html = render_markdown('<img src=x onerror="alert(1)">\n').html
    assert html == "<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>\n"


def test_onerror_and_javascript_href_are_stripped_when_html_is_allowed() -> None:
    html = render_markdown('<img src="a.png" alt="图" onerror="alert(1)">\n\n<a href="javascript:alert(1)">x</a>\n',
                           allow_html=True).html
    assert "onerror" not in html and "javascript" not in html
    assert '<img src="a.png" alt="图">' in html


def test_raw_html_is_off_by_default() -> None:
    assert render_markdown("<b>粗</b>\n").html == "<p>&lt;b&gt;粗&lt;/b&gt;</p>\n"
    assert render_markdown("<b>粗</b>\n", allow_html=True).html == "<p><b>粗</b></p>\n"


def test_links_get_noopener_only_when_html_is_allowed() -> None:
    assert render_markdown("[a](https://x.gov.cn/)\n").html == '<p><a href="https://x.gov.cn/">a</a></p>\n'
    assert 'rel="noopener noreferrer"' in render_markdown("[a](https://x.gov.cn/)\n", allow_html=True).html


# --- headings -------------------------------------------------------------------------------

def test_heading_ids_from_text() -> None:
    html = render_markdown("## 一、总体要求\n\n### （一）指导思想\n\n## Service Guide 2025!\n").html
    assert re.findall(r'<h(\d) id="([^"]+)">', html) == [("2", "一总体要求"), ("3", "一指导思想"), ("2", "service-guide-2025")]


def test_heading_ids_are_stable() -> None:
    """An id depends on the heading's text only: editing other parts of the body keeps links working."""
    before = render_markdown("## 二、主要任务\n").html
    after = render_markdown("新增的一段。\n\n## 一、总体要求\n\n正文\n\n## 二、主要任务\n").html
    assert 'id="二主要任务"' in before and 'id="二主要任务"' in after
    assert render_markdown("## 二、主要任务\n").html == before


def test_duplicate_headings_get_numbered_ids() -> None:
    html = render_markdown("## 附件\n\n## 附件\n\n## 附件\n").html
    assert re.findall(r'id="([^"]+)"', html) == ["附件", "附件-1", "附件-2"]


def test_headings_are_demoted_when_the_body_uses_h1() -> None:
    """The page title is the only h1, so a body using # moves every heading down one level."""
    html = render_markdown("# 方案\n\n## 一、要求\n\n###### 最深\n").html
    assert re.findall(r"<(h\d)", html) == ["h2", "h3", "h6"]
    assert "<h1" not in html


def test_headings_are_kept_when_the_body_starts_at_h2() -> None:
    html = render_markdown("## 一、要求\n\n### （一）细则\n").html
    assert re.findall(r"<(h\d)", html) == ["h2", "h3"]


def test_heading_ids_survive_the_sanitiser() -> None:
    html = render_markdown("# 方案\n\n## 一、要求\n", allow_html=True).html
    assert html == '<h2 id="方案">方案</h2>\n<h3 id="一要求">一、要求</h3>\n'


@pytest.mark.parametrize("text, slug", [
    ("一、总体要求", "一总体要求"), ("（一）指导思想", "一指导思想"), ("Hello World", "hello-world"),
    ("  2025年 工作要点  ", "2025年-工作要点"), ("!!!", "section"), ("", "section"), ("A_b-c", "a_b-c"),
])
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


# --- tables ---------------------------------------------------------------------------------

@pytest.mark.parametrize("allow_html", [False, True])
def test_tables_are_wrapped_in_a_labelled_region(allow_html: bool) -> None:
    html = render_markdown("| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n| 丙 |\n|---|\n| 3 |\n", allow_html=allow_html).html
    wraps = re.findall(r'<div class="table-wrap" role="region" tabindex="0" aria-label="([^"]+)">\n<table>', html)
    assert wraps == ["表格1", "表格2"]
    assert html.count("</table>\n</div>") == 2
    assert re.findall(r"<th\b[^>]*>", html) == ['<th scope="col">'] * 3
    assert "<td scope" not in html


def test_table_numbering_restarts_per_body() -> None:
    table = "| a |\n|---|\n| 1 |\n"
    assert 'aria-label="表格1"' in render_markdown(table).html
    assert 'aria-label="表格1"' in render_markdown(table).html


def test_aligned_columns_keep_scope() -> None:
    html = render_markdown("| 序号 | 名称 |\n|---:|:---|\n| 1 | 甲 |\n").html
    assert '<th style="text-align:right" scope="col">序号</th>' in html
    assert '<td style="text-align:right">1</td>' in html


def test_allow_html_keeps_table_alignment_and_code_language() -> None:
    table = "| 序号 |\n|---:|\n| 1 |\n"
    assert render_markdown(table, allow_html=True).html == render_markdown(table).html
    code = "```python\nx = 1\n```\n"
    assert 'class="language-python"' in render_markdown(code, allow_html=True).html


@pytest.mark.parametrize("line", ["表1：2025年重点项目", "表2 联系方式", "表 收支情况", "表三、人员编制"])
def test_a_table_title_line_above_a_table_becomes_its_caption(line: str) -> None:
    html = render_markdown(f"正文。\n\n{line}\n\n| 甲 |\n|---|\n| 1 |\n").html
    assert f'aria-label="{line}">\n<table>\n<caption>{line}</caption>\n<thead>' in html
    assert f"<p>{line}</p>" not in html  # shown once, as the caption
    assert html.startswith("<p>正文。</p>\n")


@pytest.mark.parametrize("line", ["表格如下：", "附表：见附件", "下表列出项目", "表1：**重点**项目"])
def test_other_lines_above_a_table_stay_paragraphs(line: str) -> None:
    html = render_markdown(f"{line}\n\n| 甲 |\n|---|\n| 1 |\n").html
    assert "<caption>" not in html and 'aria-label="表格1"' in html
    assert html.startswith("<p>")


def test_a_caption_line_separated_by_text_is_not_a_caption() -> None:
    html = render_markdown("表1：项目\n\n说明文字。\n\n| 甲 |\n|---|\n| 1 |\n").html
    assert "<caption>" not in html and "<p>表1：项目</p>" in html


def test_cells_keep_ideographic_space_indentation() -> None:
    """Chinese statistical tables indent sub-rows with full-width spaces (其中…)."""
    html = render_markdown("| 指标 |\n|---|\n| 收入 |\n| 　其中：税收 |\n").html
    assert "<td>　其中：税收</td>" in html


def test_raw_html_tables_are_left_as_written() -> None:
    html = render_markdown('<table><tr><th scope="row">甲</th></tr></table>\n', allow_html=True).html
    assert "table-wrap" not in html and '<th scope="row">' in html


# --- inspection: alt text and links ---------------------------------------------------------

def test_inspect_reports_images_without_alt_with_lines() -> None:
    body = "正文\n\n![](a.png)\n\n![说明](b.png)\n\n文字 ![ ](c.png)\n"
    result = inspect_markdown(body, line_offset=10)
    assert result.images_without_alt == [(13, "a.png"), (17, "c.png")]
    assert result.links == ["a.png", "b.png", "c.png"]
    assert result.html == ""


def test_render_reports_the_same_as_inspect() -> None:
    body = "[甲](a.html)\n\n![](b.png)\n"
    assert render_markdown(body).images_without_alt == inspect_markdown(body).images_without_alt == [(3, "b.png")]
    assert render_markdown(body).links == inspect_markdown(body).links == ["a.html", "b.png"]


def test_an_image_is_reported_on_its_own_line() -> None:
    body = "第一行文字，\n第二行 ![](a.png)\n\n- 列表\n  续行 ![](b.png)\n"
    assert inspect_markdown(body, line_offset=20).images_without_alt == [(22, "a.png"), (25, "b.png")]


def test_links_with_lines_and_text() -> None:
    body = "开头\n\n见[《实施方案》](files/方案.pdf)和\n[第二条](#二主要任务)。\n"
    assert body_links(body, line_offset=4) == [
        (7, "files/%E6%96%B9%E6%A1%88.pdf", "《实施方案》"), (8, "#%E4%BA%8C%E4%B8%BB%E8%A6%81%E4%BB%BB%E5%8A%A1", "第二条")]
    assert body_links("没有链接的正文。\n") == []


def test_heading_ids_match_the_rendered_page() -> None:
    body = "# 总则\n\n## 附件\n\n## 附件\n"
    assert heading_ids(body) == {"总则", "附件", "附件-1"}
    assert heading_ids(body) == set(re.findall(r'id="([^"]+)"', render_markdown(body).html))


def test_raw_img_alt_is_checked_only_when_html_is_allowed() -> None:
    body = '<img src="a.png">\n\n行内 <img src="b.png" alt=""> 和 <img src="c.png" alt="说明">\n'
    assert inspect_markdown(body).images_without_alt == []
    assert inspect_markdown(body, allow_html=True).images_without_alt == [
        (1, '<img src="a.png">'), (3, '<img src="b.png" alt="">')]
