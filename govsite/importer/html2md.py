"""Legacy HTML bodies → clean CommonMark/GFM Markdown.

Pipeline: :func:`~govsite.importer.html_clean.sanitize` (nh3 allow-list) →
:func:`~govsite.importer.html_clean.tidy` (tree fixes, table flattening) →
markdownify with a few overrides → line clean-up (leading full-width
indentation, blank-line runs, trailing spaces).

The conversion never drops visible text: only markup, scripts/styles and other
non-visible content are removed.
"""
from __future__ import annotations

import re

from markdownify import ATX, MarkdownConverter

from bs4 import BeautifulSoup

from govsite.importer.html_clean import drop_emphasis, sanitize, tidy
from govsite.markdown import render_markdown

_INDENT = re.compile(r"^((?: {0,3}>)* {0,12}(?:(?:[-*+]|\d{1,9}[.)]) +)?)[\u3000\u00a0][\u3000\u00a0 \t]*", re.M)
_LINE_START = re.compile(r"(^|\s)(#{1,6}(?=\s|$)|[-+](?=\s|$)|>|\d{1,9}(?=[.)](?:\s|$)))")
"""Text that would start a heading, list or quote at the beginning of a line."""
_RAW_HTML = re.compile(r"(&(?=#?[A-Za-z0-9]+;)|<(?=[A-Za-z/!?]))")
"""``&amp;`` and ``<tag`` in text must stay text (entities and raw HTML would be parsed)."""
_INLINE_PARENTS = {"_inline", "a", "strong", "em", "b", "i", "del", "s", "code", "sub", "sup"}


def _destination(url: str) -> str:
    """A link destination; ``<…>`` when the URL has spaces or brackets."""
    if re.search(r"[\s()<>]", url):
        return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"
    return url


def _label(text: str) -> str:
    return re.sub(r"([\[\]])", r"\\\1", " ".join(text.split()))


def _escape_line_start(m: re.Match[str]) -> str:
    mark = m.group(2)
    if mark[0].isdigit():  # 1. → 1\.  (escape the dot, which follows the match)
        return m.group(1) + mark + "\\"
    return m.group(1) + "\\" + mark


class LegacyConverter(MarkdownConverter):
    """markdownify tuned for government pages: ATX headings, ``<br>`` → paragraph break."""

    def __init__(self) -> None:
        super().__init__(heading_style=ATX, bullets="-", strong_em_symbol="*", escape_misc=False)

    def escape(self, text: str, parent_tags: set[str]) -> str:
        # markdownify 1.2 defines escape(); its __init__.pyi omits it
        text = super().escape(text, parent_tags)  # type: ignore[misc]
        if "_noformat" in parent_tags:
            return text
        text = _RAW_HTML.sub(r"\\\1", text)
        text = _LINE_START.sub(_escape_line_start, text)
        if "td" in parent_tags or "th" in parent_tags:
            text = text.replace("|", r"\|")
        return text

    def convert_br(self, el, text, parent_tags):  # type: ignore[no-untyped-def]
        if parent_tags & _INLINE_PARENTS:
            return " " + text
        if "li" in parent_tags:
            return "\\\n" + text
        return "\n\n" + text

    def convert_hN(self, n, el, text, parent_tags):  # type: ignore[no-untyped-def]
        if not text.strip():
            return ""
        return super().convert_hN(n, el, text, parent_tags)

    def convert_td(self, el, text, parent_tags):  # type: ignore[no-untyped-def]
        return " " + " ".join(text.split()) + " |"

    convert_th = convert_td

    def convert_img(self, el, text, parent_tags):  # type: ignore[no-untyped-def]
        return f"![{_label(el.get('alt') or '')}]({_destination(el.get('src') or '')})"

    def convert_a(self, el, text, parent_tags):  # type: ignore[no-untyped-def]
        href = el.get("href") or ""
        body = text.strip()
        if not body:
            return ""
        if not href:
            return text
        if body.replace(r"\_", "_") == href and re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*", href):
            return f"<{href}>"
        prefix = " " if text[:1] == " " else ""
        suffix = " " if text[-1:] == " " else ""
        return f"{prefix}[{body}]({_destination(href)}){suffix}"


def tidy_markdown(text: str) -> str:
    """Strip CSS-style indentation and trailing spaces; at most one blank line in a row."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    text = "\n".join(lines)
    text = _INDENT.sub(r"\1", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n" if text.strip() else ""


def _stars(html: str) -> int:
    return BeautifulSoup(html, "html.parser").get_text().count("*")


def html_to_markdown(html: str, base_url: str | None = None) -> str:
    """Convert a legacy HTML body to Markdown; relative URLs resolve against ``base_url``.

    If any ``**``/``*`` delimiter would show up as a literal asterisk (CommonMark
    flanking rules around CJK punctuation), the body is converted again without
    emphasis: bold is lost, never text.
    """
    soup = tidy(sanitize(html), base_url)
    stars = soup.get_text().count("*")
    md = tidy_markdown(LegacyConverter().convert_soup(soup))
    if soup.find(["strong", "em"]) is not None and _stars(render_markdown(md).html) != stars:
        drop_emphasis(soup)
        md = tidy_markdown(LegacyConverter().convert_soup(soup))
    return md
