"""``govsite new item``: a correctly named file with complete front matter."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from govsite.fill_in import NEW_ITEM_BODY
from govsite.content.itemfile import assign_index_no, item_file_text, item_path, write_new_file
from govsite.content.loader import load_site
from govsite.i18n import render_message
from govsite.model.column_lookup import ColumnLookup
from govsite.model.org import Organization
from govsite.dates import today_beijing
from govsite.model.taxonomy import Column
from govsite.valuetext import choice_list


class NewItemError(Exception):
    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str) -> str:
        return render_message(self.code, lang, **self.params)


def _resolve_org(orgs: dict[str, Organization], given: str) -> str:
    """An organisation by id (xzfb) or by its name (测试县人民政府办公室)."""
    if given in orgs:
        return given
    named = [org_id for org_id, org in orgs.items() if org.name == given.strip()]
    if len(named) == 1:
        return named[0]
    raise NewItemError("E-REF-ORG", value=given, allowed=choice_list((i, o.name) for i, o in orgs.items()))


def _resolve_column(columns: list[Column], given: str) -> str:
    """A column by id (gfxwj) or by its name (行政法规、规章和规范性文件, or 上级/栏目)."""
    lookup = ColumnLookup.from_tree(columns)
    found, _ambiguous = lookup.resolve(given)
    if found is None:
        raise NewItemError("E-REF-COLUMN", value=given, allowed=lookup.allowed())
    return found


def create_item(site: Path, org_id: str, column_id: str, title: str, publish_date: str | None,
                genre: str = "通知", extra: dict[str, object] | None = None,
                body: str = NEW_ITEM_BODY + "\n") -> tuple[Path, str]:
    """Write a new item file; returns (path relative to site, index_no).

    ``extra`` adds or overrides front-matter fields (e.g. ``interprets`` for a 政策解读)."""
    site = site.resolve()
    loaded = load_site(site)
    config = loaded.config
    if config is None:
        raise NewItemError("E-MISSING", field="site.yaml")
    orgs = {o.id: o for o, _ in loaded.orgs}
    org_id = _resolve_org(orgs, org_id)
    column_id = _resolve_column(config.columns, column_id)
    try:
        when = date.fromisoformat(publish_date) if publish_date else today_beijing()
    except ValueError:
        raise NewItemError("E-DATE", value=publish_date) from None
    existing = {doc.front.index_no for doc in loaded.items}
    org = orgs[org_id]
    index_no, seq = assign_index_no(config, org, when, existing)
    front: dict[str, Any] = {
        "index_no": index_no,
        "title": title,
        "doc_no": None,
        "issuer": org_id,
        "written_date": when.isoformat(),
        "publish_date": f"{when.isoformat()} 09:00",
        "theme": None,
        "genre": genre,
        "columns": [column_id],
        "disclosure_mode": "主动公开",
        "validity": "有效",
        "keywords": [],
        "summary": "",
        "attachments": [],
    }
    front.update(extra or {})
    path = item_path(site, org_id, when.year, seq)
    write_new_file(path, item_file_text(front, body))
    return path.relative_to(site), index_no
