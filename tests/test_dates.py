"""The display form of dates, and lenient date parsing for legacy exports."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from govsite.dates import BEIJING, DateFormatError, parse_legacy_date, people_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-01-27", "2019-01-27"),
        ("2019-1-7", "2019-01-07"),
        ("2019/1/27", "2019-01-27"),
        ("2019/01/27", "2019-01-27"),
        ("2019年1月27日", "2019-01-27"),
        ("2019年01月27日", "2019-01-27"),
        (" 2019年1月27日 ", "2019-01-27"),
        ("2019-01-27 10:30", "2019-01-27 10:30"),
        ("2019/1/27 9:05", "2019-01-27 09:05"),
        ("2019年01月27日 16:40", "2019-01-27 16:40"),
        ("2020-10-10 19:48:26", "2020-10-10 19:48:26"),
        ("2019-01-27 10:30:00", "2019-01-27 10:30"),
        ("2019-01-27T02:30:00Z", "2019-01-27 10:30"),
        ("2019-01-27T10:30:00+08:00", "2019-01-27 10:30"),
    ],
)
def test_accepted_forms(text: str, expected: str) -> None:
    assert parse_legacy_date(text).front_value() == expected


@pytest.mark.parametrize(
    "text",
    ["2019-02-30", "2019年2月30日", "2019/13/01", "27/01/2019", "2019.01.27", "二〇一九年一月二十七日",
     "2019-01-27 24:00", "2019-01", "20190127", "", "明天"],
)
def test_rejected_forms(text: str) -> None:
    with pytest.raises(DateFormatError):
        parse_legacy_date(text)


def test_as_datetime_is_beijing_time() -> None:
    when = parse_legacy_date("2019-01-27 10:30").as_datetime()
    assert when.utcoffset() == timedelta(hours=8)
    assert (when.hour, when.minute) == (10, 30)


def test_people_date_has_no_leading_zeros_and_reads_a_time_in_beijing() -> None:
    assert people_date(date(2024, 9, 26)) == "2024年9月26日"
    assert people_date(date(2025, 1, 8)) == "2025年1月8日"
    assert people_date(datetime(2025, 10, 1, 9, 0, tzinfo=BEIJING)) == "2025年10月1日"
    # 20:00 UTC on 25 September is already 26 September in Beijing.
    assert people_date(datetime(2025, 9, 25, 20, 0, tzinfo=timezone.utc)) == "2025年9月26日"
    # The people form reads back as the same date.
    assert parse_legacy_date(people_date(date(2024, 9, 26))).day == date(2024, 9, 26)
