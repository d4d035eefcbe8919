"""``govsite check``: exit codes, English messages, and the JSON report IT staff script against."""
from __future__ import annotations

import json
import re
import string

import pytest
from click.testing import CliRunner

from govsite.cli import main
from govsite.i18n import MESSAGES
from tests.conftest import SiteFolder
from tests.content.problem_helpers import LINE, check, item, only


def run(site: SiteFolder, *args: str, env: dict[str, str] | None = None):
    # Validation output only: the inspection report (stale/empty columns …) is tested in tests/inspect.
    return CliRunner().invoke(main, ["check", "--site", str(site.root), "--no-inspect", *args], env=env)


def _one_error(site: SiteFolder) -> None:
    site.write_item(2, publish_date="2025/03/05")


def _one_warning(site: SiteFolder) -> None:
    site.write_item(3, doc_no="测政办发[2025]3号")


# --- 12. English messages ------------------------------------------------------------------

def test_problem_in_english(site: SiteFolder) -> None:
    _one_error(site)
    p = only(check(site), "E-DATETIME")
    # Issue 17 §4: a date in a form the importer reads gets the exact value to write instead.
    assert p.message("en") == ("value 2025/03/05 is not a valid date-time; use YYYY-MM-DD or YYYY-MM-DD HH:MM "
                               "(e.g. 2024-03-05 09:30); write 2025-03-05")
    assert p.message("zh").endswith("（如 2024-03-05 09:30）；请改为 2025-03-05")
    assert p.format("en") == f"{item(2)}:{LINE['publish_date']}: error E-DATETIME [publish_date]: " + p.message("en")
    assert p.format("zh") == f"{item(2)}:{LINE['publish_date']}: 错误 E-DATETIME [publish_date]: " + p.message("zh")


@pytest.mark.parametrize(("written", "fix"), [
    ("2026/12/7", "2026-12-07"), ("2026-12-7", "2026-12-07"), ("2026年12月7日", "2026-12-07"),
    ("2026.12.07", None),  # not a form the importer reads (govsite/dates.py): no guess
    ("2026/12/07 9:30", "2026-12-07 09:30"), ("2026年2月30日", None), ("12/07/2026", None), ("昨天", None),
])
def test_a_date_in_another_form_gets_the_exact_fix(site: SiteFolder, written: str, fix: str | None) -> None:
    """The importer reads these forms; front matter keeps one, and the error says what to write
    (an impossible or ambiguous date gets no guess)."""
    site.write_item(2, publish_date=written)
    p = only(check(site), "E-DATETIME")
    assert p.message("zh").endswith(f"；请改为 {fix}" if fix else "（如 2024-03-05 09:30）"), p.message("zh")


def test_warning_in_english(site: SiteFolder) -> None:
    _one_warning(site)
    p = only(check(site), "W-DOCNO-BRACKET")
    assert p.format("en") == (f"{item(3)}:{LINE['doc_no']}: warning W-DOCNO-BRACKET [doc_no]: document number "
                              "测政办发[2025]3号 uses the wrong year brackets; use 〔〕: 测政办发〔2025〕3号")


def test_every_message_has_chinese_and_english_with_the_same_placeholders() -> None:
    def names(template: str) -> set[str]:
        # A parameter may come in a per-language variant (forms / forms_en): compare the base names.
        return {re.sub(r"_(en|zh)$", "", f) for _, f, _, _ in string.Formatter().parse(template) if f}

    for code, entry in MESSAGES.items():
        assert set(entry) == {"zh", "en"}, code
        assert re.search(r"[\u4e00-\u9fff]", entry["zh"]), code
        if re.match(r"[EW]-", code):       # problem codes: both languages show the same facts
            assert names(entry["zh"]) == names(entry["en"]), code
        else:                              # UI texts may name a Chinese label only in Chinese
            assert names(entry["en"]) <= names(entry["zh"]), code


def test_cli_lang_en(site: SiteFolder) -> None:
    _one_error(site)
    _one_warning(site)
    result = run(site, "--lang", "en")
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert lines == [
        f"{item(2)}:7: error E-DATETIME [publish_date]: value 2025/03/05 is not a valid date-time; "
        "use YYYY-MM-DD or YYYY-MM-DD HH:MM (e.g. 2024-03-05 09:30); write 2025-03-05",
        f"{item(3)}:4: warning W-DOCNO-BRACKET [doc_no]: document number 测政办发[2025]3号 uses the wrong "
        "year brackets; use 〔〕: 测政办发〔2025〕3号",
        "1 error(s), 1 warning(s)",
    ]


def test_cli_lang_from_environment(site: SiteFolder) -> None:
    _one_error(site)
    result = run(site, env={"GOVSITE_LANG": "en"})
    assert "is not a valid date-time" in result.stdout
    assert result.stdout.strip().endswith("1 error(s), 0 warning(s)")


def test_cli_chinese_by_default(site: SiteFolder) -> None:
    _one_error(site)
    result = run(site, env={"GOVSITE_LANG": None})      # unset: Chinese
    assert f"{item(2)}:7: 错误 E-DATETIME [publish_date]: 值 2025/03/05 不是有效的日期时间" in result.stdout
    assert result.stdout.strip().endswith("共 1 个错误，0 个警告")


def test_cli_rejects_unknown_language(site: SiteFolder) -> None:
    result = run(site, "--lang", "fr")
    assert result.exit_code == 2


# --- 12. exit codes -----------------------------------------------------------------------

def test_clean_site_exits_0(site: SiteFolder) -> None:
    result = run(site)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "检查通过：未发现问题。"
    result = run(site, "--lang", "en", "--strict")
    assert result.exit_code == 0
    assert result.stdout.strip() == "Check passed: no problems found."


def test_errors_exit_1(site: SiteFolder) -> None:
    _one_error(site)
    assert run(site).exit_code == 1


def test_warnings_only_exit_0_without_strict(site: SiteFolder) -> None:
    _one_warning(site)
    result = run(site)
    assert result.exit_code == 0
    assert result.stdout.strip().endswith("共 0 个错误，1 个警告")


def test_warnings_only_exit_1_with_strict(site: SiteFolder) -> None:
    _one_warning(site)
    assert run(site, "--strict").exit_code == 1
    assert run(site, "--strict", "--format", "json").exit_code == 1


def test_missing_site_folder_exits_1(tmp_path) -> None:
    result = CliRunner().invoke(main, ["check", "--site", str(tmp_path / "nosite"), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert {(p["code"], p["file"]) for p in report["problems"]} == {
        ("E-MISSING", "site.yaml"), ("E-MISSING", "content/orgs.yaml")}


# --- 12. JSON report ----------------------------------------------------------------------

def test_json_report(site: SiteFolder) -> None:
    _one_error(site)
    _one_warning(site)
    site.write_item(4, attachments=[{"file": "../../etc/passwd"}])
    result = run(site, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["errors"] == 2 and report["warnings"] == 1
    assert [p["code"] for p in report["problems"]] == ["E-DATETIME", "W-DOCNO-BRACKET", "E-PATH-ESCAPE"]
    for p in report["problems"]:
        assert set(p) == {"code", "severity", "file", "line", "field", "value", "message"}
        assert isinstance(p["line"], int) and p["file"] and p["field"] and p["value"] and p["message"]
    assert report["problems"][0] == {
        "code": "E-DATETIME", "severity": "error", "file": item(2), "line": 7, "field": "publish_date",
        "value": "2025/03/05",
        "message": "值 2025/03/05 不是有效的日期时间；应为 YYYY-MM-DD 或 YYYY-MM-DD HH:MM（如 2024-03-05 09:30）；请改为 2025-03-05",
    }
    assert report["problems"][1]["severity"] == "warning"
    assert report["problems"][2]["field"] == "attachments.0.file"
    assert report["problems"][2]["value"] == "../../etc/passwd"
    assert report["problems"][2]["line"] == 13


def test_json_report_in_english_is_utf8_not_escaped(site: SiteFolder) -> None:
    _one_warning(site)
    result = run(site, "--format", "json", "--lang", "en")
    assert "测政办发〔2025〕3号" in result.stdout          # not \\u escapes
    report = json.loads(result.stdout)
    assert report["problems"][0]["message"].startswith("document number 测政办发[2025]3号 uses the wrong year brackets")


def test_json_report_for_a_clean_site(site: SiteFolder) -> None:
    result = run(site, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"errors": 0, "warnings": 0, "problems": []}


def test_json_value_of_a_non_text_value(site: SiteFolder) -> None:
    site.write_item(4, keywords={"a": 1})
    report = json.loads(run(site, "--format", "json").stdout)
    (p,) = report["problems"]
    assert (p["field"], p["line"], p["value"]) == ("keywords", 12, "{'a': 1}")


def test_json_problem_without_line_or_field(site: SiteFolder) -> None:
    site.write(item(4), "---\ntitle: 通知\n---\n正文\n".encode("gb18030"))
    report = json.loads(run(site, "--format", "json").stdout)
    (p,) = report["problems"]
    assert p["line"] is None and p["field"] is None
    assert p["file"] == item(4) and "UTF-8" in p["message"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_text_and_json_agree(site: SiteFolder, lang: str) -> None:
    _one_error(site)
    _one_warning(site)
    text = run(site, "--lang", lang).stdout.strip().splitlines()[:-1]
    report = json.loads(run(site, "--format", "json", "--lang", lang).stdout)
    assert len(text) == len(report["problems"])
    for line, p in zip(text, report["problems"]):
        assert line.startswith(f"{p['file']}:{p['line']}: ")
        assert line.endswith(p["message"])
