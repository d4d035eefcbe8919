"""Markdown bodies: CommonMark + tables via markdown-it-py.

Raw HTML is off by default (it is shown as text). A site may allow it, in which
case the rendered HTML goes through the nh3 allow-list sanitiser. Headings get
stable ids derived from their text, tables get a scrollable labelled region, and
an image without alt text is reported as an error.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "div", "dl", "dt",
    "em", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p", "pre", "s", "span",
    "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "code": {"class"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
    "div": {"class", "role", "tabindex", "aria-label"},
    "ol": {"start"},
}


def slugify(text: str) -> str:
    """Stable heading id: keeps CJK and ASCII word characters, joins words by ``-``."""
    text = re.sub(r"[^\w\u3400-\u9fff\s-]", "", text.strip().lower())
    return re.sub(r"[\s]+", "-", text) or "section"


@dataclass
class RenderedBody:
    """HTML of a body plus what the renderer noticed."""

    html: str
    images_without_alt: list[tuple[int | None, str]] = field(default_factory=list)
    """(line in the body, src) of each image with empty alt text."""
    links: list[str] = field(default_factory=list)
    """Every link target (href/src), for the link checker."""


@lru_cache(maxsize=4)
def _parser(allow_html: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": allow_html, "linkify": False, "typographer": False})
    md.enable("table")
    anchors_plugin(md, min_level=1, max_level=6, slug_func=slugify)
    md.add_render_rule("table_open", _table_open)
    md.add_render_rule("table_close", _table_close)
    md.add_render_rule("th_open", _th_open)
    return md


def _table_open(self, tokens: list[Token], idx: int, options, env) -> str:  # type: ignore[no-untyped-def]
    env["tables"] = env.get("tables", 0) + 1
    return f'<div class="table-wrap" role="region" tabindex="0" aria-label="表格{env["tables"]}">\n<table>\n'


def _table_close(self, tokens: list[Token], idx: int, options, env) -> str:  # type: ignore[no-untyped-def]
    return "</table>\n</div>\n"


def _th_open(self, tokens: list[Token], idx: int, options, env) -> str:  # type: ignore[no-untyped-def]
    tokens[idx].attrSet("scope", "col")
    return self.renderToken(tokens, idx, options, env)


def _shift_headings(tokens: list[Token]) -> None:
    """A body's headings sit under the page title: demote when the body uses ``#``."""
    levels = [int(t.tag[1]) for t in tokens if t.type == "heading_open"]
    if levels and min(levels) == 1:
        for t in tokens:
            if t.type in ("heading_open", "heading_close"):
                t.tag = f"h{min(int(t.tag[1]) + 1, 6)}"


def _scan(tokens: list[Token], result: RenderedBody, line_offset: int) -> None:
    for tok in tokens:
        if tok.type == "inline" and tok.children:
            line = tok.map[0] + 1 + line_offset if tok.map else None
            for child in tok.children:
                if child.type == "image":
                    src = str(child.attrGet("src") or "")
                    result.links.append(src)
                    if not child.content.strip():
                        result.images_without_alt.append((line, src))
                elif child.type == "link_open":
                    result.links.append(str(child.attrGet("href") or ""))
                elif child.type == "html_inline" and child.content.lower().startswith("<img"):
                    if not re.search(r'\balt\s*=\s*"[^"]+"', child.content, re.I):
                        result.images_without_alt.append((line, child.content))
        elif tok.type == "html_block" and "<img" in tok.content.lower():
            for tag in re.findall(r"<img\b[^>]*>", tok.content, re.I):
                if not re.search(r'\balt\s*=\s*"[^"]+"', tag, re.I):
                    line = tok.map[0] + 1 + line_offset if tok.map else None
                    result.images_without_alt.append((line, tag))


def render_markdown(text: str, allow_html: bool = False, line_offset: int = 0) -> RenderedBody:
    """Render a body; ``line_offset`` maps body lines to file lines for problems."""
    md = _parser(allow_html)
    env: dict = {}
    tokens = md.parse(text, env)
    _shift_headings(tokens)
    result = RenderedBody(html="")
    _scan(tokens, result, line_offset)
    html = md.renderer.render(tokens, md.options, env)
    if allow_html:
        html = nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https", "mailto", "tel"},
            filter_style_properties={"text-align"},
            link_rel="noopener noreferrer",
        )
    result.html = html
    return result


def inspect_markdown(text: str, allow_html: bool = False, line_offset: int = 0) -> RenderedBody:
    """Parse without rendering: images without alt text and link targets."""
    tokens = _parser(allow_html).parse(text, {})
    result = RenderedBody(html="")
    _scan(tokens, result, line_offset)
    return result
