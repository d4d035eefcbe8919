"""Cross-file references: columns, organizations, themes, genres, 索引号, catalog rows."""
from __future__ import annotations

import textwrap

import pytest
import yaml

from tests.conftest import OFFICE_CODE, ORGS, SiteFolder, default_item, item_text
from tests.content.problem_helpers import LINE, assert_clean, check, codes, find, item, line_text, only

F4 = item(4)
# Issue 17 §4: each choice as id（名称）, separated by "；", which no name contains.
DEFAULT_COLUMNS = (
    "xxgkzn（政府信息公开指南）；xxgkzd（政府信息公开制度）；fdzdgknr（法定主动公开内容）；"
    "gfxwj（行政法规、规章和规范性文件）；jgzn（机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名）；"
    "ghxx（国民经济和社会发展规划、专项规划、区域规划及相关政策）；tjxx（国民经济和社会发展统计信息）；"
    "xzxk（办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果）；"
    "xzcf（实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定）；"
    "czzj（财政预算、决算信息）；sfxm（行政事业性收费项目及其依据、标准）；zfcg（政府集中采购项目的目录、标准及实施情况）；"
    "zdjsxm（重大建设项目的批准和实施情况）；msbz（扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况）；"
    "yjgl（突发公共事件的应急预案、预警信息及应对情况）；jdjc（环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况）；"
    "gwyzk（公务员招考的职位、名额、报考条件等事项以及录用结果）；qtxx（法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息）；"
    "xxgknb（政府信息公开年报）；ysqgk（依申请公开）；zcjd（政策解读）")


def idx(n: int) -> str:
    return f"{OFFICE_CODE}/2025-{n:05d}"


# --- 3. unknown column / organization / theme / genre ---------------------------------------

def test_unknown_column_lists_allowed_columns(site: SiteFolder) -> None:
    site.write_item(4, columns=["gfxwjj"])
    log = check(site)
    p = only(log, "E-REF-COLUMN")
    assert (p.file, p.line, p.field, p.value) == (F4, LINE["columns"] + 1, "columns", "gfxwjj")
    assert line_text(site, p) == "- gfxwjj"
    assert p.message() == f"栏目 gfxwjj 不存在；已定义的栏目：{DEFAULT_COLUMNS}"
    assert p.message("en") == f"column gfxwjj does not exist; defined columns: {DEFAULT_COLUMNS}"
    assert codes(log) == ["E-REF-COLUMN"]


def test_unknown_column_lists_the_sites_own_columns(site: SiteFolder) -> None:
    config = yaml.safe_load((site.root / "site.yaml").read_text(encoding="utf-8"))
    config["columns"] = [{"id": "tzgg", "title": "通知公告"}, {"id": "zcwj", "title": "政策文件",
                                                              "children": [{"id": "xzgfxwj", "title": "行政规范性文件"}]}]
    site.write("site.yaml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    for n in (1, 2, 3):
        site.write_item(n, columns=["tzgg"])
    site.write("content/pages/zhinan.md", "---\ntitle: 指南\n---\n正文\n")
    site.write_item(4, columns=["gfxwj"])
    p = only(check(site), "E-REF-COLUMN")
    assert p.message().endswith("已定义的栏目：tzgg（通知公告）；zcwj（政策文件）；xzgfxwj（行政规范性文件）")


def test_unknown_column_points_at_the_list_entry(site: SiteFolder) -> None:
    site.write_item(4, columns=["gfxwj", "nosuch"])
    p = only(check(site), "E-REF-COLUMN")
    assert p.line == 12
    assert line_text(site, p) == "- nosuch"


def test_unknown_column_via_singular_alias_line(site: SiteFolder) -> None:
    fields = default_item(4)
    del fields["columns"]
    fields["column"] = "nosuch"
    site.write(F4, item_text(**fields))
    p = only(check(site), "E-REF-COLUMN")
    assert line_text(site, p) == "column: nosuch"


def test_singular_column_alias_is_accepted(site: SiteFolder) -> None:
    fields = default_item(4)
    fields["column"] = fields.pop("columns")[0]
    site.write(F4, item_text(**fields))
    assert_clean(check(site))


def test_unknown_organization_lists_organizations(site: SiteFolder) -> None:
    site.write_item(4, issuer="县政府办")           # the short name instead of the id
    p = only(check(site), "E-REF-ORG")
    assert (p.file, p.line, p.field, p.value) == (F4, LINE["issuer"], "issuer", "县政府办")
    assert line_text(site, p) == "issuer: 县政府办"
    assert p.message() == "发布机构 县政府办 不存在；已定义的机构：xzf（测试县人民政府）；xzfb（测试县人民政府办公室）"
    assert p.message("en") == ("organization 县政府办 does not exist; defined organizations: "
                               "xzf（测试县人民政府）；xzfb（测试县人民政府办公室）")


def test_unknown_organization_in_page(site: SiteFolder) -> None:
    site.write("content/pages/zhinan.md", "---\ntitle: 指南\ncolumn: xxgkzn\norg: jyj\n---\n正文\n")
    p = only(check(site), "E-REF-ORG")
    assert (p.file, p.line, p.field, p.value) == ("content/pages/zhinan.md", 4, "org", "jyj")


def test_unknown_column_in_page(site: SiteFolder) -> None:
    site.write("content/pages/zhinan.md", "---\ntitle: 指南\ncolumn: xxgkzm\n---\n正文\n")
    p = only(check(site), "E-REF-COLUMN")
    assert (p.file, p.line, p.field, p.value) == ("content/pages/zhinan.md", 3, "column", "xxgkzm")
    assert p.message().endswith(DEFAULT_COLUMNS)


def test_unknown_theme(site: SiteFolder) -> None:
    site.write_item(4, theme="2.99")
    p = only(check(site), "E-REF-THEME")
    assert (p.file, p.line, p.field, p.value) == (F4, LINE["theme"], "theme", "2.99")
    assert line_text(site, p) == "theme: '2.99'"
    msg = p.message()
    assert msg.startswith("主题分类 2.99 不存在；应为分类代码（如 2.1）或“一级\\二级”名称，一级分类：1（国务院组织机构）；2（综合政务）；")
    assert "；3（国民经济管理、国有资产监管）；4（财政、金融、审计）；" in msg  # not "3 国民经济管理、国有资产监管、4 财政、金融、审计"
    assert msg.endswith("22（其他）")


@pytest.mark.parametrize("theme", ["综合政务\\政务公开", "综合政务/政务公开", "综合政务／政务公开", "2", "2.1", "综合政务"])
def test_theme_by_code_or_label(site: SiteFolder, theme: str) -> None:
    site.write_item(4, theme=theme)
    assert_clean(check(site))


def test_unknown_theme_label(site: SiteFolder) -> None:
    site.write_item(4, theme="综合政务\\不存在")
    assert only(check(site), "E-REF-THEME").value == "综合政务\\不存在"


def test_unknown_genre(site: SiteFolder) -> None:
    site.write_item(4, genre="通知书")
    p = only(check(site), "E-REF-GENRE")
    assert (p.file, p.line, p.field, p.value) == (F4, LINE["genre"], "genre", "通知书")
    assert p.message().startswith("体裁 通知书 不存在；允许的体裁：决议、决定、命令（令）、")
    assert "、通知、" in p.message()
    assert p.message("en").startswith("genre 通知书 does not exist; allowed genres: 决议、")


# --- 4. duplicate 索引号 -------------------------------------------------------------------

def test_duplicate_index_no_names_the_other_file(site: SiteFolder) -> None:
    site.write_item(2, rel="content/items/xzf/2025/00099.md", title="另一条信息")
    log = check(site)
    p = only(log, "E-DUP-INDEX")
    # Files are read in path order: content/items/xzf/… comes before content/items/xzfb/….
    assert (p.file, p.line, p.field, p.value) == (item(2), LINE["index_no"], "index_no", idx(2))
    assert line_text(site, p) == f"index_no: {idx(2)}"
    assert p.message() == f"索引号 {idx(2)} 重复，已用于 content/items/xzf/2025/00099.md；索引号在全站必须唯一"
    assert "already used by content/items/xzf/2025/00099.md" in p.message("en")
    assert codes(log) == ["E-DUP-INDEX"]


def test_three_files_with_one_index_no(site: SiteFolder) -> None:
    site.write_item(5, index_no=idx(1))
    site.write_item(6, index_no=idx(1))
    found = [(p.file, p.params["other"]) for p in find(check(site), "E-DUP-INDEX")]
    assert found == [(item(5), item(1)), (item(6), item(1))]


# --- 15. related items ----------------------------------------------------------------------

def test_superseded_by_pointing_nowhere(site: SiteFolder) -> None:
    site.write_item(4, validity="废止", superseded_by=idx(77))
    log = check(site)
    p = only(log, "E-REF-ITEM")
    assert (p.file, p.line, p.field, p.value) == (F4, 13, "superseded_by", idx(77))
    assert line_text(site, p) == f"superseded_by: {idx(77)}"
    assert p.message() == f"引用的索引号 {idx(77)} 不存在于本站任何信息中"
    assert p.message("en") == f"referenced index number {idx(77)} does not exist on this site"
    assert codes(log) == ["E-REF-ITEM"]


def test_interprets_pointing_nowhere(site: SiteFolder) -> None:
    site.write_item(4, columns=["zcjd"], genre="解读", interprets=idx(78))
    p = only(check(site), "E-REF-ITEM")
    assert (p.file, p.line, p.field, p.value) == (F4, 12, "interprets", idx(78))
    assert line_text(site, p) == f"interprets: {idx(78)}"


@pytest.mark.parametrize("field", ["superseded_by", "interprets"])
def test_self_reference(site: SiteFolder, field: str) -> None:
    extra = {"validity": "废止"} if field == "superseded_by" else {}
    site.write_item(4, **extra, **{field: idx(4)})
    log = check(site)
    p = only(log, "E-SELF-REF")
    assert (p.file, p.field, p.value) == (F4, field, idx(4))
    assert line_text(site, p) == f"{field}: {idx(4)}"
    assert p.message() == f"字段 {field} 引用了本条信息自身（{idx(4)}）"
    assert find(log, "E-REF-ITEM") == []


def test_superseded_but_still_valid(site: SiteFolder) -> None:
    site.write_item(4, superseded_by=idx(1))
    p = only(check(site), "E-SUPERSEDED-VALIDITY")
    assert (p.file, p.field, p.value) == (F4, "validity", idx(1))
    assert "有效性为“有效”" in p.message() and "废止、失效 或 已修改" in p.message()


def test_valid_references_are_clean(site: SiteFolder) -> None:
    site.write_item(4, validity="已修改", superseded_by=idx(1))
    site.write_item(5, columns=["zcjd"], genre="解读", interprets=idx(1))
    assert_clean(check(site))


# --- 16. catalog rows -----------------------------------------------------------------------

CATALOG = textwrap.dedent("""\
    id: zdjsxm
    domain: 重大建设项目
    owner: xzf
    entries:
      - seq: 1
        item_l1: 批准服务信息
        item_l2: 审批结果
        content: 项目名称、审批结果
        basis: 《政府信息公开条例》
        time_limit: 信息形成之日起20个工作日内
        subject: 县发展改革局
        channels: [政府网站]
        audience: [全社会]
        mode: [主动]
    """)


def test_catalog_entry_pointing_nowhere(site: SiteFolder) -> None:
    site.write("content/catalogs/zdjsxm.yaml", CATALOG)
    site.write_item(4, catalog_entry="zdjsxm#99")
    site.write_item(5, catalog_entry="zdjsxm#1")
    log = check(site)
    p = only(log, "E-REF-CATALOG")
    assert (p.file, p.line, p.field, p.value) == (F4, 12, "catalog_entry", "zdjsxm#99")
    assert line_text(site, p) == "catalog_entry: zdjsxm#99"
    assert p.message() == "标准目录条目 zdjsxm#99 不存在；格式为“目录标识#序号”，已有目录：zdjsxm"
    assert p.message("en") == "catalog entry zdjsxm#99 does not exist; use 'catalog-id#seq'; catalogs: zdjsxm"
    assert codes(log) == ["E-REF-CATALOG"]


@pytest.mark.parametrize("ref", ["gcjs#1", "zdjsxm", "zdjsxm#", "zdjsxm#01x", "#1"])
def test_catalog_entry_malformed_or_unknown_catalog(site: SiteFolder, ref: str) -> None:
    site.write("content/catalogs/zdjsxm.yaml", CATALOG)
    site.write_item(4, catalog_entry=ref)
    assert only(check(site), "E-REF-CATALOG").value == ref


def test_catalog_entry_without_any_catalog(site: SiteFolder) -> None:
    site.write_item(4, catalog_entry="zdjsxm#1")
    assert only(check(site), "E-REF-CATALOG").message().endswith("已有目录：（无）")


def test_catalog_owner_must_exist(site: SiteFolder) -> None:
    site.write("content/catalogs/zdjsxm.yaml", CATALOG.replace("owner: xzf", "owner: fgj"))
    p = only(check(site), "E-REF-ORG")
    assert (p.file, p.line, p.field, p.value) == ("content/catalogs/zdjsxm.yaml", 3, "owner", "fgj")


def test_catalog_channel_outside_vocabulary(site: SiteFolder) -> None:
    site.write("content/catalogs/zdjsxm.yaml", CATALOG.replace("channels: [政府网站]", "channels: [微信公众号]"))
    p = only(check(site), "E-ENUM")
    assert p.file == "content/catalogs/zdjsxm.yaml"
    assert p.field == "entries.0"
    assert p.line == 5
    assert "政府网站、政府公报、两微一端" in p.message()


# --- organizations --------------------------------------------------------------------------

def test_unknown_parent_organization(site: SiteFolder) -> None:
    orgs = [dict(o) for o in ORGS]
    orgs[1]["parent"] = "xzff"
    site.write("content/orgs.yaml", yaml.safe_dump(orgs, allow_unicode=True, sort_keys=False))
    p = only(check(site), "E-REF-PARENT")
    assert (p.file, p.line, p.field, p.value) == ("content/orgs.yaml", 11, "1.parent", "xzff")
    assert line_text(site, p) == "  parent: xzff"
    assert p.message() == "上级 xzff 不存在；已定义：xzf（测试县人民政府）；xzfb（测试县人民政府办公室）"


def test_duplicate_organization_id(site: SiteFolder) -> None:
    orgs = ORGS + [{**ORGS[1], "name": "重复的机构"}]
    site.write("content/orgs.yaml", yaml.safe_dump(orgs, allow_unicode=True, sort_keys=False))
    p = only(check(site), "E-DUP-ID")
    assert (p.file, p.line, p.field, p.value) == ("content/orgs.yaml", 12, "2.id", "xzfb")
    assert line_text(site, p) == "- id: xzfb"
    assert p.message() == "标识 xzfb 重复，已在 content/orgs.yaml 中定义"


def test_organization_id_clashing_with_a_column(site: SiteFolder) -> None:
    orgs = ORGS + [{"id": "zcjd", "name": "某机构", "code": ORGS[0]["code"], "kind": "other"}]
    site.write("content/orgs.yaml", yaml.safe_dump(orgs, allow_unicode=True, sort_keys=False))
    p = only(check(site), "E-DUP-ID")
    assert (p.field, p.value) == ("2.id", "zcjd")
    assert "site.yaml columns" in p.message()


def test_bad_organization_id(site: SiteFolder) -> None:
    orgs = [dict(o) for o in ORGS]
    orgs[1]["id"] = "XZFB"
    site.write("content/orgs.yaml", yaml.safe_dump(orgs, allow_unicode=True, sort_keys=False))
    log = check(site)
    p = only(log, "E-PATTERN")
    assert (p.file, p.line, p.field, p.value) == ("content/orgs.yaml", 6, "1.id", "XZFB")
    assert p.message() == "值 XZFB 格式不正确；应为小写字母、数字和连字符组成的标识（如 xzfb）"
