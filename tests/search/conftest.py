"""The demo site built once under a sub-path base_url and served on 127.0.0.1 at
that sub-path, with one Chromium for every search test."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from govsite.build.build import build
from tests.conftest import REPO
from tests.qr.qr_helpers import chromium_browser
from tests.search.search_helpers import SUB_PATH, SUB_PATH_BASE, serve


@dataclass(frozen=True)
class ServedSite:
    out: Path
    """The build output (served at ``origin + SUB_PATH``)."""
    origin: str
    """http://127.0.0.1:PORT"""

    @property
    def root_url(self) -> str:
        return self.origin + SUB_PATH


@pytest.fixture(scope="session")
def served_demo(tmp_path_factory) -> Iterator[ServedSite]:
    root = tmp_path_factory.mktemp("search-demo")
    out = root / SUB_PATH.strip("/")
    result = build(REPO, out=out, base_url=SUB_PATH_BASE)
    assert result.ok, result
    with serve(root) as origin:
        yield ServedSite(out, origin)


@pytest.fixture(scope="package")  # not session: a running sync_playwright breaks later folders' own
def browser() -> Iterator[object]:
    yield from chromium_browser()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="zh-CN")
    tab = context.new_page()
    yield tab
    context.close()
