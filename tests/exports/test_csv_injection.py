"""CSV formula injection: text cells that a spreadsheet would run as a formula are
published with a leading ``'`` (OWASP), JSON keeps the exact text, and the CSV
still imports back to the published text."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from govsite.cli import main
from govsite.exports.records import csv_cell
from govsite.exports.spreadsheet import neutralise, restore
from tests.conftest import SiteFolder
from tests.exports.exports_helpers import CATALOG, build_ok, fill_site, idx, read_csv, read_json
from tests.exports.test_roundtrip import empty_copy, model

EVIL = '=HYPERLINK("http://evil","x")'


@pytest.mark.parametrize("text, cell", [
    (EVIL, "'" + EVIL),
    ("+86 10 1234", "'+86 10 1234"),
    ("-1", "'-1"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("\rcmd", "'\rcmd"),
    ("'=x", "''=x"),  # already quoted: one more quote, so the quote can be removed again exactly
    ("'引号开头", "'引号开头"),
    ("普通标题 = 2", "普通标题 = 2"),
    ("", ""),
    ("'", "'"),
])
def test_neutralise_and_restore(text: str, cell: str) -> None:
    assert neutralise(text) == cell
    assert restore(cell) == text


def test_numbers_are_not_text_cells() -> None:
    assert csv_cell(-3) == "-3" and csv_cell(2.5) == "2.5"
    assert csv_cell("-3") == "'-3"
    assert csv_cell(["-a", "b"]) == "'-a;b"
    assert csv_cell([{"title": "=x"}]) == '[{"title": "=x"}]'  # a JSON array starts with [


@pytest.fixture
def evil_site(site: SiteFolder) -> SiteFolder:
    fill_site(site)
    site.write_item(12, title=EVIL, keywords=["-减号", "+加号"], summary="@提及",
                    body="- 第一条\n- 第二条\n")
    catalog = {**CATALOG, "entries": [{**CATALOG["entries"][0], "content": "=1+1", "basis": "@《条例》"},
                                      *CATALOG["entries"][1:]]}
    site.write("content/catalogs/zdjsxm.yaml", yaml.safe_dump(catalog, allow_unicode=True, sort_keys=False))
    build_ok(site)
    return site


def test_items_csv_cells_are_neutralised_and_json_is_exact(evil_site: SiteFolder) -> None:
    row = next(r for r in read_csv(evil_site.out / "data/items-2025.csv") if r["index_no"] == idx(12))
    assert row["title"] == "'" + EVIL
    assert row["keywords"] == "'-减号;+加号"
    assert row["summary"] == "'@提及"
    assert row["body_md"] == "'- 第一条\n- 第二条"
    assert row["publish_date"] == "2025-03-14 09:00" and row["page_url"].startswith("https://")
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for r in read_csv(evil_site.out / "data/items-2025.csv")
                   for v in r.values())

    item = next(i for i in read_json(evil_site.out / "data/items-2025.json")["items"] if i["index_no"] == idx(12))
    assert (item["title"], item["keywords"], item["summary"]) == (EVIL, ["-减号", "+加号"], "@提及")
    assert item["body_md"] == "- 第一条\n- 第二条"


def test_catalog_csv_cells_are_neutralised_and_numbers_kept(evil_site: SiteFolder) -> None:
    rows = read_csv(evil_site.out / "data/catalog.csv")
    assert (rows[0]["seq"], rows[0]["content"], rows[0]["basis"]) == ("1", "'=1+1", "'@《条例》")
    assert rows[1]["seq"] == "2"
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows for v in r.values())


def test_neutralised_csv_imports_back_to_the_exact_text(evil_site: SiteFolder, tmp_path: Path) -> None:
    fresh = empty_copy(evil_site, tmp_path / "fresh")
    result = CliRunner().invoke(main, ["import", "items", str(evil_site.out / "data/items-2025.csv"), "--site", str(fresh)])
    assert result.exit_code == 0, result.output
    item = model(fresh).items_by_index[idx(12)]
    assert (item.fm.title, item.fm.keywords, item.fm.summary) == (EVIL, ["-减号", "+加号"], "@提及")
