"""Three generated counties and a portal over them, built under sub-paths of ONE local
HTTP server on 127.0.0.1, and one Chromium for the portal's browser tests."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from tests.portal.portal_helpers import COUNTIES, build_county, county_members, govsite, write_portal
from tests.qr.qr_helpers import chromium_browser
from tests.search.search_helpers import serve


@dataclass(frozen=True)
class Province:
    served: Path
    """The server's root: ``<county>/`` for each county, ``portal/`` for the portal."""
    origin: str
    build_output: str
    """What ``govsite build`` printed for the portal."""

    def read(self, rel: str) -> str:
        return (self.served / "portal" / rel).read_text(encoding="utf-8")


@pytest.fixture(scope="package")
def province(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Province]:
    root = tmp_path_factory.mktemp("province")
    served = root / "www"
    served.mkdir()
    with serve(served) as origin:
        for county in COUNTIES:
            build_county(root / "sources", served, origin, county)
        members = county_members(served, origin) + [
            {"id": "beixiang", "name": "北乡县人民政府", "base_url": f"{origin}/beixiang/",
             "merged_into": "dongcheng", "merged_on": "2025-06-30"}]
        portal = write_portal(root / "portal-site", origin, members)
        done = govsite("build", "--site", str(portal), "--out", str(served / "portal"))
        assert done.returncode == 0, done.stdout + done.stderr
        yield Province(served, origin, done.stdout + done.stderr)


@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    yield from chromium_browser()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="zh-CN")
    tab = context.new_page()
    yield tab
    context.close()
