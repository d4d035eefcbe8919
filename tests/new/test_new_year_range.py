"""``govsite new gazette-issue --year``: 1949 (the first year issue.yaml accepts) to next
year; other years are refused with the allowed range, and nothing is written."""
from __future__ import annotations

from datetime import date as day

import pytest
from click.testing import CliRunner

from govsite.cli import main
from govsite.model.gazette import IssueFile
from govsite.years import GAZETTE_FIRST_YEAR, gazette_issue_years
from tests.conftest import SiteFolder
from tests.gazette.gazette_helpers import write_gazette


def run(site: SiteFolder, year: str, *more: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["new", "gazette-issue", "--site", str(site.root), "--year", year, "--number", "1",
                                     *more])


@pytest.mark.parametrize("year", ["-1", "1948", "2028", "20255"])  # GOVSITE_TODAY is 2026-11-20
def test_year_out_of_range_is_refused(site: SiteFolder, year: str) -> None:
    write_gazette(site, first_year=1949)
    result = run(site, year, "--date", "2026-01-05")
    assert result.exit_code == 1
    assert f"年份 {year} 超出范围；政府公报期次的年份应为 1949–2027 年" in result.output
    assert sorted(p.name for p in (site.root / "content/gazette").iterdir()) == ["gazette.yaml"]


@pytest.mark.parametrize("year, date", [("1949", "1949-12-01"), ("2027", "2026-12-30")])
def test_first_year_and_next_year_are_accepted(site: SiteFolder, year: str, date: str) -> None:
    write_gazette(site, first_year=1949)
    result = run(site, year, "--date", date)
    assert result.exit_code == 0, result.output
    assert (site.root / f"content/gazette/{year}/01/issue.yaml").is_file()


def test_range_follows_the_issue_model() -> None:
    assert GAZETTE_FIRST_YEAR == 1949
    IssueFile.model_validate({"year": GAZETTE_FIRST_YEAR, "number": 1, "date": "1949-12-01"})
    years = gazette_issue_years(day(2026, 11, 20))
    assert (years.low, years.high) == (1949, 2027)
