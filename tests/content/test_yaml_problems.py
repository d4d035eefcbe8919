"""Malformed YAML and malformed files: the editor is sent to the file and line to fix."""
from __future__ import annotations

import textwrap

import pytest
import yaml

from tests.conftest import OFFICE_CODE, ORGS, SITE_YAML, SiteFolder
from tests.content.problem_helpers import check, codes, find, line_text, only

BROKEN = "content/items/xzfb/2025/00004.md"


def _front(*lines: str, body: str = "正文。") -> str:
    return "---\n" + "\n".join(lines) + "\n---\n" + body + "\n"


def test_item_yaml_error_names_file_and_line(site: SiteFolder) -> None:
    # A colon inside an unquoted title is the commonest editor mistake.
    site.write(BROKEN, _front(
        f"index_no: {OFFICE_CODE}/2025-00004",     # line 2
        "issuer: xzfb",                            # line 3
        "title: 关于印发《方案》的通知: 第二版",    # line 4  <- the mistake
        "publish_date: 2025-03-05",                # line 5
        "columns: [gfxwj]",                        # line 6
    ))
    log = check(site)
    p = only(log, "E-YAML")
    assert p.file == BROKEN
    assert p.line == 4
    assert line_text(site, p).startswith("title: 关于印发")
    assert p.severity.value == "error"
    msg = p.message()
    assert msg.startswith("YAML 语法错误：")
    assert "请检查缩进、冒号和引号" in msg
    assert p.format().startswith(f"{BROKEN}:4: 错误 E-YAML: ")
    # Issue 17 §4: the cause in Chinese, not PyYAML's English; English keeps PyYAML's words.
    assert msg == ("YAML 语法错误：此处不能再出现“键: 值”（值里含有“: ”时请给整个值加引号，或检查缩进）。"
                   "请检查缩进、冒号和引号")
    assert p.message("en").startswith("malformed YAML: mapping values are not allowed")
    # The broken file stops nothing else: the valid items produce no problems.
    assert codes(log) == ["E-YAML"]


def test_item_yaml_bad_indentation_line(site: SiteFolder) -> None:
    site.write(BROKEN, _front(
        f"index_no: {OFFICE_CODE}/2025-00004",     # 2
        "title: 通知",                             # 3
        "issuer: xzfb",                            # 4
        "publish_date: 2025-03-05",                # 5
        "columns:",                                # 6
        "  - gfxwj",                               # 7
        " keywords: [a]",                          # 8 <- indented one space: not a key of the header
    ))
    p = only(check(site), "E-YAML")
    assert (p.file, p.line) == (BROKEN, 8)
    assert line_text(site, p) == " keywords: [a]"


def test_item_yaml_tab_indentation_line(site: SiteFolder) -> None:
    site.write(BROKEN, _front(
        f"index_no: {OFFICE_CODE}/2025-00004",     # 2
        "title: 通知",                             # 3
        "issuer: xzfb",                            # 4
        "\tpublish_date: 2025-03-05",              # 5 <- tab
        "columns: [gfxwj]",                        # 6
    ))
    p = only(check(site), "E-YAML")
    assert (p.file, p.line) == (BROKEN, 5)
    assert "tab" in p.message()


def test_item_unclosed_quote_points_at_the_quote(site: SiteFolder) -> None:
    site.write(BROKEN, _front(
        f"index_no: {OFFICE_CODE}/2025-00004",     # 2
        'title: "未闭合',                          # 3 <- the quote never closes
        "issuer: xzfb",                            # 4
        "publish_date: 2025-03-05",                # 5
        "columns: [gfxwj]",                        # 6
    ))
    p = only(check(site), "E-YAML")
    assert p.file == BROKEN
    assert p.line == 3, f"reported line {p.line}: {line_text(site, p)!r}"


def test_item_unclosed_quote_is_still_an_e_yaml_in_that_file(site: SiteFolder) -> None:
    """What works today for the case above: the file, the code and the message."""
    site.write(BROKEN, _front(f"index_no: {OFFICE_CODE}/2025-00004", 'title: "未闭合', "issuer: xzfb"))
    log = check(site)
    p = only(log, "E-YAML")
    assert p.file == BROKEN
    assert "缺少结束的引号" in p.message() and "quoted scalar" in p.message("en")
    assert codes(log) == ["E-YAML"]


def test_site_yaml_malformed(site: SiteFolder) -> None:
    site.write("site.yaml", textwrap.dedent("""\
        name: 测试县人民政府
        base_url: https://www.test.gov.cn/
        footer:
          host: 测试县人民政府办公室
          site_id_code: '9999990002'
           icp: 测ICP备00000002号-1
          psb: 测公网安备 99999902000002号
        """))
    log = check(site)
    p = only(log, "E-YAML")
    assert (p.file, p.line, p.field) == ("site.yaml", 6, None)
    assert line_text(site, p).strip().startswith("icp:")
    assert "YAML 语法错误" in p.message()
    # Without a usable configuration nothing else is checked, and nothing else is claimed.
    assert codes(log) == ["E-YAML"]


def test_orgs_yaml_malformed(site: SiteFolder) -> None:
    site.write("content/orgs.yaml", textwrap.dedent(f"""\
        - id: xzf
          name: 测试县人民政府
          code: {ORGS[0]["code"]}
          kind: government
        - id: xzfb
          name: 测试县人民政府办公室
        code: {ORGS[1]["code"]}
          kind: office
        """))
    log = check(site)
    p = only(log, "E-YAML", "content/orgs.yaml")
    assert p.line == 7
    assert line_text(site, p).startswith("code:")


def test_orgs_yaml_malformed_reports_only_the_yaml_error(site: SiteFolder) -> None:
    site.write("content/orgs.yaml", "- id: xzf\n  name: [未闭合\n")
    assert codes(check(site)) == ["E-YAML"]


@pytest.mark.parametrize("rel", ["site.yaml", "content/orgs.yaml"])
def test_yaml_file_unclosed_quote_points_at_the_quote(site: SiteFolder, rel: str) -> None:
    data = SITE_YAML if rel == "site.yaml" else ORGS
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    lines = text.splitlines()
    lines[1] = lines[1].replace(": ", ': "', 1)       # line 2 opens a quote that never closes
    site.write(rel, "\n".join(lines) + "\n")
    p = only(check(site), "E-YAML", rel)
    assert p.line == 2


def test_duplicate_key_in_front_matter_is_reported(site: SiteFolder) -> None:
    site.write(BROKEN, _front(
        f"index_no: {OFFICE_CODE}/2025-00004",     # 2
        "title: 第一个标题",                        # 3
        "issuer: xzfb",                            # 4
        "title: 第二个标题",                        # 5 <- duplicate key
        "publish_date: 2025-03-05",                # 6
        "columns: [gfxwj]",                        # 7
    ))
    problems = [p for p in check(site).items if p.file == BROKEN]
    assert any(p.line == 5 and p.severity.value == "error" for p in problems), problems


def test_missing_front_matter(site: SiteFolder) -> None:
    site.write(BROKEN, "标题：没有头部的文件\n\n正文。\n")
    p = only(check(site), "E-FRONTMATTER")
    assert (p.file, p.line) == (BROKEN, 1)
    assert "缺少 YAML 头部" in p.message()
    assert "---" in p.message()


def test_unclosed_front_matter(site: SiteFolder) -> None:
    site.write(BROKEN, f"---\nindex_no: {OFFICE_CODE}/2025-00004\ntitle: 通知\n\n正文。\n")
    p = only(check(site), "E-FRONTMATTER")
    assert (p.file, p.line) == (BROKEN, 1)


def test_front_matter_that_is_a_list(site: SiteFolder) -> None:
    site.write(BROKEN, "---\n- 标题\n- 通知\n---\n正文。\n")
    p = only(check(site), "E-NOT-MAPPING")
    assert (p.file, p.line, p.value) == (BROKEN, 2, "list")
    assert "“字段: 值”的映射" in p.message()


def test_site_yaml_that_is_a_list(site: SiteFolder) -> None:
    site.write("site.yaml", "- name: 测试\n")
    p = only(check(site), "E-NOT-MAPPING")
    assert (p.file, p.line) == ("site.yaml", 1)


def test_orgs_yaml_that_is_a_mapping(site: SiteFolder) -> None:
    site.write("content/orgs.yaml", "xzf: 测试县人民政府\n")
    p = only(check(site), "E-TYPE", "content/orgs.yaml")
    assert p.line == 1
    assert "机构列表" in p.message()


def test_file_not_utf8(site: SiteFolder) -> None:
    site.write(BROKEN, "---\ntitle: 通知\n---\n正文\n".encode("gb18030"))
    p = only(check(site), "E-TYPE", BROKEN)
    assert "UTF-8" in p.message()
    assert "UTF-8" in p.message("en")


def test_missing_site_yaml(site: SiteFolder) -> None:
    (site.root / "site.yaml").unlink()
    p = only(check(site), "E-MISSING")
    assert (p.file, p.field) == ("site.yaml", "site.yaml")
    assert p.message() == (f"缺少必填字段 site.yaml：{site.root} 不是站点文件夹（站点文件夹中有 site.yaml）；请在站点文件夹中"
                           "运行，或用 --site 指定站点文件夹，新站点用 govsite init 创建")
    assert p.message("en").endswith(f": {site.root} is not a site folder (a site folder holds site.yaml); run the "
                                    "command in the site folder or name it with --site; create a new site with govsite init")


def test_missing_orgs_yaml(site: SiteFolder) -> None:
    (site.root / "content/orgs.yaml").unlink()
    p = only(check(site), "E-MISSING", "content/orgs.yaml")
    assert p.field == "content/orgs.yaml"


def _windows_item() -> str:
    return _front(
        f"index_no: {OFFICE_CODE}/2025-00004",     # 2
        "title: 通知",                             # 3
        "issuer: nobody",                          # 4 <- unknown organization
        "publish_date: 2025-03-05",                # 5
        "columns: [gfxwj]",                        # 6
    )


def test_bom_item_keeps_line_numbers(site: SiteFolder) -> None:
    """A file saved with a UTF-8 BOM (Windows Notepad) reads and reports lines normally."""
    site.write(BROKEN, ("\ufeff" + _windows_item()).encode("utf-8"))
    log = check(site)
    p = only(log, "E-REF-ORG", BROKEN)
    assert p.line == 4
    assert codes(log) == ["E-REF-ORG"]


def test_crlf_item_is_read(site: SiteFolder) -> None:
    site.write(BROKEN, _windows_item().replace("\n", "\r\n").encode("utf-8"))
    log = check(site)
    assert find(log, "E-FRONTMATTER") == []
    p = only(log, "E-REF-ORG", BROKEN)
    assert p.line == 4


def test_crlf_site_yaml_is_read(site: SiteFolder) -> None:
    text = yaml.safe_dump(SITE_YAML, allow_unicode=True, sort_keys=False)
    site.write("site.yaml", text.replace("\n", "\r\n").encode("utf-8"))
    assert codes(check(site)) == []


def test_a_number_too_long_for_python_is_an_e_yaml_with_its_line(site: SiteFolder) -> None:
    """An unquoted number of more than 4,300 digits: int() refuses it (ValueError),
    which used to end ``govsite check`` in a traceback."""
    site.write(BROKEN, _front(
        f"index_no: {OFFICE_CODE}/2025-00004",     # line 2
        "issuer: xzfb",                            # line 3
        "doc_no: " + "7" * 5000,                   # line 4
    ))
    p = only(check(site), "E-YAML")
    assert p.file == BROKEN and p.line == 4
    assert "4300" in p.message() and "引号" in p.message()
