"""``govsite import items`` refuses what the next build would refuse: a 原网址 that
cannot be an old path of the site (E-REDIRECT-PATH, the build's own rule) stops the
import before anything is written, with the file, line and record named."""
from __future__ import annotations

import pytest

from govsite.pipeline.build import build

from importer_helpers import HEADER_ZH, csv_text, jsonl_text, snapshot
from test_import_run import row


@pytest.mark.parametrize("url", ["javascript:alert(63)", "../../etc/passwd", "/xxgk/../../a.html",
                                 "http://old.test.gov.cn/a//b.html", "mailto:x@test.gov.cn"])
def test_unusable_legacy_url_fails_and_writes_nothing(importer, url: str) -> None:
    before = snapshot(importer.site.root)
    rows = [row(原网址="http://old.test.gov.cn/art/1.html"), row(标题="第二个通知", 原网址=url)]
    path = importer.file("export.csv", csv_text(HEADER_ZH, rows))
    assert importer.run(path) is False
    assert snapshot(importer.site.root) == before
    assert f"export.csv:3: 错误 E-REDIRECT-PATH [url]: {url} 不是本站可用的路径" in importer.err, importer.err
    assert "1 条记录" in importer.err and "IMPORT" not in importer.out


def test_jsonl_names_the_line_and_english_too(importer) -> None:
    records = [{"title": "通知", "publish_date": "2025-01-27", "issuer": "xzfb", "column": "gfxwj",
                "url": "javascript:alert(63)"}]
    path = importer.file("export.jsonl", jsonl_text(records))
    assert importer.run(path, lang="en") is False
    assert "export.jsonl:1: error E-REDIRECT-PATH [url]: javascript:alert(63) is not a usable path" in importer.err


def test_query_string_is_a_warning_as_in_the_build(importer) -> None:
    url = "http://old.test.gov.cn/art.jsp?id=7"
    path = importer.file("export.csv", csv_text(HEADER_ZH, [row(原网址=url)]))
    assert importer.run(path) is True
    assert f"export.csv:2: 警告 W-REDIRECT-QUERY [url]: 原网址 {url} 带有查询参数" in importer.err
    result = build(importer.site.root, quick=True)
    assert result.ok and [p.code for p in result.problems.warnings if p.code.startswith("W-REDIRECT")] == ["W-REDIRECT-QUERY"]


def test_accepted_legacy_urls_build(importer) -> None:
    rows = [row(原网址="http://old.test.gov.cn/art/2025/1/27/art_1.html"),
            row(标题="第二个通知", 原网址="/xxgk/旧 栏目/通知.html"),
            row(标题="第三个通知", 原网址="old/a.shtml#top")]
    path = importer.file("export.csv", csv_text(HEADER_ZH, rows))
    assert importer.run(path) is True, importer.err
    result = build(importer.site.root, quick=True)
    assert result.ok, [p.format() for p in result.problems.items]


def test_dates_before_earliest_date_are_warned_as_the_build_does(importer) -> None:
    path = importer.file("export.csv", csv_text(HEADER_ZH, [row(发布日期="1899/1/1", 成文日期="1898年12月30日")]))
    assert importer.run(path) is True
    assert "export.csv:2: 警告 W-DATE-EARLY [publish_date]: 日期 1899-01-01 早于 1949-10-01" in importer.err, importer.err
    assert "export.csv:2: 警告 W-DATE-EARLY [written_date]: 日期 1898-12-30 早于 1949-10-01" in importer.err
    result = build(importer.site.root, quick=True)
    assert result.ok and len([p for p in result.problems.warnings if p.code == "W-DATE-EARLY"]) == 2
