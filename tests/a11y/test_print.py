"""Printing an item page of the demo site through Chromium's PDF output (issue 5):
the PDF holds the title, the 信息公开要素, the body, the attachments, the validity
banner, the page URL and a QR code that decodes to it, and none of the navigation
(skip link, main navigation, 关怀版 toggle, search box, breadcrumbs, footer, notice).

What is expected is read from the page as it shows on screen, so the test follows
the demo content; tests/qr/test_qr_print.py covers the same on a small fixture site."""
from __future__ import annotations

import pytest
import zxingcpp
from pypdf import PdfReader

from tests.a11y.browser_helpers import THEMES, open_page
from tests.qr.pdf_raster import PT_PER_CM, draw, flat_text, has_text, pdf_text, strokes

NAVIGATION = {
    "skip link": ".skip-link",
    "main navigation": "nav.main-nav a",
    "关怀版 toggle": "#care-toggle",
    "search box": "form.search-form label, form.search-form button",
    "breadcrumbs": "nav.breadcrumbs a",
    "footer": "footer.site-footer p",
    "site notice": ".site-notice",
}
"""Screen-only parts of every page → the elements whose text must not be printed."""

METADATA_FIELDS = ("索引号", "发布机构", "发布日期", "成文日期", "文号", "有效性")


def _texts(page, selector: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.strip() for t in page.locator(selector).all_inner_texts() if t.strip()]


def _print(browser, url: str, path, theme: str = "standard"):  # type: ignore[no-untyped-def]
    """Open ``url`` in ``theme``, note what a reader sees on screen, print it to ``path`` as A4."""
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    open_page(page, url, theme)
    seen = {
        "title": page.locator("main h1").inner_text().strip(),
        "metadata": {dt: page.locator(f"dl.summary-list div:has(> dt:text-is('{dt}')) dd").inner_text().strip()
                     for dt in METADATA_FIELDS},
        "body": _texts(page, "main .body > p"),
        "attachments": _texts(page, "main .attachments li"),
        "banner": _texts(page, "main .notice-banner"),
        "canonical": page.locator("link[rel=canonical]").get_attribute("href"),
        "main": flat_text(page.locator("main").inner_text()),
        "navigation": {name: _texts(page, selector) for name, selector in NAVIGATION.items()},
    }
    path.write_bytes(page.pdf(format="A4"))
    context.close()
    return seen, pdf_text(path)


@pytest.fixture(scope="module", params=THEMES)
def printed_item(request, a11y_site, browser, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The demo's first item with attachments (it also has a QR code), printed from
    the standard theme and from 关怀版."""
    pdf = tmp_path_factory.mktemp("print") / "item.pdf"
    seen, text = _print(browser, a11y_site.url(a11y_site.pages["item_attachments"]), pdf, request.param)
    return seen, text, pdf


def test_print_has_the_title_metadata_body_attachments_and_url(printed_item) -> None:
    seen, text, _pdf = printed_item
    assert has_text(text, seen["title"]), seen["title"]
    for field, value in seen["metadata"].items():
        assert has_text(text, field) and has_text(text, value), (field, value)
    assert len(seen["body"]) >= 2
    missing = [p for p in seen["body"] if not has_text(text, p)]
    assert missing == [], missing
    assert seen["attachments"] and all(has_text(text, a) for a in seen["attachments"]), seen["attachments"]
    assert all("KB" in a or "MB" in a for a in seen["attachments"]), "attachments print their size"
    assert has_text(text, "本页网址：" + seen["canonical"])


def test_print_leaves_out_all_navigation(printed_item) -> None:
    """Each screen-only part has text of its own (not also in <main>), and none of it is printed."""
    seen, text, _pdf = printed_item
    for name, texts in seen["navigation"].items():
        own = [t for t in texts if flat_text(t) not in seen["main"]]
        assert own, f"{name}: nothing on screen to look for"
        assert [t for t in own if has_text(text, t)] == [], f"{name} is printed"


def test_print_holds_a_qr_code_of_the_page_url_at_a_scannable_size(printed_item) -> None:
    """The QR code is drawn from the PDF's own vector paths and decoded with zxing-cpp."""
    seen, _text, pdf = printed_item
    reader = PdfReader(pdf)
    codes = [(found.text, stroke) for number in range(len(reader.pages)) for stroke in strokes(reader, number)
             for found in zxingcpp.read_barcodes(draw(stroke), formats=zxingcpp.BarcodeFormat.QRCode)]
    assert [url for url, _stroke in codes] == [seen["canonical"]]
    x0, _y0, x1, _y1 = codes[0][1].bbox()
    assert (x1 - x0) / PT_PER_CM >= 2.5


def test_printed_repealed_item_keeps_its_validity_banner(a11y_site, browser, tmp_path) -> None:
    """On paper the 废止 notice and the successor must still be there, in words."""
    seen, text = _print(browser, a11y_site.url(a11y_site.pages["item_repealed"]), tmp_path / "repealed.pdf")
    assert seen["banner"] and "废止" in seen["banner"][0]
    assert has_text(text, seen["banner"][0])
    assert has_text(text, seen["title"]) and has_text(text, "本页网址：" + seen["canonical"])


PRINT_SIZES_JS = """() => Object.fromEntries(["main h1", "main .body p", "dl.summary-list dd", ".attachments li", ".page-url"]
    .map((s) => [s, parseFloat(getComputedStyle(document.querySelector(s)).fontSize)]))"""


def test_print_uses_the_same_text_sizes_in_both_themes(a11y_site, browser) -> None:
    """关怀版 enlarges text on screen; on paper the body and the metadata stay in
    proportion (not a 150 % body beside a 100 % metadata box)."""
    sizes = {}
    for theme in THEMES:
        context = browser.new_context(locale="zh-CN")
        page = context.new_page()
        open_page(page, a11y_site.url(a11y_site.pages["item_attachments"]), theme)
        screen = page.evaluate(PRINT_SIZES_JS)
        page.emulate_media(media="print")
        sizes[theme] = (screen, page.evaluate(PRINT_SIZES_JS))
        context.close()
    (screen_std, print_std), (screen_care, print_care) = sizes["standard"], sizes["care"]
    assert screen_care["main .body p"] >= 1.5 * screen_std["main .body p"] - 0.01, "关怀版 is larger on screen"
    assert print_care == print_std
    assert 10 <= print_std["dl.summary-list dd"] * 0.75 <= 14, "metadata prints at 10–14 pt"
