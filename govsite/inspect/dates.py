"""Deadlines (时限): late 政策解读 (3 working days, 国办发〔2016〕19号), late proactive
publication (20 working days, 条例第二十六条) and expired documents still marked 有效.

A missing 发布日期 cannot happen: ``publish_date`` is required by the item model
(E-MISSING), and a future one is E-FUTURE-DATE from validation; both are reported
under this family.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from govsite.base.yamlsource import locate
from govsite.inspect.registry import rule
from govsite.inspect.sources import document, field_line
from govsite.inspect.workdays import WorkCalendar
from govsite.dates import BEIJING
from govsite.model.item import DisclosureMode, Validity
from govsite.problems import ProblemLog

INTERPRETATION_DAYS = 3
PUBLICATION_DAYS = 20


def _day(value: Any) -> date:
    return value.astimezone(BEIJING).date()


def _calendar(model: Any) -> WorkCalendar:
    return WorkCalendar(model.config.inspection.working_days)


def _lines(model: Any):
    def line(source: str, name: str) -> int | None:
        doc = document(model, source)  # read only for a file with a finding
        return field_line(doc, name) if doc else None

    return line


def _warn_fallback(cal: WorkCalendar, problems: ProblemLog) -> None:
    for year in sorted(cal.fallback_years):
        problems.warning("W-CALENDAR-FALLBACK", "site.yaml", None, "inspection.working_days", year)


@rule("W-LATE-INTERPRETATION", family="dates", codes=("W-LATE-INTERPRETATION", "W-LATE-PUBLICATION",
                                                       "W-CALENDAR-FALLBACK"))
def late_interpretations_and_publication(model: Any, today: date, problems: ProblemLog) -> None:
    """政策解读 later than 3 working days after the policy; 主动公开 items later than
    20 working days after their 成文日期. Warns once per year counted Monday–Friday."""
    cal = _calendar(model)
    line = _lines(model)
    for item in model.items:
        published = _day(item.fm.publish_date)
        policy = item.interprets
        if policy is not None:
            policy_day = _day(policy.fm.publish_date)
            if cal.is_after_workdays(policy_day, INTERPRETATION_DAYS, published):
                problems.warning("W-LATE-INTERPRETATION", item.source, line(item.source, "publish_date"), "publish_date",
                                 published.isoformat(),
                                 policy=policy.fm.index_no, policy_date=policy_day.isoformat(),
                                 days=cal.workdays_between(policy_day, published))
        written = item.fm.written_date
        if written and item.fm.disclosure_mode is DisclosureMode.PROACTIVE:
            if cal.is_after_workdays(written, PUBLICATION_DAYS, published):
                problems.warning("W-LATE-PUBLICATION", item.source, line(item.source, "publish_date"), "publish_date",
                                 published.isoformat(),
                                 written=written.isoformat(), days=cal.workdays_between(written, published))
    _warn_fallback(cal, problems)


@rule("E-WORKDAYS-YEAR", family="dates", site_wide=True, codes=("E-WORKDAYS-YEAR", "E-WORKDAYS-BOTH"))
def working_days_config(model: Any, today: date, problems: ProblemLog) -> None:
    """``inspection.working_days`` in site.yaml: each date in its year, none listed twice."""
    try:
        text = (model.root / "site.yaml").read_text(encoding="utf-8")
    except OSError:
        text = ""
    for year, days in model.config.inspection.working_days.items():
        for kind in ("holidays", "workdays"):
            for i, day in enumerate(getattr(days, kind)):
                where = ("inspection", "working_days", year, kind, i)
                line = locate(text, where, 0)
                field = ".".join(map(str, where))
                if day.year != year:
                    problems.error("E-WORKDAYS-YEAR", "site.yaml", line, field, day.isoformat(), year=year)
                elif kind == "workdays" and day in days.holidays:
                    problems.error("E-WORKDAYS-BOTH", "site.yaml", line, field, day.isoformat())


@rule("W-EXPIRED-VALID", family="dates")
def expired_but_valid(model: Any, today: date, problems: ProblemLog) -> None:
    """失效日期 in the past while 有效性 is still 有效."""
    line = _lines(model)
    for item in model.items:
        expiry = item.fm.expiry_date
        if expiry and expiry < today and item.fm.validity is Validity.VALID:
            problems.warning("W-EXPIRED-VALID", item.source, line(item.source, "expiry_date"), "expiry_date", expiry.isoformat(),
                             today=today.isoformat())
