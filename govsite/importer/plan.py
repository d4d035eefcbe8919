"""Decide what to write: skip records already imported, assign 索引号, choose file paths.

A record is *already imported* when the site has an item with the same
索引号 (if the record has one), else the same 原网址 (``legacy_url``), else the
same (title, 发布日期, issuer). New records keep their 索引号 or get one from the
site template (:func:`govsite.content.itemfile.assign_index_no`); files go to
``content/items/<org>/<year>/<seq>.md`` like ``govsite new item`` files, where
``seq`` is the serial of the record's own 索引号 when it has one (by the site
template, else by :data:`INDEX_SERIAL`), so that ``00013.md`` holds ``…/2024-00013``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable

from govsite.content.itemfile import assign_index_no, item_file_text, item_path
from govsite.model.loaded import SourceDoc
from govsite.identifiers import index_no_regex
from govsite.importer.issues import Issue, record_error
from govsite.importer.mapping import MappedRecord
from govsite.model.site import SiteConfig

_NUMBER = re.compile(r"^(\d+)")
INDEX_SERIAL = re.compile(r"(?:^|[/-])\d{4}(?:\d{2}){0,2}-(?P<seq>\d+)$")
"""The serial of a 索引号 in the common forms of other issuers (DOMAIN §2.3) when the
site template does not match it: ``000014349/2024-00013``, ``…/202110-00013``,
``01527918X-2020-153077``, ``20191202-189769``."""
NOTE_COMMENT = "导入时的原值（未在分类表中，请改为分类表中的值）："


@dataclass
class PlannedFile:
    record: MappedRecord
    path: Path
    index_no: str
    text: str


@dataclass
class Plan:
    files: list[PlannedFile] = field(default_factory=list)
    skipped: list[tuple[MappedRecord, str]] = field(default_factory=list)
    """(record, source of the existing item)"""
    warnings: list[Issue] = field(default_factory=list)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def duplicate_errors(records: list[MappedRecord]) -> list[Issue]:
    """Two records of one file with the same 索引号 or the same 原网址."""
    issues: list[Issue] = []
    seen_index: dict[str, int] = {}
    seen_url: dict[str, int] = {}
    for rec in records:
        if rec.index_given:
            if rec.index_given in seen_index:
                issues.append(record_error(rec.number, rec.line, "index_no", rec.index_given, "IMPORT-DUP-RECORD",
                                           other=seen_index[rec.index_given]))
            seen_index.setdefault(rec.index_given, rec.number)
        elif rec.legacy_url:
            if rec.legacy_url in seen_url:
                issues.append(record_error(rec.number, rec.line, "url", rec.legacy_url, "IMPORT-DUP-RECORD",
                                           other=seen_url[rec.legacy_url]))
            seen_url.setdefault(rec.legacy_url, rec.number)
    return issues


_NOT_IN_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters YAML does not allow anywhere in a file, comments included (control characters…)."""


def with_notes(text: str, notes: dict[str, str]) -> str:
    """Keep unknown theme/genre values as a YAML comment on their (empty) line; characters
    YAML does not allow are written as escapes (``\\x08``), so the file stays readable."""
    for key, value in notes.items():
        flat = " ".join(value.split())
        flat = _NOT_IN_YAML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                                else f"\\u{ord(m.group()):04x}", flat)
        text = text.replace(f"\n{key}: null\n", f"\n{key}: null  # {NOTE_COMMENT}{flat}\n", 1)
    return text


class _Paths:
    """File names in the same scheme as :func:`govsite.content.itemfile.item_path`, aware of planned files."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.planned: set[Path] = set()
        self._last: dict[Path, int] = {}

    def _next_seq(self, folder: Path) -> int:
        """One more than the highest number among the folder's files (existing or planned)."""
        if folder not in self._last:
            stems = [p.stem for p in folder.glob("*.md")] if folder.is_dir() else []
            self._last[folder] = max((int(m.group(1)) for m in map(_NUMBER.match, stems) if m), default=0)
        return self._last[folder] + 1

    def take(self, org_id: str, year: int, seq: int | None) -> Path:
        folder = self.root / "content" / "items" / org_id / str(year)
        if seq is None:
            seq = self._next_seq(folder)
        path = item_path(self.root, org_id, year, seq, self.planned)
        self.planned.add(path)
        self._last[folder] = max(self._next_seq(folder) - 1, seq)
        return path


def _index_date(config: SiteConfig, rec: MappedRecord) -> date:
    if config.index_no.year_from == "written_date" and rec.written is not None:
        return rec.written.day
    return rec.publish.day


def make_plan(root: Path, config: SiteConfig, records: list[MappedRecord], existing: Iterable[SourceDoc]) -> Plan:
    """Split records into files to create and records already on the site."""
    by_index: dict[str, SourceDoc] = {}
    by_url: dict[str, SourceDoc] = {}
    by_key: dict[tuple, SourceDoc] = {}
    for doc in existing:
        fm = doc.front
        by_index.setdefault(fm.index_no, doc)
        if fm.legacy_url:
            by_url.setdefault(fm.legacy_url, doc)
        by_key.setdefault((fm.title, fm.publish_date, fm.issuer), doc)
    plan = Plan()
    used = set(by_index) | {r.index_given for r in records if r.index_given}
    paths = _Paths(root)
    for rec in records:
        found: SourceDoc | None
        if rec.index_given:
            found = by_index.get(rec.index_given)
            if found is not None and _squash(found.front.title) != _squash(rec.front["title"]):
                plan.warnings.append(Issue("W-IMPORT-DUP", rec.number, rec.line, "index_no", rec.index_given,
                                           params={"other": found.source}))
        else:
            found = by_url.get(rec.legacy_url) if rec.legacy_url else by_key.get(rec.key)
        if found is not None:
            plan.skipped.append((rec, found.source))
            continue
        when = _index_date(config, rec)
        if rec.index_given:
            index_no = rec.index_given
            rx = index_no_regex(config.index_no.template, rec.org.code, rec.org.id, when.year, when.month)
            match = rx.match(index_no) or INDEX_SERIAL.search(index_no)
            seq = int(match["seq"]) if match and int(match["seq"]) > 0 else None
        else:
            index_no, seq = assign_index_no(config, rec.org, when, used)
            used.add(index_no)
        path = paths.take(rec.org.id, rec.publish.day.year, seq)
        front = {**rec.front, "index_no": index_no}
        plan.files.append(PlannedFile(rec, path, index_no, with_notes(item_file_text(front, rec.body), rec.notes)))
    return plan
