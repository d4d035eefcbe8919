"""What the inspection rules read besides the model: the published documents'
text (items, pages, gazette articles), front-matter lines and the planned outputs."""
from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary

from govsite.base.yamlsource import locate, split_front_matter

THEME_TEMPLATES = ("base.html", "item.html", "page.html")
"""Templates whose fixed element ids are anchors of every item and page."""


@dataclass(frozen=True)
class Document:
    """A published Markdown document: where it is, where it goes, what it says."""

    source: str
    """Path relative to the site folder."""
    url: str
    """Output path relative to the site root ('' when it has no page of its own)."""
    text: str
    """The whole file."""
    front: str
    """The YAML front matter."""
    body: str
    body_line: int
    """File line of the body's first line."""


_DOCS: "WeakKeyDictionary[Any, OrderedDict[str, Document | None]]" = WeakKeyDictionary()
KEPT_DOCUMENTS = 512
"""Documents kept read (the most recently used): a rule asks for one file's text again
and again while it reports that file's findings, and the facts scan reads every file
once. Keeping every text for the model's lifetime held ≈ 8 KB per item in the main
process at the end of a cold build: at 100,000 items its peak was 1,574 MiB with every
text kept and 791 MiB with 512 (docs/performance.md, "Memory at scale")."""
_PLANNED: "WeakKeyDictionary[Any, frozenset[str]]" = WeakKeyDictionary()


@dataclass(frozen=True)
class Entry:
    """A published document known to the model, before its file is read."""

    source: str
    url: str
    digest: str
    """Digest of the file's bytes (the model's), for the per-document facts cache."""


_ENTRIES: "WeakKeyDictionary[Any, dict[str, Entry]]" = WeakKeyDictionary()


def entries(model: Any) -> list[Entry]:
    """Every item, page and gazette article, in model order; no file is read."""
    return list(_entry_map(model).values())


def _entry_map(model: Any) -> dict[str, Entry]:
    if model not in _ENTRIES:
        _ENTRIES[model] = {e.source: e for e in _entries(model)}
    return _ENTRIES[model]


def _entries(model: Any) -> list[Entry]:
    out = [Entry(it.source, it.url, it.digest) for it in model.items]
    out += [Entry(pg.source, pg.url, pg.digest) for pg in model.pages]
    if model.gazette is not None:
        out += [Entry(a.source, "", a.digest) for issue in model.gazette.issues for a in issue.articles]
    return out


def document(model: Any, source: str) -> Document | None:
    """One document's text, read on first use and kept while it is among the
    :data:`KEPT_DOCUMENTS` most recently used (the file is read again after that)."""
    docs = _DOCS.setdefault(model, OrderedDict())
    if source in docs:
        docs.move_to_end(source)
        return docs[source]
    entry = _entry_map(model).get(source)
    found = docs[source] = _read(model, source, entry.url if entry else "")
    if len(docs) > KEPT_DOCUMENTS:
        docs.popitem(last=False)
    return found


def _read(model: Any, source: str, url: str) -> Document | None:
    try:
        text = (model.root / source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    split = split_front_matter(text)
    if split is None:
        return None
    front, body, body_line = split
    return Document(source, url, text, front, body, body_line)


def field_line(doc: Document, *path: object) -> int | None:
    """File line of a front-matter field (the header starts on line 2). A top-level
    key is found by its ``key:`` line (no YAML parse: a report may hold hundreds)."""
    if len(path) == 1 and isinstance(path[0], str):
        found = re.search(rf"^{re.escape(path[0])}[ \t]*:", doc.front, re.M)
        if found:
            return doc.front.count("\n", 0, found.start()) + 2
    return locate(doc.front, tuple(path), 1, exact=True) or locate(doc.front, tuple(path), 1)


def planned_paths(model: Any) -> frozenset[str]:
    """Every output path a build of ``model`` writes (pages, feeds, data, assets, attachments)."""
    if model not in _PLANNED:
        from govsite.render.assets import plan_files
        from govsite.render.plan import plan_pages

        paths = {s.path for s in plan_pages(model)} | {f.path for f in plan_files(model)}
        _PLANNED[model] = frozenset(paths)
    return _PLANNED[model]


def set_planned_paths(model: Any, paths: set[str]) -> None:
    """Reuse the plan ``govsite check`` already made (phase 3)."""
    _PLANNED[model] = frozenset(paths)


@lru_cache(maxsize=1)
def template_ids() -> frozenset[str]:
    """Fixed ``id`` attributes of the theme's page templates (``#main`` …)."""
    from govsite.render.env import THEME_DIR

    ids: set[str] = set()
    for name in THEME_TEMPLATES:
        path = THEME_DIR / "templates" / name
        if path.is_file():
            ids |= set(re.findall(r'\bid="([A-Za-z][\w-]*)"', path.read_text(encoding="utf-8")))
    return frozenset(ids)
