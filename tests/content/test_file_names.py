"""File names that become URLs: ``#``, ``?``, ``%`` and control characters are refused
(E-FILENAME, naming the file); spaces and Chinese characters give working links."""
from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from govsite.pipeline.build import build
from govsite.cli import main
from govsite.base.safepath import url_breaking_chars
from tests.conftest import SiteFolder, default_item, item_text
from tests.content.problem_helpers import check, find, line_text, only
from tests.gazette.gazette_helpers import write_article, write_gazette, write_issue

BAD_ITEM = "content/items/xzfb/2025/q?x=1#y.md"


def write_item_at(site: SiteFolder, rel: str, n: int, **over: object) -> None:
    site.write(rel, item_text(**default_item(n, **over)))


@pytest.mark.parametrize("name, chars", [
    ("q?x=1#y.md", "? #"), ("a%20b.md", "%"), ("tab\there.md", "\\x09"), ("del\x7f.md", "\\x7f"),
    ("通知 一.md", ""), ("notice (2025)-v1_final.md", ""), ("a=b&c+d.md", ""),
])
def test_url_breaking_characters(name: str, chars: str) -> None:
    assert url_breaking_chars(name) == chars


def test_item_file_name_with_hash_and_question_mark_fails_check_and_build(site: SiteFolder) -> None:
    write_item_at(site, BAD_ITEM, 4)
    p = only(check(site), "E-FILENAME")
    assert (p.file, p.line, p.value) == (BAD_ITEM, None, BAD_ITEM)
    assert "# ? %" in p.message() and "? #" in p.message()  # what is refused, and what this name has
    assert "Chinese characters, letters, digits, spaces" in p.message("en")

    result = CliRunner().invoke(main, ["check", "--site", str(site.root), "--no-inspect"])
    assert result.exit_code == 1 and f"{BAD_ITEM}: 错误 E-FILENAME" in result.output, result.output
    result = CliRunner().invoke(main, ["build", "--site", str(site.root), "--no-search"])
    assert result.exit_code != 0 and f"{BAD_ITEM}: 错误 E-FILENAME" in result.output, result.output
    assert not (site.out / "xxgk/xzfb/2025").exists()


def test_build_refuses_the_file_and_writes_nothing(site: SiteFolder) -> None:
    write_item_at(site, BAD_ITEM, 4)
    result = build(site.root, quick=True)
    assert not result.ok
    assert [p.file for p in result.problems.errors] == [BAD_ITEM]
    assert not site.out.exists()


def test_a_bad_folder_is_reported_once(site: SiteFolder) -> None:
    for n in (4, 5):
        write_item_at(site, f"content/items/xzfb/2025#old/{n:05d}.md", n)
    p = only(check(site), "E-FILENAME")
    assert (p.file, p.value, p.params["chars"]) == ("content/items/xzfb/2025#old",) * 2 + ("#",)


@pytest.mark.parametrize("rel", ["content/pages/about%us.md", "content/gazette/2025/01/1?.md"])
def test_pages_and_gazette_files(site: SiteFolder, rel: str) -> None:
    write_gazette(site)
    folder = write_issue(site, 2025, 1, "2025-01-20")
    write_article(site, folder, 1, body="正文。")
    site.write(rel, "---\ntitle: 关于\nsection: 县政府文件\n---\n正文。\n")
    assert [p.file for p in find(check(site), "E-FILENAME")] == [rel]


def test_attachment_and_gazette_pdf_names(site: SiteFolder) -> None:
    site.write("content/attachments/方案#1.pdf", b"%PDF-1.4\n")
    site.write_item(4, attachments=[{"file": "attachments/方案#1.pdf", "title": "方案"}])
    write_gazette(site)
    site.write("content/gazette/2025/01/gb?.pdf", b"%PDF-1.4\n")
    write_issue(site, 2025, 1, "2025-01-20", pdf="gazette/2025/01/gb?.pdf")
    log = check(site)
    att = only(log, "E-FILENAME", "content/items/xzfb/2025/00004.md")
    assert (att.field, att.value, att.params["chars"]) == ("attachments.0.file", "attachments/方案#1.pdf", "#")
    assert line_text(site, att) == "- file: attachments/方案#1.pdf"
    pdf = only(log, "E-FILENAME", "content/gazette/2025/01/issue.yaml")
    assert (pdf.field, pdf.params["chars"]) == ("pdf", "?")
    assert line_text(site, pdf).startswith("pdf:")


def _target(page: str, href: str) -> str:
    """Output path a relative link on output page ``page`` leads to, decoded as a server would."""
    path = unquote(urlsplit(href).path)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return target + "/index.html" if href.endswith("/") else target


def test_spaces_and_chinese_characters_give_working_links(site: SiteFolder) -> None:
    rel = "content/items/xzfb/2025/通知 第4号.md"
    write_item_at(site, rel, 4, title="空格文件名的通知")
    site.write("content/pages/关于 我们.md", "---\ntitle: 关于我们\n---\n正文。\n")
    result = build(site.root, quick=True)
    assert result.ok, [p.format() for p in result.problems.items]
    out = site.out
    page_file = "xxgk/xzfb/2025/通知 第4号.html"
    assert (out / page_file).is_file()

    listing = "xxgk/gfxwj/index.html"
    html = (out / listing).read_text(encoding="utf-8")
    hrefs = [h for h in re.findall(r'href="([^"]+)"', html) if "2025/" in h and "%" in h]
    assert hrefs == ["../xzfb/2025/%E9%80%9A%E7%9F%A5%20%E7%AC%AC4%E5%8F%B7.html"]
    assert _target(listing, hrefs[0]) == page_file

    root = ET.parse(out / "sitemap.xml").getroot()
    locs = [e.text or "" for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    encoded = [loc for loc in locs if "%" in loc]
    assert "https://www.test.gov.cn/xxgk/xzfb/2025/%E9%80%9A%E7%9F%A5%20%E7%AC%AC4%E5%8F%B7.html" in encoded
    for loc in encoded:  # every percent-encoded address is a file of the output
        path = unquote(urlsplit(loc).path).lstrip("/")
        assert (out / (path + "index.html" if path.endswith("/") else path)).is_file(), loc
    assert any("%20" in loc and loc.endswith("/") for loc in encoded)  # the free page 关于 我们/
