"""The two Markdown engines (Markdown 解析引擎) behind :mod:`govsite.markdown`.

markdown-it-pyrs, markdown-it compiled from Rust by the maintainer of markdown-it-py,
is the engine: it renders a typical body in ≈ 0.06 ms against ≈ 1 ms for
markdown-it-py, which was half of an item page's render time. Its wheel is compiled
code, so where it cannot be installed or imported (a platform without a wheel and
without a Rust compiler) govsite switches to markdown-it-py, the pure-Python
markdown-it of the same rules, configured alike. ``tests/test_markdown_engines.py``
renders every demo body and every Markdown fixture with both and requires the same
HTML and the same links, images and lines.

Each engine gives two things: the HTML of a body, and its images, links and raw HTML
with the line each starts on, read from the parser's syntax tree.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator, Literal, Protocol

if TYPE_CHECKING:  # the fallback engine imports markdown-it-py when it is used (≈ 20 ms of every build otherwise)
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

Rule = Literal[
    "blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph", "reference",
    "autolink", "backticks", "emphasis", "entity", "escape", "image", "link", "newline", "table",
]
"""The rules govsite enables, by their name in both engines."""
COMMONMARK_NO_HTML: tuple[Rule, ...] = (
    "blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph", "reference",
    "autolink", "backticks", "emphasis", "entity", "escape", "image", "link", "newline", "table",
)
"""CommonMark and tables without raw HTML: a body's HTML is shown as text unless the site allows it."""

Element = tuple[str, int, str, str]
"""(kind, line in the body from 1, target, label): kind "image" (target = src, label = alt),
"link" (target = href, label = link text) or "html" (target = the raw HTML, label = "")."""


class Engine(Protocol):
    name: str
    """Part of cache keys: changes when rendered bodies or found links may differ."""

    def render(self, text: str, allow_html: bool) -> str: ...

    def elements(self, text: str, allow_html: bool) -> Iterator[Element]: ...


class RustEngine:
    """markdown-it-pyrs: one call renders; the tree maps each node to its bytes in the source."""

    name = "markdown-it-pyrs/1"

    def __init__(self) -> None:
        import markdown_it_pyrs

        self._module = markdown_it_pyrs

    @lru_cache(maxsize=2)
    def _parser(self, allow_html: bool) -> Any:
        if allow_html:
            return self._module.MarkdownIt("commonmark").enable("table")
        return self._module.MarkdownIt("zero").enable_many([*COMMONMARK_NO_HTML])

    def render(self, text: str, allow_html: bool) -> str:
        return str(self._parser(allow_html).render(text))

    def elements(self, text: str, allow_html: bool) -> Iterator[Element]:
        data = text.encode("utf-8")
        for node in self._parser(allow_html).tree(text).walk():
            name = node.name
            if name not in ("image", "link", "html_inline", "html_block"):
                continue
            line = data.count(b"\n", 0, node.srcmap[0] if node.srcmap else 0) + 1
            if name in ("image", "link"):
                label = "".join(str(n.meta.get("content", "")) for n in node.walk()
                                if n.name in ("text", "code_inline"))
                yield name, line, str(node.meta.get("url", "")), label
            else:
                yield "html", line, str(node.meta.get("content", "")), ""


_EDGE_SPACE = "[^\\S\\r\\n\\t \\f\\v]+"
"""Whitespace other than ASCII (the ideographic space U+3000 above all)."""
_CELL_EDGES = re.compile(rf"(?:(?<=\|)|^)([ \t]*)({_EDGE_SPACE})|({_EDGE_SPACE})(?=[ \t]*(?:\||$))", re.M)
_HELD = re.compile("[\U000F0000-\U000F3FFF]")
"""Held whitespace: U+3000 is held as U+F3000 (Supplementary Private Use Area-A)."""


def _hold_cell_edges(text: str) -> str:
    """Table cells keep the full-width spaces at their edges (the indentation of 其中
    rows), as markdown-it-pyrs keeps them; markdown-it-py trims all Unicode whitespace
    from a cell, so on table lines those spaces are held as private-use characters and
    given back after rendering (:func:`_give_back`)."""
    if "|" not in text:
        return text

    def hold(m: re.Match[str]) -> str:
        if m.group(2):
            return m.group(1) + "".join(chr(0xF0000 + ord(c)) for c in m.group(2))
        return "".join(chr(0xF0000 + ord(c)) for c in m.group(3))

    return "\n".join(_CELL_EDGES.sub(hold, line) if "|" in line else line for line in text.split("\n"))


def _give_back(text: str) -> str:
    return _HELD.sub(lambda m: chr(ord(m.group(0)) - 0xF0000), text)


class PythonEngine:
    """markdown-it-py, the fallback: the same presets and rules; lines come from each
    block token's line map and the line breaks before an inline token."""

    name = "markdown-it-py/1"

    @lru_cache(maxsize=2)
    def _parser(self, allow_html: bool) -> MarkdownIt:
        from markdown_it import MarkdownIt

        if allow_html:
            return MarkdownIt("commonmark").enable("table")
        return MarkdownIt("zero", {"xhtmlOut": True}).enable(list(COMMONMARK_NO_HTML))  # as the Rust presets write <br />

    def render(self, text: str, allow_html: bool) -> str:
        return _give_back(self._parser(allow_html).render(_hold_cell_edges(text)))

    def elements(self, text: str, allow_html: bool) -> Iterator[Element]:
        for token in self._parser(allow_html).parse(_hold_cell_edges(text)):
            first = token.map[0] + 1 if token.map else 1
            if token.type == "html_block":
                yield "html", first, _give_back(token.content), ""
            elif token.type == "inline":
                yield from _inline_elements(token.children or [], first)


def _inline_elements(children: list[Token], line: int) -> Iterator[Element]:
    for n, child in enumerate(children):
        if child.type == "image":
            yield "image", line, str(child.attrs.get("src", "")), _give_back(_label(child.children or []))
        elif child.type == "link_open" and child.markup != "autolink":
            inside = children[n + 1:_closing(children, n)]
            yield "link", line, str(child.attrs.get("href", "")), _give_back(_label(inside))
        elif child.type == "html_inline":
            yield "html", line, child.content, ""
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type in ("html_inline", "text"):
            line += child.content.count("\n")


def _closing(children: list[Token], start: int) -> int:
    depth = 0
    for n in range(start, len(children)):
        depth += children[n].nesting if children[n].type in ("link_open", "link_close") else 0
        if depth == 0:
            return n
    return len(children)


def _label(tokens: list[Token]) -> str:
    """The text of a link or an image's alt, as the Rust tree's text nodes give it."""
    out = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            out.append(token.content)
        elif token.type == "image":
            out.append(_label(token.children or []))
    return "".join(out)


def installed_engine() -> Engine:
    """markdown-it-pyrs when its wheel imports, else markdown-it-py."""
    try:
        return RustEngine()
    except ImportError:
        return PythonEngine()
