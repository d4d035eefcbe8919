"""``govsite import gazette`` and ``govsite import gazette-pdf`` through the click command line."""
from __future__ import annotations

from click.testing import CliRunner

from govsite.cli import main

from gazette_import_helpers import image_pdf, issue_data
from importer_helpers import snapshot


def test_cli_import_gazette(gazette, site) -> None:  # type: ignore[no-untyped-def]
    one = gazette.write("gb201601.json", issue_data())
    two = gazette.write("gb201602.json", issue_data(number=2, date="2016-02-20", pdf=None))
    runner = CliRunner()
    result = runner.invoke(main, ["import", "gazette", str(one), str(two), "--site", str(site.root)])
    assert result.exit_code == 0, result.output
    assert "导入完成：共 2 个文件，新建 2 期（文章 8 篇）" in result.output
    assert (site.root / "content/gazette/2016/02/4.md").is_file()

    again = runner.invoke(main, ["import", "gazette", str(one), str(two), "--site", str(site.root), "--lang", "en"])
    assert again.exit_code == 0
    assert "0 issue(s) created (0 article(s)), 2 already imported (unchanged)" in again.output


def test_cli_import_gazette_failure_exits_1(gazette, site) -> None:  # type: ignore[no-untyped-def]
    data = issue_data()
    data["sections"][0]["articles"][1]["written_date"] = "2016-13-01"
    path = gazette.write("bad.json", data)
    before = snapshot(site.root)
    result = CliRunner().invoke(main, ["import", "gazette", str(path), "--site", str(site.root)])
    assert result.exit_code == 1
    assert f"{path}: 错误 E-IMPORT-GAZETTE [sections[0].articles[1].written_date]: 公报无法导入：成文日期 2016-13-01 " \
           "不是有效日期" in result.output
    assert snapshot(site.root) == before


def test_cli_import_gazette_needs_a_file(site) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["import", "gazette", "--site", str(site.root)])
    assert result.exit_code == 2 and "FILES" in result.output


def test_cli_import_gazette_pdf(gazette, site) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    scan = image_pdf(gazette.folder / "gb201603.pdf")
    result = runner.invoke(main, ["import", "gazette-pdf", str(scan), "--year", "2016", "--number", "3",
                                  "--date", "2016-03-18", "--site", str(site.root)])
    assert result.exit_code == 0, result.output
    assert "没有文字层，已标记为仅有扫描件" in result.output
    assert "scan_only: true" in (site.root / "content/gazette/2016/03/issue.yaml").read_text("utf-8")

    text = runner.invoke(main, ["import", "gazette-pdf", str(gazette.pdf), "--year", "2016", "--number", "1",
                                "--site", str(site.root), "--lang", "en"])
    assert text.exit_code == 0, text.output
    assert "the PDF text layer" in text.output and "content/gazette/2016/01/1.md" in text.output

    missing = runner.invoke(main, ["import", "gazette-pdf", str(scan), "--number", "4", "--site", str(site.root)])
    assert missing.exit_code == 2 and "--year" in missing.output

    clash = runner.invoke(main, ["import", "gazette-pdf", str(scan), "--year", "2016", "--number", "1",
                                 "--site", str(site.root)])
    assert clash.exit_code == 1 and "2016年第1期已存在" in clash.output
