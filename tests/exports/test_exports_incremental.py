"""Incremental builds: an edit rewrites only the data files and sitemap that show it,
and the manifest stays true to the bytes published."""
from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from govsite.pipeline.build import BuildResult
from tests.conftest import ORGS, SiteFolder, snapshot
from tests.exports.exports_helpers import BASE_URL, CATALOG, build_ok, fill_site, idx, read_csv, read_json, sitemap_urls

MINE = ("data/", "sitemap", "robots.txt")



def exports_written(result: BuildResult) -> set[str]:
    """Outputs of this feature that the build rewrote or deleted."""
    return {p for p in result.written_paths + result.deleted_paths if p.startswith(MINE)}


def assert_manifest_true(out: Path) -> None:
    listed = {f["path"]: f for f in read_json(out / "data/manifest.json")["files"]}
    assert set(listed) == {f"data/{p.name}" for p in (out / "data").iterdir()} - {"data/manifest.json"}
    for path, entry in listed.items():
        raw = (out / path).read_bytes()
        assert (entry["size"], entry["sha256"]) == (len(raw), hashlib.sha256(raw).hexdigest()), path


def setup(site: SiteFolder) -> None:
    fill_site(site)
    build_ok(site)


def edit(site: SiteFolder, rel: str, old: str, new: str) -> None:
    path = site.root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_no_change_rebuild_writes_nothing(site: SiteFolder) -> None:
    setup(site)
    before = snapshot(site.out)
    result = build_ok(site)
    assert (result.written, result.deleted) == (0, 0)
    assert snapshot(site.out) == before


def test_body_edit_rewrites_that_years_data_and_the_manifest_only(site: SiteFolder) -> None:
    setup(site)
    before = snapshot(site.out)
    edit(site, "content/items/xzfb/2025/00003.md", "正文内容。", "修订后的正文。")
    result = build_ok(site)
    assert exports_written(result) == {"data/items-2025.csv", "data/items-2025.json", "data/manifest.json"}
    assert "xxgk/xzfb/2025/00003.html" in result.written_paths
    after = snapshot(site.out)
    for untouched in ("data/items-2024.csv", "data/items-2024.json", "data/catalog.csv", "sitemap.xml", "robots.txt"):
        assert after[untouched] == before[untouched], untouched
    row = next(r for r in read_csv(site.out / "data/items-2025.csv") if r["index_no"] == idx(3))
    assert row["body_md"] == "修订后的正文。"
    assert_manifest_true(site.out)


def test_publish_date_edit_moves_the_item_between_years_and_updates_the_sitemap(site: SiteFolder) -> None:
    setup(site)
    edit(site, "content/items/xzfb/2025/00003.md", "publish_date: 2025-03-05 09:00", "publish_date: 2025-03-06 09:00")
    result = build_ok(site)
    assert exports_written(result) == {"data/items-2025.csv", "data/items-2025.json", "data/manifest.json", "sitemap.xml"}
    assert sitemap_urls(site.out)[BASE_URL + "xxgk/xzfb/2025/00003.html"] == "2025-03-06T09:00:00+08:00"

    edit(site, "content/items/xzfb/2025/00003.md", "written_date: '2025-03-01'", "written_date: '2024-03-01'")
    edit(site, "content/items/xzfb/2025/00003.md", "publish_date: 2025-03-06 09:00", "publish_date: 2024-03-06 09:00")
    result = build_ok(site)
    assert exports_written(result) == {"data/items-2024.csv", "data/items-2024.json", "data/items-2025.csv",
                                       "data/items-2025.json", "data/manifest.json", "sitemap.xml"}
    assert idx(3) in [r["index_no"] for r in read_csv(site.out / "data/items-2024.csv")]
    assert idx(3) not in [r["index_no"] for r in read_csv(site.out / "data/items-2025.csv")]
    assert_manifest_true(site.out)


def test_a_new_year_adds_files_and_an_emptied_year_removes_them(site: SiteFolder) -> None:
    setup(site)
    site.write_item(30, rel="content/items/xzfb/2023/00030.md", index_no=idx(30, 2023), publish_date="2023-06-01",
                    written_date="2023-05-30")
    result = build_ok(site)
    assert exports_written(result) == {"data/items-2023.csv", "data/items-2023.json", "data/manifest.json", "sitemap.xml"}
    assert_manifest_true(site.out)

    (site.root / "content/items/xzf/2024/00011.md").unlink()
    site.write("redirects.yaml", "/xxgk/xzf/2024/00011.html: ~\n")  # withdrawn on purpose (docs/urls.md)
    result = build_ok(site)
    # the 2024 item was the only one of its 主题分类: data/site.json no longer lists that theme's page
    assert exports_written(result) == {"data/items-2024.csv", "data/items-2024.json", "data/manifest.json", "sitemap.xml",
                                       "data/site.json"}
    assert set(result.deleted_paths) >= {"data/items-2024.csv", "data/items-2024.json"}
    assert not (site.out / "data/items-2024.csv").exists()
    assert "data/items-2024.csv" not in {f["path"] for f in read_json(site.out / "data/manifest.json")["files"]}
    assert_manifest_true(site.out)


def test_organization_rename_rewrites_the_years_it_issued_in(site: SiteFolder) -> None:
    setup(site)
    orgs = [dict(o) for o in ORGS]
    orgs[0]["name"] = "测试县人民政府（更名）"  # xzf issued only the 2024 item
    site.write("content/orgs.yaml", yaml.safe_dump(orgs, allow_unicode=True, sort_keys=False))
    result = build_ok(site)
    data = {p for p in exports_written(result) if p.startswith("data/items-")}
    assert data == {"data/items-2024.csv", "data/items-2024.json"}
    assert read_csv(site.out / "data/items-2024.csv")[0]["issuer_name"] == "测试县人民政府（更名）"
    assert_manifest_true(site.out)


def test_catalog_edit_rewrites_catalog_csv_and_manifest(site: SiteFolder) -> None:
    setup(site)
    catalog = dict(CATALOG, entries=[dict(CATALOG["entries"][0], time_limit="实时公开"), CATALOG["entries"][1]])
    site.write("content/catalogs/zdjsxm.yaml", yaml.safe_dump(catalog, allow_unicode=True, sort_keys=False))
    result = build_ok(site)
    assert exports_written(result) == {"data/catalog.csv", "data/manifest.json"}
    assert read_csv(site.out / "data/catalog.csv")[0]["time_limit"] == "实时公开"
    assert_manifest_true(site.out)


def test_attachment_size_change_updates_the_data(site: SiteFolder) -> None:
    setup(site)
    site.write("content/attachments/2025/fangan.pdf", b"%PDF-1.4\n" + b"1" * 5000)
    result = build_ok(site)
    assert {"data/items-2025.csv", "data/items-2025.json", "data/manifest.json"} <= exports_written(result)
    item = next(i for i in read_json(site.out / "data/items-2025.json")["items"] if i["index_no"] == idx(1))
    assert item["attachments"][0]["size"] == 5009
    assert_manifest_true(site.out)


def test_base_url_change_rewrites_every_export(site: SiteFolder) -> None:
    setup(site)
    result = build_ok(site, base_url="https://data.test.gov.cn/")
    assert exports_written(result) == {"robots.txt", "sitemap.xml", "data/manifest.json", "data/catalog.csv",
                                       "data/items-2024.csv", "data/items-2024.json", "data/items-2025.csv",
                                       "data/items-2025.json", "data/site.json"}
    assert read_csv(site.out / "data/items-2024.csv")[0]["page_url"].startswith("https://data.test.gov.cn/xxgk/")
    assert_manifest_true(site.out)


def test_deleted_manifest_is_restored(site: SiteFolder) -> None:
    setup(site)
    (site.out / "data/manifest.json").unlink()
    result = build_ok(site)
    assert exports_written(result) == set()  # same bytes as recorded: not counted as a change
    assert_manifest_true(site.out)
