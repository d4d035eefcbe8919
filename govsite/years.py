"""The years a command's ``--year`` may take (E-YEAR-RANGE), so that a slip such as
``--year -1`` or ``--year 20255`` is refused before any file is written.

- 年度报告: from 2008, the first year the 条例 (国务院令第492号, promulgated
  2007-04-05, in force 2008-05-01) was in force, so the first reports under
  Art. 49 (each year, on the year before) cover 2008; to the current year, since
  a report covers a calendar year (DOMAIN §3.1) and the current year's data file
  may be prepared in December, but next year's has nothing to count yet.
- 政府公报 issues: from the first year ``issue.yaml`` accepts (1949; gazettes are
  digitised back to their first issue, 创刊以来) to next year, since an issue
  dated early next year may be prepared in December.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from annotated_types import Ge

from govsite.i18n import render_message
from govsite.model.gazette import IssueFile

ANNUAL_FIRST_YEAR = 2008
"""The 条例 took effect on 2008-05-01: the first annual reports are on 2008."""
GAZETTE_FIRST_YEAR: int = next(int(m.ge) for m in IssueFile.model_fields["year"].metadata  # type: ignore[call-overload]
                               if isinstance(m, Ge))
"""The lowest ``year`` of ``issue.yaml`` (the model's own bound)."""


@dataclass(frozen=True)
class YearRange:
    low: int
    high: int
    what: str
    """What the year is of, in Chinese (年度报告)."""
    what_en: str

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.low <= year <= self.high

    def params(self, year: int) -> dict[str, object]:
        """Parameters of the E-YEAR-RANGE message."""
        return {"value": year, "low": self.low, "high": self.high, "what": self.what, "what_en": self.what_en}

    def message(self, year: int, lang: str) -> str:
        return render_message("E-YEAR-RANGE", lang, **self.params(year))


def annual_report_years(today: date) -> YearRange:
    return YearRange(ANNUAL_FIRST_YEAR, today.year, "政府信息公开工作年度报告", "the year of an annual report")


def gazette_issue_years(today: date) -> YearRange:
    return YearRange(GAZETTE_FIRST_YEAR, today.year + 1, "政府公报期次", "the year of a gazette issue")
