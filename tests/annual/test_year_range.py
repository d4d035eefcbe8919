"""``govsite report annual --year``: years outside 2008 (the 条例 in force) to this
year are refused with the allowed range, and nothing is written."""
from __future__ import annotations

import pytest

from tests.annual.helpers import run
from tests.conftest import SiteFolder


def _annual_files(site: SiteFolder) -> list[str]:
    folder = site.root / "content/annual"
    return sorted(p.relative_to(site.root).as_posix() for p in folder.rglob("*")) if folder.exists() else []


@pytest.mark.parametrize("year", ["-1", "0", "2007", "2027", "20255"])  # GOVSITE_TODAY is 2026-11-20
@pytest.mark.parametrize("init", [True, False])
def test_year_out_of_range_is_refused(site: SiteFolder, year: str, init: bool) -> None:
    args = ["report", "annual", "--site", str(site.root), "--org", "xzf", "--year", year] + (["--init"] if init else [])
    result = run(*args)
    assert result.exit_code == 1
    assert f"年份 {year} 超出范围；政府信息公开工作年度报告的年份应为 2008–2026 年" in result.output
    assert f"year {year} is out of range; the year of an annual report must be from 2008 to 2026" in result.output
    assert _annual_files(site) == []


@pytest.mark.parametrize("year", ["2008", "2026"])
def test_first_and_current_year_are_accepted(site: SiteFolder, year: str) -> None:
    result = run("report", "annual", "--site", str(site.root), "--org", "xzf", "--year", year, "--init")
    assert result.exit_code == 0, result.output
    assert _annual_files(site)[-1] == f"content/annual/xzf/{year}.yaml"
