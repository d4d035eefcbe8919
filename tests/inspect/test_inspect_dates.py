"""Dates and deadlines: late 政策解读, late publication (Art. 26), expired but 有效,
the calendar fallback, and the validation findings reused in the report."""
from __future__ import annotations

from tests.conftest import OFFICE_CODE, SiteFolder
from tests.inspect.inspect_helpers import codes, found, inspect, run, write_site_yaml

POLICY = f"{OFFICE_CODE}/2025-00001"


def _policy_and_interpretation(site: SiteFolder, policy_date: str, interpretation_date: str) -> None:
    write_site_yaml(site)
    site.write_item(1, publish_date=policy_date, written_date=policy_date[:10])
    site.write_item(2, columns=["zcjd"], genre="解读", interprets=POLICY, publish_date=interpretation_date,
                    written_date=interpretation_date[:10])


def test_interpretation_within_three_working_days_over_golden_week(site: SiteFolder) -> None:
    # policy Monday 2024-09-30; 10-01..07 national holiday; the third working day after is 10-10
    _policy_and_interpretation(site, "2024-09-30 09:00", "2024-10-10 09:00")
    assert "W-LATE-INTERPRETATION" not in codes(inspect(site))


def test_interpretation_after_three_working_days_is_late(site: SiteFolder) -> None:
    _policy_and_interpretation(site, "2024-09-30 09:00", "2024-10-11 09:00")
    [late] = found(inspect(site), "W-LATE-INTERPRETATION")
    assert late.file == "content/items/xzfb/2025/00002.md" and late.line == 7
    assert late.message() == (f"政策解读发布于 2024-10-11，晚于所解读的政策（{POLICY}，发布于 2024-09-30）4 个工作日；"
                              "应在 3 个工作日内发布")


def test_make_up_sunday_counts_as_a_working_day(site: SiteFolder) -> None:
    # policy Wednesday 2024-01-31: 02-01 Thu, 02-02 Fri, 02-04 Sunday (调休上班) is the third working day
    _policy_and_interpretation(site, "2024-01-31 09:00", "2024-02-04 09:00")
    assert "W-LATE-INTERPRETATION" not in codes(inspect(site))
    _policy_and_interpretation(site, "2024-01-31 09:00", "2024-02-05 09:00")
    assert "W-LATE-INTERPRETATION" in codes(inspect(site))


def test_publication_more_than_twenty_working_days_after_written_date(site: SiteFolder) -> None:
    write_site_yaml(site)
    # written Friday 2025-03-07: 19 working days to Thursday 04-03, 04-04..06 清明 off, the 20th is Monday 04-07
    site.write_item(1, written_date="2025-03-07", publish_date="2025-04-07 09:00")
    site.write_item(2, written_date="2025-03-07", publish_date="2025-04-08 09:00")
    site.write_item(3, written_date="2025-03-07", publish_date="2025-06-08 09:00", disclosure_mode="依申请公开")
    late = found(inspect(site), "W-LATE-PUBLICATION")
    assert [p.file for p in late] == ["content/items/xzfb/2025/00002.md"]
    assert late[0].message() == ("主动公开信息发布于 2025-04-08，距成文日期 2025-03-07 已 21 个工作日；"
                                 "条例第二十六条要求 20 个工作日内公开")


def test_expired_document_still_marked_valid(site: SiteFolder) -> None:
    write_site_yaml(site)
    site.write_item(1, effective_date="2025-03-01", expiry_date="2026-11-19")
    site.write_item(2, effective_date="2025-03-01", expiry_date="2026-11-20")  # expires today: not yet past
    site.write_item(3, effective_date="2025-03-01", expiry_date="2026-01-01", validity="失效")
    [p] = found(inspect(site), "W-EXPIRED-VALID")
    assert p.file == "content/items/xzfb/2025/00001.md"
    assert p.format() == ("content/items/xzfb/2025/00001.md:13: 警告 W-EXPIRED-VALID [expiry_date]: 失效日期 2026-11-19 已过"
                          "（今天 2026-11-20），但有效性仍为“有效”；请改为“失效”或“废止”")


def test_year_past_the_calendar_warns_once_and_site_yaml_fixes_it(site: SiteFolder) -> None:
    write_site_yaml(site, options={"future_publish_days": 800})
    # policy Friday 2027-01-29, interpretation Thursday 02-04
    site.write_item(1, publish_date="2027-01-29 09:00", written_date="2027-01-29")
    site.write_item(2, columns=["zcjd"], interprets=POLICY, publish_date="2027-02-04 09:00", written_date="2027-02-04")
    site.write_item(3, written_date="2027-01-04", publish_date="2027-02-01 09:00")
    log = inspect(site)
    assert [p.value for p in found(log, "W-CALENDAR-FALLBACK")] == [2027]   # once, though many dates needed it
    assert found(log, "W-CALENDAR-FALLBACK")[0].message().startswith("2027 年不在节假日表中，工作日按周一至周五计算")
    assert [p.params["days"] for p in found(log, "W-LATE-INTERPRETATION")] == [4]   # Mon–Fri: 4 working days
    # site.yaml gives the 2027 schedule: 02-01 and 02-02 off → 02-04 is the 2nd working day, on time
    holidays = {"holidays": ["2027-02-01", "2027-02-02"]}
    write_site_yaml(site, options={"future_publish_days": 800}, inspection={"working_days": {2027: holidays}})
    log = inspect(site)
    assert "W-CALENDAR-FALLBACK" not in codes(log)
    assert "W-LATE-INTERPRETATION" not in codes(log)
    # make-up working days (调休) on Saturday and Sunday 01-30/31 → 02-04 is the 4th working day again
    make_up = {**holidays, "workdays": ["2027-01-30", "2027-01-31"]}
    write_site_yaml(site, options={"future_publish_days": 800}, inspection={"working_days": {2027: make_up}})
    assert [p.params["days"] for p in found(inspect(site), "W-LATE-INTERPRETATION")] == [4]


def test_working_days_config_is_validated(site: SiteFolder) -> None:
    write_site_yaml(site, inspection={"working_days": {2027: {"holidays": ["2027-02-30"]}}})
    result = run(site)
    assert result.exit_code == 1
    assert "site.yaml:" in result.output and "E-DATE [inspection.working_days.2027.holidays.0]" in result.output
    write_site_yaml(site, inspection={"working_days": {2027: {"holidays": ["2026-02-03", "2027-02-01"],
                                                              "workdays": ["2027-02-01"]}}})
    lines = [ln for ln in run(site).output.splitlines() if "E-WORKDAYS" in ln]
    assert lines == [
        "site.yaml:32: 错误 E-WORKDAYS-YEAR [inspection.working_days.2027.holidays.0]: 日期 2026-02-03 不在 2027 年内；"
        "inspection.working_days.2027 只能列出该年的节假日和调休上班日",
        "site.yaml:35: 错误 E-WORKDAYS-BOTH [inspection.working_days.2027.workdays.0]: 日期 2027-02-01 同时列为节假日"
        "（holidays）和调休上班日（workdays），只能二选一",
    ]


def test_future_and_missing_publish_dates_are_reported_under_dates(site: SiteFolder) -> None:
    write_site_yaml(site)
    site.write_item(1, publish_date="2026-12-01 09:00")
    text = (site.root / "content/items/xzfb/2025/00002.md").read_text(encoding="utf-8")
    site.write("content/items/xzfb/2025/00002.md", "\n".join(
        ln for ln in text.splitlines() if not ln.startswith("publish_date")) + "\n")
    out = run(site).output
    dates = out.split("== 日期与时限")[1].split("== ")[0]
    assert "content/items/xzfb/2025/00001.md:7: 错误 E-FUTURE-DATE" in dates
    assert "content/items/xzfb/2025/00002.md" in out and "E-MISSING [publish_date]" in out
