"""The inspection rule registry (巡检规则登记表).

A rule is a function ``(model, today, problems) -> None`` that adds its findings
to the :class:`~govsite.problems.ProblemLog`. Register it with the decorator::

    from govsite.inspect.registry import rule

    @rule("W-ANNUAL-MISSING", family="annual", site_wide=True)
    def annual_report_missing(model, today, problems):
        ...

``codes`` lists every problem code the rule may emit (default: the one named);
``family`` groups findings in the report (see :data:`FAMILIES`); ``site_wide``
rules (stale columns, footer, deadlines) always run and are always reported,
also with ``govsite check --since REV``. A rule module is imported by
:data:`RULE_MODULES`; a feature outside ``govsite/inspect`` may import this
module and register its own rule at import time, and add its module name to
:data:`RULE_MODULES` (or import itself before :func:`run_rules` is called).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from govsite.problems import ProblemLog

RuleFn = Callable[[Any, date, ProblemLog], None]
"""``(model: SiteModel, today: date, problems: ProblemLog) -> None``"""

FAMILIES: dict[str, tuple[str, str]] = {
    "columns": ("栏目更新", "Column updates"),
    "dates": ("日期与时限", "Dates and deadlines"),
    "identifiers": ("索引号与文号", "Index and document numbers"),
    "links": ("链接与附件", "Links and attachments"),
    "footer": ("网站标识", "Footer identity"),
    "privacy": ("个人信息", "Personal data"),
    "a11y": ("无障碍", "Accessibility"),
    "annual": ("年度报告", "Annual report"),
    "other": ("其他", "Other"),
}
"""Report groups: family id → (Chinese label, English label)."""

RULE_MODULES: list[str] = [
    "govsite.inspect.columns",
    "govsite.inspect.dates",
    "govsite.inspect.links",
    "govsite.inspect.footer",
    "govsite.inspect.placeholders",
    "govsite.inspect.privacy",
    "govsite.inspect.metadata",
    "govsite.annual.deadline",
]
"""Modules whose import registers rules, in report order."""

VALIDATION_FAMILIES: dict[str, str] = {
    "E-FUTURE-DATE": "dates", "E-DATE": "dates", "E-DATETIME": "dates", "E-DATE-ORDER": "dates",
    "E-DUP-INDEX": "identifiers", "W-INDEX-FORMAT": "identifiers",
    "W-DOCNO-BRACKET": "identifiers", "W-DOCNO-NUMBER": "identifiers", "W-DOCNO-FORM": "identifiers",
    "E-ATTACHMENT-MISSING": "links", "E-PATH-ESCAPE": "links",
    "E-IMG-ALT": "a11y",
}
"""Codes reported by loading and validation (not by a rule here) that belong to an
inspection family: the report shows them in that family."""


@dataclass(frozen=True)
class Rule:
    """One registered rule."""

    code: str
    fn: RuleFn
    family: str
    site_wide: bool
    codes: tuple[str, ...]


_RULES: dict[str, Rule] = {}


def rule(code: str, *, family: str = "other", site_wide: bool = False,
         codes: tuple[str, ...] = ()) -> Callable[[RuleFn], RuleFn]:
    """Register ``fn`` as the rule ``code``; registering the same code twice replaces it."""
    if family not in FAMILIES:
        raise ValueError(f"unknown rule family {family!r}; known: {', '.join(FAMILIES)}")

    def register(fn: RuleFn) -> RuleFn:
        _RULES[code] = Rule(code, fn, family, site_wide, codes or (code,))
        return fn

    return register


def rules() -> list[Rule]:
    """Every registered rule (importing :data:`RULE_MODULES` first), in registration order."""
    for name in RULE_MODULES:
        importlib.import_module(name)
    return list(_RULES.values())


def family_of(code: str) -> str:
    """The report family of a problem code."""
    for r in rules():
        if code in r.codes:
            return r.family
    return VALIDATION_FAMILIES.get(code, "other")


def site_wide_codes() -> set[str]:
    """Codes of site-wide rules: kept by ``--since`` whatever files changed."""
    return {c for r in rules() if r.site_wide for c in r.codes}


def run_rules(model: Any, today: date, problems: ProblemLog) -> None:
    """Run every registered rule on ``model``."""
    for r in rules():
        r.fn(model, today, problems)
