"""Sanitise legacy HTML and tidy its tree before Markdown conversion.

Step 1, :func:`sanitize`: the nh3 allow-list drops scripts, styles, comments,
event handlers, ``javascript:`` URLs and every presentational attribute; tags
outside the list (``<font>``, ``<o:p>``, unknown MSO tags) are removed but
their text is kept.

Step 2, :func:`tidy`: on the sanitised tree, presentational wrappers are
unwrapped, block-like containers become ``div``, links and images get absolute
URLs (resolved against the legacy page URL), images get alt text, tables are
flattened (:mod:`govsite.importer.html_tables`) and emphasis that CommonMark
could not parse next to CJK punctuation is dropped (the text stays).
"""
from __future__ import annotations

import re
import unicodedata
from urllib.parse import urljoin, urlsplit

import nh3
from bs4 import BeautifulSoup, NavigableString, Tag

from govsite.fill_in import IMAGE_ALT
from govsite.importer.html_tables import flatten_tables

BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "table", "thead",
              "tbody", "tfoot", "tr", "td", "th", "caption", "hr", "br", "pre"}
INLINE_KEEP = {"a", "strong", "b", "em", "i", "code", "sub", "sup", "del", "s", "strike", "img"}
UNWRAP = {"font", "span", "u", "small", "big", "label", "ins", "abbr", "tt", "cite", "dfn", "var", "mark", "q"}
AS_DIV = {"center", "section", "article", "header", "footer", "main", "aside", "nav", "figure", "figcaption",
          "address", "dl", "form", "fieldset", "legend"}
AS_P = {"dt", "dd"}
EMPHASIS = {"strong", "b", "em", "i"}

SANITIZE_TAGS = BLOCK_TAGS | INLINE_KEEP | UNWRAP | AS_DIV | AS_P
DROP_WITH_CONTENT = {"script", "style", "noscript", "template", "title", "xml", "iframe", "object", "embed",
                     "svg", "math", "select", "textarea", "button"}
ATTRIBUTES = {
    "a": {"href"},
    "img": {"src", "alt", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel", "ftp"}


def sanitize(html: str) -> str:
    """Allow-list sanitising with nh3 (scripts and styles dropped with their content)."""
    return nh3.clean(
        html,
        tags=SANITIZE_TAGS,
        attributes=ATTRIBUTES,
        clean_content_tags=DROP_WITH_CONTENT,
        url_schemes=URL_SCHEMES,
        strip_comments=True,
        link_rel=None,
    )


def _attr(tag: Tag, name: str) -> str:
    """A single-valued attribute as text, '' when absent (bs4 types every attribute as
    possibly a list, as it makes ``class``)."""
    value = tag.get(name)
    return value if isinstance(value, str) else " ".join(value or ())


def _absolute(url: str, base: str | None) -> str:
    url = url.strip()
    if base and urlsplit(base).scheme in ("http", "https") and not url.startswith("#"):
        return urljoin(base, url)
    return url


_CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t]*\n\s*(?=[{_CJK}])")


def _normalise_text(soup: BeautifulSoup) -> None:
    """No-break spaces → spaces; a source line break is a space, or nothing between CJK characters."""
    for node in list(soup.find_all(string=True)):
        text = str(node)
        new = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").replace("\r", "")
        new = _CJK_BREAK.sub("", new).replace("\n", " ")
        if new != text:
            node.replace_with(NavigableString(new))


def _pre_to_paragraphs(soup: BeautifulSoup) -> None:
    """Legacy pages put plain-text documents in ``<pre>``: one paragraph per line."""
    for pre in soup.find_all("pre"):
        lines = [line.strip() for line in pre.get_text().split("\n")]
        pre.name, pre.attrs = "div", {}
        pre.clear()
        for line in filter(None, lines):
            p = soup.new_tag("p")
            p.string = line
            pre.append(p)


def _rename_and_unwrap(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(True):
        if tag.name in UNWRAP:
            tag.unwrap()
        elif tag.name in AS_DIV:
            tag.name, tag.attrs = "div", {}
        elif tag.name in AS_P:
            tag.name, tag.attrs = "p", {}
        elif tag.name == "strike":
            tag.name = "del"


def _links_and_images(soup: BeautifulSoup, base: str | None) -> None:
    for a in soup.find_all("a"):
        href = _attr(a, "href").strip()
        if not href or href.startswith("#"):
            a.unwrap()
        else:
            a["href"] = _absolute(href, base)
    for img in soup.find_all("img"):
        src = _attr(img, "src").strip()
        if not src:
            img.decompose()
            continue
        alt = " ".join(_attr(img, "alt").split()) or " ".join(_attr(img, "title").split())
        img.attrs = {"src": _absolute(src, base), "alt": alt or IMAGE_ALT}


def _is_punct(ch: str) -> bool:
    return unicodedata.category(ch).startswith(("P", "S"))


def _boundary_char(el: Tag, forward: bool) -> str | None:
    """The character just before/after ``el`` within its block (None at a block edge)."""
    node: Tag | NavigableString = el
    while True:
        sib = node.next_sibling if forward else node.previous_sibling
        while sib is not None:
            if isinstance(sib, Tag) and (sib.name in BLOCK_TAGS or sib.name == "img"):
                return None if sib.name != "img" else "!"
            text = sib.get_text() if isinstance(sib, Tag) else str(sib)
            if text:
                return text[0] if forward else text[-1]
            sib = sib.next_sibling if forward else sib.previous_sibling
        parent = node.parent
        if parent is None or parent.name in BLOCK_TAGS or parent.name == "[document]":
            return None
        node = parent


def _emphasis_parses(el: Tag) -> bool:
    """Would ``**text**`` parse as emphasis here (CommonMark flanking rules)?"""
    inner = el.get_text()
    core = inner.strip()
    if not core or el.find(BLOCK_TAGS) is not None:
        return False
    edges = [c for c in el.contents if not isinstance(c, NavigableString) or str(c).strip()]
    if not all(isinstance(c, NavigableString) for c in (edges[0], edges[-1])):
        return False  # starts/ends with a link, image or nested markup: delimiters would touch punctuation
    before = " " if inner[0] == " " else _boundary_char(el, forward=False)
    after = " " if inner[-1] == " " else _boundary_char(el, forward=True)
    opens = not _is_punct(core[0]) or before is None or before.isspace() or _is_punct(before)
    closes = not _is_punct(core[-1]) or after is None or after.isspace() or _is_punct(after)
    return opens and closes


def _fix_emphasis(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(["b", "i"]):
        tag.name = "strong" if tag.name == "b" else "em"
    for tag in soup.find_all(["strong", "em"]):  # merge <b>一</b><b>二</b>
        nxt = tag.next_sibling
        while isinstance(nxt, Tag) and nxt.name == tag.name:
            following = nxt.next_sibling
            for child in list(nxt.contents):
                tag.append(child.extract())
            nxt.decompose()
            nxt = following
    for tag in list(soup.find_all(["strong", "em"])):
        if tag.parent is None:
            continue
        nested = tag.find_parent(["strong", "em", "th", "h1", "h2", "h3", "h4", "h5", "h6"]) is not None
        if nested or not _emphasis_parses(tag):
            tag.unwrap()


def drop_emphasis(soup: BeautifulSoup) -> None:
    """Unwrap every ``strong``/``em`` (used when a body's emphasis would not parse)."""
    for tag in soup.find_all(["strong", "em"]):
        tag.unwrap()


def tidy(html: str, base_url: str | None = None) -> BeautifulSoup:
    """Parse sanitised HTML and prepare the tree for Markdown conversion."""
    soup = BeautifulSoup(html, "html.parser")
    _pre_to_paragraphs(soup)
    _normalise_text(soup)
    _rename_and_unwrap(soup)
    _links_and_images(soup, base_url)
    flatten_tables(soup)
    _fix_emphasis(soup)
    return soup
