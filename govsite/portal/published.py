"""One member site as it published itself (成员网站的已发布输出): read from its output
folder (a local copy that ``rclone sync`` keeps fresh), never from its sources.

Read, in this order: the build manifest (``.govsite-manifest.json``: proof that the
folder is a complete govsite output, and the list of its files), ``data/site.json``
(the build's date, the column tree, the 主题分类 pages, the gazette coverage:
:mod:`govsite.exports.sitefacts`), the open-data manifest ``data/manifest.json`` and
each ``data/items-YYYY.json`` it lists (or, for a year file whose SHA-256 has not
changed, what the portal kept of it: :mod:`govsite.portal.yearcache`). Anything missing or malformed raises
:class:`Unreadable` naming the file, the field, the value found and what was
expected, so that the portal can show the member as unreadable and go on.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from govsite.base.manifest import MANIFEST
from govsite.dates import BEIJING
from govsite.exports.manifest import MANIFEST_PATH as OPEN_DATA_MANIFEST
from govsite.exports.sitefacts import FORMAT, SITE_FACTS_PATH
from govsite.model.taxonomy import Column, ColumnType
from govsite.portal.yearcache import Record, YearCache


TITLES, ENTRY = "pagefind/titles", "pagefind-entry.json"
"""A title-layer bundle of the site search (pagefind/titles/, or tiers pagefind/titles-2019-2021/):
what the portal's search merges (govsite/search/docs.py)."""


class Missing(Exception):
    """The member's output folder is not there at all."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.folder = folder


EXPECTED_ZH = {
    "the file, written by every govsite build": "该文件（每次 govsite 构建都会写出）",
    "a readable UTF-8 file": "可读取的 UTF-8 文件",
    "JSON": "JSON 格式",
    "a date YYYY-MM-DD": "日期 YYYY-MM-DD",
    "a date YYYY-MM-DD or YYYY-MM-DD HH:MM": "日期 YYYY-MM-DD 或 YYYY-MM-DD HH:MM",
    "an object of output paths": "输出文件路径的映射",
    "a list of columns": "栏目列表",
    "a list of 主题分类 pages": "主题分类页面列表",
    "text": "文字",
    "an object of 主题分类 codes": "主题分类代码的映射",
    "an object or null": "映射或 null",
    "the site's name": "网站名称",
    "the site's address": "网站网址",
    "a column id": "栏目编号",
    "a whole number of days ≥ 1, or null": "不小于 1 的整数天数或 null",
    "the column's name": "栏目名称",
    "the column page's address": "栏目页网址",
    "a list of data files": "数据文件列表",
    "a data file's path": "数据文件路径",
    "a list of item records": "信息记录列表",
    "a list of column ids": "栏目编号列表",
    "the item's title": "信息标题",
    "the item page's address": "信息页面网址",
    "the issuing organisation": "发布机构",
}
"""What was expected, in Chinese (the messages are Chinese first; see :mod:`govsite.portal.messages`)."""


class Unreadable(Exception):
    """A file of the member's output that cannot be used: which file, which field,
    what it holds and what was expected (``expected`` in English, ``expected_zh``)."""

    def __init__(self, file: Path, field: str, value: Any, expected: str, expected_zh: str = "") -> None:
        super().__init__(f"{file}: {field} = {value!r} (expected {expected})")
        self.file, self.field, self.value, self.expected = file, field, value, expected
        self.expected_zh = expected_zh or EXPECTED_ZH.get(expected, expected)


@dataclass(frozen=True)
class PublishedItem:
    """One item of a member's open data, as the portal lists it."""

    title: str
    url: str
    """The item's own page on the member's site (its ``page_url``)."""
    org: str
    publish_date: datetime
    columns: tuple[str, ...]
    theme: str | None
    """First-level 主题分类 code."""

    @property
    def fm(self) -> "PublishedItem":
        """The inspection rules read ``item.fm.publish_date`` (an item's front matter)."""
        return self


@dataclass(frozen=True)
class ColumnPage:
    """A column's own page (栏目页) and its 最后更新 date, as the rules read it (``page.fm.updated``)."""

    updated: datetime | None

    @property
    def fm(self) -> "ColumnPage":
        return self


@dataclass
class MemberSite:
    """A member's published output, in the shape the inspection rules read a site."""

    name: str
    base_url: str
    built: date
    columns: dict[str, Column]
    column_parent: dict[str, str | None]
    column_urls: dict[str, str]
    column_pages: dict[str, ColumnPage]
    themes: list[tuple[str, str, str]]
    """(code, label, url) of each first-level 主题分类 page."""
    gazette: dict[str, Any] | None
    theme_top: dict[str, str]
    """主题分类 code → its first-level code."""
    items: list[PublishedItem] = field(default_factory=list)
    """Newest first."""
    by_column: dict[str, list[PublishedItem]] = field(default_factory=dict)
    """Items of a column and of its descendants, newest first (as a site's model has them)."""
    title_bundles: list[str] = field(default_factory=list)
    """Output paths of its search's title-layer bundles, newest tier first (``pagefind/titles/``)."""


def read_json(file: Path) -> Any:
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise Unreadable(file, "(file)", None, "the file, written by every govsite build") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise Unreadable(file, "(file)", str(exc), "a readable UTF-8 file") from None
    try:
        return json.loads(text)
    except ValueError as exc:
        raise Unreadable(file, "(file)", f"{exc}", "JSON") from None


def need(data: Any, key: str, kind: type | tuple[type, ...], file: Path, where: str, expected: str) -> Any:
    """``data[key]`` when it is of ``kind``; else :class:`Unreadable` naming ``where``."""
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, kind) or isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        raise Unreadable(file, where, value, expected)
    return value


def parse_day(value: Any, file: Path, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise Unreadable(file, where, value, "a date YYYY-MM-DD") from None


def parse_time(value: Any, file: Path, where: str) -> datetime:
    """A 发布日期 as the open data writes it: ``2025-03-02`` or ``2025-03-02 09:30[:15]``, Beijing time."""
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise Unreadable(file, where, value, "a date YYYY-MM-DD or YYYY-MM-DD HH:MM") from None
    return parsed.replace(tzinfo=BEIJING) if parsed.tzinfo is None else parsed


def read_member(folder: Path, cache: YearCache | None = None) -> MemberSite:
    """The member whose output is ``folder``; raises :class:`Missing` or :class:`Unreadable`.
    Year files whose digest ``cache`` holds are not opened (:mod:`govsite.portal.yearcache`)."""
    if not folder.is_dir():
        raise Missing(folder)
    manifest = read_json(folder / MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("generator") != "govsite":
        raise Unreadable(folder / MANIFEST, "generator", manifest.get("generator") if isinstance(manifest, dict) else manifest,
                         '"govsite" (the folder must be a complete govsite output)',
                         "“govsite”（该目录须是 govsite 构建的完整输出）")
    files = need(manifest, "files", dict, folder / MANIFEST, "files", "an object of output paths")
    if SITE_FACTS_PATH not in files:
        raise Unreadable(folder / MANIFEST, f"files.{SITE_FACTS_PATH}", None,
                         f"{SITE_FACTS_PATH}, written by govsite builds since the portal (rebuild the member with this govsite)",
                         f"列有 {SITE_FACTS_PATH}（支持集约化平台的 govsite 构建才会写出：请用本版本 govsite 重新构建该网站）")
    member = _site_facts(folder / SITE_FACTS_PATH)
    member.title_bundles = sorted((p[: -len(ENTRY)] for p in files if p.startswith(TITLES) and p.endswith(ENTRY)
                                   and p.count("/") == 2), reverse=True)
    _read_items(folder, member, cache)
    return member


def _site_facts(file: Path) -> MemberSite:
    data = read_json(file)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise Unreadable(file, "format", data.get("format") if isinstance(data, dict) else data, f'"{FORMAT}"', f"“{FORMAT}”")
    built = parse_day(data.get("built"), file, "built")
    rows = need(data, "columns", list, file, "columns", "a list of columns")
    columns, parent, urls, pages = _columns(rows, file)
    themes = []
    for n, theme in enumerate(need(data, "themes", list, file, "themes", "a list of 主题分类 pages")):
        themes.append(tuple(need(theme, k, str, file, f"themes.{n}.{k}", "text") for k in ("code", "label", "url")))
    tops = need(data, "theme_top", dict, file, "theme_top", "an object of 主题分类 codes")
    gazette = data.get("gazette")
    if gazette is not None and not isinstance(gazette, dict):
        raise Unreadable(file, "gazette", gazette, "an object or null")
    return MemberSite(need(data, "site", str, file, "site", "the site's name"),
                      need(data, "base_url", str, file, "base_url", "the site's address"),
                      built, columns, parent, urls, pages, themes, gazette,  # type: ignore[arg-type]
                      {str(k): str(v) for k, v in tops.items()})


def _columns(rows: list[Any], file: Path) -> tuple[dict[str, Column], dict[str, str | None], dict[str, str], dict[str, ColumnPage]]:
    """The column tree, rebuilt as the site's own :class:`Column` objects (so that
    ``effective_update_days`` is the one ``govsite check`` uses)."""
    kinds = [t.value for t in ColumnType]
    parent: dict[str, str | None] = {}
    fields: dict[str, dict[str, Any]] = {}
    urls: dict[str, str] = {}
    pages: dict[str, ColumnPage] = {}
    for n, row in enumerate(rows):
        where = f"columns.{n}"
        col_id = need(row, "id", str, file, f"{where}.id", "a column id")
        kind = row.get("type")
        if kind not in kinds:
            raise Unreadable(file, f"{where}.type", kind, "one of " + ", ".join(kinds), "以下之一：" + ", ".join(kinds))
        days = row.get("update_days")
        if days is not None and (not isinstance(days, int) or isinstance(days, bool) or days < 1):
            raise Unreadable(file, f"{where}.update_days", days, "a whole number of days ≥ 1, or null")
        fields[col_id] = {"id": col_id, "title": need(row, "title", str, file, f"{where}.title", "the column's name"),
                          "type": kind, "update_days": days}
        parent[col_id] = row.get("parent") if isinstance(row.get("parent"), str) else None
        urls[col_id] = need(row, "url", str, file, f"{where}.url", "the column page's address")
        if row.get("has_page"):
            updated = row.get("page_updated")
            pages[col_id] = ColumnPage(None if updated is None else datetime.combine(
                parse_day(updated, file, f"{where}.page_updated"), datetime.min.time(), BEIJING))
    built: dict[str, Column] = {}

    def make(col_id: str) -> Column:
        if col_id not in built:
            kids = [make(k) for k, p in parent.items() if p == col_id]
            built[col_id] = Column(**fields[col_id], children=kids)
        return built[col_id]

    for col_id in fields:
        make(col_id)
    return built, parent, urls, pages


def _read_items(folder: Path, member: MemberSite, cache: YearCache | None) -> None:
    """Every item of the open data, newest first, and each column's items. A year file
    whose SHA-256 (from ``data/manifest.json``) is in ``cache`` is not opened."""
    file = folder / OPEN_DATA_MANIFEST
    listed = need(read_json(file), "files", list, file, "files", "a list of data files")
    items: list[PublishedItem] = []
    for n, entry in enumerate(listed):
        path = need(entry, "path", str, file, f"files.{n}.path", "a data file's path")
        if not (path.endswith(".json") and entry.get("year") is not None):
            continue
        sha = entry.get("sha256")
        records = cache.load(sha) if cache is not None and YearCache.usable(sha) else None
        if records is None:
            records = _year_records(folder / path)
            if cache is not None:
                cache.read.append(f"{member.base_url}{path}")
                if YearCache.usable(sha):
                    cache.store(sha, records)
        items.extend(_items(records, folder / path, member.theme_top))
    items.sort(key=lambda it: (it.publish_date, it.url), reverse=True)
    member.items = items
    for item in items:
        seen: set[str] = set()
        for col_id in item.columns:
            current: str | None = col_id
            while current and current not in seen:
                seen.add(current)
                member.by_column.setdefault(current, []).append(item)
                current = member.column_parent.get(current)


def _year_records(file: Path) -> list[Record]:
    """What the portal keeps of each record of a year file (checked field by field)."""
    records = need(read_json(file), "items", list, file, "items", "a list of item records")
    found: list[Record] = []
    for n, rec in enumerate(records):
        where = f"items.{n}"
        theme = rec.get("theme") if isinstance(rec, dict) else None
        columns = need(rec, "columns", list, file, f"{where}.columns", "a list of column ids")
        date_text = rec.get("publish_date")
        parse_time(date_text, file, f"{where}.publish_date")
        found.append((need(rec, "title", str, file, f"{where}.title", "the item's title"),
                      need(rec, "page_url", str, file, f"{where}.page_url", "the item page's address"),
                      need(rec, "issuer_name", str, file, f"{where}.issuer_name", "the issuing organisation"),
                      date_text, tuple(str(c) for c in columns), theme if isinstance(theme, str) else None))
    return found


def _items(records: list[Record], file: Path, theme_top: dict[str, str]) -> list[PublishedItem]:
    return [PublishedItem(title, url, org, parse_time(when, file, "publish_date"), columns,
                          theme_top.get(theme) if theme is not None else None)
            for title, url, org, when, columns, theme in records]
