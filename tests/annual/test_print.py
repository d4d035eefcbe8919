"""Printing a report page in real Chromium (A4 PDF): every table fits the paper width,
all rows and merged headers are printed, and the report's table of contents is hidden."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import sync_playwright

from govsite.pipeline.build import build
from tests.annual.helpers import DATA
from tests.conftest import SiteFolder
from tests.qr.pdf_raster import has_text, pdf_text
from tests.qr.qr_helpers import launch

A4_CONTENT_PX = 680
"""210 mm − 2 × 15 mm margins at 96 px per inch ≈ 680 px."""


@pytest.fixture
def built(report_site: SiteFolder) -> tuple[SiteFolder, str]:
    result = build(report_site.root, jobs=1, quick=True)
    assert result.ok, result.problems.items
    index_no = yaml.safe_load((report_site.root / DATA).read_text(encoding="utf-8"))["report"]
    return report_site, f"xxgk/xzf/2026/{index_no.rsplit('-', 1)[1]}.html"


def test_report_prints_on_a4(built: tuple[SiteFolder, str], tmp_path: Path) -> None:
    site, rel = built
    url = (site.out / rel).as_uri()
    pdf = tmp_path / "report.pdf"
    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page(viewport={"width": A4_CONTENT_PX, "height": 1000})
        page.goto(url)
        page.emulate_media(media="print")
        widths = page.evaluate("""() => [...document.querySelectorAll('table.annual-table')].map(t =>
            ({id: t.id, right: t.getBoundingClientRect().right, wrap: t.parentElement.scrollWidth - t.parentElement.clientWidth}))""")
        toc_shown = page.evaluate("() => getComputedStyle(document.querySelector('.annual-toc')).display")
        page.pdf(path=str(pdf), format="A4", print_background=False)
        browser.close()
    assert [w["id"] for w in widths] == ["t2", "t3", "t4"]
    assert all(w["right"] <= A4_CONTENT_PX and w["wrap"] <= 0 for w in widths), widths
    assert toc_shown == "none"
    text = pdf_text(pdf)
    for expected in ("二、主动公开政府信息情况", "第二十条第（八）项", "法人或其他组织", "申请人情况",
                     "5.要求行政机关确认或重新出具已获取信息", "四、结转下年度继续办理", "未经复议直接起诉", "复议后起诉"):
        assert has_text(text, expected), expected
