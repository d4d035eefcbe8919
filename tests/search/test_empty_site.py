"""A new site with nothing to find yet (no items, no pages) builds, and its search page
says that nothing was found instead of the build failing (it used to stop with
E-SEARCH-INDEX: no pages to index)."""
from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from govsite.cli import main
from govsite.pipeline.build import build
from tests.search.search_helpers import SUB_PATH, SUB_PATH_BASE, serve


def _empty_site(root: Path) -> Path:
    site = root / "county"
    assert CliRunner().invoke(main, ["init", str(site)]).exit_code == 0
    shutil.rmtree(site / "content" / "items")
    shutil.rmtree(site / "content" / "pages")
    return site


def test_a_site_with_nothing_to_find_builds_and_its_search_finds_nothing(tmp_path: Path, page) -> None:  # type: ignore[no-untyped-def]
    site = _empty_site(tmp_path)
    out = tmp_path / "www" / SUB_PATH.strip("/")
    result = build(site, out=out, base_url=SUB_PATH_BASE)
    assert result.ok, [p.code for p in result.problems.items]
    assert not any(p.code == "E-SEARCH-INDEX" for p in result.problems.items)
    assert (out / "search" / "index.html").is_file() and (out / "pagefind" / "pagefind.js").is_file()
    with serve(tmp_path / "www") as origin:
        for term in ("通知", "govsite"):  # the runtime's placeholder record is never a result
            page.goto(f"{origin}{SUB_PATH}search/?q={term}")
            page.wait_for_function("() => /没有找到/.test(document.getElementById('search-summary').textContent)")
            assert page.locator(".pf-result").count() == 0
