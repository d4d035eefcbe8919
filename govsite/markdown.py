"""Markdown bodies: CommonMark + tables via markdown-it-pyrs (markdown-it in Rust), or
markdown-it-py where the Rust wheel cannot be imported (:mod:`govsite.markdown_engines`).

Raw HTML is off by default (it is shown as text). A site may allow it, in which
case the rendered HTML goes through the nh3 allow-list sanitiser. Headings get
stable ids derived from their text, tables get a scrollable labelled region
(captioned when a "表1：…" line sits right above them), and an image without alt
text is reported as an error with its line in the file.

Rendering is done by the engine in one call; govsite's own rules (heading
ids and levels, table regions, ``th`` scope) are applied to its HTML, whose shape
is fixed (one opening tag per line for tables, ``<hN>…</hN>`` for headings).
Images and links are read from the parser's syntax tree, which maps every node to
its byte range in the source, so a problem names the image's own line.
"""
from __future__ import annotations

import html as html_lib
import re
from functools import cached_property
from typing import Iterator

import nh3

from govsite.markdown_engines import Engine, installed_engine

INSTALLED = installed_engine()
ENGINE = INSTALLED.name
"""Changes when rendered bodies or found links may differ (another engine too): part of cache keys."""

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

_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]*>")
_TH = re.compile(r'<th( style="text-align:(?:left|right|center)")?>')
_MD_TABLE = re.compile(
    r"(?:<p>(表\s*[0-9一二三四五六七八九十〇]*\s*[：:．.、 \u3000][^<\n]*\S)</p>\n)?"
    r"<table>\n(<thead>\n<tr>\n.*?)</table>\n", re.S)
"""A table as the parser writes it (raw HTML tables are written as the editor typed
them), with the one-line paragraph above it when that reads like "表1：2025年预算收支"."""
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.I)
_HAS_ALT = re.compile(r"""\balt\s*=\s*(?:"[^"]*\S[^"]*"|'[^']*\S[^']*')""", re.I)


def slugify(text: str) -> str:
    """Stable heading id: keeps CJK and ASCII word characters, joins words by ``-``."""
    text = re.sub(r"[^\w\u3400-\u9fff\s-]", "", text.strip().lower())
    return re.sub(r"[\s]+", "-", text) or "section"


class RenderedBody:
    """HTML of a body plus what the parser finds in it. The images and links are
    looked up on first use: page rendering needs only the HTML."""

    def __init__(self, html: str, source: str = "", allow_html: bool = False, line_offset: int = 0,
                 engine: Engine = INSTALLED) -> None:
        self.html = html
        self._source, self._allow_html, self._line_offset = source, allow_html, line_offset
        self._engine = engine

    @cached_property
    def images_without_alt(self) -> list[tuple[int | None, str]]:
        """(line in the file, src or raw ``<img>`` tag) of each image with empty alt text."""
        return self._scan[0]

    @cached_property
    def links(self) -> list[str]:
        """Every Markdown link and image target (href/src), for the link checker."""
        return self._scan[1]

    @cached_property
    def _scan(self) -> tuple[list[tuple[int | None, str]], list[str]]:
        missing_alt: list[tuple[int | None, str]] = []
        links: list[str] = []
        if not _may_link(self._source):
            return missing_alt, links
        for kind, line, target, label in _walk_inline(self._source, self._allow_html, self._line_offset,
                                                      self._engine):
            if kind == "image":
                links.append(target)
                if not label.strip():
                    missing_alt.append((line, target))
            elif kind == "link":
                links.append(target)
            elif not _HAS_ALT.search(target):
                missing_alt.append((line, target))
        return missing_alt, links


def _heading_ids_and_levels(html: str) -> str:
    """Give every heading a unique id from its text; demote all headings one level
    when the body uses ``#`` (the page title is the only ``h1``)."""
    shift = 1 if "<h1>" in html else 0
    used: set[str] = set()

    def heading(m: re.Match[str]) -> str:
        base = slugify(html_lib.unescape(_TAG.sub("", m.group(2))))
        slug, n = base, 1
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        level = min(int(m.group(1)) + shift, 6)
        return f'<h{level} id="{slug}">{m.group(2)}</h{level}>'

    return _HEADING.sub(heading, html)


def _table_regions(html: str) -> str:
    """Each Markdown table scrolls inside its own focusable, labelled region and
    its header cells get ``scope="col"``. A "表1：…" line right above a table
    becomes its ``<caption>`` and the region's name; other regions are named
    "表格N" by their place in the body."""
    count = 0

    def region(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        caption, body = m.group(1), _TH.sub(_scoped, m.group(2))
        label = caption or f"表格{count}"
        head = f"<caption>{caption}</caption>\n" if caption else ""
        return (f'<div class="table-wrap" role="region" tabindex="0" aria-label="{label}">\n'
                f"<table>\n{head}{body}</table>\n</div>\n")

    return _MD_TABLE.sub(region, html)


def _scoped(m: re.Match[str]) -> str:
    return f'<th{m.group(1) or ""} scope="col">'


def _walk_inline(text: str, allow_html: bool, line_offset: int, engine: Engine) -> Iterator[tuple[str, int, str, str]]:
    """(kind, line, target, label) of every image, link and raw ``<img>`` tag:
    kind is "image" (target = src, label = alt), "link" (target = href, label =
    link text) or "img_tag" (target = the raw tag, label = "")."""
    for kind, line, target, label in engine.elements(text, allow_html):
        if kind != "html":
            yield kind, line + line_offset, target, label
            continue
        for m in _IMG_TAG.finditer(target):
            yield "img_tag", line + line_offset + target.count("\n", 0, m.start()), m.group(0), ""


def _may_link(text: str) -> bool:
    """Whether a body can hold a link or image at all (most bodies cannot)."""
    return "[" in text or "<" in text


def _render_html(text: str, allow_html: bool, engine: Engine) -> str:
    html = engine.render(text, allow_html)
    if "<h" in html:
        html = _heading_ids_and_levels(html)
    if "<table>" in html:
        html = _table_regions(html)
    if allow_html:
        html = nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https", "mailto", "tel"},
            filter_style_properties={"text-align"},
            link_rel="noopener noreferrer",
        )
    return html


def render_markdown(text: str, allow_html: bool = False, line_offset: int = 0,
                    engine: Engine = INSTALLED) -> RenderedBody:
    """Render a body; ``line_offset`` maps body lines to file lines for problems."""
    return RenderedBody(_render_html(text, allow_html, engine), text, allow_html, line_offset, engine)


def inspect_markdown(text: str, allow_html: bool = False, line_offset: int = 0,
                     engine: Engine = INSTALLED) -> RenderedBody:
    """Images without alt text and link targets, without rendering."""
    return RenderedBody("", text, allow_html, line_offset, engine)


def body_links(text: str, allow_html: bool = False, line_offset: int = 0,
               engine: Engine = INSTALLED) -> list[tuple[int, str, str]]:
    """(line in the file, href as the parser normalised it, link text) of every
    Markdown link of a body."""
    if not _may_link(text):
        return []
    return [(line, target, label) for kind, line, target, label in _walk_inline(text, allow_html, line_offset, engine)
            if kind == "link"]


def heading_ids(text: str, allow_html: bool = False, engine: Engine = INSTALLED) -> set[str]:
    """The ids the renderer gives the body's headings."""
    return set(re.findall(r'<h[1-6] id="([^"]*)"', _render_html(text, allow_html, engine)))
