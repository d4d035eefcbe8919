"""Issue 17 §2: unknown issuers, created organizations' ids, joint issuers (联合发文),
file names after the 索引号, and 体裁 from a 文种 column. Every record is fictional."""
from __future__ import annotations

import yaml

from govsite.pipeline.build import build
from govsite.content.loader import load_site
from govsite.model.site_model import build_model

from importer_helpers import jsonl_text, snapshot


def record(title: str, issuer: str, **over: str) -> dict[str, str]:
    base = {"标题": title, "发文机关": issuer, "发布日期": "2024-05-20", "栏目": "gfxwj", "正文": "<p>正文。</p>"}
    base.update(over)
    return base


def front_of(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def test_unknown_issuer_is_one_error_per_name_with_the_closest_organizations(importer) -> None:
    records = [record("甲", "测试县人民政符办公室"), record("乙", "测试县人民政符办公室"), record("丙", "县政府办"),
               record("丁", "测试县人民政符办公室"), record("戊", "某某协会")]
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("x.jsonl", jsonl_text(records))) is False
    assert snapshot(importer.site.root) == before  # no organization, no page
    err = importer.err
    assert ("x.jsonl:1: 错误 E-IMPORT-RECORDS [issuer]: 3 条记录无法导入（第 1、2、4 条）：发布机构 测试县人民政符办公室 "
            "不在 content/orgs.yaml 中；最接近的机构：xzfb（测试县人民政府办公室）；xzf（测试县人民政府）。") in err
    assert "确属新机构时，加 --create-orgs 由导入创建" in err
    assert ("x.jsonl:5: 错误 E-IMPORT-RECORDS [issuer]: 1 条记录无法导入（第 5 条）：发布机构 某某协会 不在 content/orgs.yaml 中；"
            "没有名称相近的机构。") in err
    assert err.count("E-IMPORT-RECORDS") == 2
    assert "导入失败：4 条记录有错误（共 2 个错误）" in err

    assert importer.run(importer.file("x.jsonl", jsonl_text(records)), lang="en") is False
    assert ("3 record(s) cannot be imported (records 1, 2, 4): issuer 测试县人民政符办公室 is not in content/orgs.yaml; "
            "closest organizations: xzfb（测试县人民政府办公室）；xzf（测试县人民政府）. ") in importer.err


def test_create_orgs_gives_readable_ids_and_lists_them(importer) -> None:
    records = [record("甲", "测试县统计局"), record("乙", "测试县某某镇人民政府"), record("丙", "某市统计局")]
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("x.jsonl", jsonl_text(records)), create_orgs=True) is True, importer.err
    new = importer.new_files(before)
    assert sorted(new) == ["content/items/mmzrmzf/2024/00001.md", "content/items/mstjj/2024/00001.md",
                           "content/items/tjj/2024/00001.md"]
    orgs = {o["id"]: o["name"] for o in yaml.safe_load((importer.site.root / "content/orgs.yaml").read_text(encoding="utf-8"))}
    assert {k: orgs[k] for k in ("tjj", "mmzrmzf", "mstjj")} == {"tjj": "测试县统计局", "mmzrmzf": "测试县某某镇人民政府",
                                                                "mstjj": "某市统计局"}
    assert "新建机构 tjj：测试县统计局（占位代码" in importer.out and "新建机构 mstjj：某市统计局" in importer.out
    assert "新建机构 3 个" in importer.out


def test_created_id_never_takes_a_column_or_organization_id(importer) -> None:
    # 测试县政策解读 → zcjd is a column: the full name's initials; 规范性文件局 twice → gfxwjj, then -2
    records = [record("甲", "测试县政策解读"), record("乙", "测试县规范性文件局"), record("丙", "规范性文件局")]
    assert importer.run(importer.file("x.jsonl", jsonl_text(records)), create_orgs=True) is True, importer.err
    orgs = {o["name"]: o["id"] for o in yaml.safe_load((importer.site.root / "content/orgs.yaml").read_text(encoding="utf-8"))}
    assert (orgs["测试县政策解读"], orgs["测试县规范性文件局"], orgs["规范性文件局"]) == ("csxzcjd", "gfxwjj", "gfxwjj-2")
    assert build(importer.site.root, quick=True).ok


def test_joint_issuers_map_to_several_organizations(importer) -> None:
    records = [record("测试县人民政府办公室 测试县人民政府关于联合发文的通知", "测试县人民政府办公室、测试县人民政府"),
               record("联合发文二", "xzf，县政府办", 联合发文机关="测试县人民政府办公室")]
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("x.jsonl", jsonl_text(records))) is True, importer.err
    new = importer.new_files(before)
    fronts = {front_of(t)["title"]: (rel, front_of(t)) for rel, t in new.items()}
    rel, first = fronts["测试县人民政府办公室 测试县人民政府关于联合发文的通知"]
    assert rel.startswith("content/items/xzfb/") and (first["issuer"], first["co_issuers"]) == ("xzfb", ["xzf"])
    assert "\nissuer: xzfb\nco_issuers:\n- xzf\n" in new[rel]
    assert (fronts["联合发文二"][1]["issuer"], fronts["联合发文二"][1]["co_issuers"]) == ("xzf", ["xzfb"])
    assert "新建机构 0 个" in importer.out

    assert build(importer.site.root, quick=True).ok
    html = (importer.site.root / "output/xxgk" / rel.removeprefix("content/items/").replace(".md", ".html")).read_text(encoding="utf-8")
    assert ('<dt>发布机构</dt><dd><a href="../">测试县人民政府办公室</a>、'
            '<a href="../../xzf/">测试县人民政府</a></dd>') in html


def test_joint_issuer_with_an_unknown_part(importer) -> None:
    path = importer.file("x.jsonl", jsonl_text([record("甲", "测试县人民政府办公室、测试县统计局")]))
    before = snapshot(importer.site.root)
    assert importer.run(path) is False
    assert "发布机构 测试县统计局 不在 content/orgs.yaml 中" in importer.err and snapshot(importer.site.root) == before
    assert importer.run(path, create_orgs=True) is True, importer.err
    [item] = [t for rel, t in importer.new_files(before).items() if rel.startswith("content/items/")]
    assert (front_of(item)["issuer"], front_of(item)["co_issuers"]) == ("xzfb", ["tjj"])
    assert "W-IMPORT-ORG [issuer]: 第 1 条记录的发布机构 测试县统计局 为新机构，已创建机构 tjj" in importer.err
    assert build(importer.site.root, quick=True).ok


def test_unknown_co_issuer_in_an_item_file_is_an_error(site) -> None:  # type: ignore[no-untyped-def]
    site.write_item(4, co_issuers=["xzf", "nosuch"])
    loaded = load_site(site.root)
    build_model(loaded)
    found = [(p.code, p.file, p.field, p.value) for p in loaded.problems.errors]
    assert found == [("E-REF-ORG", "content/items/xzfb/2025/00004.md", "co_issuers", "nosuch")]


def test_file_is_named_after_the_index_number_and_wenzhong_is_the_genre(importer) -> None:
    records = [record("丙", "县政府办", 索引号="LEGACY-7"),
               record("甲", "县政府办", 索引号="000014349/2024-00013", 文种="公告"),
               record("乙", "县政府办", 索引号="01527918X-2024-153077")]
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("x.jsonl", jsonl_text(records))) is True, importer.err
    got = {front_of(t)["title"]: (rel, front_of(t)["genre"]) for rel, t in importer.new_files(before).items()}
    assert got == {"甲": ("content/items/xzfb/2024/00013.md", "公告"),
                   "乙": ("content/items/xzfb/2024/153077.md", None),
                   "丙": ("content/items/xzfb/2024/00001.md", None)}  # no serial to read: the next free number
    assert "W-IMPORT-FIELD" not in importer.err


def test_create_orgs_does_not_create_a_near_duplicate_of_an_existing_organization(importer) -> None:
    """A typo, a name without the county's, or another form of a short name would become
    a second public page for the same body (walk of the first day): refused, with the
    organization it repeats; a genuinely new body and another township are created."""
    records = [record("甲", "测试县人民政府办工室"),  # typo of 测试县人民政府办公室
               record("乙", "县政府办公室"),  # another form of its short name 县政府办
               record("丙", "县人民政府办公室、测试县统计局"),  # the county's name left out, jointly with a new body
               record("丁", "测试县某某镇人民政府")]
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("x.jsonl", jsonl_text(records)), create_orgs=True) is False
    assert snapshot(importer.site.root) == before
    for name, numbers in (("测试县人民政府办工室", "第 1 条"), ("县政府办公室", "第 2 条"), ("县人民政府办公室", "第 3 条")):
        assert (f"1 条记录无法导入（{numbers}）：发布机构 {name} 与已有机构 xzfb（测试县人民政府办公室）几乎相同，"
                "--create-orgs 不会为它新建机构") in importer.err, importer.err
    assert "测试县统计局" not in importer.err and "测试县某某镇人民政府" not in importer.err
    english = importer.run(importer.file("x.jsonl", jsonl_text(records)), create_orgs=True, lang="en")
    assert english is False and "issuer 县政府办公室 nearly repeats the existing organization xzfb（测试县人民政府办公室）" in importer.err


def test_two_townships_are_two_organizations(importer) -> None:
    from govsite.importer.orgs import OrgResolver
    from govsite.model.org import Organization

    east = Organization.model_validate({"id": "dhz", "name": "测试县东湖镇人民政府", "code": "11000000MB0000158J", "kind": "township"})
    resolver = OrgResolver([east])
    assert resolver.near_duplicate("测试县西湖镇人民政府") is None
    assert resolver.near_duplicate("测试县东湖镇政府") is east
