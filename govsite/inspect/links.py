"""Internal links, anchors and attachment links in item and page bodies (链接可用性),
and attachments that do not state their file type (无障碍).

Links are resolved against the planned output paths, without rendering: a
relative link from the page's own URL, a site-absolute one (``/xxgk/...``) under
``base_url``'s path. Anchors are checked against the target body's heading ids
(the renderer's ids) and the theme's fixed ids. External links are not fetched.
"""
from __future__ import annotations

import posixpath
from datetime import date
from pathlib import PurePosixPath
from typing import Any, Iterator
from urllib.parse import unquote, urlsplit

from govsite.inspect.registry import rule
from govsite.inspect.facts import facts
from govsite.inspect.sources import Document, document, entries, field_line, planned_paths, template_ids
from govsite.markdown import heading_ids as body_heading_ids
from govsite.problems import ProblemLog

TYPE_WORDS = {"doc": ("word",), "docx": ("word",), "xls": ("excel",), "xlsx": ("excel",), "wps": ("wps",),
              "et": ("wps",), "ofd": ("ofd",)}
"""Besides the extension itself, words that name a file type in link text."""


@rule("W-EXTERNAL-IMAGE", family="links")
def images_from_other_sites(model: Any, today: date, problems: ProblemLog) -> None:
    """Each image of an item or page body loaded from another web site."""
    for source, found in facts(model).items():
        for line, address in found.external_images:
            problems.warning("W-EXTERNAL-IMAGE", source, line, "body", address)


def heading_ids(doc: Document, allow_html: bool) -> set[str]:
    """The ids the renderer gives the body's headings."""
    return body_heading_ids(doc.body, allow_html)


def resolve(href: str, page_url: str, base_path: str) -> tuple[str, str] | None:
    """(output path, anchor) of an internal link; None for external links and
    ``mailto:``/``tel:``. A site-absolute path outside ``base_path`` keeps its
    leading ``/`` (it can match no output path)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("//"):
        return None
    path, anchor = unquote(parts.path), unquote(parts.fragment)
    if not path:
        return page_url, anchor
    if path.startswith("/"):
        if path.startswith(base_path):
            target = path[len(base_path):]
        elif path == base_path.rstrip("/"):
            target = ""
        else:
            return path, anchor
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path))
        target = "" if target == "." else target
    if path.endswith("/") or target == "":
        target = (target.rstrip("/") + "/index.html").lstrip("/")
    return target, anchor


def shown(target: str, base_path: str) -> str:
    """A resolved target as a site-absolute URL path, for messages."""
    return target if target.startswith("/") else base_path + target


def _internal_links(model: Any) -> Iterator[tuple[str, int | None, str, str, str, str]]:
    """(source, line, href, link text, output path, anchor) of every internal body
    link (not external, ``mailto:`` or ``tel:``) of a document that has a page."""
    urls = {e.source: e.url for e in entries(model)}
    for source, found_facts in facts(model).items():
        url = urls.get(source)
        if not url:
            continue
        for line, href, text in found_facts.links:
            found = resolve(href, url, model.config.base_path)
            if found is not None:
                yield source, line, href, text, found[0], found[1]


@rule("E-LINK-BROKEN", family="links", codes=("E-LINK-BROKEN", "E-LINK-ANCHOR"))
def broken_links(model: Any, today: date, problems: ProblemLog) -> None:
    """A body link to a page, file or anchor the build does not produce."""
    allow_html = model.config.options.allow_html
    planned = planned_paths(model)
    by_url = {e.url: e.source for e in entries(model) if e.url}
    ids_cache: dict[str, set[str]] = {}
    for source, line, href, _text, target, anchor in _internal_links(model):
        if target not in planned and target + "/index.html" in planned:
            target += "/index.html"
        if target not in planned:
            problems.error("E-LINK-BROKEN", source, line, "body", href,
                           target=shown(target, model.config.base_path))
            continue
        if not anchor or target not in by_url:
            continue
        if target not in ids_cache:
            doc = document(model, by_url[target])
            ids_cache[target] = (heading_ids(doc, allow_html) if doc else set()) | template_ids()
        if anchor not in ids_cache[target]:
            problems.error("E-LINK-ANCHOR", source, line, "body", href, anchor=anchor,
                           allowed="、".join(sorted(ids_cache[target])) or "（无）")


def _states_type(text: str, suffix: str) -> bool:
    low = text.lower()
    return suffix in low or any(w in low for w in TYPE_WORDS.get(suffix, ()))


@rule("W-ATTACHMENT-TYPE", family="a11y")
def attachment_without_type(model: Any, today: date, problems: ProblemLog) -> None:
    """An attachment whose file has no extension, or a body link to a file under
    ``files/`` whose text does not name the file type."""
    for item in model.items:
        for i, att in enumerate(item.attachments):
            if not PurePosixPath(att.source).suffix:
                doc = document(model, item.source)
                line = field_line(doc, "attachments", i, "file") if doc else None
                problems.warning("W-ATTACHMENT-TYPE", item.source, line, f"attachments.{i}.file", att.source)
    for source, line, href, text, target, _anchor in _internal_links(model):
        if not target.startswith("files/"):
            continue
        suffix = PurePosixPath(target).suffix.lstrip(".").lower()
        if not suffix or not _states_type(text, suffix):
            problems.warning("W-ATTACHMENT-TYPE", source, line, "body", href)
