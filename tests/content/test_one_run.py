"""Every problem of the whole site is reported in one run, sorted by file and line."""
from __future__ import annotations

import textwrap

import yaml

from tests.conftest import OFFICE_CODE, ORGS, SiteFolder
from tests.content.problem_helpers import check, item


def _break_five_files(site: SiteFolder) -> list[tuple[str, int, str, str]]:
    """Five files, each with a different kind of problem; returns (file, line, code, field)."""
    # 1. malformed YAML in an item (line 4: a colon inside an unquoted title)
    site.write(item(4), textwrap.dedent(f"""\
        ---
        index_no: {OFFICE_CODE}/2025-00004
        issuer: xzfb
        title: 关于印发《方案》的通知: 第二版
        ---
        正文。
        """))
    # 2. unknown organization (cross-file reference), line 5
    site.write_item(5, issuer="jyj")
    # 3. wrong date form, line 7
    site.write_item(6, publish_date="2025.03.08")
    # 4. a page pointing at an unknown column, line 3
    site.write("content/pages/zhinan.md", "---\ntitle: 政府信息公开指南\ncolumn: xxgkzm\n---\n正文\n")
    # 5. an organization with a malformed code in orgs.yaml (third entry, its code on line 14)
    orgs = ORGS + [{"id": "xjyj", "name": "测试县教育局", "code": "12345", "kind": "department", "parent": "xzf"}]
    site.write("content/orgs.yaml", yaml.safe_dump(orgs, allow_unicode=True, sort_keys=False))
    return [
        ("content/items/xzfb/2025/00004.md", 4, "E-YAML", ""),
        ("content/items/xzfb/2025/00005.md", 5, "E-REF-ORG", "issuer"),
        ("content/items/xzfb/2025/00006.md", 7, "E-DATETIME", "publish_date"),
        ("content/orgs.yaml", 14, "E-ORG-CODE-FORM", "2.code"),
        ("content/pages/zhinan.md", 3, "E-REF-COLUMN", "column"),
    ]


def test_five_broken_files_give_five_problems_in_one_run(site: SiteFolder) -> None:
    expected = _break_five_files(site)
    log = check(site)
    got = [(p.file, p.line, p.code, p.field or "") for p in log.items]
    assert got == expected
    assert len(log.errors) == 5
    assert log.warnings == []


def test_problems_are_sorted_by_file_and_line(site: SiteFolder) -> None:
    _break_five_files(site)
    items = check(site).items
    keys = [(p.file, p.line or 0) for p in items]
    assert keys == sorted(keys)


def test_text_report_lists_every_problem_and_a_total(site: SiteFolder) -> None:
    from click.testing import CliRunner

    from govsite.cli import main

    expected = _break_five_files(site)
    result = CliRunner().invoke(main, ["check", "--site", str(site.root), "--no-inspect"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[-1] == "共 5 个错误，0 个警告"
    for file, line, code, _field in expected:
        assert any(ln.startswith(f"{file}:{line}: 错误 {code}") for ln in lines), (file, code, lines)
