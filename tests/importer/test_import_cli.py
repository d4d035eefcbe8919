"""``govsite import items`` through the click command line."""
from __future__ import annotations

from click.testing import CliRunner

from govsite.cli import main

from importer_helpers import HEADER_ZH, csv_text, snapshot


def _rows(date: str) -> list[list[str]]:
    values = {"标题": "关于测试的通知", "发布机构": "xzfb", "发布日期": date, "栏目": "gfxwj", "正文": "<p>正文</p>"}
    return [[values.get(h, "") for h in HEADER_ZH]]


def test_cli_import_items(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.csv"
    path.write_text(csv_text(HEADER_ZH, _rows("2025-01-27")), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["import", "items", str(path), "--site", str(site.root)])
    assert result.exit_code == 0, result.output
    assert "新建 1 条信息" in result.output
    assert (site.root / "content/items/xzfb/2025/00004.md").is_file()

    again = runner.invoke(main, ["import", "items", str(path), "--site", str(site.root), "--lang", "en"])
    assert again.exit_code == 0
    assert "0 item(s) created, 1 already imported (unchanged)" in again.output


def test_cli_import_failure_exits_1(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.csv"
    path.write_text(csv_text(HEADER_ZH, _rows("2025-02-30")), encoding="utf-8")
    before = snapshot(site.root)
    result = CliRunner().invoke(main, ["import", "items", str(path), "--site", str(site.root)])
    assert result.exit_code == 1
    assert "第 1 条记录无法导入：发布日期 2025-02-30 不是有效日期" in result.output
    assert snapshot(site.root) == before


def test_cli_options(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.jsonl"
    path.write_text('{"title": "甲", "publish_date": "2025-01-02"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "items", str(path), "--site", str(site.root),
                                       "--org-default", "xzf", "--column-default", "zcjd"])
    assert result.exit_code == 0, result.output
    assert (site.root / "content/items/xzf/2025/00001.md").is_file()


def test_cli_create_orgs_and_column_rules(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.jsonl"
    path.write_text('{"标题": "甲", "发文机关": "测试县统计局", "发布日期": "2025-01-02", "发文字号": "测统规〔2025〕1号"}\n',
                    encoding="utf-8")
    before = snapshot(site.root)
    refused = CliRunner().invoke(main, ["import", "items", str(path), "--site", str(site.root)])
    assert refused.exit_code == 1 and "发布机构 测试县统计局 不在 content/orgs.yaml 中" in refused.output
    assert snapshot(site.root) == before
    result = CliRunner().invoke(main, ["import", "items", str(path), "--site", str(site.root), "--create-orgs"])
    assert result.exit_code == 0, result.output
    assert "按规则归入栏目：规范性文件（gfxwj）1 条" in result.output and "新建机构 tjj：测试县统计局" in result.output
    assert (site.root / "content/items/tjj/2025/00001.md").is_file()
    assert "--create-orgs" in CliRunner().invoke(main, ["import", "items", "--help"]).output


def test_cli_json_array_export_says_it_is_not_json_lines(site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "export.json"
    path.write_text('[{"标题": "甲", "发布日期": "2025-01-02"}]', encoding="utf-8")
    before = snapshot(site.root)
    result = CliRunner().invoke(main, ["import", "items", str(path), "--site", str(site.root)])
    assert result.exit_code == 1
    assert "export.json: 错误 E-IMPORT-FILE: 无法读取导入文件：文件是一个 JSON 数组（以 [ 开头）" in result.output
    assert "jq -c '.[]'" in result.output and "CSV 文件没有可识别的表头" not in result.output
    english = CliRunner().invoke(main, ["import", "items", str(path), "--site", str(site.root), "--lang", "en"])
    assert "the file is a JSON array (it starts with [); govsite reads JSON Lines" in english.output
    assert snapshot(site.root) == before
