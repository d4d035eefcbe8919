"""The HTML that Pagefind indexes: the built pages plus two kinds of extra text.

**Query words.** Pagefind segments Chinese with jieba when indexing, but the
browser splits the query with ``Intl.Segmenter`` (ICU), and every query word must
match the start of a word indexed on the page. The two disagree: ICU splits 第一批
into 第|一批 and 县级 into 县|级 where jieba kept 第一批 and 县级 whole, so a plain
title query found nothing (Pagefind's fall-back to a shorter prefix applies only
when no page at all has the word). So the copy given to Pagefind gets, at the end
of its ``data-pagefind-body`` element, a hidden, low-weight list, separated by
spaces, of

* the distinct 1-, 2- and 3-character runs of its title (the ``<h1>``): jieba keeps
  a dictionary word of that list whole, so an ICU word of up to three characters
  at any position of the title starts an indexed word;
* the distinct characters of the rest of its text, so that a single-character ICU
  word always matches.

Runs of two and three characters over the whole body would cover body phrases the
same way, but they double Pagefind's time and memory (measured at 10,000 items:
77.6 s and 1.5 GiB instead of about 37 s and 1.1 GiB), so the body has single
characters only. The published page is not changed.

**Lookup records** (language ``zxx``): one tiny page per document whose text is
the :func:`identifier_key` of its 文号 and 索引号 (示政办发202412号). In ``zxx``
Pagefind does not segment, neither here nor in the browser, so a key is one term.
The search page searches them on their own (never as results: they would count a
document twice) to tell a whole-identifier match from a prefix and to put that
document first; see :func:`lookup_html`.
"""
from __future__ import annotations

import html
import re
import unicodedata

CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[0-9A-Za-z]+")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})

LOOKUP_LANG = "zxx"
NGRAM_WEIGHT = "0.2"
NGRAM_SIZES = (1, 2, 3)
"""Lengths of the hidden title n-grams: ICU query words longer than three characters
are rare and are dictionary words that jieba keeps whole too."""
EXCLUDED = (".related", ".page-url", ".public-note", ".qr", "[data-pagefind-ignore]")
"""Boilerplate inside content pages that is not indexed (Pagefind ``exclude_selectors``)."""
_EXCLUDED_CLASSES = ("related", "page-url", "public-note", "qr")


def _element_end(text: str, start: int) -> int:
    """Index of the closing tag of the element whose start tag begins at ``start`` (-1 if none)."""
    first = _TAG.match(text, start)
    if first is None:
        return -1
    name = first.group(2).lower()
    if first.group(3) or name in _VOID:
        return first.end()
    depth = 0
    for tag in _TAG.finditer(text, start):
        if tag.group(2).lower() != name or tag.group(3):
            continue
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.start()
    return -1


def body_span(text: str) -> tuple[int, int] | None:
    """(start of the data-pagefind-body element, start of its closing tag)."""
    at = text.find("data-pagefind-body")
    if at < 0:
        return None
    start = text.rfind("<", 0, at)
    end = _element_end(text, start)
    return (start, end) if end > start else None


def _is_excluded(start_tag: str) -> bool:
    if "data-pagefind-ignore" in start_tag:
        return True
    cls = re.search(r'\bclass="([^"]*)"', start_tag)
    return bool(cls) and any(c in _EXCLUDED_CLASSES for c in cls.group(1).split())


def indexed_text(fragment: str) -> str:
    """The text Pagefind indexes from ``fragment``: tags, excluded elements and scripts removed."""
    out: list[str] = []
    pos = 0
    while True:
        tag = _TAG.search(fragment, pos)
        if tag is None:
            out.append(fragment[pos:])
            break
        out.append(fragment[pos:tag.start()])
        pos = tag.end()
        name = tag.group(2).lower()
        if not tag.group(1) and (name in ("script", "style", "svg") or _is_excluded(tag.group(0))):
            end = _element_end(fragment, tag.start())
            if end > tag.start():
                close = fragment.find(">", end)
                pos = close + 1 if close >= 0 else len(fragment)
        out.append(" ")
    return html.unescape("".join(out))


def ngrams(text: str) -> list[str]:
    """Distinct runs of :data:`NGRAM_SIZES` characters inside the CJK runs of ``text``, sorted."""
    found: set[str] = set()
    for run in CJK_RUN.findall(text):
        for size in NGRAM_SIZES:
            found.update(run[i:i + size] for i in range(len(run) - size + 1))
    return sorted(found)


TITLE_ELEMENT = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
"""The page title inside an indexed element: it gets the full n-grams."""


def query_words(fragment: str) -> list[str]:
    """The hidden words for an indexed element: n-grams of its ``<h1>``, characters of the rest."""
    title = TITLE_ELEMENT.search(fragment)
    words = set(ngrams(indexed_text(title.group(1)))) if title else set()
    words.update(c for run in CJK_RUN.findall(indexed_text(fragment)) for c in run)
    return sorted(words)


def with_query_words(page: str) -> str:
    """The page with its :func:`query_words` appended, hidden, to the indexed element."""
    span = body_span(page)
    if span is None:
        return page
    start, end = span
    grams = query_words(page[start:end])
    if not grams:
        return page
    extra = f'<div hidden data-pagefind-weight="{NGRAM_WEIGHT}">{" ".join(grams)}</div>'
    return page[:end] + extra + page[end:]


def identifier_key(identifier: str) -> str:
    """``示政办发〔2024〕12号`` → ``示政办发202412号``: the identifier as one word, compatibility
    forms folded (NFKC: full-width digits and letters), lower case, everything but Chinese
    characters, digits and Latin letters dropped. The search page normalises a query the
    same way (``key`` in ``search.html``), so brackets (〔〕, ［］, [], ()), spaces, ``/`` or
    ``／`` typed differently still give the same key."""
    runs = _RUN.findall(unicodedata.normalize("NFKC", identifier).lower())
    return "".join(runs)


def lookup_html(title: str, doc_no: str | None, index_no: str | None) -> str:
    """A lookup record, indexed at the path of the page it stands for.

    Its text and its metadata ``ids`` are the :func:`identifier_key` of its 文号 and
    索引号. The search page never shows a lookup record: it searches the lookup
    index separately with the query's key, checks ``ids`` for a whole-key match (a
    prefix such as 示政办 is not one) and moves the page's own result to the top,
    labelled 【精确匹配】; see ``search.html``."""
    e = html.escape
    keys = " ".join(dict.fromkeys(identifier_key(x) for x in (doc_no, index_no) if x and identifier_key(x)))
    return (
        f'<!DOCTYPE html><html lang="{LOOKUP_LANG}"><head><meta charset="utf-8"><title>{e(title)}</title></head>'
        f'<body><main data-pagefind-body><span data-pagefind-meta="title[data-title]" data-title="{e(title)}"></span>'
        f'<span data-pagefind-meta="ids[data-ids]" data-ids="{e(keys)}"></span>'
        f'<p>{e(keys)}</p></main></body></html>\n'
    )
