"""Atom 1.0 (RFC 4287) serialisation.

Everything goes through ElementTree, which escapes markup; characters that XML
1.0 does not allow at all are removed first, so a stray control character in a
title cannot make a feed unreadable.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from typing import Callable, Sequence

from govsite.feeds.catalog import Feed
from govsite.feeds.entries import Entry

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EMPTY_UPDATED = "1970-01-01T08:00:00+08:00"
"""<updated> of a feed with no entries: fixed, so output stays deterministic."""

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: object) -> str:
    """``text`` without the characters XML 1.0 forbids (C0 controls except tab/LF/CR, U+FFFE/FFFF)."""
    return _ILLEGAL.sub("", str(text))


def timestamp(value: datetime) -> str:
    """RFC 3339 with the zone kept (+08:00)."""
    return value.isoformat(timespec="seconds")


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: clean(v) for k, v in attrs.items()})
    if text is not None:
        el.text = clean(text)
    return el


def _author(parent: ET.Element, name: str, uri: str) -> None:
    author = _sub(parent, "author")
    _sub(author, "name", name)
    if uri:
        _sub(author, "uri", uri)


def write_feed(feed: Feed, entries: Sequence[Entry], abs_url: Callable[[str], str], lang: str) -> bytes:
    """The feed document; entries are expected newest first."""
    root = ET.Element("feed", {"xmlns": ATOM_NS, XML_LANG: lang})
    self_url = abs_url(feed.path)
    _sub(root, "id", self_url)
    _sub(root, "title", feed.title)
    _sub(root, "subtitle", feed.subtitle)
    _sub(root, "updated", max((timestamp(e.updated) for e in entries), default=EMPTY_UPDATED,
                              key=lambda s: datetime.fromisoformat(s)))
    _sub(root, "link", rel="self", type="application/atom+xml", href=self_url)
    _sub(root, "link", rel="alternate", type="text/html", href=abs_url(feed.alternate))
    _author(root, feed.author, abs_url(feed.author_page) if feed.author_page else "")
    _sub(root, "generator", "govsite")
    for e in entries:
        entry = _sub(root, "entry")
        _sub(entry, "id", e.id)
        _sub(entry, "title", e.title)
        _sub(entry, "link", rel="alternate", type="text/html", href=abs_url(e.link))
        _sub(entry, "published", timestamp(e.published))
        _sub(entry, "updated", timestamp(e.updated))
        _author(entry, e.author, abs_url(e.author_page) if e.author_page else "")
        for c in e.categories:
            _sub(entry, "category", term=c.term, scheme=abs_url(c.scheme), label=c.label)
        _sub(entry, "summary", e.summary, type="text")
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
