"""A NUL character in a Markdown or YAML file is an error with its file, line and
column (Markdown would silently show it as �)."""
from __future__ import annotations

import yaml

from govsite.pipeline.build import build
from tests.conftest import ORGS, SiteFolder, default_item, item_text
from tests.content.problem_helpers import check, codes, find, item, only


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_nul_in_a_markdown_body(site: SiteFolder) -> None:
    text = item_text(**default_item(4), body="第一段。\n\n第二段\0有空字符。\n\n第三\0段\0。\n")
    site.write(item(4), text.encode("utf-8"))
    log = check(site)
    found = find(log, "E-NUL")
    assert [(p.file, p.line, p.params["column"]) for p in found] == [
        (item(4), _line_of(text, "第二段"), 4), (item(4), _line_of(text, "第三"), 3)]
    assert found[0].format() == f"{item(4)}:{found[0].line}: 错误 E-NUL: " \
        "此行第 4 个字符是空字符（NUL，\\x00），常见于文件损坏或从其他软件复制；请删除该字符"
    assert found[0].message("en").startswith("character 4 of this line is a NUL")
    assert codes(log) == ["E-NUL", "E-NUL"]

    result = build(site.root, quick=True)
    assert not result.ok and not site.out.exists()


def test_nul_in_front_matter(site: SiteFolder) -> None:
    text = item_text(**default_item(4)).replace("第4项工作", "第4项\0工作")  # a raw NUL (safe_dump would escape it)
    site.write(item(4), text.encode("utf-8"))
    p = only(check(site), "E-NUL")
    assert (p.file, p.line) == (item(4), 3)


def test_nul_in_yaml_files(site: SiteFolder) -> None:
    orgs = yaml.safe_dump(ORGS, allow_unicode=True, sort_keys=False)
    site.write("content/orgs.yaml", orgs.replace("测试县人民政府办公室", "测试县人民政府\0办公室"))
    site.write("content/catalogs/x.yaml", "id: x\ndomain: 测试\n\0\n")
    log = check(site)
    org = only(log, "E-NUL", "content/orgs.yaml")
    assert org.line == _line_of(orgs, "测试县人民政府办公室")
    assert only(log, "E-NUL", "content/catalogs/x.yaml").line == 3


def test_utf16_is_reported_as_not_utf8(site: SiteFolder) -> None:
    site.write(item(4), "---\ntitle: a\n---\nbody\n".encode("utf-16-le"))
    p = only(check(site), "E-TYPE")
    assert (p.file, p.value) == (item(4), "UTF-16")
