"""Problems found while importing, rendered in the user's language at the end."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govsite.importer.messages import text
from govsite.problems import Problem, Severity, _show

LABELS_ZH: dict[str, str] = {
    "index_no": "索引号", "title": "标题", "doc_no": "文号", "issuer": "发布机构", "written_date": "成文日期",
    "publish_date": "发布日期", "theme": "主题分类", "genre": "体裁分类", "validity": "有效性",
    "keywords": "主题词", "summary": "内容概述", "body_html": "正文", "body_md": "正文（Markdown）",
    "url": "原网址", "column": "栏目", "disclosure_mode": "公开方式",
}


def label(field_name: str | None, lang: str) -> str:
    """The Chinese label of a field (zh) or the field name itself (en)."""
    if not field_name:
        return ""
    return LABELS_ZH.get(field_name, field_name) if lang == "zh" else field_name


@dataclass
class Issue:
    """One finding about a record (or the file) before it is turned into a :class:`Problem`."""

    code: str
    """Problem code: ``E-IMPORT-RECORD``, ``W-IMPORT-THEME`` …"""
    record: int | None
    line: int | None
    field: str | None
    value: Any
    detail: str | None = None
    """For E-IMPORT-RECORD/E-IMPORT-FILE: the key of the reason in :mod:`govsite.importer.messages`."""
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.code.startswith("E-")

    def problem(self, file: str, lang: str) -> Problem:
        """A :class:`Problem` whose message is fully rendered in ``lang``."""
        params = dict(self.params)
        params.setdefault("record", self.record)
        if self.detail:
            params["detail"] = text(
                self.detail, lang, value=_show(self.value), field=self.field or "",
                label=label(self.field, lang), **self.params,
            )
        severity = Severity.ERROR if self.is_error else Severity.WARNING
        return Problem(self.code, severity, file, self.line, self.field, self.value, params)


def record_error(record: int, line: int, field_name: str | None, value: Any, detail: str, **params: Any) -> Issue:
    return Issue("E-IMPORT-RECORD", record, line, field_name, value, detail, params)
