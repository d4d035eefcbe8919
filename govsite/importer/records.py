"""Read an export file into numbered records with canonical field names.

CSV (UTF-8, with or without BOM; comma, tab or semicolon separated) and JSON
Lines are supported; the format follows the extension (``.csv``/``.tsv``,
``.jsonl``/``.ndjson``) and is sniffed from the content otherwise. Header
cells and JSON keys may be English field names or the Chinese labels legacy
CMS exports use (索引号, 标题, 发文字号 …); surrounding and inner spaces are
ignored (``标　　题`` is 标题). docs/content.md ("Accepted column names") lists
:data:`FIELDS` and :data:`ALIASES` for editors; a test keeps it complete. A CSV cell that begins with ``'`` before a
formula character (``'=…``, as govsite's own CSV files write it) loses that quote.

Records are numbered from 1: the data row of a CSV file (the header is not
counted) or the line of a JSON Lines file.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

from govsite.exports.spreadsheet import restore

Value = Union[str, list[str], None]

FIELDS = (
    "index_no", "title", "doc_no", "issuer", "written_date", "publish_date", "theme", "genre", "validity",
    "keywords", "summary", "body_html", "body_md", "url", "column", "disclosure_mode", "co_issuers",
)

ALIASES: dict[str, str] = {
    "索引号": "index_no",
    "标题": "title", "名称": "title", "信息名称": "title",
    "文号": "doc_no", "发文字号": "doc_no", "发布文号": "doc_no", "文件编号": "doc_no",
    "发布机构": "issuer", "发文机关": "issuer", "发文机构": "issuer",
    "成文日期": "written_date", "发文日期": "written_date", "生成日期": "written_date", "产生日期": "written_date",
    "发布日期": "publish_date", "公开日期": "publish_date", "上载日期": "publish_date",
    "主题分类": "theme", "主题导航": "theme",
    "体裁分类": "genre", "体裁": "genre", "公文种类": "genre", "文种": "genre",
    "有效性": "validity", "时效": "validity",
    "主题词": "keywords", "关键词": "keywords",
    "内容概述": "summary", "摘要": "summary",
    "正文": "body_html",
    "原网址": "url", "原链接": "url", "legacy_url": "url",
    "栏目": "column", "所属栏目": "column", "columns": "column",
    "公开方式": "disclosure_mode", "公开属性": "disclosure_mode",
    "联合发文机关": "co_issuers",
}
"""Header labels (after :func:`normalize_header`) mapped to canonical field names."""


class ImportFileError(Exception):
    """The file as a whole cannot be read (``encoding``, ``no_header``, ``json_array``)."""

    def __init__(self, reason: str, **params: Any) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params


@dataclass
class RawRecord:
    """One record as read: canonical field → value, plus where it came from."""

    number: int
    """1-based data row (CSV) or line (JSON Lines)."""
    line: int
    """Line of the file where the record starts."""
    values: dict[str, Value] = field(default_factory=dict)
    error: str | None = None
    """Why the record could not be read at all: ``extra_cells``, ``bad_json``, ``not_object``, ``bad_value``, ``nul``."""
    error_params: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReadResult:
    records: list[RawRecord]
    unknown_columns: list[str]
    """Header cells / keys that map to no field (ignored, reported as warnings)."""
    fmt: str
    """``csv`` or ``jsonl``."""


def normalize_header(name: str) -> str:
    """``' 标　题： '`` → ``标题``; ``'Publish Date'`` → ``publish_date``."""
    text = re.sub(r"[\s\u3000\ufeff]+", " ", str(name)).strip().rstrip(":：").strip()
    if re.fullmatch(r"[A-Za-z0-9_ -]+", text):
        return re.sub(r"[ -]+", "_", text.lower())
    return re.sub(r"\s+", "", text)


def canonical_field(name: str) -> str | None:
    key = normalize_header(name)
    if key in FIELDS:
        return key
    return ALIASES.get(key)


def detect_format(path: Path, text: str) -> str:
    """``csv`` or ``jsonl`` from the extension, else from the first non-blank character."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return "csv"
    return "jsonl" if text.lstrip().startswith("{") else "csv"


def read_records(path: Path) -> ReadResult:
    """Read ``path``; raise :class:`ImportFileError` when the file is unusable."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError("encoding", position=exc.start) from None
    fmt = detect_format(path, text)
    if fmt == "csv" and path.suffix.lower() not in (".csv", ".tsv") and text.lstrip().startswith("["):
        raise ImportFileError("json_array")  # a CMS's JSON export: not JSON Lines, and no CSV header
    if fmt == "jsonl":
        return _read_jsonl(text)
    return _read_csv(text, "\t" if path.suffix.lower() == ".tsv" else None)


def _check_nul(record: RawRecord) -> None:
    """A NUL character in a value is an error of the record (``nul``): written into an item
    file it would make the file E-NUL for ``check`` and every build."""
    if record.error:
        return
    for key, value in record.values.items():
        for text in ([value] if isinstance(value, str) else value or []):
            if "\0" in text:
                record.error = "nul"
                record.error_params = {"field": key, "value": None, "column": text.index("\0") + 1}
                return


def _add(values: dict[str, Value], key: str, value: Value) -> None:
    """First non-empty value wins when two columns map to the same field."""
    if values.get(key) in (None, "", []):
        values[key] = value


def _read_csv(text: str, delimiter: str | None) -> ReadResult:
    first_line = text.split("\n", 1)[0]
    if delimiter is None:
        delimiter = max([",", "\t", ";"], key=first_line.count) if first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    records: list[RawRecord] = []
    unknown: list[str] = []
    mapping: list[str | None] = []
    prev_line = 0
    for row in reader:
        start, prev_line = prev_line + 1, reader.line_num
        if header is None:
            if not any(cell.strip() for cell in row):
                continue
            header = row
            mapping = [canonical_field(cell) for cell in row]
            unknown = [cell.strip() for cell, key in zip(row, mapping) if key is None and cell.strip()]
            continue
        if not any(cell.strip() for cell in row):
            continue
        record = RawRecord(len(records) + 1, start)
        extra = [cell for cell in row[len(mapping):] if cell.strip()]
        if extra:
            record.error, record.error_params = "extra_cells", {"value": extra[0]}
        for key, cell in zip(mapping, row):
            if key is not None:
                _add(record.values, key, restore(cell))  # '=… as govsite's CSV exports write it
        _check_nul(record)
        records.append(record)
    if header is None or not any(mapping):
        raise ImportFileError("no_header")
    return ReadResult(records, unknown, "csv")


def _json_value(value: Any) -> Value:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v) for v in value]
    raise TypeError(type(value).__name__)


def _read_jsonl(text: str) -> ReadResult:
    records: list[RawRecord] = []
    unknown: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        record = RawRecord(number, number)
        records.append(record)
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            record.error, record.error_params = "bad_json", {"value": line.strip(), "reason": exc.msg}
            continue
        if not isinstance(data, dict):
            record.error, record.error_params = "not_object", {"value": line.strip()}
            continue
        for name, value in data.items():
            key = canonical_field(name)
            if key is None:
                if name not in unknown:
                    unknown.append(name)
                continue
            try:
                _add(record.values, key, _json_value(value))
            except TypeError:
                record.error, record.error_params = "bad_value", {"field": key, "value": json.dumps(value, ensure_ascii=False)}
        _check_nul(record)
    return ReadResult(records, unknown, "jsonl")
