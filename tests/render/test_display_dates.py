"""Issue 17 §6: every date a page shows a person reads 2025年9月26日 (no leading zeros),
inside <time datetime="2025-09-26">, on every page type; ISO dates stay in attributes,
meta tags and scripts (docs/architecture.md, "Dates")."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from govsite.pipeline.build import build
from tests.conftest import OFFICE_CODE, REPO, SiteFolder
from tests.gazette.gazette_helpers import write_article, write_gazette, write_issue

ISO_DATE = re.compile(r"\b(?:19|20)\d{2}-\d{2}-\d{2}\b")

NOT_DISPLAYED_TAGS = frozenset({"script", "style", "code", "pre", "template"})
NOT_DISPLAYED_CLASSES = frozenset({"body", "report", "report-summary"})
"""Left out of the sweep: scripts and JSON-LD, code, the editor's own document text
(``div.body``: govsite prints it as written), and on the private inspection report the
``govsite check`` messages (``table.report``, ``ul.report-summary``), which keep ISO
dates (they are the command's own text)."""

SPOKEN_ATTRIBUTES = frozenset({"title", "aria-label", "alt", "placeholder"})
"""Attributes a screen reader reads out or a browser shows."""

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class _Shown(HTMLParser):
    """The text and spoken attributes of a page outside the elements left out (the
    standard library's parser: BeautifulSoup took 13 s over the demo's pages)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.hidden_from: int | None = None
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hidden_from is not None:
            if tag not in VOID:
                self.open.append(tag)
            return
        values = dict(attrs)
        self.parts += [v for k, v in attrs if k in SPOKEN_ATTRIBUTES and v]
        if tag in VOID:
            return
        self.open.append(tag)
        if tag in NOT_DISPLAYED_TAGS or NOT_DISPLAYED_CLASSES & set((values.get("class") or "").split()):
            self.hidden_from = len(self.open)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass
        if self.hidden_from is not None and len(self.open) < self.hidden_from:
            self.hidden_from = None

    def handle_data(self, data: str) -> None:
        if self.hidden_from is None:
            self.parts.append(data)


def displayed_iso_dates(html: str) -> list[str]:
    """ISO dates a person sees or hears on the page (text and spoken attributes)."""
    parser = _Shown()
    parser.feed(html)
    parser.close()
    return ISO_DATE.findall(" ".join(parser.parts))


def assert_no_iso_dates_shown(out: Path) -> int:
    pages = sorted(out.rglob("*.html"))
    shown = {p.relative_to(out).as_posix(): found for p in pages
             if (found := displayed_iso_dates(p.read_text(encoding="utf-8")))}
    assert shown == {}
    return len(pages)


def time_tag(iso: str, shown: str) -> str:
    return f'<time datetime="{iso}">{shown}</time>'


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory: pytest.TempPathFactory) -> SiteFolder:
    """A site with every kind of date: an item's 成文/发布/生效/失效日期, a 废止 item's
    banner, a policy interpretation, a catalog's 最近核查 and a gazette issue and article."""
    from tests.conftest import ORGS, SITE_YAML

    site = SiteFolder(tmp_path_factory.mktemp("dates") / "site")
    site.write("site.yaml", yaml.safe_dump(SITE_YAML, allow_unicode=True, sort_keys=False))
    site.write("content/orgs.yaml", yaml.safe_dump(ORGS, allow_unicode=True, sort_keys=False))
    site.write_item(1, written_date="2025-09-05", publish_date="2025-09-26 09:00", effective_date="2025-10-01")
    site.write_item(2, validity="废止", expiry_date="2025-06-30", written_date="2025-01-06", publish_date="2025-01-08 09:00")
    site.write_item(3, columns=["zcjd"], genre="解读", interprets=f"{OFFICE_CODE}/2025-00001", doc_no=None,
                    title="第1项工作的通知政策解读", written_date="2025-09-26", publish_date="2025-09-27 10:00")
    site.write("content/catalogs/zdjsxm.yaml", yaml.safe_dump({
        "id": "zdjsxm", "domain": "重大建设项目", "owner": "xzf", "levels": ["县级"], "last_reviewed": "2025-07-01",
        "entries": [{"seq": 1, "item_l1": "批准服务信息", "item_l2": "审批结果", "content": "审批结果",
                     "basis": "《政府信息公开条例》", "time_limit": "20个工作日内", "subject": "县发展改革局",
                     "channels": ["政府网站"], "audience": ["全社会"], "mode": ["主动"], "level": ["县级"]}],
    }, allow_unicode=True, sort_keys=False))
    write_gazette(site, first_year=2025)
    folder = write_issue(site, 2025, 9, "2025-09-26")
    write_article(site, folder, 1, "正文。\n", written_date="2025-09-05", doc_no="测政发〔2025〕9号", issuer="xzf")
    result = build(site.root, quick=True)
    assert result.ok, [p.format() for p in result.problems.items]
    return site


def test_item_metadata_shows_dates_in_the_chinese_form_inside_time(dated_site: SiteFolder) -> None:
    html = dated_site.read_out("xxgk/xzfb/2025/00001.html")
    pairs = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", html))
    assert pairs["成文日期"] == time_tag("2025-09-05", "2025年9月5日")
    assert pairs["发布日期"] == time_tag("2025-09-26", "2025年9月26日")
    assert pairs["生效日期"] == time_tag("2025-10-01", "2025年10月1日")
    # The related interpretation is dated the same way; the meta tag keeps its own format.
    assert f'第1项工作的通知政策解读</a> {time_tag("2025-09-27", "2025年9月27日")}' in html
    assert '<meta name="PubDate" content="2025-09-26 09:00">' in html


def test_repealed_item_banner_and_expiry_date(dated_site: SiteFolder) -> None:
    html = dated_site.read_out("xxgk/xzfb/2025/00002.html")
    assert f'自 {time_tag("2025-06-30", "2025年6月30日")} 起废止' in html
    assert re.search(r"<dt>失效日期</dt><dd>" + re.escape(time_tag("2025-06-30", "2025年6月30日")), html)


def test_gazette_article_issue_and_year_pages(dated_site: SiteFolder) -> None:
    article = dated_site.read_out("zfgb/2025/09/1.html")
    pairs = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", article))
    assert pairs["成文日期"] == time_tag("2025-09-05", "2025年9月5日")
    assert pairs["出版日期"] == time_tag("2025-09-26", "2025年9月26日")
    year = dated_site.read_out("zfgb/2025/index.html")
    assert f'<td>{time_tag("2025-09-26", "2025年9月26日")}</td>' in year


def test_listings_home_and_catalog_show_the_same_form(dated_site: SiteFolder) -> None:
    column = dated_site.read_out("xxgk/gfxwj/index.html")
    assert f'<td>{time_tag("2025-09-26", "2025年9月26日")}</td>' in column
    assert f'<td>{time_tag("2025-01-08", "2025年1月8日")}</td>' in column  # no leading zeros
    home = dated_site.read_out("index.html")
    assert f'第1项工作的通知政策解读</a> {time_tag("2025-09-27", "2025年9月27日")}' in home
    catalog = dated_site.read_out("xxgk/catalog/zdjsxm/index.html")
    assert f'最近核查：{time_tag("2025-07-01", "2025年7月1日")}' in catalog


def test_no_page_of_the_fixture_site_shows_an_iso_date(dated_site: SiteFolder) -> None:
    assert assert_no_iso_dates_shown(dated_site.out) > 20


def test_no_page_of_the_demo_shows_an_iso_date(tmp_path: Path) -> None:
    """Every page of the demo county, the private inspection report included (its header;
    its ``govsite check`` messages keep ISO)."""
    assert build(REPO, out=tmp_path / "out", quick=True).ok
    assert (tmp_path / "out-report/index.html").is_file()
    assert assert_no_iso_dates_shown(tmp_path / "out") > 250
    assert assert_no_iso_dates_shown(tmp_path / "out-report") == 1


def test_the_sweep_finds_an_iso_date_in_text_and_in_spoken_attributes() -> None:
    """The sweep itself: what it must see, and what it must leave alone."""
    assert displayed_iso_dates('<p>发布日期：<time datetime="2025-09-26">2025-09-26</time></p>') == ["2025-09-26"]
    assert displayed_iso_dates('<a aria-label="2025-09-26 的通知" href="#">通知</a>') == ["2025-09-26"]
    assert displayed_iso_dates('<meta name="PubDate" content="2025-09-26 09:00">'
                               '<time datetime="2025-09-26">2025年9月26日</time>'
                               '<script type="application/ld+json">{"datePublished": "2025-09-26"}</script>'
                               '<div class="body"><p>原文 2025-09-26</p></div><pre>2025-09-26</pre>') == []
