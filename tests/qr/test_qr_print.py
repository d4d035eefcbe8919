"""Printing a page: the document, its QR code and URL; no navigation."""
from __future__ import annotations

import pytest
import yaml
import zxingcpp
from playwright.sync_api import sync_playwright
from pypdf import PdfReader

from govsite.pipeline.build import build
from tests.conftest import ORGS, SITE_YAML, SiteFolder
from tests.gazette.gazette_helpers import write_article, write_gazette, write_issue
from tests.qr.pdf_raster import PT_PER_CM, draw, has_text, pdf_text, strokes
from tests.qr.qr_helpers import SUB_PATH_BASE, decode_png, launch

ITEM = "xxgk/xzfb/2025/00007.html"
ITEM_URL = SUB_PATH_BASE + ITEM
BODY = "本通知的正文用于检验打印效果。"
NAV_TEXT = ["首页", "政府信息公开", "政策解读", "站内搜索", "搜索", "跳到主要内容", "网站标识码", "主办单位", "系统维护公告"]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """A sub-path site with a site notice and a gazette, its item page printed to PDF."""
    site = SiteFolder(tmp_path_factory.mktemp("qr-print") / "site")
    site.write("site.yaml", yaml.safe_dump(SITE_YAML, allow_unicode=True, sort_keys=False))
    site.write("content/orgs.yaml", yaml.safe_dump(ORGS, allow_unicode=True, sort_keys=False))
    site.write("templates/partials/site_notice.html", '<div class="site-notice container">系统维护公告：本周六暂停服务。</div>\n')
    site.write_item(7, title="测试县人民政府办公室关于打印检验的通知", body=BODY)
    write_gazette(site, first_year=2025)
    for n in (1, 2, 3):
        write_article(site, write_issue(site, 2025, n, f"2025-{n:02d}-20"), 1, "公报正文。\n")
    assert build(site.root, base_url=SUB_PATH_BASE).ok
    with sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page()
        page.goto((site.out / ITEM).as_uri())
        pdf = page.pdf(format="A4")
        page.emulate_media(media="print")
        yield site, browser, page, pdf
        browser.close()


def test_printed_item_has_title_metadata_body_and_url(printed, tmp_path) -> None:
    _site, _browser, _page, pdf = printed
    (tmp_path / "item.pdf").write_bytes(pdf)
    text = pdf_text(tmp_path / "item.pdf")
    for expected in ["测试县人民政府办公室关于打印检验的通知", "索引号", "发布机构", "成文日期", "发布日期", "文号",
                     "测政办发〔2025〕7号", BODY, "手机扫码阅读本页", f"本页网址：{ITEM_URL}"]:
        assert has_text(text, expected), expected


def test_printed_item_leaves_out_navigation_search_footer_and_notice(printed, tmp_path) -> None:
    _site, _browser, page, pdf = printed
    (tmp_path / "item.pdf").write_bytes(pdf)
    text = pdf_text(tmp_path / "item.pdf")
    assert "打印检验" in text and [t for t in NAV_TEXT if has_text(text, t)] == []
    page.emulate_media(media="screen")
    assert page.get_by_text("系统维护公告").is_visible() and page.get_by_text("站内搜索").is_visible(), \
        "what print hides is there on screen"
    page.emulate_media(media="print")


def test_pdf_holds_a_scannable_qr_of_the_page_url(printed, tmp_path) -> None:
    """Redraw the stroked paths of the PDF and decode them: the QR code is printed,
    reads as the page URL and is at least 2.5 cm wide without its quiet zone."""
    _site, _browser, _page, pdf = printed
    (tmp_path / "item.pdf").write_bytes(pdf)
    reader = PdfReader(tmp_path / "item.pdf")
    codes = []
    for number in range(len(reader.pages)):
        for stroke in strokes(reader, number):
            found = zxingcpp.read_barcodes(draw(stroke), formats=zxingcpp.BarcodeFormat.QRCode)
            codes += [(r.text, stroke) for r in found]
    assert [text for text, _s in codes] == [ITEM_URL]
    x0, y0, x1, y1 = codes[0][1].bbox()
    assert (x1 - x0) / PT_PER_CM >= 2.5


def test_print_media_shows_the_qr_at_print_size_and_it_scans(printed) -> None:
    _site, _browser, page, _pdf = printed
    img = page.get_by_role("img", name="本页二维码")
    width_cm = img.evaluate("e => e.getBoundingClientRect().width") / 96 * 2.54
    assert 3.0 <= width_cm <= 4.0
    assert decode_png(img.screenshot(scale="device")) == [ITEM_URL]
    for selector in ("header.site-header", "nav.main-nav", "nav.breadcrumbs", "form.search-form", "footer.site-footer",
                     "a.skip-link", ".site-notice"):
        assert page.locator(selector).is_hidden(), selector


def test_printed_gazette_issue_keeps_toc_and_qr_but_not_issue_navigation(printed, tmp_path) -> None:
    site, browser, _page, _pdf = printed
    page = browser.new_page()
    page.goto((site.out / "zfgb/2025/02/index.html").as_uri())
    assert page.locator("nav.pagination").is_visible()
    (tmp_path / "issue.pdf").write_bytes(page.pdf(format="A4"))
    page.close()
    text = pdf_text(tmp_path / "issue.pdf")
    assert has_text(text, "本期目录") and has_text(text, "第1篇文章") and has_text(text, "本页网址：" + SUB_PATH_BASE + "zfgb/2025/02/")
    assert not any(has_text(text, t) for t in ["上一期", "下一期", "站内搜索", "首页"])
    reader = PdfReader(tmp_path / "issue.pdf")
    texts = [r.text for n in range(len(reader.pages)) for s in strokes(reader, n)
             for r in zxingcpp.read_barcodes(draw(s), formats=zxingcpp.BarcodeFormat.QRCode)]
    assert texts == [SUB_PATH_BASE + "zfgb/2025/02/"]
