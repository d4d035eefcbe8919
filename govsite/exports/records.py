"""One open-data record per item, and its CSV row.

Column names are the item front-matter field names (which ``govsite import
items`` reads back: ``columns`` and ``legacy_url`` are its aliases of
``column`` and ``url``), plus ``issuer_name``, ``theme_label``, ``page_url``,
``body_md`` (the Markdown body; empty for 依申请公开 items, whose text the site
does not publish). The importer's ``url`` means 原网址, so this site's own page
address is ``page_url``.
"""
from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from govsite.content.reader import read_body
from govsite.exports.spreadsheet import neutralise
from govsite.dates import BEIJING
from govsite.model.item import DisclosureMode
from govsite.model.linked import Item
from govsite.model.site_model import SiteModel
from govsite.base.urls import absolute_url

COLUMNS: tuple[str, ...] = (
    "index_no", "title", "doc_no", "issuer", "issuer_name", "co_issuers", "written_date", "publish_date", "theme",
    "theme_label", "genre", "columns", "disclosure_mode", "validity", "effective_date", "expiry_date",
    "superseded_by", "keywords", "summary", "interprets", "catalog_entry", "stage", "source", "legacy_url",
    "previous_urls", "page_url", "attachments", "body_md",
)
"""Field order of the JSON objects and CSV columns."""

LIST_SEPARATOR = ";"
"""Joins multi-valued cells (keywords, columns, co_issuers) in CSV, as the importer splits them."""


def format_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def format_datetime(value: datetime) -> str:
    """Beijing time as the front matter writes it: ``2025-03-02`` or ``2025-03-02 09:30[:15]``."""
    local = value.astimezone(BEIJING)
    if (local.hour, local.minute, local.second) == (0, 0, 0):
        return local.date().isoformat()
    return local.strftime("%Y-%m-%d %H:%M" + (":%S" if local.second else ""))


def publishes_text(item: Item) -> bool:
    """依申请公开 items are listed with their metadata only."""
    return item.fm.disclosure_mode is DisclosureMode.PROACTIVE


def item_body(model: SiteModel, item: Item) -> str | None:
    """The Markdown body with ``\\n`` line ends and no trailing blank lines; None when not published."""
    if not publishes_text(item):
        return None
    body, _line = read_body((model.root / item.source).read_bytes())
    return body.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")


def item_record(model: SiteModel, item: Item, body: str | None) -> dict[str, Any]:
    """Every public field of an item, JSON-typed, in :data:`COLUMNS` order."""
    fm = item.fm
    base = model.config.base_url
    record: dict[str, Any] = {
        "index_no": fm.index_no,
        "title": fm.title,
        "doc_no": fm.doc_no,
        "issuer": item.org.id,
        "issuer_name": item.org.name,
        "co_issuers": [o.id for o in item.co_orgs],
        "written_date": format_date(fm.written_date),
        "publish_date": format_datetime(fm.publish_date),
        "theme": item.theme_code,
        "theme_label": model.taxonomy.theme_label(item.theme_code) if item.theme_code else None,
        "genre": fm.genre,
        "columns": list(fm.columns),
        "disclosure_mode": fm.disclosure_mode.value,
        "validity": fm.validity.value,
        "effective_date": format_date(fm.effective_date),
        "expiry_date": format_date(fm.expiry_date),
        "superseded_by": fm.superseded_by,
        "keywords": list(fm.keywords),
        "summary": fm.summary,
        "interprets": fm.interprets,
        "catalog_entry": fm.catalog_entry,
        "stage": fm.stage.value if fm.stage else None,
        "source": fm.source,
        "legacy_url": fm.legacy_url,
        "previous_urls": list(getattr(fm, "previous_urls", [])),
        "page_url": absolute_url(base, item.url),
        "attachments": [
            {"title": a.title, "url": absolute_url(base, a.url), "size": a.size, "type": a.kind}
            for a in item.attachments
        ],
        "body_md": body,
    }
    return record


def item_digest_part(model: SiteModel, item: Item) -> str:
    """Everything :func:`item_record` reads besides ``base_url``: the file (front
    matter and body), where it is published, and the names it looks up."""
    theme = model.taxonomy.theme_label(item.theme_code) if item.theme_code else ""
    files = "|".join(f"{a.url}:{a.size}:{a.title}" for a in item.attachments)
    co = ",".join(o.id for o in item.co_orgs)
    return f"{item.digest} {item.url} {item.org.id} {item.org.name} {co} {item.theme_code} {theme} {files}"


def csv_cell(value: Any) -> str:
    """Lists are joined with ``;``; attachments are a JSON array; missing values are empty.
    Text that a spreadsheet would run as a formula is prefixed with ``'``
    (:mod:`govsite.exports.spreadsheet`); numbers are written as they are."""
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return json.dumps(value, ensure_ascii=False)
        return neutralise(LIST_SEPARATOR.join(value))
    return neutralise(str(value))


def csv_row(record: dict[str, Any]) -> list[str]:
    return [csv_cell(record[name]) for name in COLUMNS]
