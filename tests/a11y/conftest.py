"""The demo site built once with a small page size (so that column, organization and
theme listings have several pages), served on 127.0.0.1 under a sub-path, and one
Chromium for every accessibility test."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
import yaml

from govsite.pipeline.build import build
from govsite.pipeline.pages import load_and_validate
from govsite.render.plan import plan_pages
from tests.a11y.site_pages import find_pages
from tests.conftest import REPO
from tests.qr.qr_helpers import chromium_browser
from tests.search.search_helpers import SUB_PATH, SUB_PATH_BASE, serve

PAGE_SIZE = 5
"""Listing page size of the test build (the demo's own is 20)."""


@dataclass(frozen=True)
class A11ySite:
    out: Path
    origin: str
    pages: dict[str, str]
    """Page type → output path (tests/a11y/site_pages.py)."""
    templates: dict[str, str]
    """Output path → template, for every HTML page the build planned."""

    def url(self, rel: str) -> str:
        """The served URL of an output path."""
        return self.origin + SUB_PATH + rel


@pytest.fixture(scope="session")
def a11y_site(tmp_path_factory) -> Iterator[A11ySite]:
    root = tmp_path_factory.mktemp("a11y-demo")
    site = root / "site"
    site.mkdir()
    for name in ("content", "templates", "static"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, site / name)
    if (REPO / "urls.txt").is_file():  # the URL ledger (redirects): as the demo build sees it
        shutil.copyfile(REPO / "urls.txt", site / "urls.txt")
    config = yaml.safe_load((REPO / "site.yaml").read_text(encoding="utf-8"))
    config.setdefault("options", {})["page_size"] = PAGE_SIZE
    (site / "site.yaml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    served = root / "www"
    out = served / SUB_PATH.strip("/")
    result = build(site, out=out, base_url=SUB_PATH_BASE)
    assert result.ok, result
    model, _problems = load_and_validate(site, SUB_PATH_BASE)
    assert model is not None
    pages = find_pages(model, out)
    templates = {spec.path: spec.template for spec in plan_pages(model) if spec.template}
    with serve(served) as origin:
        yield A11ySite(out, origin, pages, templates)


@pytest.fixture(scope="package")  # not session: a running sync_playwright breaks later folders' own
def browser() -> Iterator[object]:
    yield from chromium_browser()


@pytest.fixture
def context(browser):  # type: ignore[no-untyped-def]
    ctx = browser.new_context(locale="zh-CN")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):  # type: ignore[no-untyped-def]
    return context.new_page()
