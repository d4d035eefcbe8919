"""Every item, gazette issue and gazette article page shows a QR code that a real
decoder reads as exactly that page's canonical URL — on the demo site and on a
site with a gazette, with the default base_url and with a sub-path one."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from govsite.pipeline.build import build
from govsite.pipeline.pages import load_and_validate
from govsite.cli import main
from govsite.render.qr import qr_matrix
from tests.conftest import ORGS, OFFICE_CODE, REPO, SITE_YAML, SiteFolder
from tests.gazette.gazette_helpers import write_article, write_gazette, write_issue
from tests.qr.qr_helpers import (SUB_PATH_BASE, QrPage, chromium_browser, decode_png, decode_svgs, expected_url,
                                 model_qr_paths, qr_pages, svg_modules)


@dataclass
class Built:
    """One build, read while its output was on disk."""

    name: str
    base_url: str
    out: Path
    expected: set[str]
    pages: list[QrPage]
    malformed: list[str]


def _gazette_site(root: Path) -> SiteFolder:
    site = SiteFolder(root)
    site.write("site.yaml", yaml.safe_dump(SITE_YAML, allow_unicode=True, sort_keys=False))
    site.write("content/orgs.yaml", yaml.safe_dump(ORGS, allow_unicode=True, sort_keys=False))
    for n in (1, 2, 3):
        site.write_item(n)
    site.write_item(5, disclosure_mode="依申请公开")
    write_gazette(site, first_year=2025)
    for n in (1, 2):
        folder = write_issue(site, 2025, n, f"2025-{n:02d}-20")
        write_article(site, folder, 1, "县政府文件正文。\n", issuer="xzf", doc_no=f"测政发〔2025〕{n}号")
    write_article(site, "content/gazette/2025/02", 2, title="测试县人民政府办公室关于第1项工作的通知",
                  item=f"{OFFICE_CODE}/2025-00001")
    special = write_issue(site, 2025, 1, "2025-03-25", special=True)
    write_article(site, special, 1, "增刊正文。\n")
    return site


def _read(name: str, root: Path, out: Path, base_url: str) -> Built:
    model, problems = load_and_validate(root, base_url)
    assert model is not None and not problems.has_errors()
    pages, malformed = qr_pages(out)
    return Built(name, base_url, out, model_qr_paths(model), pages, malformed)


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Built]:
    tmp = tmp_path_factory.mktemp("qr-pages")
    site = _gazette_site(tmp / "site")
    found: dict[str, Built] = {}
    assert build(site.root).ok
    found["gazette"] = _read("gazette", site.root, site.out, SITE_YAML["base_url"])
    # The same output rebuilt for a sub-path: an incremental build must redraw every code.
    assert build(site.root, base_url=SUB_PATH_BASE).ok
    found["gazette-sub"] = _read("gazette-sub", site.root, site.out, SUB_PATH_BASE)
    assert build(REPO, out=tmp / "demo").ok
    demo_base = yaml.safe_load((REPO / "site.yaml").read_text(encoding="utf-8"))["base_url"]
    found["demo"] = _read("demo", REPO, tmp / "demo", demo_base)
    cli = CliRunner().invoke(main, ["build", "--site", str(REPO), "--out", str(tmp / "demo-sub"), "--base-url", SUB_PATH_BASE, "-q"])
    assert cli.exit_code == 0, cli.output
    found["demo-sub"] = _read("demo-sub", REPO, tmp / "demo-sub", SUB_PATH_BASE)
    return found


@pytest.fixture(scope="module")
def browser():
    yield from chromium_browser()


NAMES = ["gazette", "gazette-sub", "demo", "demo-sub"]


def test_fixture_covers_every_page_type(builds) -> None:
    paths = builds["gazette-sub"].expected
    assert {"xxgk/xzfb/2025/00005.html", "zfgb/2025/01/index.html", "zfgb/2025/zk01/index.html",
            "zfgb/2025/02/2.html", "zfgb/2025/01/1.html"} <= paths


@pytest.mark.parametrize("name", NAMES)
def test_exactly_the_item_issue_and_article_pages_have_one_qr_block(builds, name: str) -> None:
    built = builds[name]
    assert built.malformed == []
    assert {p.path for p in built.pages} == built.expected
    assert len(built.expected) >= (7 if name.startswith("gazette") else 80)


@pytest.mark.parametrize("name", NAMES)
def test_each_qr_is_the_symbol_of_the_canonical_url_printed_beneath_it(builds, name: str) -> None:
    built = builds[name]
    wrong = []
    for page in built.pages:
        url = expected_url(built.base_url, page.path)
        rows, border = svg_modules(page.svg)
        if not (page.canonical == url == page.printed_url and rows == qr_matrix(url) and border >= 4):
            wrong.append(page.path)
    assert wrong == []
    if name.endswith("-sub"):
        assert all(p.canonical.startswith("https://www.example.gov.cn/county/xxgk/") for p in built.pages)


@pytest.mark.parametrize("name", NAMES)
def test_zxing_reads_every_qr_as_its_canonical_url(builds, browser, name: str) -> None:
    built = builds[name]
    page = browser.new_page()
    decoded = decode_svgs(page, [p.svg for p in built.pages])
    page.close()
    wrong = [(p.path, texts) for p, texts in zip(built.pages, decoded) if texts != [p.canonical]]
    assert wrong == []


def _sample(built: Built) -> list[QrPage]:
    """One page of each kind, plus the first and last pages."""
    kinds: dict[str, QrPage] = {}
    for p in built.pages:
        kind = "issue" if p.path.endswith("index.html") else "article" if p.path.startswith("zfgb/") else "item"
        kinds.setdefault(kind, p)
    return list(kinds.values()) + [built.pages[0], built.pages[-1]]


@pytest.mark.parametrize("name", ["gazette-sub", "demo", "demo-sub"])
def test_qr_on_the_rendered_page_scans_and_loads_nothing_from_elsewhere(builds, browser, name: str) -> None:
    built = builds[name]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    for sample in _sample(built):
        page.goto((built.out / sample.path).as_uri())
        figure = page.locator("figure.qr")
        img = page.get_by_role("img", name="本页二维码")
        assert figure.count() == 1 and img.count() == 1
        assert img.evaluate("e => e.closest('figure').className") == "qr"
        box = img.bounding_box()
        assert box and 100 <= box["width"] == box["height"] <= 160, "small on screen"
        assert decode_png(img.screenshot()) == [sample.canonical], sample.path
        caption = figure.locator("figcaption").inner_text()
        below = page.locator("figure.qr + p.page-url")
        assert caption == "手机扫码阅读本页" and below.inner_text() == f"本页网址：{sample.canonical}"
        gap = page.evaluate("() => document.querySelector('figure.qr + p.page-url').getBoundingClientRect().top"
                            " - document.querySelector('figure.qr svg').getBoundingClientRect().bottom")
        assert 0 < gap < 60, "the URL is printed right beneath the code"
    page.close()
    assert requests and all(u.startswith("file://") for u in requests), "no request leaves the site"
