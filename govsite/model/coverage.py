"""Gazette coverage: which issues are online, which expected ones are missing,
and whether the next issue is overdue. Pure functions, no I/O.

Gaps are never hidden: a hole in the numbering within a year is always a missing
issue, whatever the frequency; for a fixed frequency, a past year is expected to
be complete (12, 24 or 36 issues).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from govsite.model.gazette import ISSUES_PER_YEAR, Frequency

PERIOD_DAYS: dict[Frequency, int] = {
    Frequency.MONTHLY: 31,
    Frequency.SEMI_MONTHLY: 16,
    Frequency.TEN_DAYS: 11,
}
"""Longest normal interval between two issues."""


@dataclass(frozen=True)
class YearCoverage:
    """One year of the archive."""

    year: int
    present: list[int]
    """Regular issue numbers online."""
    missing: list[int]
    """Expected issue numbers not online."""
    expected: int | None
    """Issues expected in the year (None: irregular, or the current year still running)."""
    specials: int = 0
    """Special editions (增刊/特刊) online."""

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class Coverage:
    """The coverage statement of a gazette."""

    years: list[YearCoverage] = field(default_factory=list)
    last_date: date | None = None
    next_due: date | None = None
    """Latest date the next regular issue should appear (None for irregular gazettes)."""
    overdue: bool = False

    @property
    def missing(self) -> list[tuple[int, int]]:
        return [(y.year, n) for y in self.years for n in y.missing]


def compute_coverage(
    first_year: int,
    first_number: int,
    frequency: Frequency,
    regular: list[tuple[int, int, date]],
    specials_per_year: dict[int, int],
    today: date,
    grace_days: int,
) -> Coverage:
    """Coverage from the regular issues given as (year, number, date)."""
    per_year = ISSUES_PER_YEAR[frequency]
    by_year: dict[int, set[int]] = {}
    for year, number, _d in regular:
        by_year.setdefault(year, set()).add(number)
    last_year = max([today.year, *by_year]) if by_year else today.year
    years: list[YearCoverage] = []
    for year in range(first_year, last_year + 1):
        present = sorted(by_year.get(year, ()))
        start = first_number if year == first_year else 1
        if per_year and year < today.year:
            top = per_year
        else:
            top = max(present, default=start - 1)  # running year or irregular: gaps below the latest
        expected_numbers = range(start, top + 1)
        missing = [n for n in expected_numbers if n not in present]
        expected = len(expected_numbers) if per_year and year < today.year else None
        years.append(YearCoverage(year, present, missing, expected, specials_per_year.get(year, 0)))
    last_date = max((d for _y, _n, d in regular), default=None)
    next_due = None
    overdue = False
    if frequency in PERIOD_DAYS and last_date is not None:
        next_due = last_date + timedelta(days=PERIOD_DAYS[frequency])
        overdue = today > next_due + timedelta(days=grace_days)
    return Coverage(years, last_date, next_due, overdue)
