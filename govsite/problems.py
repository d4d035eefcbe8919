"""Problems found while loading, validating or building a site.

Every problem names the file, the line (when known), the field, the bad value and
what is allowed. Problems are collected, never raised one at a time, so that an
editor sees all of them in one run.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from dataclasses import field as data_field  # Problem has a field named "field"
from enum import Enum
from typing import Any, Iterable

from govsite.i18n import render_message
from govsite.valuetext import value_text


class Severity(str, Enum):
    """How bad a problem is: an error stops the build; a warning does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding about the site's content or configuration."""

    code: str
    """Stable rule code, e.g. ``E-DATE``; documented in docs/content.md."""
    severity: Severity
    file: str
    """Path relative to the site folder (POSIX separators)."""
    line: int | None
    field: str | None
    """Dotted field path inside the file, e.g. ``attachments.0.file``."""
    value: Any
    params: dict[str, Any] = data_field(default_factory=dict, compare=False, hash=False)
    """Extra values interpolated into the message (e.g. ``allowed``)."""

    def message(self, lang: str = "zh") -> str:
        return render_message(self.code, lang, value=_show(self.value), field=self.field or "", **self.params)

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def format(self, lang: str = "zh") -> str:
        sev = {"zh": {"error": "错误", "warning": "警告"}, "en": {"error": "error", "warning": "warning"}}[lang][
            self.severity.value
        ]
        where = self.location()
        fld = f" [{self.field}]" if self.field else ""
        return f"{where}: {sev} {self.code}{fld}: {self.message(lang)}"

    def as_json(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "value": _jsonable(self.value),
            "message": self.message(lang),
        }

    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.field or "", self.code)


_JSON_VALUE_LIMIT = 1000
"""Characters of a value kept in JSON output and in the key that merges repeated problems."""


def _show(value: Any) -> str:
    """The value as a message shows it: at most 80 characters, however large the value
    (a value is never printed in full first: see :mod:`govsite.valuetext`)."""
    if value is None:
        return "（空）"
    text = value_text(value, 81)
    return text if len(text) <= 80 else text[:77] + "…"


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (bool, float)):
        return value
    if isinstance(value, int) and value.bit_length() <= 3 * _JSON_VALUE_LIMIT:
        return value
    return value_text(value, _JSON_VALUE_LIMIT)


class ProblemLog:
    """Collects problems from every phase; sorted output is deterministic."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def add(self, problem: Problem) -> None:
        self._items.append(problem)

    def error(self, code: str, file: str, line: int | None, field: str | None, value: Any, **params: Any) -> None:
        self.add(Problem(code, Severity.ERROR, file, line, field, value, params))

    def warning(self, code: str, file: str, line: int | None, field: str | None, value: Any, **params: Any) -> None:
        self.add(Problem(code, Severity.WARNING, file, line, field, value, params))

    def extend(self, problems: Iterable[Problem]) -> None:
        self._items.extend(problems)

    @property
    def items(self) -> list[Problem]:
        unique = {(p.sort_key(), p.severity, value_text(p.value, _JSON_VALUE_LIMIT)): p for p in self._items}
        return sorted(unique.values(), key=Problem.sort_key)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self._items)

    def to_json(self, lang: str = "zh") -> str:
        payload = {
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "problems": [p.as_json(lang) for p in self.items],
        }
        return json.dumps(payload, ensure_ascii=False, indent=2)
