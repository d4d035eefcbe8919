"""``govsite import gazette-pdf``: an issue from its PDF alone (text layer → full-text article; scan → scan-only)."""
from __future__ import annotations

import json

from govsite.pipeline.pages import check_site
from govsite.base.yamlsource import parse_yaml, split_front_matter
from govsite.importer.gazette_pdf import paragraphs, text_to_markdown
from govsite.markdown import render_markdown
from govsite.model.gazette import ArticleFrontMatter, GazetteConfig, IssueFile

from gazette_import_helpers import image_pdf, text_pdf
from importer_helpers import snapshot

LONG = ("各乡镇人民政府，县政府各部门：现将《测试县政府投资项目管理办法》印发给你们，请认真贯彻执行。"
        "本办法所称政府投资项目，是指使用县级财政性资金进行的固定资产投资建设项目，包括新建、扩建、改建和技术改造项目。")
PAGES = [f"测试县人民政府关于印发投资管理办法的通知\n{LONG}\n测试县人民政府\n— 1 —",
         "1. 第一条为规范政府投资行为，制定本办法。\n第二条 本办法自2016年2月1日起施行。\n— 2 —"]


def _issue(gazette, folder: str = "content/gazette/2016/02") -> IssueFile:  # type: ignore[no-untyped-def]
    return IssueFile.model_validate(parse_yaml(gazette.read(f"{folder}/issue.yaml")))


def test_text_pdf_becomes_a_searchable_full_text_article(gazette, site) -> None:  # type: ignore[no-untyped-def]
    pdf = text_pdf(gazette.folder / "gb201602.pdf", PAGES)
    assert gazette.run_pdf(pdf, 2016, 2)
    issue = _issue(gazette)
    assert (issue.year, issue.number, issue.date.isoformat()) == (2016, 2, "2016-01-20")  # the PDF's CreationDate
    assert issue.pdf == "gazette/2016/02/gb201602.pdf" and not issue.scan_only
    assert (site.root / "content/gazette/2016/02/gb201602.pdf").read_bytes() == pdf.read_bytes()

    header, body, _line = split_front_matter(gazette.read("content/gazette/2016/02/1.md"))  # type: ignore[misc]
    front = ArticleFrontMatter.model_validate(parse_yaml(header))
    assert front.title == "2016年第2期全文" and front.section == "其他" and front.pages == "1-2"
    assert front.text_source.value == "born-digital" and "自动提取" in front.quality_note
    assert LONG + "\n" in body  # lines wrapped by the PDF are one paragraph again
    assert "测试县人民政府关于印发投资管理办法的通知\n\n" in body
    assert "1\\. 第一条为规范政府投资行为，制定本办法。" in body  # stays text, not a list
    assert "— 1 —" not in body and "— 2 —" not in body  # page numbers dropped
    html = render_markdown(body).html
    assert "第二条 本办法自2016年2月1日起施行。" in html and "<ol" not in html

    config = GazetteConfig.model_validate(parse_yaml(gazette.read("content/gazette/gazette.yaml")))
    assert config.name == "测试县人民政府公报" and config.publisher == "xzf" and config.sections == ["其他"]
    assert "已导入2016年第2期（content/gazette/2016/02）：PDF 共 2 页，已提取文字层" in gazette.out
    assert "出版日期取自 PDF 的创建日期：2016-01-20" in gazette.out
    sidecar = json.loads(gazette.read("content/gazette/2016/02/source.json"))
    assert sidecar["importer"] == "govsite import gazette-pdf" and sidecar["pdf_text"]["text_layer"] is True
    assert check_site(site.root).errors == []


def test_section_other_is_added_to_an_existing_gazette(gazette, site) -> None:  # type: ignore[no-untyped-def]
    site.write("content/gazette/gazette.yaml", "name: 测试县人民政府公报\npublisher: xzf\nfirst_year: 2016\n"
               "frequency: irregular\nsections:\n- 县政府文件\n")
    pdf = text_pdf(gazette.folder / "x.pdf", PAGES)
    assert gazette.run_pdf(pdf, 2016, 2, date="2016-02-03")
    assert _issue(gazette).date.isoformat() == "2016-02-03"
    assert gazette.read("content/gazette/gazette.yaml").endswith("sections:\n- 县政府文件\n- 其他\n")
    assert f"{pdf}: 警告 W-IMPORT-GAZETTE-SECTION [pdf]: 栏目 其他 不在 content/gazette/gazette.yaml 的 sections 中" \
        in gazette.err
    assert "出版日期取自" not in gazette.out


def test_image_only_pdf_is_a_scan_only_issue(gazette, site) -> None:  # type: ignore[no-untyped-def]
    pdf = image_pdf(gazette.folder / "scan.pdf")
    assert gazette.run_pdf(pdf, 2016, 1, special=True)
    folder = "content/gazette/2016/zk01"
    issue = _issue(gazette, folder)
    assert issue.scan_only and issue.special and issue.pdf == f"{folder}/scan.pdf".removeprefix("content/")
    assert sorted(p.name for p in (site.root / folder).iterdir()) == ["issue.yaml", "scan.pdf", "source.json"]
    assert "已导入2016年增刊第1期（content/gazette/2016/zk01）：PDF 共 1 页，没有文字层，已标记为仅有扫描件" in gazette.out
    assert check_site(site.root).errors == []


def test_date_is_required_without_pdf_creation_date(gazette, site) -> None:  # type: ignore[no-untyped-def]
    pdf = text_pdf(gazette.folder / "nodate.pdf", PAGES, created=None)
    before = snapshot(site.root)
    assert not gazette.run_pdf(pdf, 2016, 3)
    assert f"{pdf}: 错误 E-IMPORT-GAZETTE [date]: 公报无法导入：PDF 中没有创建日期，无法确定出版日期；请用 --date YYYY-MM-DD 指定" \
        in gazette.err
    assert snapshot(site.root) == before
    assert not gazette.run_pdf(pdf, 2016, 3, date="2016-02-30")
    assert "[date]" in gazette.err and "出版日期 2016-02-30 不是有效日期" in gazette.err
    assert snapshot(site.root) == before
    assert gazette.run_pdf(pdf, 2016, 3, date="2016年3月1日")
    assert _issue(gazette, "content/gazette/2016/03").date.isoformat() == "2016-03-01"


def test_rerun_is_unchanged_and_another_pdf_is_refused(gazette, site) -> None:  # type: ignore[no-untyped-def]
    pdf = text_pdf(gazette.folder / "gb.pdf", PAGES)
    assert gazette.run_pdf(pdf, 2016, 2)
    before = snapshot(site.root)
    assert gazette.run_pdf(pdf, 2016, 2, lang="en")
    assert "2016年第2期 was already imported from the same PDF (content/gazette/2016/02); nothing changed" in gazette.out
    assert snapshot(site.root) == before
    other = image_pdf(gazette.folder / "other.pdf")
    assert not gazette.run_pdf(other, 2016, 2)
    assert "2016年第2期已存在（content/gazette/2016/02），且与本次导入的内容不同；未覆盖" in gazette.err
    assert snapshot(site.root) == before


def test_not_a_pdf(gazette, site) -> None:  # type: ignore[no-untyped-def]
    fake = gazette.folder / "fake.pdf"
    fake.write_text("这不是PDF", encoding="utf-8")
    broken = gazette.folder / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n% nothing else\n")
    before = snapshot(site.root)
    assert not gazette.run_pdf(fake, 2016, 2, date="2016-02-01")
    assert "文件 fake.pdf 不是 PDF" in gazette.err
    assert not gazette.run_pdf(broken, 2016, 2, date="2016-02-01")
    assert "无法读取 PDF broken.pdf" in gazette.err
    assert not gazette.run_pdf(text_pdf(gazette.folder / "ok.pdf", PAGES), 1900, 2)
    assert "[year]" in gazette.err and "1949–2027" in gazette.err  # GOVSITE_TODAY 2026-11-20: up to next year
    assert not gazette.run_pdf(text_pdf(gazette.folder / "ok.pdf", PAGES), 2028, 2, date="2028-01-05")
    assert "年份 2028 超出范围；应为 1949–2027 的整数" in gazette.err
    assert snapshot(site.root) == before


def test_paragraph_joining() -> None:
    pages = ["标题\n" + "甲" * 30 + "\n" + "乙" * 30 + "\n丙丙。\n3", "第 4 页\n" + "丁" * 30 + "\n" + "戊" * 30,
             "己" * 10 + "\nPDF text\nlayer ok"]
    assert paragraphs(pages) == ["标题", "甲" * 30 + "乙" * 30 + "丙丙。", "丁" * 30 + "戊" * 30 + "己" * 10,
                                 "PDF text", "layer ok"]
    assert paragraphs(["", "  \n"]) == []
    assert paragraphs(["\x00测\x00试\x00"]) == ["测试"]
    md = text_to_markdown(["# 不是标题", "* 不是列表", "<b>不是HTML</b>"])
    assert "<b>" not in render_markdown(md).html and "<h1" not in render_markdown(md).html
    assert "<li>" not in render_markdown(md).html
