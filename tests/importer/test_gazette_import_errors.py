"""Malformed gazette import files: a clear message (file, key, value, what is allowed) and nothing written."""
from __future__ import annotations

from typing import Any, Callable

import pytest

from gazette_import_helpers import issue_data
from importer_helpers import snapshot


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Set a value by a dotted path with [i] indexes (``sections[0].articles[2].written_date``)."""
    def apply(data: dict[str, Any]) -> None:
        target: Any = data
        parts = path.replace("]", "").replace("[", ".").split(".")
        for part in parts[:-1]:
            target = target[int(part)] if part.isdigit() else target[part]
        last = parts[-1]
        target[int(last) if last.isdigit() else last] = value
    return apply


def _drop(path: str) -> Callable[[dict[str, Any]], None]:
    def apply(data: dict[str, Any]) -> None:
        *head, last = path.split(".")
        target: Any = data
        for part in head:
            target = target[part]
        del target[last]
    return apply


CASES: list[tuple[str, Callable[[dict[str, Any]], None], list[str]]] = [
    ("missing-date", _drop("date"), ["[date]", "缺少出版日期（date）"]),
    ("missing-gazette", _drop("gazette"), ["[gazette]", "缺少刊名（gazette）"]),
    ("missing-sections", _drop("sections"), ["[sections]", "缺少栏目列表（sections）"]),
    ("missing-article-title", _set("sections[1].articles[0].title", "  "),
     ["[sections[1].articles[0].title]", "缺少标题（sections[1].articles[0].title）"]),
    ("missing-section-title", _set("sections[0].title", None), ["[sections[0].title]", "缺少栏目名称"]),
    ("bad-written-date", _set("sections[1].articles[1].written_date", "2016-02-30"),
     ["[sections[1].articles[1].written_date]", "成文日期 2016-02-30 不是有效日期", "可用格式：2019-01-27"]),
    ("bad-issue-date", _set("date", "20160120"), ["[date]", "出版日期 20160120 不是有效日期"]),
    ("year-as-text", _set("year", "2016"), ["[year]", "年份的值 \"2016\" 类型错误，应为整数"]),
    ("number-as-float", _set("number", 1.5), ["[number]", "期号的值 1.5 类型错误，应为整数"]),
    ("special-as-text", _set("special", "否"), ["[special]", "增刊标志的值 \"否\" 类型错误，应为true 或 false，或 null"]),
    ("keywords-number", _set("sections[0].articles[0].keywords", 5),
     ["[sections[0].articles[0].keywords]", "主题词的值 5 类型错误，应为文本列表"]),
    ("sections-object", _set("sections", {"title": "县政府文件"}), ["[sections]", "应为列表 [...]"]),
    ("article-not-object", _set("sections[0].articles[1]", "标题"),
     ["[sections[0].articles[1]]", "文章的值 \"标题\" 类型错误，应为对象 {...}"]),
    ("year-range", _set("year", 1900), ["[year]", "年份 1900 超出范围；应为 1949–2100 的整数"]),
    ("number-zero", _set("number", 0), ["[number]", "期号 0 超出范围；应为 ≥ 1 的整数"]),
    ("bad-pages", _set("sections[0].articles[0].pages", "5-3"),
     ["[sections[0].articles[0].pages]", "页码 5-3 格式不对；应为一页或一个页码范围，如 3 或 \"3-5\""]),
    ("bad-text-source", _set("sections[0].articles[0].text_source", "scan"),
     ["[sections[0].articles[0].text_source]", "文本来源 scan 不是允许的值；允许的值：born-digital、keyed、ocr、none"]),
    ("pdf-missing", _set("pdf", "pdf/nope.pdf"),
     ["[pdf]", "PDF 文件 pdf/nope.pdf 不存在（路径相对于导入文件所在目录"]),
    ("pdf-dotdot", _set("pdf", "../secret.pdf"), ["[pdf]", "PDF 路径 ../secret.pdf 不可用", "不得含 .."]),
    ("pdf-absolute", _set("pdf", "/etc/passwd"), ["[pdf]", "PDF 路径 /etc/passwd 不可用", "不得为绝对路径"]),
    ("pdf-not-pdf", _set("pdf", "notes.txt"), ["[pdf]", "文件 notes.txt 不是 PDF"]),
    ("future-date", _set("date", "2027-01-04"), ["[date]", "出版日期 2027-01-04 晚于今天 2026-11-20"]),
    ("written-after-issue", _set("sections[0].articles[0].written_date", "2016-02-01"),
     ["[sections[0].articles[0].written_date]", "成文日期 2016-02-01 晚于本期出版日期 2016-01-20"]),
    ("duplicate-section", _set("sections[1].title", "县政府文件"),
     ["[sections[1].title]", "栏目 县政府文件 在本文件中出现两次（另见 sections[0].title）"]),
    ("image-without-alt", _set("sections[0].articles[1].body_md", "见下图：\n\n![](tu.png)\n"),
     ["[sections[0].articles[1].body_md]", "正文中的图片 tu.png 缺少替代文本"]),
]


@pytest.mark.parametrize("name, mutate, expected", CASES, ids=[c[0] for c in CASES])
def test_bad_import_file(gazette, site, name, mutate, expected) -> None:  # type: ignore[no-untyped-def]
    (gazette.folder / "notes.txt").write_text("不是PDF", encoding="utf-8")
    data = issue_data()
    mutate(data)
    before = snapshot(site.root)
    path = gazette.write(f"{name}.json", data)
    assert not gazette.run(path)
    assert f"{path}: 错误 E-IMPORT-GAZETTE " in gazette.err
    for text in expected:
        assert text in gazette.err
    assert "导入失败：1 个文件有错误" in gazette.err and "未写入任何文件" in gazette.err
    assert gazette.out == ""
    assert snapshot(site.root) == before


def test_symlink_leaving_the_folder_is_refused(gazette, site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outside = tmp_path / "outside.pdf"
    outside.write_bytes(gazette.pdf.read_bytes())
    (gazette.folder / "link.pdf").symlink_to(outside)
    before = snapshot(site.root)
    assert not gazette.run(gazette.write("gb.json", issue_data(pdf="link.pdf")))
    assert "[pdf]" in gazette.err and "PDF 路径 link.pdf 不可用" in gazette.err
    assert snapshot(site.root) == before


@pytest.mark.parametrize("text, expected", [
    ('{"gazette": "测试县人民政府公报", "year": 2016,\n  "number": 1 "date": "2016-01-20"}',
     "不是有效的 JSON：第 2 行第 15 列，Expecting ',' delimiter（该行内容：\"number\": 1 \"date\": \"2016-01-20\"}）"),
    ('[{"gazette": "测试县人民政府公报"}]', "文件内容应为一个 JSON 对象"),
    ("", "不是有效的 JSON：第 1 行第 1 列"),
])
def test_unreadable_json(gazette, site, text, expected) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(site.root)
    path = gazette.write("bad.json", text)
    assert not gazette.run(path)
    assert f"{path}" in gazette.err and expected in gazette.err
    assert snapshot(site.root) == before


def test_not_utf8(gazette, site) -> None:  # type: ignore[no-untyped-def]
    path = gazette.folder / "gbk.json"
    path.write_bytes('{"gazette": "测试县人民政府公报"}'.encode("gbk"))
    before = snapshot(site.root)
    assert not gazette.run(path)
    assert "文件不是 UTF-8 编码（第 14 字节）" in gazette.err
    assert snapshot(site.root) == before


def test_every_problem_of_every_file_is_reported_and_nothing_written(gazette, site) -> None:  # type: ignore[no-untyped-def]
    good = gazette.write("good.json", issue_data())
    bad = issue_data(number=2, date="2016-02-30", year="2016")
    bad["sections"][0]["articles"][0]["written_date"] = "去年"
    bad_path = gazette.write("bad.json", bad)
    before = snapshot(site.root)
    assert not gazette.run(good, bad_path)
    errors = [line for line in gazette.err.splitlines() if " 错误 " in line]
    assert len(errors) == 3 and all(line.startswith(f"{bad_path}:") for line in errors)
    assert "[sections[0].articles[0].written_date]" in gazette.err and "[year]" in gazette.err
    assert "[date]" in gazette.err
    assert "导入失败：1 个文件有错误（共 3 个错误），未写入任何文件" in gazette.err
    assert snapshot(site.root) == before


def test_broken_gazette_yaml_blocks_the_import(gazette, site) -> None:  # type: ignore[no-untyped-def]
    site.write("content/gazette/gazette.yaml", "name: 测试县人民政府公报\npublisher: xzf\nfrequency: weekly\n")
    before = snapshot(site.root)
    assert not gazette.run(gazette.write("gb.json", issue_data()))
    assert "content/gazette/gazette.yaml" in gazette.err and "请先修正后再导入" in gazette.err
    assert snapshot(site.root) == before


def test_gazette_yaml_that_cannot_be_extended_blocks_the_import(gazette, site, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import govsite.importer.gazette_plan as plan

    def refuse(original: str, new: list[str]) -> str:
        raise ValueError("sections is not a list")

    site.write("content/gazette/gazette.yaml", "name: 测试县人民政府公报\npublisher: xzf\nfirst_year: 2015\n"
               "frequency: monthly\nsections: [县政府令]\n")
    monkeypatch.setattr(plan, "appended_sections_text", refuse)
    before = snapshot(site.root)
    assert not gazette.run(gazette.write("gb.json", issue_data()))
    assert "content/gazette/gazette.yaml: 错误 E-IMPORT-GAZETTE [sections]: 公报无法导入：无法在 content/gazette/gazette.yaml " \
           "的 sections 中追加栏目 县政府文件、县政府办公室文件（sections is not a list）" in gazette.err
    assert snapshot(site.root) == before
