"""Per-document facts the inspection needs from a file's text (its links and its
personal-data findings), kept in ``.govsite-cache/inspect/`` by the file's digest.

A build that changes one item re-reads and re-parses that one file; the other
10,000 come from the cache, so the ``_report`` page costs little on every build.
The cache is salted with what changes the facts (govsite version, raw-HTML
option, the allow-list of public numbers); deleting it is always safe.
"""
from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from govsite import __version__
from govsite.content.cache import CACHE_DIR
from govsite.inspect.sources import document, entries
from govsite.markdown import ENGINE as MARKDOWN_ENGINE

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


_FACTS: "WeakKeyDictionary[Any, dict[str, Facts]]" = WeakKeyDictionary()


def facts(model: Any) -> dict[str, Facts]:
    """Facts of every published document (source → facts), from the cache where the
    file's digest is unchanged."""
    if model not in _FACTS:
        _FACTS[model] = _collect(model)
    return _FACTS[model]


def _collect(model: Any) -> dict[str, Facts]:
    from govsite.inspect.links import external_images, links_of
    from govsite.inspect.placeholders import filler_lines
    from govsite.inspect.privacy import find_personal_data, public_numbers

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
