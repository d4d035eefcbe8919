"""``site.yaml`` → ``inspection:``: settings of the inspection checks (巡检设置)."""
from __future__ import annotations

from pydantic import Field

from govsite.model.base import StrictDate, Strict


class WorkingDaysYear(Strict):
    """One year's official holiday schedule (《关于YYYY年部分节假日安排的通知》)."""

    holidays: list[StrictDate] = []
    """法定节假日 and the weekdays given off around them."""
    workdays: list[StrictDate] = []
    """调休上班日: weekend days that are working days."""


class InspectionConfig(Strict):
    """Inspection settings; every field is optional."""

    working_days: dict[int, WorkingDaysYear] = Field(default_factory=dict)
    """Official holidays and make-up working days by year. A year given here replaces
    the built-in calendar (chinese-calendar) for that year; needed for years the
    calendar does not cover yet (2027 onwards with chinese-calendar 1.11). Dates outside
    their year, or listed both as holiday and workday, are errors of the inspection
    (E-WORKDAYS-YEAR, E-WORKDAYS-BOTH) with their line in site.yaml."""
    public_numbers: list[str] = []
    """Numbers that may appear in published text although they look like personal data
    (hotlines, office mobiles published on purpose), digits only or with separators."""
