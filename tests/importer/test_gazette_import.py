"""``govsite import gazette``: JSON issue files → content/gazette/."""
from __future__ import annotations

import json
import shutil

import pytest
import yaml

from govsite.pipeline.pages import check_site
from govsite.base.yamlsource import parse_yaml, split_front_matter
from govsite.model.gazette import ArticleFrontMatter, GazetteConfig, IssueFile
from govsite.model.org import Organization

from gazette_import_helpers import issue_data, text_pdf
from importer_helpers import snapshot

ISSUE = "content/gazette/2016/01"


def _article(gazette, n: int, folder: str = ISSUE) -> tuple[ArticleFrontMatter, str]:  # type: ignore[no-untyped-def]
    split = split_front_matter(gazette.read(f"{folder}/{n}.md"))
    assert split is not None
    header, body, _line = split
    return ArticleFrontMatter.model_validate(parse_yaml(header)), body


def _orgs(site) -> list[Organization]:  # type: ignore[no-untyped-def]
    return [Organization.model_validate(o) for o in yaml.safe_load((site.root / "content/orgs.yaml").read_text("utf-8"))]


def test_import_writes_issue_articles_pdf_and_gazette(gazette, site) -> None:  # type: ignore[no-untyped-def]
    assert gazette.run(gazette.write("gb201601.json", issue_data()))
    issue = IssueFile.model_validate(parse_yaml(gazette.read(f"{ISSUE}/issue.yaml")))
    assert (issue.year, issue.number, issue.date.isoformat(), issue.volume, issue.cumulative_number) == \
        (2016, 1, "2016-01-20", 22, 301)
    assert issue.pdf == "gazette/2016/01/gb201601.pdf" and not issue.special and not issue.scan_only
    assert issue.sections == []  # same order as the gazette
    assert (site.root / ISSUE / "gb201601.pdf").read_bytes() == gazette.pdf.read_bytes()
    assert sorted(p.name for p in (site.root / ISSUE).iterdir()) == \
        ["1.md", "2.md", "3.md", "4.md", "gb201601.pdf", "issue.yaml", "source.json"]

    titles = [_article(gazette, n)[0] for n in range(1, 5)]
    assert [a.section for a in titles] == ["县政府文件", "县政府文件", "县政府办公室文件", "县政府办公室文件"]
    first = titles[0]
    assert first.doc_no == "测政发〔2016〕1号" and first.issuer == "xzf" and first.genre == "规范性文件"
    assert first.written_date.isoformat() == "2016-01-04" and first.keywords == ["政府投资", "项目管理"]
    assert first.pages == "3-5" and first.text_source.value == "born-digital"
    second = titles[1]
    assert second.doc_no is None  # 无
    assert second.written_date.isoformat() == "2016-01-05"  # 2016年1月5日
    assert second.keywords == ["节假日", "放假"] and second.pages == "6"
    assert titles[2].issuer == "xzfb"  # short name 县政府办
    assert titles[2].written_date.isoformat() == "2016-01-08"

    config = GazetteConfig.model_validate(parse_yaml(gazette.read("content/gazette/gazette.yaml")))
    assert config.name == "测试县人民政府公报" and config.publisher == "xzf"
    assert config.first_year == 2016 and config.frequency.value == "irregular"
    assert config.sections == ["县政府文件", "县政府办公室文件"]
    assert "W-IMPORT-GAZETTE-NEW" in gazette.err and "刊名 测试县人民政府公报，主办 xzf（测试县人民政府）" in gazette.err
    assert "新建 1 期（文章 4 篇）" in gazette.out


def test_word_html_becomes_clean_markdown(gazette) -> None:  # type: ignore[no-untyped-def]
    assert gazette.run(gazette.write("gb.json", issue_data()))
    _front, body = _article(gazette, 1)
    for junk in ("mso-", "<o:p>", "o:p", "<font", "<span", "<table", "<p", "MsoNormal", "WordSection", "&nbsp;"):
        assert junk not in body
    assert "各乡镇人民政府，县政府各部门：\n\n现将《示例县政府投资项目管理办法》印发给你们，请认真贯彻执行。\n" in body
    assert "1. 县级财政性资金投资的项目；\n2. 使用上级补助资金的项目。\n" in body
    assert "| 项目类别 | 审批部门 |\n| --- | --- |\n| 政府投资项目 | 县发展和改革局 |\n" in body
    assert "**示例县人民政府关于印发《示例县政府投资项目管理办法》的通知**" in body  # layout-table cell kept
    assert body.rstrip().endswith("示例县人民政府\n\n2016年1月4日")


def test_body_md_kept_and_no_body_is_text_source_none(gazette) -> None:  # type: ignore[no-untyped-def]
    assert gazette.run(gazette.write("gb.json", issue_data()))
    front, body = _article(gazette, 2)
    assert body == "各乡镇人民政府：\n\n春节放假安排如下。\n"
    front, body = _article(gazette, 3)
    assert body == "" and front.text_source.value == "none"


def test_reimport_changes_nothing(gazette, site) -> None:  # type: ignore[no-untyped-def]
    path = gazette.write("gb.json", issue_data())
    assert gazette.run(path)
    before = snapshot(site.root)
    assert gazette.run(path)
    assert snapshot(site.root) == before
    assert "新建 0 期（文章 0 篇），1 期此前已导入（未改动），新建机构 0 个，警告 0 个" in gazette.out
    assert gazette.err == ""
    # the same content under another name and with other formatting is the same import
    same = gazette.write("copy.json", json.dumps(issue_data(), ensure_ascii=False, sort_keys=True))
    assert gazette.run(same)
    assert snapshot(site.root) == before


def test_import_is_deterministic(gazette, site, tmp_path) -> None:  # type: ignore[no-untyped-def]
    fresh = tmp_path / "fresh"
    shutil.copytree(site.root, fresh)
    path = gazette.write("gb.json", issue_data())
    assert gazette.run(path)
    gazette.site.root, original = fresh, gazette.site.root
    assert gazette.run(path)
    gazette.site.root = original
    assert snapshot(fresh) == snapshot(site.root)


def test_different_file_for_existing_issue_is_refused(gazette, site) -> None:  # type: ignore[no-untyped-def]
    assert gazette.run(gazette.write("gb.json", issue_data()))
    before = snapshot(site.root)
    changed = issue_data()
    changed["sections"][0]["articles"][0]["title"] = "另一个标题"
    path = gazette.write("gb-v2.json", changed)
    assert not gazette.run(path)
    assert f"{path}: 错误 E-IMPORT-GAZETTE [number]: 公报无法导入：2016年第1期已存在（content/gazette/2016/01），" \
           "且与本次导入的内容不同；未覆盖" in gazette.err
    assert snapshot(site.root) == before


def test_same_issue_twice_in_one_batch(gazette, site) -> None:  # type: ignore[no-untyped-def]
    before = snapshot(site.root)
    one = gazette.write("a.json", issue_data())
    other = issue_data(date="2016-01-21")
    two = gazette.write("b.json", other)
    assert not gazette.run(one, two)
    assert f"{two}: 错误 E-IMPORT-GAZETTE [number]" in gazette.err and f"另见 {one}" in gazette.err
    assert snapshot(site.root) == before
    assert gazette.run(one, gazette.write("c.json", issue_data()))  # identical twice: imported once
    assert "新建 1 期（文章 4 篇），1 期此前已导入" in gazette.out


def test_unknown_issuer_creates_organization(gazette, site) -> None:  # type: ignore[no-untyped-def]
    path = gazette.write("gb.json", issue_data())
    assert gazette.run(path)
    created = [o for o in _orgs(site) if o.name == "测试县发展和改革局"]
    assert len(created) == 1 and created[0].kind.value == "department" and created[0].id == "fzhggj"  # pinyin initials, without the site's region 测试县
    front, _ = _article(gazette, 4)
    assert front.issuer == created[0].id
    assert f"{path}: 警告 W-IMPORT-GAZETTE-ORG [sections[1].articles[1].issuer]: 发文机关 测试县发展和改革局 为新机构，" \
           f"已创建机构 {created[0].id}" in gazette.err
    assert f"新建机构 {created[0].id}：测试县发展和改革局（占位代码" in gazette.out
    assert "由 govsite import gazette 自动创建" in gazette.read("content/orgs.yaml")


def test_gazette_publisher_created_when_unknown(gazette, site) -> None:  # type: ignore[no-untyped-def]
    data = issue_data(gazette="《另一县人民政府公报》")
    for sec in data["sections"]:
        for art in sec["articles"]:
            art["issuer"] = "xzf"
    assert gazette.run(gazette.write("gb.json", data))
    config = GazetteConfig.model_validate(parse_yaml(gazette.read("content/gazette/gazette.yaml")))
    publisher = next(o for o in _orgs(site) if o.id == config.publisher)
    assert config.name == "另一县人民政府公报"
    assert publisher.name == "另一县人民政府" and publisher.kind.value == "government"
    assert f"新建机构 {publisher.id}：另一县人民政府" in gazette.out


def test_existing_gazette_with_other_name_is_an_error(gazette, site) -> None:  # type: ignore[no-untyped-def]
    site.write("content/gazette/gazette.yaml", "name: 测试县政报\npublisher: xzf\nfirst_year: 2015\nfrequency: monthly\n")
    before = snapshot(site.root)
    path = gazette.write("gb.json", issue_data())
    assert not gazette.run(path)
    assert f"{path}: 错误 E-IMPORT-GAZETTE [gazette]: 公报无法导入：刊名 测试县人民政府公报 与 content/gazette/gazette.yaml " \
           "中的刊名 测试县政报 不同" in gazette.err
    assert snapshot(site.root) == before


def test_new_sections_are_appended_keeping_comments(gazette, site) -> None:  # type: ignore[no-untyped-def]
    original = ("# 本县公报\nname: 测试县人民政府公报   # 刊名\npublisher: xzf\nfirst_year: 2015\nfrequency: monthly\n"
                "sections:\n  - 县政府令\n  - 县政府办公室文件   # 办文\n  - 其他\ndescription: 公报简介\n")
    site.write("content/gazette/gazette.yaml", original)
    path = gazette.write("gb.json", issue_data())
    assert gazette.run(path)
    text = gazette.read("content/gazette/gazette.yaml")
    assert text == original.replace("  - 其他\n", "  - 其他\n  - 县政府文件\n")
    assert f"{path}: 警告 W-IMPORT-GAZETTE-SECTION [sections[0].title]: 栏目 县政府文件 不在 content/gazette/gazette.yaml " \
           "的 sections 中，已追加到末尾" in gazette.err
    # 县政府文件 now comes after 县政府办公室文件 in the gazette: the issue keeps its own printed order
    issue = IssueFile.model_validate(parse_yaml(gazette.read(f"{ISSUE}/issue.yaml")))
    assert issue.sections == ["县政府文件", "县政府办公室文件"]
    assert "W-IMPORT-GAZETTE-NEW" not in gazette.err


def test_flow_style_and_missing_sections_lists(gazette, site) -> None:  # type: ignore[no-untyped-def]
    site.write("content/gazette/gazette.yaml",
               "name: 测试县人民政府公报\npublisher: xzf\nfirst_year: 2015\nfrequency: monthly\nsections: [县政府文件, 其他]\n")
    assert gazette.run(gazette.write("gb.json", issue_data()))
    assert "sections: [县政府文件, 其他, 县政府办公室文件]\n" in gazette.read("content/gazette/gazette.yaml")
    site.write("content/gazette/gazette.yaml", "name: 测试县人民政府公报\npublisher: xzf\nfirst_year: 2015\nfrequency: monthly\n")
    data = issue_data(number=2, date="2016-02-20", pdf=None)
    data["sections"][1]["title"] = "通知公告"
    assert gazette.run(gazette.write("gb2.json", data))
    config = GazetteConfig.model_validate(parse_yaml(gazette.read("content/gazette/gazette.yaml")))
    assert config.sections[-1] == "通知公告" and config.sections[:-1] == GazetteConfig.model_fields["sections"].default_factory()


def test_extra_keys_are_kept_in_source_json(gazette) -> None:  # type: ignore[no-untyped-def]
    assert gazette.run(gazette.write("gb.json", issue_data()))
    source = json.loads(gazette.read(f"{ISSUE}/source.json"))
    assert source["importer"] == "govsite import gazette" and source["source_file"] == "gb.json"
    assert source["extra"] == {
        "issue": {"editor": "县政府办公室编辑部"},
        "sections": {"县政府文件": {"print_order": 1}},
        "articles": {"1": {"source_url": "http://old.test.gov.cn/gb/2016/1/1.htm"}},
    }
    assert source["source_pdf"]["path"] == "pdf/gb201601.pdf" and len(source["source_pdf"]["sha256"]) == 64


def test_special_issue_and_scan_only(gazette) -> None:  # type: ignore[no-untyped-def]
    data = issue_data(special=True, special_label="特刊", sections=[])
    assert gazette.run(gazette.write("zk.json", data))
    issue = IssueFile.model_validate(parse_yaml(gazette.read("content/gazette/2016/zk01/issue.yaml")))
    assert issue.special and issue.special_label == "特刊" and issue.scan_only
    assert issue.pdf == "gazette/2016/zk01/gb201601.pdf"


def test_several_files_and_frequency(gazette, site) -> None:  # type: ignore[no-untyped-def]
    paths = []
    for n in range(1, 13):
        data = issue_data(number=n, date=f"2017-{n:02d}-15", year=2017, pdf=None, cumulative_number=300 + n)
        paths.append(gazette.write(f"gb2017{n:02d}.json", data))
    assert gazette.run(*reversed(paths))
    config = GazetteConfig.model_validate(parse_yaml(gazette.read("content/gazette/gazette.yaml")))
    assert config.frequency.value == "monthly" and config.first_year == 2017
    assert "新建 12 期（文章 48 篇）" in gazette.out
    assert (site.root / "content/gazette/2017/12/4.md").is_file()


def test_dates_must_follow_numbers(gazette, site) -> None:  # type: ignore[no-untyped-def]
    assert gazette.run(gazette.write("gb1.json", issue_data(pdf=None)))
    before = snapshot(site.root)
    path = gazette.write("gb2.json", issue_data(number=2, date="2016-01-10", pdf=None))
    assert not gazette.run(path)
    assert f"{path}: 错误 E-IMPORT-GAZETTE [date]: 公报无法导入：出版日期 2016-01-10 与 2016年第1期（2016-01-20）的先后和期号不符" \
        in gazette.err
    assert snapshot(site.root) == before


def test_english_messages(gazette, site) -> None:  # type: ignore[no-untyped-def]
    path = gazette.write("gb.json", issue_data())
    assert gazette.run(path, lang="en")
    assert "warning W-IMPORT-GAZETTE-NEW: the site had no gazette; created content/gazette/gazette.yaml" in gazette.err
    assert "Import done: 1 file(s); 1 issue(s) created (4 article(s))" in gazette.out
    bad = issue_data(number=2, year="2016")
    path = gazette.write("bad.json", bad)
    assert not gazette.run(path, lang="en")
    assert f'{path}: error E-IMPORT-GAZETTE [year]: the gazette issue cannot be imported: year has the wrong type ("2016"); ' \
           "expected an integer" in gazette.err
    assert "Import failed: 1 file(s) have errors (1 in all); nothing was written" in gazette.err


def test_failed_write_is_rolled_back(gazette, site, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import govsite.importer.gazette_run as run

    before = snapshot(site.root)
    calls = {"n": 0}
    real = run.write_new_file

    def flaky(path, text):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError("disk full")
        real(path, text)

    monkeypatch.setattr(run, "write_new_file", flaky)
    with pytest.raises(OSError):
        gazette.run(gazette.write("gb.json", issue_data()))
    assert snapshot(site.root) == before
    assert not (site.root / "content/gazette").exists()


def test_imported_site_checks_clean(gazette, site) -> None:  # type: ignore[no-untyped-def]
    assert gazette.run(gazette.write("gb1.json", issue_data()))
    text_pdf(gazette.folder / "pdf" / "gb201602.pdf", ["第二期"])
    data = issue_data(number=2, date="2016-02-20", pdf="pdf/gb201602.pdf")
    data["sections"].insert(0, {"title": "县政府令", "articles": [{"title": "测试县人民政府令第1号", "issuer": "县政府"}]})
    assert gazette.run(gazette.write("gb2.json", data))
    problems = check_site(site.root)
    assert problems.errors == [], [p.format() for p in problems.errors]


def test_imported_site_builds(gazette, site) -> None:  # type: ignore[no-untyped-def]
    from govsite.pipeline.build import build

    assert gazette.run(gazette.write("gb.json", issue_data()))
    result = build(site.root)
    assert result.ok, [p.format() for p in result.problems.errors]
    page = site.read_out("zfgb/2016/01/1.html")
    assert "<table" in page and "县发展和改革局" in page and "使用上级补助资金的项目。" in page
    assert (site.out / "zfgb/2016/01/gb201601.pdf").read_bytes() == gazette.pdf.read_bytes()
    assert not (site.out / "zfgb/2016/01/source.json").exists()  # provenance stays in content/
