"""Per-document facts the inspection needs from a file's text (its links, images from
other sites, govsite's fill-in text and its personal-data findings), kept in
``.govsite-cache/inspect/`` by the file's digest.

The scanners that find them are here or below (:mod:`govsite.inspect.pii`); the rules
that report them (links, placeholders, privacy) import this module, never the reverse.

A build that changes one item re-reads and re-parses that one file; the other
10,000 come from the cache, so the ``_report`` page costs little on every build.
The cache is salted with what changes the facts (govsite version, raw-HTML
option, the allow-list of public numbers); deleting it is always safe.
"""
from __future__ import annotations

import os
import pickle
import re
from dataclasses import dataclass
from typing import Any, Iterator
from urllib.parse import unquote
from weakref import WeakKeyDictionary

from govsite import __version__
from govsite.base.cache import CACHE_DIR
from govsite.fill_in import fill_in_of
from govsite.inspect.pii import find_personal_data, public_numbers
from govsite.inspect.sources import Document, document, entries
from govsite.markdown import ENGINE as MARKDOWN_ENGINE
from govsite.markdown import body_links

Link = tuple[int | None, str, str]
"""(file line, href as written, link text)."""
Finding = tuple[int, str, str, str]
"""(file line, code, masked value, masked name or '')."""


@dataclass(frozen=True)
class Facts:
    """What one document's text says that a rule checks."""

    links: tuple[Link, ...]
    personal_data: tuple[Finding, ...]
    fillers: tuple[tuple[int, str], ...] = ()
    """(file line, text) of govsite's own fill-in text left in the body (:func:`filler_lines`)."""
    external_images: tuple[tuple[int, str], ...] = ()
    """(file line, address) of each image the body loads from another web site."""


LINK_MARKERS = ("](", "]:", "<")
"""A CommonMark link needs one of these: an inline link ``[t](u)``, a reference
definition ``[r]: u`` (reference links need one) or an autolink / HTML ``<a>``."""


def links_of(doc: Document, allow_html: bool) -> tuple[tuple[int | None, str, str], ...]:
    """(file line, href, link text) of every Markdown link in the body. A body
    without any link marker is not parsed (most are not: parsing is ≈ 1 ms a body)."""
    if not any(marker in doc.body for marker in LINK_MARKERS):
        return ()
    return tuple(_parse_links(doc.body, doc.body_line, allow_html))


def _parse_links(body: str, body_line: int, allow_html: bool) -> Iterator[tuple[int | None, str, str]]:
    for line, href, text in body_links(body, allow_html, body_line - 1):
        yield line, unquote(href), text  # the parser percent-encodes; show what the editor wrote


EXTERNAL_IMAGE = re.compile(r"!\[[^\]\n]*\]\(\s*<?((?:https?:)?//[^\s)>]+)|<img\b[^>]*\bsrc=[\"']?((?:https?:)?//[^\s\"'>]+)",
                            re.I)
"""An image (Markdown or HTML) whose address is on another web site."""


def external_images(body: str, body_line: int) -> list[tuple[int, str]]:
    """(file line, address) of each image in ``body`` loaded from another web site: the
    published page would ask that host for it (the site must work on an intranet and
    make no request to an outside host), it vanishes when the old site is switched off,
    and an ``http:`` image on an ``https`` page is blocked by browsers."""
    if "//" not in body:
        return []
    out = []
    for n, line in enumerate(body.splitlines()):
        for m in EXTERNAL_IMAGE.finditer(line):
            out.append((body_line + n, m.group(1) or m.group(2)))
    return out


def filler_lines(body: str, body_line: int) -> list[tuple[int, str]]:
    """(file line, fill-in text) of each body line holding govsite's fill-in text
    (:func:`govsite.fill_in.fill_in_of`); ``body_line`` is the file line of the body's first line."""
    out = []
    for n, line in enumerate(body.splitlines()):
        found = fill_in_of(line)
        if found is not None:
            out.append((body_line + n, found[0]))
    return out


_FACTS: "WeakKeyDictionary[Any, dict[str, Facts]]" = WeakKeyDictionary()


def facts(model: Any) -> dict[str, Facts]:
    """Facts of every published document (source → facts), from the cache where the
    file's digest is unchanged."""
    if model not in _FACTS:
        _FACTS[model] = _collect(model)
    return _FACTS[model]


def _collect(model: Any) -> dict[str, Facts]:
    allow_html = model.config.options.allow_html
    public = public_numbers(model)
    salt = f"facts-3:{__version__}:{MARKDOWN_ENGINE}:{allow_html}:{sorted(public)}"
    path = model.root / CACHE_DIR / "inspect" / "facts.pickle"
    cached = _load(path, salt)
    out: dict[str, Facts] = {}
    fresh: dict[str, tuple[str, Facts]] = {}
    for e in entries(model):
        hit = cached.get(e.source)
        if hit is not None and hit[0] == e.digest:
            out[e.source] = hit[1]
            fresh[e.source] = hit
            continue
        doc = document(model, e.source)
        if doc is None:
            continue
        found = Facts(links_of(doc, allow_html),
                      tuple(find_personal_data(doc.text, public, doc.body_line - 1)),
                      tuple(filler_lines(doc.body, doc.body_line)),
                      tuple(external_images(doc.body, doc.body_line)))
        out[e.source] = found
        fresh[e.source] = (e.digest, found)
    if fresh != cached:
        _save(path, salt, fresh)
    return out


def _load(path, salt: str) -> dict[str, tuple[str, Facts]]:
    try:
        with path.open("rb") as fh:
            on_disk, entries_ = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
        return {}
    return entries_ if on_disk == salt else {}


def _save(path, salt: str, data: dict[str, tuple[str, Facts]]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump((salt, data), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only checkout still inspects; it just re-reads next time
