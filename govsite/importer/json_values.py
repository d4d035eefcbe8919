"""Typed values from an import's JSON object (导入文件的取值): each key read as the kind it
must be, with a problem that names its JSON path (``sections[0].articles[2].written_date``),
the bad value and what is allowed, in Chinese and English.

Apart from the gazette format (:mod:`govsite.importer.gazette_json`) that walks the
object, so that the rules for a value's kind, range and date form are stated once.
"""
from __future__ import annotations

import json
from typing import Any

from govsite.dates import ACCEPTED_FORMS, ACCEPTED_FORMS_EN, DateFormatError, parse_legacy_date
from govsite.importer.issues import Issue
from govsite.importer.values import clean_text

EXPECTED: dict[str, tuple[str, str]] = {
    "int": ("整数", "an integer"),
    "str": ("文本（带引号的字符串）", "text (a quoted string)"),
    "bool": ("true 或 false", "true or false"),
    "list": ("列表 [...]", "a list [...]"),
    "object": ("对象 {...}", "an object {...}"),
    "pages": ("文本或整数，如 \"3-5\" 或 3", "text or an integer, e.g. \"3-5\" or 3"),
    "keywords": ("文本列表，如 [\"政府投资\", \"项目管理\"]，或一段以逗号、顿号分隔的文本",
                 "a list of texts, e.g. [\"a\", \"b\"], or one text separated by commas"),
}
RANGES: dict[str, tuple[int, int | None]] = {
    "year": (1949, 2100), "number": (1, None), "volume": (1, None), "cumulative_number": (1, None),
}
MISSING = object()
"""What a reader returns for a value it reported as a problem."""


def json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def is_kind(kind: str, value: Any) -> bool:
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "str":
        return isinstance(value, str)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "list":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, dict)
    if kind == "pages":
        return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))
    if kind == "keywords":
        return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
    raise ValueError(kind)


class JsonReader:
    """Collects problems while walking a JSON object; each names the key's JSON path."""

    def __init__(self, code: str) -> None:
        self.code = code
        self.issues: list[Issue] = []

    def error(self, where: str | None, value: Any, detail: str, line: int | None = None, **params: Any) -> None:
        self.issues.append(Issue(self.code, None, line, where, value, detail, params))

    def wrong_kind(self, where: str, value: Any, kind: str, nullable: bool = False) -> None:
        """``value`` at ``where`` is not of ``kind`` (``nullable``: null was allowed too)."""
        zh, en = EXPECTED[kind]
        if nullable:
            zh, en = zh + "，或 null", en + ", or null"
        self.error(where, json_text(value), "IMPORT-GAZETTE-TYPE", expected=zh, expected_en=en)

    def get(self, obj: dict[str, Any], key: str, base: str, kind: str, required: bool = False) -> Any:
        """``obj[key]`` if present and of ``kind``; None when absent/null (optional); ``MISSING`` on a problem."""
        where = f"{base}.{key}" if base else key
        value = obj.get(key)
        if value is None:
            if required:
                self.error(where, None, "IMPORT-MISSING")
                return MISSING
            return None
        if not is_kind(kind, value):
            self.wrong_kind(where, value, kind, nullable=not required)
            return MISSING
        if kind == "int" and key in RANGES:
            low, high = RANGES[key]
            if value < low or (high is not None and value > high):
                allowed = f"{low}–{high}" if high is not None else f"≥ {low}"
                self.error(where, value, "IMPORT-GAZETTE-RANGE", allowed=allowed)
                return MISSING
        return value

    def text(self, obj: dict[str, Any], key: str, base: str, required: bool = False) -> Any:
        """A one-line text; a required one must not be empty."""
        value = self.get(obj, key, base, "str", required)
        if value is MISSING or value is None:
            return value
        text = clean_text(value)
        if not text and required:
            self.error(f"{base}.{key}" if base else key, value, "IMPORT-MISSING")
            return MISSING
        return text or None

    def day(self, obj: dict[str, Any], key: str, base: str, required: bool = False) -> Any:
        value = self.get(obj, key, base, "str", required)
        if value is MISSING or value is None:
            return value
        try:
            return parse_legacy_date(value).day
        except DateFormatError:
            self.error(f"{base}.{key}" if base else key, value, "IMPORT-BAD-DATE",
                       forms=ACCEPTED_FORMS, forms_en=ACCEPTED_FORMS_EN)
            return MISSING
