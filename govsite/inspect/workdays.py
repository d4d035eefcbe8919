"""Working days (工作日) on the official Chinese holiday schedule.

The schedule is published by 国务院办公厅 each November or December
(《关于YYYY年部分节假日安排的通知》) and includes make-up working days on weekends
(调休上班). The built-in table comes from ``chinese-calendar`` (1.11 covers
2004–2026). A year set in ``site.yaml`` → ``inspection.working_days`` replaces the
table for that year; a year neither covers falls back to Monday–Friday, and the
calendar remembers the fallback so that the check warns once per year.
"""
from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar  # type: ignore[import-untyped]  # chinesecalendar ships no type hints

from govsite.model.inspection import WorkingDaysYear


class WorkCalendar:
    """Answers "is this a working day?" and counts working days."""

    def __init__(self, overrides: dict[int, WorkingDaysYear] | None = None) -> None:
        self._overrides = {
            year: (set(days.holidays), set(days.workdays)) for year, days in (overrides or {}).items()
        }
        self.fallback_years: set[int] = set()
        """Years answered Monday–Friday because no schedule covers them."""
        self._known: dict[date, bool] = {}
        """Answers so far: counting deadlines for 10,000 items asks about the same days again and again."""

    def is_workday(self, day: date) -> bool:
        """True on a working day: a weekday that is no holiday, or a 调休 workday."""
        known = self._known.get(day)
        if known is None:
            known = self._known[day] = self._lookup(day)
        return known

    def _lookup(self, day: date) -> bool:
        override = self._overrides.get(day.year)
        if override is not None:
            holidays, workdays = override
            if day in workdays:
                return True
            return day.weekday() < 5 and day not in holidays
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            self.fallback_years.add(day.year)
            return day.weekday() < 5

    def add_workdays(self, start: date, count: int) -> date:
        """The ``count``-th working day after ``start`` (``start`` itself not counted)."""
        day = start
        left = count
        while left > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                left -= 1
        return day

    def is_after_workdays(self, start: date, count: int, day: date) -> bool:
        """Is ``day`` later than :meth:`add_workdays` (``start``, ``count``)? Only the
        days up to ``day`` are looked at, so an on-time date never reaches into a year
        the holiday table does not cover (a document written in December and
        published the next day must not need next year's calendar). Later means more
        than ``count`` working days have passed, or exactly ``count`` and ``day``
        itself is no working day (a weekend after the last day)."""
        passed = self.workdays_between(start, day)
        return passed > count or (passed == count and not self.is_workday(day))

    def workdays_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end ≤ start)."""
        count = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_workday(day):
                count += 1
        return count
