"""The demo site's reports: table 二 counted independently from the items' front matter
matches the built pages, and the demo reports pass every check."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.annual.helpers import run
from tests.conftest import REPO

REPORTS = [("xzf", 2024), ("xzf", 2025), ("fgj", 2024), ("fgj", 2025)]


@pytest.fixture(scope="module")
def demo_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo") / "output"
    result = run("build", "--site", str(REPO), "--out", str(out), "--quiet", "--no-search")
    assert result.exit_code == 0, result.output
    return out


def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def _expected(org: str, year: int) -> dict[str, tuple[int, int, int]]:
    """规章/行政规范性文件 rows computed here from the front matter alone."""
    orgs = yaml.safe_load((REPO / "content/orgs.yaml").read_text(encoding="utf-8"))
    kind = {o["id"]: o["kind"] for o in orgs}
    issuers = {org} | ({o["id"] for o in orgs if o.get("parent") == org and o["kind"] == "office"}
                       if kind[org] == "government" else set())
    fronts = [_front(p) for p in sorted((REPO / "content/items").rglob("*.md"))]
    out = {}
    for label, genres in (("规章", {"规章"}), ("行政规范性文件", {"规范性文件", "行政规范性文件"})):
        issued = repealed = valid = 0
        for fm in fronts:
            if fm["issuer"] not in issuers or fm.get("genre") not in genres:
                continue
            made = date.fromisoformat(str(fm.get("written_date") or str(fm["publish_date"])[:10]))
            expiry = date.fromisoformat(str(fm["expiry_date"])) if fm.get("expiry_date") else None
            gone = fm.get("validity", "有效") in ("废止", "失效")
            issued += made.year == year
            repealed += gone and expiry is not None and expiry.year == year
            valid += made.year <= year and not (expiry and expiry.year <= year) and not (gone and expiry is None)
        out[label] = (issued, repealed, valid)
    return out


@pytest.mark.parametrize("org,year", REPORTS)
def test_table2_matches_counts_from_front_matter(demo_out: Path, org: str, year: int) -> None:
    data = yaml.safe_load((REPO / f"content/annual/{org}/{year}.yaml").read_text(encoding="utf-8"))
    page = next(p for p in (REPO / "content/items" / org).rglob("*.md") if _front(p)["index_no"] == data["report"])
    html = (demo_out / "xxgk" / page.relative_to(REPO / "content/items").with_suffix(".html")).read_text(encoding="utf-8")
    t2 = BeautifulSoup(html, "html.parser").find("table", id="t2")
    shown = {label: tuple(int(td.get_text()) for td in t2.find("th", string=label).find_next_siblings("td"))
             for label in ("规章", "行政规范性文件")}
    assert shown == _expected(org, year)


def test_the_demo_has_normative_documents_to_count() -> None:
    """Guards the test above against an all-zero demo."""
    assert _expected("xzf", 2025)["行政规范性文件"] != (0, 0, 0)
    assert _expected("xzf", 2024)["行政规范性文件"] != _expected("xzf", 2025)["行政规范性文件"]


def test_demo_reports_pass_the_checks() -> None:
    result = run("check", "--site", str(REPO))
    assert "E-ANNUAL" not in result.output and "W-ANNUAL-NO-PAGE" not in result.output, result.output
