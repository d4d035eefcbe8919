"""The report page's digest covers its data file and the items that feed table 二;
nothing else re-renders it, and its output is byte-identical from build to build."""
from __future__ import annotations

import yaml
from bs4 import BeautifulSoup

from govsite.pipeline.build import build
from tests.annual.helpers import DATA, set_scalar
from tests.conftest import SiteFolder


def _page(site: SiteFolder) -> str:
    index_no = yaml.safe_load((site.root / DATA).read_text(encoding="utf-8"))["report"]
    return f"xxgk/xzf/2026/{index_no.rsplit('-', 1)[1]}.html"


def _t2(site: SiteFolder, label: str) -> list[str]:
    soup = BeautifulSoup(site.read_out(_page(site)), "html.parser")
    return [td.get_text() for td in soup.find("table", id="t2").find("th", string=label).find_next_siblings("td")]


def test_report_page_rebuilds_only_when_its_inputs_change(report_site: SiteFolder) -> None:
    site = report_site
    site.write_item(4, genre="规范性文件", written_date="2025-02-10", publish_date="2025-02-12 09:00",
                    effective_date="2025-03-01")
    first = build(site.root, jobs=1, quick=True)
    assert first.ok, first.problems.items
    page = _page(site)
    before = (site.out / page).read_bytes()
    assert _t2(site, "行政规范性文件") == ["1", "0", "1"]

    again = build(site.root, jobs=1, quick=True)
    assert page not in again.written_paths
    assert (site.out / page).read_bytes() == before  # deterministic

    site.write_item(1, body="正文改动。")  # an item that does not feed table 二
    other = build(site.root, jobs=1, quick=True)
    assert "xxgk/xzfb/2025/00001.html" in other.written_paths and page not in other.written_paths

    set_scalar(site.root / DATA, "行政许可", "38")
    data = build(site.root, jobs=1, quick=True)
    assert page in data.written_paths
    assert _t2(site, "行政许可") == ["38"]

    site.write_item(4, genre="规范性文件", written_date="2025-02-10", publish_date="2025-02-12 09:00",
                    effective_date="2025-03-01", validity="废止", expiry_date="2025-11-30")
    fed = build(site.root, jobs=1, quick=True)
    assert page in fed.written_paths
    assert _t2(site, "行政规范性文件") == ["1", "1", "0"]


def test_two_fresh_builds_write_the_same_report_bytes(report_site: SiteFolder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = _page(report_site)
    pages = []
    for name in ("one", "two"):
        result = build(report_site.root, out=tmp_path / name, jobs=1, quick=True)
        assert result.ok, result.problems.items
        pages.append((tmp_path / name / page).read_bytes())
    assert pages[0] == pages[1] and b'<table class="annual-table" id="t3">' in pages[0]
