"""End to end: ``run_import`` against a small site."""
from __future__ import annotations

from pathlib import Path

import yaml

from govsite.pipeline.build import build
from govsite.content.reader import read_markdown_file
from govsite.base.yamlsource import split_front_matter
from govsite.identifiers import check_org_code
from govsite.model.item import ItemFrontMatter

from importer_helpers import HEADER_ZH, csv_text, jsonl_text, snapshot

OFFICE = "11999900MB0000020J"


def row(**over: str) -> list[str]:
    """A CSV row in HEADER_ZH order; keys are the Chinese labels."""
    base = {"标题": "测试县人民政府办公室关于做好春节期间工作的通知", "发布机构": "县政府办", "发布日期": "2025/1/27",
            "成文日期": "2025年1月20日", "主题分类": "综合政务\\政务公开", "体裁分类": "通知", "有效性": "现行有效",
            "主题词": "春节、值班", "栏目": "gfxwj", "正文": "<p>　　各单位：</p><p>现通知如下。</p>"}
    base.update(over)
    return [base.get(h, "") for h in HEADER_ZH]


def front_of(text: str) -> dict:
    split = split_front_matter(text)
    assert split is not None
    return yaml.safe_load(split[0])


def test_csv_import_creates_item_files(importer) -> None:
    before = snapshot(importer.site.root)
    path = importer.file("export.csv", csv_text(HEADER_ZH, [row(原网址="http://old.test.gov.cn/art/2025/1/27/art_1.html")]), bom=True)
    assert importer.run(path) is True
    new = importer.new_files(before)
    assert list(new) == ["content/items/xzfb/2025/00004.md"]
    text = new["content/items/xzfb/2025/00004.md"]
    assert text == (
        "---\n"
        f"index_no: {OFFICE}/2025-00004\n"
        "title: 测试县人民政府办公室关于做好春节期间工作的通知\n"
        "doc_no: null\n"
        "issuer: xzfb\n"
        "written_date: '2025-01-20'\n"
        "publish_date: '2025-01-27'\n"
        "theme: '2.1'\n"
        "genre: 通知\n"
        "columns:\n- gfxwj\n"
        "disclosure_mode: 主动公开\n"
        "validity: 有效\n"
        "keywords:\n- 春节\n- 值班\n"
        "summary: ''\n"
        "attachments: []\n"
        "legacy_url: http://old.test.gov.cn/art/2025/1/27/art_1.html\n"
        "---\n"
        "各单位：\n\n现通知如下。\n"
    )
    read = read_markdown_file("x.md", text.encode(), ItemFrontMatter, False)
    assert read.problems == [] and read.front.legacy_url == "http://old.test.gov.cn/art/2025/1/27/art_1.html"
    assert "新建 1 条信息" in importer.out and "0 条此前已导入" in importer.out


def test_csv_without_bom_and_english_headers(importer) -> None:
    header = [" title ", "issuer", "publish_date", "column", "body_md", "url"]
    rows = [["标题甲", "xzfb", "2025-02-01 10:30", "gfxwj", "# 正文\n\n保留 **原样**", "http://old/a.html"]]
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("export.csv", csv_text(header, rows))) is True
    [text] = importer.new_files(before).values()
    fm = front_of(text)
    assert fm["publish_date"] == "2025-02-01 10:30" and fm["legacy_url"] == "http://old/a.html"
    assert text.endswith("---\n# 正文\n\n保留 **原样**\n")


def test_jsonl_import(importer) -> None:
    records = [
        {"title": "甲", "issuer": "测试县人民政府", "publish_date": "2024年3月5日",
         "keywords": ["a", "b"], "body_html": "<p>甲正文</p>", "validity": "已废止"},
        {"标题": "乙", "发布机构": "xzfb", "发布日期": "2024/3/6", "栏目": "法定主动公开内容/行政法规、规章和规范性文件"},
    ]
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("x.jsonl", jsonl_text(records)), column_default="gfxwj") is True, importer.err
    new = importer.new_files(before)
    assert sorted(new) == ["content/items/xzf/2024/00001.md", "content/items/xzfb/2024/00001.md"]
    fm = front_of(new["content/items/xzf/2024/00001.md"])
    assert fm["keywords"] == ["a", "b"] and fm["validity"] == "废止" and fm["columns"] == ["gfxwj"]
    assert fm["index_no"].endswith("/2024-00001")
    assert front_of(new["content/items/xzfb/2024/00001.md"])["columns"] == ["gfxwj"]


def test_each_date_form(importer) -> None:
    forms = ["2024-01-27", "2024/1/28", "2024年1月29日", "2024年01月30日", "2024-01-31 10:30"]
    rows = [row(标题=f"标题{i}", 发布日期=f, 成文日期="") for i, f in enumerate(forms)]
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("d.csv", csv_text(HEADER_ZH, rows))) is True
    dates = sorted(front_of(t)["publish_date"] for t in importer.new_files(before).values())
    assert dates == ["2024-01-27", "2024-01-28", "2024-01-29", "2024-01-30", "2024-01-31 10:30"]


def test_bad_records_are_all_reported_and_nothing_is_written(importer) -> None:
    rows = [row(), row(发布日期="2019-02-30"), row(标题="丙", 成文日期="2019.01.27"), row(标题="丁", 有效性="作废"),
            row(标题="戊", 栏目="不存在的栏目")]
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("bad.csv", csv_text(HEADER_ZH, rows))) is False
    assert snapshot(importer.site.root) == before
    err = importer.err
    assert "bad.csv:3: 错误 E-IMPORT-RECORD [publish_date]: 第 2 条记录无法导入：发布日期 2019-02-30 不是有效日期" in err
    assert "2019/1/27" in err and "2019年1月27日" in err  # the accepted forms are listed
    assert "[written_date]: 第 3 条记录无法导入：成文日期 2019.01.27" in err
    assert "[validity]: 第 4 条记录无法导入：有效性 作废 无法识别" in err
    assert "[column]: 第 5 条记录无法导入：栏目 不存在的栏目 不存在" in err and "gfxwj（行政法规、规章和规范性文件）" in err
    assert "导入失败：4 条记录有错误" in err and "未写入任何文件" in err
    assert importer.out == ""


def test_bad_record_messages_in_english(importer) -> None:
    path = importer.file("bad.csv", csv_text(HEADER_ZH, [row(发布日期="27/01/2019")]))
    assert importer.run(path, lang="en") is False
    assert "bad.csv:2: error E-IMPORT-RECORD [publish_date]: record 1 cannot be imported: publish_date 27/01/2019" in importer.err
    assert "accepted forms: 2019-01-27, 2019/1/27" in importer.err
    assert "Import failed: 1 record(s)" in importer.err


def test_missing_and_invalid_values(importer) -> None:
    rows = [row(标题=""), row(发布日期=""), row(发布机构="", 栏目=""), row(发布日期="2027-01-01"),
            row(成文日期="2025-02-01", 发布日期="2025-01-01")]
    assert importer.run(importer.file("m.csv", csv_text(HEADER_ZH, rows))) is False
    err = importer.err
    assert "第 1 条记录无法导入：缺少标题（title）" in err
    assert "第 2 条记录无法导入：缺少发布日期（publish_date）" in err
    assert "第 3 条记录无法导入：缺少发布机构，且未指定 --org-default" in err
    assert "1 条记录无法导入（第 3 条）：没有栏目，也没有适用的栏目规则" in err
    assert "第 4 条记录无法导入：发布日期 2027-01-01 晚于今天 2026-11-20" in err
    assert "第 5 条记录无法导入：成文日期 2025-02-01 晚于发布日期 2025-01-01" in err


def test_defaults_from_options(importer) -> None:
    before = snapshot(importer.site.root)
    path = importer.file("o.csv", csv_text(HEADER_ZH, [row(发布机构="", 栏目="")]))
    assert importer.run(path, org_default="测试县人民政府", column_default="政府信息公开年报") is True, importer.err
    [(rel, text)] = importer.new_files(before).items()
    assert rel.startswith("content/items/xzf/2025/") and front_of(text)["columns"] == ["xxgknb"]


def test_unknown_option_values(importer) -> None:
    path = importer.file("o.csv", csv_text(HEADER_ZH, [row()]))
    before = snapshot(importer.site.root)
    assert importer.run(path, org_default="nosuch", column_default="nosuch") is False
    assert "E-IMPORT-OPTION [org-default]" in importer.err and "E-IMPORT-OPTION [column-default]" in importer.err
    assert snapshot(importer.site.root) == before


def test_unknown_theme_and_genre_are_kept_as_comments(importer) -> None:
    before = snapshot(importer.site.root)
    path = importer.file("t.csv", csv_text(HEADER_ZH, [row(主题分类="旧系统分类\\专项", 体裁分类="公示单")]))
    assert importer.run(path) is True
    [text] = importer.new_files(before).values()
    assert "\ntheme: null  # 导入时的原值（未在分类表中，请改为分类表中的值）：旧系统分类\\专项\n" in text
    assert "\ngenre: null  # 导入时的原值（未在分类表中，请改为分类表中的值）：公示单\n" in text
    fm = front_of(text)
    assert fm["theme"] is None and fm["genre"] is None
    assert "W-IMPORT-THEME [theme]: 第 1 条记录的主题分类 旧系统分类\\专项 未在分类表中" in importer.err
    assert "W-IMPORT-GENRE [genre]: 第 1 条记录的体裁 公示单" in importer.err
    assert "警告 2 个" in importer.out
    assert build(importer.site.root).ok


def test_theme_and_genre_variants_resolve(importer) -> None:
    rows = [row(标题="甲", 主题分类="2.1", 体裁分类="命令(令)"), row(标题="乙", 主题分类="综合政务 / 政务公开", 体裁分类="令"),
            row(标题="丙", 主题分类="政务督查", 体裁分类=" 通 知 ")]
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("t.csv", csv_text(HEADER_ZH, rows))) is True
    fronts = sorted((front_of(t)["title"], front_of(t)["theme"], front_of(t)["genre"]) for t in importer.new_files(before).values())
    assert fronts == [("丙", "2.2", "通知"), ("乙", "2.1", "命令（令）"), ("甲", "2.1", "命令（令）")]
    assert "W-IMPORT" not in importer.err


def test_unknown_issuer_creates_an_organization_and_the_site_builds(importer) -> None:
    root = importer.site.root
    orgs_path = root / "content/orgs.yaml"
    orgs_path.write_text("# 本站机构\n" + orgs_path.read_text(encoding="utf-8"), encoding="utf-8")
    original = orgs_path.read_text(encoding="utf-8")
    rows = [row(标题="关于某某镇的公示", 发布机构="测试县某某镇人民政府", 原网址="http://old/t1.html"),
            row(标题="关于某局的通知", 发布机构="测试县统计局"),
            row(标题="关于某某镇的第二个公示", 发布机构="测试县某某镇人民政府")]
    assert importer.run(importer.file("o.csv", csv_text(HEADER_ZH, rows)), create_orgs=True) is True
    text = orgs_path.read_text(encoding="utf-8")
    assert text.startswith(original)  # existing text and comments untouched
    orgs = yaml.safe_load(text)
    new = {o["name"]: o for o in orgs[2:]}
    assert set(new) == {"测试县某某镇人民政府", "测试县统计局"}
    town, bureau = new["测试县某某镇人民政府"], new["测试县统计局"]
    assert town["kind"] == "township" and bureau["kind"] == "department"
    assert (town["id"], bureau["id"]) == ("mmzrmzf", "tjj")  # pinyin initials without the site's 测试县
    for org in (town, bureau):
        assert check_org_code(org["code"]).ok and org["code"][2:8] == "000000"
    assert "W-IMPORT-ORG [issuer]: 第 1 条记录的发布机构 测试县某某镇人民政府 为新机构" in importer.err
    assert "W-IMPORT-ORG [issuer]: 第 2 条记录的发布机构 测试县统计局" in importer.err
    assert "新建机构 2 个" in importer.out
    item = root / "content/items" / town["id"] / "2025/00001.md"
    assert front_of(item.read_text(encoding="utf-8"))["index_no"] == f"{town['code']}/2025-00001"
    assert (root / "content/items" / town["id"] / "2025/00002.md").is_file()

    result = build(root)
    assert result.ok, [p.format() for p in result.problems.items]
    page = root / "output/xxgk" / town["id"] / "2025/00001.html"
    assert page.is_file() and "关于某某镇的公示" in page.read_text(encoding="utf-8")


def test_index_numbers_kept_and_assigned(importer) -> None:
    rows = [row(标题="甲", 索引号=f"{OFFICE}/2025-00004"), row(标题="乙"), row(标题="丙", 索引号="LEGACY-0001"),
            row(标题="丁", 发布日期="2024-06-01", 成文日期="")]
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("i.csv", csv_text(HEADER_ZH, rows))) is True, importer.err
    got = {front_of(t)["title"]: (rel, front_of(t)["index_no"]) for rel, t in importer.new_files(before).items()}
    assert got == {
        "甲": ("content/items/xzfb/2025/00004.md", f"{OFFICE}/2025-00004"),
        "乙": ("content/items/xzfb/2025/00005.md", f"{OFFICE}/2025-00005"),
        "丙": ("content/items/xzfb/2025/00006.md", "LEGACY-0001"),
        "丁": ("content/items/xzfb/2024/00001.md", f"{OFFICE}/2024-00001"),
    }
    assert build(importer.site.root).ok


def test_duplicates_within_the_file_are_errors(importer) -> None:
    rows = [row(标题="甲", 索引号="A-1"), row(标题="乙", 索引号="A-1"), row(标题="丙", 原网址="http://o/1"),
            row(标题="丁", 原网址="http://o/1")]
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("d.csv", csv_text(HEADER_ZH, rows))) is False
    assert "第 2 条记录无法导入：索引号 A-1 与第 1 条记录重复" in importer.err
    assert "第 4 条记录无法导入：原网址 http://o/1 与第 3 条记录重复" in importer.err
    assert snapshot(importer.site.root) == before


def test_second_import_changes_nothing(importer) -> None:
    rows = [row(标题="甲", 索引号="A-1", 主题分类="未知分类"), row(标题="乙", 原网址="http://old/b.html"),
            row(标题="丙", 发布机构="测试县新机构"), row(标题="丁")]
    path = importer.file("x.csv", csv_text(HEADER_ZH, rows))
    assert importer.run(path, create_orgs=True) is True
    assert "新建 4 条信息" in importer.out
    first = snapshot(importer.site.root)
    assert importer.run(path, create_orgs=True) is True
    assert snapshot(importer.site.root) == first
    assert "新建 0 条信息，4 条此前已导入（未改动），新建机构 0 个，警告 0 个" in importer.out
    assert importer.err == ""


def test_existing_site_items_are_recognised(importer) -> None:
    rows = [row(标题="测试县人民政府办公室关于第1项工作的通知", 索引号=f"{OFFICE}/2025-00001"),
            row(标题="完全不同的标题", 索引号=f"{OFFICE}/2025-00002"),
            row(标题="测试县人民政府办公室关于第3项工作的通知", 发布日期="2025-03-05 09:00")]
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("e.csv", csv_text(HEADER_ZH, rows))) is True
    assert snapshot(importer.site.root) == before
    assert "W-IMPORT-DUP [index_no]: 第 2 条记录的索引号" in importer.err
    assert "content/items/xzfb/2025/00002.md" in importer.err
    assert "3 条此前已导入" in importer.out


def test_output_is_deterministic(importer, tmp_path: Path) -> None:
    import shutil

    root = importer.site.root
    clean = tmp_path / "copy"
    shutil.copytree(root, clean)
    rows = [row(标题=f"标题{i}", 发布机构=["县政府办", "测试县新机构甲", "测试县新机构乙镇人民政府"][i % 3]) for i in range(6)]
    path = importer.file("x.csv", csv_text(HEADER_ZH, rows))
    assert importer.run(path, create_orgs=True) is True
    importer.site.root = clean
    assert importer.run(path, create_orgs=True) is True
    assert snapshot(root) == snapshot(clean)


def test_flow_style_orgs_yaml_is_not_rewritten(importer) -> None:
    orgs_path = importer.site.root / "content/orgs.yaml"
    orgs = yaml.safe_load(orgs_path.read_text(encoding="utf-8"))
    orgs_path.write_text(yaml.safe_dump(orgs, allow_unicode=True, default_flow_style=True), encoding="utf-8")
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("x.csv", csv_text(HEADER_ZH, [row(发布机构="测试县新机构")])), create_orgs=True) is False
    assert "无法在 content/orgs.yaml 末尾追加新机构" in importer.err
    assert snapshot(importer.site.root) == before


def test_unreadable_file(importer) -> None:
    path = importer.file("gbk.csv", "")
    path.write_bytes("标题,发布日期\n甲,2019-01-01\n".encode("gbk"))
    assert importer.run(path) is False
    assert "E-IMPORT-FILE" in importer.err and "UTF-8" in importer.err


def test_html_body_with_relative_links_uses_legacy_url(importer) -> None:
    body = '<p>见<a href="fj/1.doc">附件</a><img src="../img/1.png"></p><script>alert(1)</script>'
    before = snapshot(importer.site.root)
    path = importer.file("h.csv", csv_text(HEADER_ZH, [row(正文=body, 原网址="http://old.gov.cn/xxgk/2019/t1.html")]))
    assert importer.run(path) is True
    [text] = importer.new_files(before).values()
    assert text.endswith("---\n见[附件](http://old.gov.cn/xxgk/2019/fj/1.doc)![请填写图片说明](http://old.gov.cn/xxgk/img/1.png)\n")


def test_markdown_body_with_image_without_alt_is_an_error(importer) -> None:
    path = importer.file("m.jsonl", jsonl_text([{"title": "甲", "issuer": "xzfb", "publish_date": "2025-01-01",
                                                 "column": "gfxwj", "body_md": "![](a.png)"}]))
    assert importer.run(path) is False
    assert "第 1 条记录无法导入：正文中的图片 a.png 缺少替代文本" in importer.err


def test_titles_and_doc_numbers_are_kept_as_published(importer) -> None:
    """Issue 17 §6: an archive keeps the text as published. An ideographic space (U+3000),
    full-width digits and traditional characters survive the import, the front matter
    and the built page's <h1>, <title> and meta tags; only the export's own line
    breaks are folded."""
    title = "中華民國１０５年元旦\u3000總統祝詞"
    doc_no = "测政发〔２０２５〕１号"
    before = snapshot(importer.site.root)
    rows = [row(标题=title + "\n", 文号=doc_no), row(标题="测试县人民政府关于\n  做好值班工作的通知")]
    assert importer.run(importer.file("verbatim.csv", csv_text(HEADER_ZH, rows))) is True, importer.err
    new = importer.new_files(before)
    fronts = [front_of(t) for t in new.values()]
    kept = next(f for f in fronts if f["title"].startswith("中華"))
    source = next(rel for rel, t in new.items() if front_of(t)["title"] == title)
    assert kept["title"] == title and kept["doc_no"] == doc_no
    assert any(f["title"] == "测试县人民政府关于 做好值班工作的通知" for f in fronts)
    assert build(importer.site.root, quick=True).ok
    page = source.removeprefix("content/items/").removesuffix(".md") + ".html"  # xzfb/2025/00004.md
    html = (importer.site.root / "output" / "xxgk" / page).read_text(encoding="utf-8")
    assert f"<h1>{title}</h1>" in html and f'<meta name="ArticleTitle" content="{title}">' in html
    assert f"<title>{title} — " in html and doc_no in html


def test_genre_qita_variant_resolves(importer) -> None:
    """体裁 其它 (它 for 他, as many CMSs write it) is the genre 其他, not an unknown genre left as a comment."""
    before = snapshot(importer.site.root)
    assert importer.run(importer.file("t.csv", csv_text(HEADER_ZH, [row(标题="甲", 体裁分类="其它")]))) is True
    [text] = importer.new_files(before).values()
    assert front_of(text)["genre"] == "其他"
    assert "W-IMPORT-GENRE" not in importer.err
