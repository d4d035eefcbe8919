"""Helpers of the inspection tests: run ``govsite check`` with the rules, shape test sites.

Not a test module; imported as ``tests.inspect.inspect_helpers``. Today is pinned to
2026-11-20 by tests/conftest.py (``GOVSITE_TODAY``).
"""
from __future__ import annotations

from typing import Any

import yaml
from click.testing import CliRunner, Result

from govsite.pipeline.pages import check_site
from govsite.cli import main
from govsite.inspect.run import run_inspection
from govsite.dates import today_beijing
from govsite.problems import Problem, ProblemLog
from tests.conftest import SITE_YAML, SiteFolder

COLUMNS: list[dict[str, Any]] = [
    {"id": "xxgkzn", "title": "政府信息公开指南", "type": "guide"},
    {"id": "gzdt", "title": "工作动态", "type": "news"},
    {"id": "gfxwj", "title": "规范性文件", "type": "notice_policy"},
    {"id": "rsxx", "title": "人事信息", "type": "personnel_plan"},
    {"id": "zcjd", "title": "政策解读", "type": "interpretation"},
]
"""A small column tree: one static column and one of each should-update type."""


def inspect(site: SiteFolder) -> ProblemLog:
    """Validation plus every inspection rule, as ``govsite check`` runs them."""
    return check_site(site.root, inspect=lambda model, log, planned: run_inspection(model, log, today_beijing(), planned))


def codes(log: ProblemLog) -> list[str]:
    return [p.code for p in log.items]


def found(log: ProblemLog, code: str) -> list[Problem]:
    return [p for p in log.items if p.code == code]


def write_site_yaml(site: SiteFolder, **over: Any) -> None:
    """site.yaml of the test site with the small column tree and ``over`` merged in."""
    data = {**SITE_YAML, "columns": COLUMNS, **over}
    site.write("site.yaml", yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def run(site: SiteFolder, *args: str) -> Result:
    return CliRunner().invoke(main, ["check", "--site", str(site.root), *args])
