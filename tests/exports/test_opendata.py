"""Bulk data files as a re-user downloads them: per-year items, the catalog, the manifest."""
from __future__ import annotations

import hashlib
import json

import pytest

from govsite.exports.records import COLUMNS
from govsite.model.item import ITEM_FIELDS
from tests.conftest import SiteFolder
from tests.exports.exports_helpers import BASE_URL, build_ok, fill_site, idx, read_csv, read_json


@pytest.fixture
def built(site: SiteFolder) -> SiteFolder:
    fill_site(site)
    build_ok(site)
    return site


def test_one_json_and_one_csv_per_publish_year(built: SiteFolder) -> None:
    data = sorted(p.name for p in (built.out / "data").iterdir())
    assert data == ["catalog.csv", "items-2024.csv", "items-2024.json", "items-2025.csv", "items-2025.json", "manifest.json",
                    "site.json"]
    by_year = {year: [r["index_no"] for r in read_csv(built.out / f"data/items-{year}.csv")] for year in (2024, 2025)}
    assert by_year == {2024: [idx(11, 2024)],
                       2025: [idx(2), idx(1), idx(3), idx(5), idx(8)]}  # by 发布日期: 03-03 00:00, 03-03 09:00, …


def test_every_front_matter_field_is_a_column(built: SiteFolder) -> None:
    rows = read_csv(built.out / "data/items-2025.csv")
    header = list(rows[0])
    assert header == list(COLUMNS)
    assert [f for f in ITEM_FIELDS if f not in header] == []
    assert {"issuer_name", "theme_label", "page_url", "body_md"} <= set(header)
    doc = read_json(built.out / "data/items-2025.json")
    assert doc["fields"] == header and doc["count"] == 5 and doc["year"] == 2025 and doc["base_url"] == BASE_URL
    assert [list(item) for item in doc["items"]] == [header] * 5


def test_item_values_in_csv_and_json(built: SiteFolder) -> None:
    row = next(r for r in read_csv(built.out / "data/items-2025.csv") if r["index_no"] == idx(1))
    assert row["title"] == "测试县人民政府办公室关于第1项工作的通知"
    assert row["doc_no"] == "测政办发〔2025〕1号"
    assert (row["issuer"], row["issuer_name"]) == ("xzfb", "测试县人民政府办公室")
    assert (row["written_date"], row["publish_date"], row["effective_date"], row["expiry_date"]) == (
        "2025-03-01", "2025-03-03 09:00", "2025-04-01", "")
    assert (row["theme"], row["theme_label"], row["genre"]) == ("2.1", "综合政务\\政务公开", "通知")
    assert (row["columns"], row["keywords"]) == ("gfxwj", "营商环境;改革")
    assert (row["disclosure_mode"], row["validity"], row["stage"]) == ("主动公开", "有效", "决策")
    assert row["summary"] == "印发实施方案。\n第二行概述。"
    assert (row["catalog_entry"], row["source"]) == ("zdjsxm#1", "测试县发展和改革局")
    assert row["legacy_url"] == "http://old.test.gov.cn/art/1.html"
    assert row["page_url"] == BASE_URL + "xxgk/xzfb/2025/00001.html"
    assert json.loads(row["attachments"]) == [
        {"title": "实施方案", "url": BASE_URL + "files/attachments/2025/fangan.pdf", "size": 2409, "type": "PDF"}]
    assert row["body_md"] == "## 一、总体要求\n\n正文第一段，含“引号”、逗号,和分号;\n\n| 表头 | 值 |\n|---|---|\n| a | 1 |"

    item = next(i for i in read_json(built.out / "data/items-2025.json")["items"] if i["index_no"] == idx(1))
    assert item["keywords"] == ["营商环境", "改革"] and item["columns"] == ["gfxwj"]
    assert item["attachments"][0]["size"] == (built.root / "content/attachments/2025/fangan.pdf").stat().st_size
    assert item["expiry_date"] is None and item["body_md"] == row["body_md"]

    repealed = next(i for i in read_json(built.out / "data/items-2025.json")["items"] if i["index_no"] == idx(2))
    assert (repealed["validity"], repealed["expiry_date"], repealed["superseded_by"]) == ("废止", "2025-06-30", idx(3))
    assert repealed["publish_date"] == "2025-03-03"  # a date without a time stays a date
    other = read_csv(built.out / "data/items-2024.csv")[0]
    assert (other["publish_date"], other["columns"], other["theme_label"]) == ("2024-12-31 23:59:30", "tjxx;gfxwj", "卫生、体育\\卫生")
    assert (other["issuer"], other["issuer_name"]) == ("xzf", "测试县人民政府")


def test_on_request_items_have_metadata_but_no_text(built: SiteFolder) -> None:
    row = next(r for r in read_csv(built.out / "data/items-2025.csv") if r["index_no"] == idx(5))
    assert row["title"] == "测试县人民政府办公室关于第5项工作的通知" and row["disclosure_mode"] == "依申请公开"
    assert row["body_md"] == ""
    item = next(i for i in read_json(built.out / "data/items-2025.json")["items"] if i["index_no"] == idx(5))
    assert item["body_md"] is None
    for name in ("items-2025.csv", "items-2025.json"):
        assert "这段正文只提供给申请人" not in (built.out / "data" / name).read_text(encoding="utf-8-sig")


def test_csv_is_excel_friendly(built: SiteFolder) -> None:
    raw = (built.out / "data/items-2025.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfindex_no,title,")
    assert raw.split(b"\n", 1)[0].endswith(b"\r")  # CRLF records
    raw.decode("utf-8")


def test_catalog_rows_with_channels_and_ticks(built: SiteFolder) -> None:
    rows = read_csv(built.out / "data/catalog.csv")
    assert list(rows[0]) == ["catalog", "domain", "owner", "owner_name", "version", "last_reviewed", "levels", "seq",
                             "stage", "item_l1", "item_l2", "content", "basis", "time_limit", "subject", "channels",
                             "channels_other", "audience", "mode", "level", "items", "page_url"]
    first, second = rows
    assert (first["catalog"], first["domain"], first["owner"], first["owner_name"]) == ("zdjsxm", "重大建设项目", "xzf", "测试县人民政府")
    assert (first["version"], first["last_reviewed"], first["levels"]) == ("2025版", "2025-02-10", "县级;乡级")
    assert (first["seq"], first["stage"], first["item_l1"], first["item_l2"]) == ("1", "决策", "批准服务信息", "审批结果")
    assert (first["content"], first["basis"], first["time_limit"], first["subject"]) == (
        "项目名称、审批结果", "《政府信息公开条例》", "信息形成之日起20个工作日内", "县发展改革局")
    assert (first["channels"], first["channels_other"]) == ("政府网站;政务服务中心;其他", "投资项目在线审批监管平台")
    assert (first["audience"], first["mode"], first["level"]) == ("全社会", "主动", "县级")
    assert first["items"] == idx(1)
    assert first["page_url"] == BASE_URL + "xxgk/catalog/zdjsxm/"
    assert (second["seq"], second["stage"], second["channels"]) == ("2", "", "政府网站;社区/企事业单位/村公示栏（电子屏）")
    assert (second["audience"], second["mode"], second["level"], second["items"]) == ("全社会;特定群体", "主动;依申请", "县级;乡级", "")


def test_manifest_lists_every_data_file_with_size_and_sha256(built: SiteFolder) -> None:
    manifest = read_json(built.out / "data/manifest.json")
    assert manifest["base_url"] == BASE_URL and manifest["site"] == "测试县人民政府"
    listed = {f["path"]: f for f in manifest["files"]}
    on_disk = {f"data/{p.name}" for p in (built.out / "data").iterdir()} - {"data/manifest.json"}
    assert set(listed) == on_disk
    for path, entry in listed.items():
        raw = (built.out / path).read_bytes()
        assert entry["size"] == len(raw), path
        assert entry["sha256"] == hashlib.sha256(raw).hexdigest(), path
        assert entry["url"] == BASE_URL + path
    assert listed["data/items-2025.csv"]["records"] == 5 and listed["data/items-2025.csv"]["year"] == 2025
    assert listed["data/items-2025.json"]["media_type"] == "application/json"
    assert listed["data/catalog.csv"]["records"] == 2 and listed["data/catalog.csv"]["year"] is None


def test_site_without_catalogs_or_items(site: SiteFolder) -> None:
    for n in (1, 2, 3):
        (site.root / f"content/items/xzfb/2025/{n:05d}.md").unlink()
    build_ok(site)
    assert sorted(p.name for p in (site.out / "data").iterdir()) == ["manifest.json", "site.json"]
    assert [f["path"] for f in read_json(site.out / "data/manifest.json")["files"]] == ["data/site.json"]


def test_output_is_deterministic(site: SiteFolder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    fill_site(site)
    for n in range(40, 80):  # enough pages for the parallel renderer (forked workers)
        site.write_item(n, publish_date=f"2025-02-{n % 28 + 1:02d}", written_date="2025-01-01")
    assert build_ok(site, out=tmp_path / "a", jobs=1).written > 100
    build_ok(site, out=tmp_path / "b", jobs=2)
    names = ["sitemap.xml", "robots.txt", "data/manifest.json", "data/catalog.csv", "data/items-2025.csv",
             "data/items-2025.json", "data/items-2024.csv", "data/items-2024.json"]
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
