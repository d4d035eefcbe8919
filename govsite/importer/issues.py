"""Problems found while importing, rendered in the user's language at the end."""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from govsite.importer.messages import text
from govsite.problems import Problem, Severity, _show

LABELS_ZH: dict[str, str] = {
    "index_no": "索引号", "title": "标题", "doc_no": "文号", "issuer": "发布机构", "written_date": "成文日期",
    "publish_date": "发布日期", "theme": "主题分类", "genre": "体裁分类", "validity": "有效性",
    "keywords": "主题词", "summary": "内容概述", "body_html": "正文", "body_md": "正文（Markdown）",
    "url": "原网址", "column": "栏目", "disclosure_mode": "公开方式", "co_issuers": "联合发文机关",
    # govsite import gazette (JSON paths such as sections[0].articles[2].written_date use their last key)
    "gazette": "刊名", "year": "年份", "number": "期号", "date": "出版日期", "volume": "卷号",
    "cumulative_number": "总期号", "pdf": "PDF 文件", "special": "增刊标志", "special_label": "增刊名称",
    "sections": "栏目列表", "articles": "文章列表", "pages": "页码", "text_source": "文本来源",
    "quality_note": "文本质量说明",
}
_PATH_KEY = re.compile(r"(?:^|\.)([A-Za-z_]+)(?:\[\d+\])*$")


def label(field_name: str | None, lang: str) -> str:
    """The Chinese label of a field (zh) or the field name itself (en).

    A JSON path (``sections[0].articles[2].written_date``) is labelled by its
    last key; ``sections[i].title`` is the 栏目名称."""
    if not field_name:
        return ""
    if lang != "zh":
        return field_name
    if re.fullmatch(r"sections\[\d+\]\.title", field_name):
        return "栏目名称"
    m = _PATH_KEY.search(field_name)
    key = m.group(1) if m and ("." in field_name or "[" in field_name) else field_name
    if field_name.endswith("]"):  # one element of a list: sections[0] is a 栏目, articles[2] an article
        return {"sections": "栏目", "articles": "文章"}.get(key, field_name)
    if key == "issuer" and "articles[" in field_name:
        return "发文机关"  # of a gazette article
    return LABELS_ZH.get(key, field_name)


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
    params: dict[str, Any] = dataclasses.field(default_factory=dict)  # (the attribute ``field`` hides the function)
    records: tuple[int, ...] = ()
    """For E-IMPORT-RECORDS: every record the finding is about (``record`` is the first)."""
    file: str | None = None
    """The file the finding is in when it is not the import file (``site.yaml``)."""

    @property
    def is_error(self) -> bool:
        return self.code.startswith("E-")

    @property
    def all_records(self) -> tuple[int, ...]:
        return self.records or ((self.record,) if self.record else ())

    def problem(self, file: str, lang: str) -> Problem:
        """A :class:`Problem` whose message is fully rendered in ``lang``."""
        params = dict(self.params)
        params.setdefault("record", self.record)
        if self.records:
            params["count"] = len(self.records)
            params["records"] = record_span(self.records, lang)
        if self.detail:
            values: dict[str, Any] = {"value": _show(self.value), "field": self.field or "",
                                      "label": label(self.field, lang)}
            values.update(self.params)
            params["detail"] = text(self.detail, lang, **values)
        severity = Severity.ERROR if self.is_error else Severity.WARNING
        return Problem(self.code, severity, self.file or file, self.line, self.field, self.value, params)


SPAN_SHOWN = 5
"""How many record numbers a finding about many records names before it counts the rest."""


def record_span(numbers: tuple[int, ...], lang: str) -> str:
    """``第 1、2、3、4、5 条及另外 55 条`` / ``records 1, 2, 3, 4, 5 and 55 more``."""
    shown, rest = numbers[:SPAN_SHOWN], len(numbers) - SPAN_SHOWN
    if lang == "zh":
        return f"第 {'、'.join(map(str, shown))} 条" + (f"及另外 {rest} 条" if rest > 0 else "")
    word = "record" if len(numbers) == 1 else "records"
    return f"{word} {', '.join(map(str, shown))}" + (f" and {rest} more" if rest > 0 else "")


def records_error(records: list[tuple[int, int]], field_name: str, value: Any, detail: str, **params: Any) -> Issue:
    """One E-IMPORT-RECORDS finding about several records, given as (number, line), at the first one's line."""
    numbers = tuple(n for n, _line in records)
    return Issue("E-IMPORT-RECORDS", numbers[0], records[0][1], field_name, value, detail, params, records=numbers)


def record_error(record: int, line: int, field_name: str | None, value: Any, detail: str, **params: Any) -> Issue:
    return Issue("E-IMPORT-RECORD", record, line, field_name, value, detail, params)
