"""What the inspection rules read besides the model: the published documents'
text (items, pages, gazette articles), front-matter lines and the planned outputs."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator
from weakref import WeakKeyDictionary

from govsite.content.yamlsource import locate, split_front_matter

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


_DOCS: "WeakKeyDictionary[Any, list[Document]]" = WeakKeyDictionary()
_PLANNED: "WeakKeyDictionary[Any, frozenset[str]]" = WeakKeyDictionary()


def documents(model: Any) -> list[Document]:
    """Every item, page and gazette article with its text, read once per model."""
    if model not in _DOCS:
        _DOCS[model] = list(_read_all(model))
    return _DOCS[model]


def _read_all(model: Any) -> Iterator[Document]:
    entries: list[tuple[str, str]] = [(it.source, it.url) for it in model.items]
    entries += [(pg.source, pg.url) for pg in model.pages]
    if model.gazette is not None:
        entries += [(a.source, "") for issue in model.gazette.issues for a in issue.articles]
    for source, url in entries:
        try:
            text = (model.root / source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        split = split_front_matter(text)
        if split is None:
            continue
        front, body, body_line = split
        yield Document(source, url, text, front, body, body_line)


def field_line(doc: Document, *path: object) -> int | None:
    """File line of a front-matter field (the header starts on line 2)."""
    return locate(doc.front, tuple(path), 1, exact=True) or locate(doc.front, tuple(path), 1)


def planned_paths(model: Any) -> frozenset[str]:
    """Every output path a build of ``model`` writes (pages, feeds, data, assets, attachments)."""
    if model not in _PLANNED:
        from govsite.build.assets import plan_files
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
