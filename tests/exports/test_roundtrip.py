"""The published CSV files import back: ``govsite import items data/items-YYYY.csv``
into an empty site with the same site.yaml and orgs.yaml reproduces the items."""
from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from govsite.pipeline.pages import load_and_validate
from govsite.cli import main
from govsite.content.reader import read_body
from govsite.importer.records import read_records
from govsite.model.linked import Item
from govsite.model.site_model import SiteModel
from tests.conftest import SiteFolder
from tests.exports.exports_helpers import build_ok, fill_site

NOT_IMPORTED = ["issuer_name", "theme_label", "effective_date", "expiry_date", "superseded_by", "interprets",
                "catalog_entry", "stage", "source", "previous_urls", "page_url", "attachments"]
"""Columns ``govsite import items`` does not read (yet): it reports them and goes on.
issuer_name, theme_label and page_url are derived; the others are lost in a round trip."""


def empty_copy(site: SiteFolder, target: Path) -> Path:
    """A new site with the same configuration and organizations, and no items."""
    (target / "content").mkdir(parents=True)
    shutil.copy(site.root / "site.yaml", target / "site.yaml")
    shutil.copy(site.root / "content/orgs.yaml", target / "content/orgs.yaml")
    return target


def model(root: Path) -> SiteModel:
    loaded, problems = load_and_validate(root)
    assert loaded is not None and not problems.has_errors(), [p.format() for p in problems.items]
    return loaded


def body(m: SiteModel, item: Item) -> str:
    """The Markdown text, line ends normalised."""
    return read_body((m.root / item.source).read_bytes())[0].replace("\r\n", "\n").rstrip("\n")


def essentials(m: SiteModel, item: Item) -> dict:
    fm = item.fm
    return {
        "title": fm.title, "doc_no": fm.doc_no, "issuer": fm.issuer, "written_date": fm.written_date,
        "publish_date": fm.publish_date, "theme": item.theme_code, "genre": fm.genre, "validity": fm.validity,
        "disclosure_mode": fm.disclosure_mode, "keywords": fm.keywords, "summary": fm.summary,
        "columns": fm.columns, "legacy_url": fm.legacy_url,
        "body": body(m, item) if fm.disclosure_mode.value == "主动公开" else None,
    }


def test_csv_files_import_back_into_an_empty_site(site: SiteFolder, tmp_path: Path) -> None:
    fill_site(site)
    site.write_item(12, body="第一段。\r\n\r\n第二段，带*强调*。\r\n")  # CRLF body
    site.write_item(13, title="标题 含 空格 & 符号《》", keywords=["一词"], summary="", written_date=None, publish_date="2025-03-09")
    build_ok(site)
    original = model(site.root)
    fresh = empty_copy(site, tmp_path / "fresh")
    runner = CliRunner()
    for year in (2024, 2025):
        csv_path = site.out / f"data/items-{year}.csv"
        assert read_records(csv_path).unknown_columns == NOT_IMPORTED
        result = runner.invoke(main, ["import", "items", str(csv_path), "--site", str(fresh)])
        assert result.exit_code == 0, result.output
    imported = model(fresh)

    assert sorted(imported.items_by_index) == sorted(original.items_by_index)
    for index_no, item in original.items_by_index.items():
        assert essentials(imported, imported.items_by_index[index_no]) == essentials(original, item), index_no
    # the page address follows from the 索引号's serial, also where it does not fit the
    # site's template (the 2024 item's: issue 17 §2)
    same_url = {i for i, it in original.items_by_index.items() if imported.items_by_index[i].url == it.url}
    assert same_url == set(original.items_by_index)
    # what the importer cannot carry over yet (reported, not silently dropped by the exports)
    policy = imported.items_by_index[next(i for i in original.items_by_index if i.endswith("2025-00001"))]
    assert (policy.fm.effective_date, policy.fm.catalog_entry, policy.fm.attachments, policy.fm.source) == (None, None, [], "")


def test_reimporting_into_the_same_site_changes_nothing(site: SiteFolder) -> None:
    fill_site(site)
    build_ok(site)
    before = sorted(p.relative_to(site.root).as_posix() for p in (site.root / "content").rglob("*.md"))
    result = CliRunner().invoke(main, ["import", "items", str(site.out / "data/items-2025.csv"), "--site", str(site.root)])
    assert result.exit_code == 0, result.output
    after = sorted(p.relative_to(site.root).as_posix() for p in (site.root / "content").rglob("*.md"))
    assert after == before  # every record is recognised by its 索引号
