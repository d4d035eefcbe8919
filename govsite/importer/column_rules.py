"""Placing imported records that name no column (栏目) by documented rules.

Real exports (gov.cn 政策文件库 pages, many county CMSs) carry 主题分类 and 体裁 but
no 栏目, so a record without a column is placed by the first rule of :data:`RULES`
that matches its 体裁 (genre), its title or its 文号, and only when no rule
matches, in the default column (``--column-default``, else ``import_defaults.column``
in ``site.yaml``).

A rule names a column *type* (:class:`govsite.model.taxonomy.ColumnType`) and,
for the categories of 条例第二十条 that share a type, the ``art20`` category, not a
column id: it finds the first column of the site (in ``site.yaml`` order) with that
type (and category), so the rules work with any site's ids. A rule whose column
the site does not have does not apply. docs/content.md ("Column rules") lists the
same table; ``tests/importer/test_import_columns.py`` checks that it does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from govsite.identifiers import check_doc_no
from govsite.model.taxonomy import Column, ColumnType, walk_columns


@dataclass(frozen=True)
class ColumnRule:
    """One placement rule: matches on 体裁, title words or the 文号's form."""

    name: str
    """Chinese label shown in the import summary (按规则归入栏目：规范性文件 41 条)."""
    column_type: ColumnType
    art20: int | None
    """The category of Art. 20 the column must carry (for types several columns share)."""
    genres: tuple[str, ...] = ()
    """体裁/文种 values (as in the genre list) that select the rule."""
    title: str = ""
    """Regular expression searched in the title."""
    doc_no: bool = False
    """A 文号 numbered as a 规范性文件 (its 代字 ends with 规: 示政规〔2024〕3号, the
    统一编号 many provinces give 行政规范性文件) selects the rule."""


RULES: tuple[ColumnRule, ...] = (
    ColumnRule("政策解读", ColumnType.INTERPRETATION, None, ("解读", "政策解读"), r"解读|答记者问"),
    ColumnRule("年报", ColumnType.ANNUAL_REPORT, None, ("年报",), r"年度报告"),
    ColumnRule("政府信息公开指南", ColumnType.GUIDE, None, (), r"政府信息公开指南"),
    ColumnRule("规划", ColumnType.PERSONNEL_PLAN, 3, ("规划",), r"规划[》”\"]|规划$"),
    ColumnRule("统计信息", ColumnType.NOTICE_POLICY, 4, ("统计",), r"统计公报"),
    ColumnRule("规范性文件", ColumnType.NOTICE_POLICY, 1, ("规章", "规范性文件", "办法", "规定", "细则"),
               r"规范性文件|(?:办法|规定|细则|规则)(?:（试行）|（暂行）)?[》”\"]?(?:的通知)?$", doc_no=True),
)
"""Tried in this order; the first that matches places the record. A 解读 of a 规范性文件
goes to 政策解读, a 规划 to the 规划 column. A 文号 alone places nothing: notices,
letters (函) and 行政处罚决定书 carry 文号 too, and filing them all under
行政法规、规章和规范性文件 misstates what the county has issued (walk of the
first day: 10 of 20 records of an ordinary export)."""


_REGULATION_CODE = re.compile(r"规\s*[〔［\[(（]\s*\d{4}")
"""The 代字 of a 文号 ends with 规 just before its year (示政规〔2024〕3号, 苏政规[2024]1号)."""


def is_regulation_doc_no(value: str | None) -> bool:
    """A 文号 numbered as a 规范性文件 (see :attr:`ColumnRule.doc_no`)."""
    return is_doc_no(value) and _REGULATION_CODE.search(value or "") is not None


def is_doc_no(value: str | None) -> bool:
    """A 文号 (canonical, or one :func:`govsite.identifiers.check_doc_no` can fix)."""
    if not value:
        return False
    finding = check_doc_no(value)
    return finding is None or finding.kind != "form"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("(", "（").replace(")", "）")


def rule_matches(rule: ColumnRule, genre: str | None, title: str, doc_no: str | None) -> bool:
    if genre and _squash(genre) in rule.genres:
        return True
    if rule.title and re.search(rule.title, title):
        return True
    return rule.doc_no and is_regulation_doc_no(doc_no)


@dataclass(frozen=True)
class Placement:
    """Where a record without a column goes, and why."""

    column: str
    rule: str | None
    """The rule's name, or None when the default column placed it."""


class ColumnPlacer:
    """The rules bound to one site's columns, plus its default column."""

    def __init__(self, columns: list[Column], default: str | None) -> None:
        self.default = default
        self.targets: dict[str, str] = {}
        """Rule name → the site's column id (rules the site has no column for are absent)."""
        for rule in RULES:
            for col, _parent in walk_columns(columns):
                if col.type is rule.column_type and (rule.art20 is None or col.art20 == rule.art20):
                    self.targets[rule.name] = col.id
                    break

    def place(self, genre: str | None, title: str, doc_no: str | None) -> Placement | None:
        """The first rule that matches and has a column on this site, else the default, else None."""
        for rule in RULES:
            target = self.targets.get(rule.name)
            if target is not None and rule_matches(rule, genre, title, doc_no):
                return Placement(target, rule.name)
        return Placement(self.default, None) if self.default else None
