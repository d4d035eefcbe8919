"""Fixtures of the annual report tests."""
from __future__ import annotations

import pytest

from tests.annual.helpers import DATA, consistent, run
from tests.conftest import SiteFolder


@pytest.fixture
def report_site(site: SiteFolder) -> SiteFolder:
    """The test site with a consistent 2025 report of 测试县人民政府 and its page."""
    root = str(site.root)
    result = run("report", "annual", "--site", root, "--org", "xzf", "--year", "2025", "--init")
    assert result.exit_code == 0, result.output
    consistent(site.root / DATA)
    result = run("report", "annual", "--site", root, "--org", "xzf", "--year", "2025")
    assert result.exit_code == 0, result.output
    return site
