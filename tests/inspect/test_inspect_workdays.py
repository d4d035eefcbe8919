"""Working days on the official calendar: 调休, Golden Week, and years past the table."""
from __future__ import annotations

from datetime import date

from govsite.inspect.workdays import WorkCalendar
from govsite.model.inspection import InspectionConfig


def test_make_up_workday_on_a_sunday_counts() -> None:
    cal = WorkCalendar()
    assert date(2024, 2, 4).weekday() == 6
    assert cal.is_workday(date(2024, 2, 4))          # 调休上班 before 春节 2024
    assert not cal.is_workday(date(2024, 2, 3))      # an ordinary Saturday


def test_golden_week_days_are_holidays() -> None:
    cal = WorkCalendar()
    assert [cal.is_workday(date(2024, 10, d)) for d in range(1, 8)] == [False] * 7
    assert cal.is_workday(date(2024, 10, 8))
    # 3 working days after 30 September 2024: 9-30 is Monday; 10-1..7 off, 10-12 (Saturday) a make-up day
    assert cal.add_workdays(date(2024, 9, 30), 3) == date(2024, 10, 10)
    assert cal.workdays_between(date(2024, 9, 30), date(2024, 10, 10)) == 3
    assert cal.fallback_years == set()


def test_year_past_the_table_falls_back_to_weekdays_and_is_remembered() -> None:
    cal = WorkCalendar()
    assert cal.is_workday(date(2027, 1, 1))          # a Friday (元旦 in reality): the fallback cannot know
    assert not cal.is_workday(date(2027, 1, 2))
    assert cal.fallback_years == {2027}


def test_site_override_adds_holidays_and_make_up_days() -> None:
    config = InspectionConfig.model_validate(
        {"working_days": {2027: {"holidays": ["2027-01-01"], "workdays": ["2027-01-09"]}}})
    cal = WorkCalendar(config.working_days)
    assert not cal.is_workday(date(2027, 1, 1))
    assert cal.is_workday(date(2027, 1, 9))          # a Saturday made a workday
    assert cal.add_workdays(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert cal.fallback_years == set()


def test_override_replaces_the_table_for_a_covered_year() -> None:
    config = InspectionConfig.model_validate({"working_days": {2024: {"holidays": ["2024-02-05"]}}})
    cal = WorkCalendar(config.working_days)
    assert not cal.is_workday(date(2024, 2, 5))
    assert not cal.is_workday(date(2024, 2, 4))      # the table's 调休 no longer applies


def test_a_deadline_is_checked_without_counting_past_the_publication_day() -> None:
    """A document written in December and published the next day is on time without next
    year's calendar (a new site in December got W-CALENDAR-FALLBACK for the coming year)."""
    cal = WorkCalendar()
    assert not cal.is_after_workdays(date(2026, 12, 7), 20, date(2026, 12, 8))
    assert cal.fallback_years == set()
    # Same answers as comparing with add_workdays, including a weekend right after the deadline.
    for start, count, day in ((date(2024, 9, 30), 3, date(2024, 10, 10)), (date(2024, 9, 30), 3, date(2024, 10, 11)),
                              (date(2024, 9, 27), 1, date(2024, 9, 28)), (date(2024, 9, 26), 1, date(2024, 9, 28)),
                              (date(2024, 1, 2), 20, date(2024, 3, 1)), (date(2024, 1, 2), 20, date(2024, 1, 2))):
        assert cal.is_after_workdays(start, count, day) == (day > cal.add_workdays(start, count)), (start, count, day)


def test_a_new_site_in_december_has_no_calendar_fallback_warning(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from govsite.cli import main

    monkeypatch.setenv("GOVSITE_TODAY", "2026-12-07")
    target = tmp_path / "new"
    assert CliRunner().invoke(main, ["init", str(target)]).exit_code == 0
    result = CliRunner().invoke(main, ["check", "--site", str(target)])
    assert "W-CALENDAR-FALLBACK" not in result.output, result.output
