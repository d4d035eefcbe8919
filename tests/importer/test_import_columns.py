"""Issue 17 §2: records without a 栏目 (gov.cn-style exports) placed by the column
rules, the default column, and one error for the records nothing places.

Every record here is fictional."""
from __future__ import annotations

import re

import yaml

from govsite.content.loader import load_site
from govsite.importer.column_rules import RULES
from govsite.importer.records import ALIASES, FIELDS
from govsite.model.site_model import build_model
from tests.conftest import REPO

from importer_helpers import jsonl_text, snapshot

DOC = (REPO / "docs/content.md").read_text(encoding="utf-8")


def record(title: str, **over: str) -> dict[str, str]:
    """A record as a gov.cn policy page exports it: 主题分类 and 体裁, no 栏目."""
    base = {"索引号": "", "主题分类": "综合政务\\政务公开", "发文机关": "测试县人民政府办公室", "成文日期": "2024年05月10日",
            "标题": title, "发文字号": "", "发布日期": "2024年05月20日", "体裁": "通知", "正文": "<p>正文。</p>"}
    base.update(over)
    return {k: v for k, v in base.items() if v}


def columns_by_title(new: dict[str, str]) -> dict[str, list[str]]:
    out = {}
    for text in new.values():
        front = yaml.safe_load(text.split("---\n")[1])
        out[front["title"]] = front["columns"]
    return out


def set_import_default(site, value: str) -> None:  # type: ignore[no-untyped-def]
    path = site.root / "site.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"import_defaults:\n  column: {value}\n", encoding="utf-8")


def test_records_without_a_column_are_placed_by_rule(importer) -> None:
    records = [
        record("测试县人民政府办公室关于印发测试县示例管理办法的通知", 发文字号="测政办发〔2024〕13号"),
        record("测试县人民政府关于示例事项的实施意见", 发文字号="测政规〔2024〕3号"),
        record("测试县示例补助资金管理细则", 体裁="规范性文件"),
        record("《测试县示例管理办法》政策解读", 体裁="解读"),
        record("测试县人民政府办公室2023年政府信息公开工作年度报告", 体裁="报告"),
        record("关于印发《测试县“十四五”示例发展规划》的通知", 发文字号="测政发〔2024〕2号"),
        record("关于示例工作的答记者问", 栏目="政策解读"),
    ]
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("gov.jsonl", jsonl_text(records))) is True, importer.err
    got = columns_by_title(importer.new_files(before))
    assert got == {
        "测试县人民政府办公室关于印发测试县示例管理办法的通知": ["gfxwj"],  # 印发…办法的通知
        "测试县人民政府关于示例事项的实施意见": ["gfxwj"],  # a 文号 numbered as a 规范性文件
        "测试县示例补助资金管理细则": ["gfxwj"],  # 体裁 规范性文件
        "《测试县示例管理办法》政策解读": ["zcjd"],
        "测试县人民政府办公室2023年政府信息公开工作年度报告": ["xxgknb"],
        "关于印发《测试县“十四五”示例发展规划》的通知": ["ghxx"],  # 规划 comes before the 文号 rule
        "关于示例工作的答记者问": ["zcjd"],  # given in the file: not counted as placed by rule
    }
    assert "按规则归入栏目：规范性文件（gfxwj）3 条，政策解读（zcjd）1 条，年报（xxgknb）1 条，规划（ghxx）1 条\n" in importer.out
    assert "默认栏目" not in importer.out


def test_a_doc_no_alone_does_not_make_a_record_a_regulation(importer) -> None:
    """Notices, letters and penalty decisions carry 文号 too (walk of the first day)."""
    set_import_default(importer.site, "qtxx")
    records = [record("关于做好示例工作的通知", 发文字号="测政办发〔2024〕21号"),
               record("关于示例事项的函", 发文字号="测财函〔2024〕5号"),
               record("行政处罚决定书（测市监罚〔2024〕3号）", 发文字号="测市监罚〔2024〕3号")]
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("gov.jsonl", jsonl_text(records))) is True, importer.err
    assert set(sum(columns_by_title(importer.new_files(before)).values(), [])) == {"qtxx"}


def test_default_column_from_site_yaml_and_from_the_option(importer) -> None:
    set_import_default(importer.site, "qtxx")
    path = importer.file("gov.jsonl", jsonl_text([record("关于示例事项的公告", 体裁="公告"),
                                                  record("示例解读", 体裁="解读")]))
    before = snapshot(importer.site.root)
    assert importer.run(path) is True, importer.err
    assert columns_by_title(importer.new_files(before)) == {"关于示例事项的公告": ["qtxx"], "示例解读": ["zcjd"]}
    assert "按规则归入栏目：政策解读（zcjd）1 条\n归入默认栏目 qtxx（site.yaml import_defaults.column）：1 条\n" in importer.out


def test_option_overrides_site_default(importer) -> None:
    set_import_default(importer.site, "qtxx")
    before = snapshot(importer.site.root)
    path = importer.file("gov.jsonl", jsonl_text([record("关于示例事项的公告", 体裁="公告")]))
    assert importer.run(path, column_default="政府信息公开年报", lang="en") is True, importer.err
    assert columns_by_title(importer.new_files(before)) == {"关于示例事项的公告": ["xxgknb"]}
    assert "Placed in the default column xxgknb (--column-default): 1\n" in importer.out


def test_site_default_that_names_no_column_is_an_error(importer) -> None:
    set_import_default(importer.site, "不存在的栏目")
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("gov.jsonl", jsonl_text([record("关于示例事项的公告")]))) is False
    assert snapshot(importer.site.root) == before
    line = importer.site.root.joinpath("site.yaml").read_text(encoding="utf-8").splitlines().index("  column: 不存在的栏目") + 1
    assert (f"site.yaml:{line}: 错误 E-REF-COLUMN [import_defaults.column]: 栏目 不存在的栏目 不存在；"
            "已定义的栏目：xxgkzn（政府信息公开指南）；xxgkzd（政府信息公开制度）；") in importer.err
    # govsite check and build report it too
    loaded = load_site(importer.site.root)
    build_model(loaded)
    found = [p for p in loaded.problems.errors if p.code == "E-REF-COLUMN"]
    assert [(p.file, p.line, p.field, p.value) for p in found] == [("site.yaml", line, "import_defaults.column", "不存在的栏目")]


def test_records_no_rule_places_are_one_error_listing_the_columns_once(importer) -> None:
    records = [record(f"关于第{n}项示例事项的公告", 体裁="公告") for n in range(1, 9)]
    records.insert(2, record("示例解读", 体裁="解读"))  # placed: not among the errors
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("gov.jsonl", jsonl_text(records))) is False
    assert snapshot(importer.site.root) == before
    err = importer.err
    assert err.count("E-IMPORT-RECORDS") == 1 and err.count("xxgkzn（政府信息公开指南）") == 1
    assert ("gov.jsonl:1: 错误 E-IMPORT-RECORDS [column]: 8 条记录无法导入（第 1、2、4、5、6 条及另外 3 条）："
            "没有栏目，也没有适用的栏目规则") in err
    assert "--column-default 或 site.yaml 的 import_defaults.column" in err
    assert "导入失败：8 条记录有错误（共 1 个错误），未写入任何文件" in err

    assert importer.run(importer.file("gov.jsonl", jsonl_text(records)), lang="en") is False
    assert ("gov.jsonl:1: error E-IMPORT-RECORDS [column]: 8 record(s) cannot be imported (records 1, 2, 4, 5, 6 "
            "and 3 more): no column, no column rule applies") in importer.err


def test_docs_list_every_accepted_header_and_every_rule() -> None:
    section = DOC[DOC.index("## Importing from a legacy CMS"):DOC.index("## Problem codes")]
    assert [name for name in (*FIELDS, *ALIASES) if f"`{name}`" not in section] == []
    rules = section[section.index("### Column rules"):]
    rows = [line for line in rules.splitlines() if re.match(r"\| \d+ \|", line)]
    assert len(rows) == len(RULES)
    for row, rule in zip(rows, RULES):
        assert f"| {rule.name} |" in row and f"`{rule.column_type.value}`" in row
        assert all(genre in row for genre in rule.genres)
