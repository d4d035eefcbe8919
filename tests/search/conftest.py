"""The demo site built once under a sub-path base_url and served on 127.0.0.1 at
that sub-path, with one Chromium for every search test."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
import yaml

from govsite.pipeline.build import build
from tests.conftest import REPO
from tests.qr.qr_helpers import chromium_browser
from tests.search.search_helpers import SUB_PATH, SUB_PATH_BASE, serve
from tests.serve.serve_helpers import copy_demo


@dataclass(frozen=True)
class ServedSite:
    out: Path
    """The build output (served at ``origin + SUB_PATH``)."""
    origin: str
    """http://127.0.0.1:PORT"""

    @property
    def root_url(self) -> str:
        return self.origin + SUB_PATH


def _built_and_served(tmp_path_factory, site: Path) -> Iterator[ServedSite]:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("search-site")
    out = root / SUB_PATH.strip("/")
    result = build(site, out=out, base_url=SUB_PATH_BASE)
    assert result.ok, result
    with serve(root) as origin:
        yield ServedSite(out, origin)


@pytest.fixture(scope="session")
def served_demo(tmp_path_factory) -> Iterator[ServedSite]:
    yield from _built_and_served(tmp_path_factory, REPO)


TIER_PAGES = 50
"""Title-layer tier size of the tiered demo: the demo's 197 pages in several tiers."""


@pytest.fixture(scope="session")
def served_tiered_demo(tmp_path_factory) -> Iterator[ServedSite]:
    """The demo with its title layer in tiers of :data:`TIER_PAGES` pages (a big site's
    layout: see govsite/search/docs.py), built and served like ``served_demo``."""
    site = copy_demo(tmp_path_factory.mktemp("tiered") / "site")
    config = yaml.safe_load((site / "site.yaml").read_text(encoding="utf-8"))
    config.setdefault("options", {})["search_tier_pages"] = TIER_PAGES
    (site / "site.yaml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    yield from _built_and_served(tmp_path_factory, site)


@pytest.fixture(scope="package")  # not session: a running sync_playwright breaks later folders' own
def browser() -> Iterator[object]:
    yield from chromium_browser()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="zh-CN")
    tab = context.new_page()
    yield tab
    context.close()
