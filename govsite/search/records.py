"""What govsite indexes: one record per page and layer, as words of its own.

A record (:class:`govsite.search.bundle_writer.Record`) is the page's tokens
(:mod:`govsite.search.tokens`) in fields, with the metadata a result shows, the
filters and the date sort key. The title is weighted (:data:`TITLE_WEIGHT`,
:data:`TEXT_TITLE_WEIGHT`).

A text-layer record holds the page's indexed text: the ``data-pagefind-body``
element of the rendered page with tags, scripts and boilerplate (:data:`EXCLUDED`:
related links, the page address, the QR code) removed.
"""
from __future__ import annotations

import html
import re

from govsite.search.bundle_writer import Record
from govsite.search.fields import SearchDoc
from govsite.search.tokens import ORG_KEY, TITLE_KEY, WORD_CHAR, field_word, fold, identifier_key, tokens, tokens_and_words

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})

LANG = "zxx"
PLACEHOLDER = (f'<!DOCTYPE html><html lang="{LANG}"><head><meta charset="utf-8"></head><body><main data-pagefind-body>'
               '<span data-pagefind-meta="title[data-v]" data-v="govsite"></span><p>govsite</p></main></body></html>\n')
"""The one record of the primary bundle (:data:`govsite.search.docs.CORE`): Pagefind
writes no index without a page. The search page never shows it: every search
filters on ``分片``, which the placeholder lacks."""
TITLE_WEIGHT = 2
"""Weight of the title in the title layer, over organisation and identifiers."""
TEXT_TITLE_WEIGHT = 10
"""Weight of the title in the text layer (Pagefind's maximum): a page whose title has
the words ranks above pages that only mention them, so the search page finds the
title layer's matches among the first text results."""
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
    for tag in _same_name(name).finditer(text, start):
        if tag.group(2):
            continue
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.start()
    return -1


_SAME_NAME: dict[str, re.Pattern[str]] = {}


def _same_name(name: str) -> re.Pattern[str]:
    """Start and end tags of elements called ``name`` only (the walk to an element's end
    skips every other tag in C)."""
    found = _SAME_NAME.get(name)
    if found is None:
        found = _SAME_NAME[name] = re.compile(rf"<(/?){re.escape(name)}(?![a-zA-Z0-9-])[^>]*?(/?)>", re.IGNORECASE)
    return found


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
    return cls is not None and any(c in _EXCLUDED_CLASSES for c in cls.group(1).split())


_CUT = re.compile(r"<(?:script|style|svg)\b|<[a-zA-Z][^>]*?(?:data-pagefind-ignore|class=\"[^\"]*?(?:related|page-url|public-note|qr))",
                  re.IGNORECASE)
"""Where an element that is not indexed may start (checked with :func:`_is_excluded`)."""


def indexed_text(fragment: str) -> str:
    """The text Pagefind indexes from ``fragment``: tags, excluded elements and scripts
    removed. Excluded elements are cut first, then every other tag becomes a space in
    one pass (a page's tags one by one in Python cost 0.6 ms a page)."""
    pieces: list[str] = []
    pos = 0
    for candidate in _CUT.finditer(fragment):
        if candidate.start() < pos:
            continue
        tag = _TAG.match(fragment, candidate.start())
        if tag is None or tag.group(1):
            continue
        if not (tag.group(2).lower() in ("script", "style", "svg") or _is_excluded(tag.group(0))):
            continue
        end = _element_end(fragment, tag.start())
        if end <= tag.start():
            continue
        pieces.append(fragment[pos:tag.start()])
        pieces.append(" ")
        close = fragment.find(">", end)
        pos = close + 1 if close >= 0 else len(fragment)
    pieces.append(fragment[pos:])
    return html.unescape(_TAG.sub(" ", "".join(pieces)))


TITLE_ELEMENT = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
"""The page title inside an indexed element."""




def page_text(page: str) -> str:
    """The indexed text of a rendered page ('' when it has no indexed element)."""
    span = body_span(page)
    return indexed_text(page[span[0]:span[1]]) if span else ""


def identifier_words(identifier: str) -> list[str]:
    """A 文号 or 索引号 in the title layer: its :func:`identifier_key` as one word (a
    whole identifier typed in any form is one exact word: a few postings, one index
    chunk), plus the bigrams of its leading run of Chinese characters and letters
    (示政办发 of 示政办发〔2024〕12号), so that an issuer's abbreviation finds its
    documents. Its digits are not bigrams: 20, 02, 24 would be words of every
    document, and Pagefind scores every page a word is on (a query for 2019 took
    1.6 s at 10,000 items with them)."""
    key = identifier_key(identifier)
    if not key:
        return []
    head = ""
    for ch in fold(identifier):
        if ch.isdigit():
            break
        if WORD_CHAR.match(ch):
            head += ch
    return [key] + (tokens(head) if len(head) >= 2 else [])


def field_words(doc: SearchDoc) -> list[str]:
    """The whole-field words of a title-layer record: its title and its organisation,
    each as one word (:func:`govsite.search.tokens.field_word`)."""
    return [field_word(prefix, value) for prefix, value in zip((TITLE_KEY, ORG_KEY), doc.fields)
            if identifier_key(value)]


def record(doc: SearchDoc, text: str | None = None) -> Record:
    """The record of ``doc``: for the title layer (``text`` None) its title, organisation,
    identifiers and whole-field words; for the text layer its title and ``text``."""
    if text is None:
        fields = [tokens_and_words(f) for f in doc.fields]
        fields += [(words, words) for words in [identifier_words(i) for i in doc.identifiers] + [field_words(doc)]]
        weight = TITLE_WEIGHT
    else:
        fields = [tokens_and_words(doc.title), tokens_and_words(text)]
        weight = TEXT_TITLE_WEIGHT
    return Record(doc.url, [(weight if i == 0 else 1, toks, words) for i, (toks, words) in enumerate(fields) if toks],
                  dict(doc.meta), dict(doc.filters), {"date": doc.date} if doc.date else {})
