"""Implausibly old dates (1899-01-01): a warning below ``options.earliest_date``
(default 1949-10-01), for items and for the gazette; an archive lowers the limit."""
from __future__ import annotations

import yaml

from govsite.pipeline.build import build
from tests.conftest import SITE_YAML, SiteFolder
from tests.content.problem_helpers import LINE, assert_clean, check, find, item, line_text, only
from tests.gazette.gazette_helpers import write_article, write_gazette, write_issue

F4 = item(4)


def _earliest(site: SiteFolder, value: str) -> None:
    config = {**SITE_YAML, "options": {"earliest_date": value}}
    site.write("site.yaml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))


def test_publish_and_written_dates_before_1949_10_01_warn(site: SiteFolder) -> None:
    site.write_item(4, publish_date="1899-01-01", written_date="1899-01-01")
    log = check(site)
    found = find(log, "W-DATE-EARLY")
    assert [(p.file, p.line, p.field, p.value) for p in found] == [
        (F4, LINE["written_date"], "written_date", "1899-01-01"), (F4, LINE["publish_date"], "publish_date", "1899-01-01")]
    assert line_text(site, found[1]) == "publish_date: '1899-01-01'"
    assert found[1].message() == ("日期 1899-01-01 早于 1949-10-01，可能录入有误；请核对。确有更早的文件（如历史公报）时，"
                                  "可在 site.yaml 的 options.earliest_date 中调低该界限")
    assert "lower options.earliest_date in site.yaml" in found[1].message("en")
    assert all(p.severity.value == "warning" for p in found)
    assert [p.code for p in log.errors] == []
    assert build(site.root, quick=True).ok  # a warning, not an error


def test_the_limit_itself_and_later_dates_are_fine(site: SiteFolder) -> None:
    site.write_item(4, publish_date="1949-10-01", written_date="1949-10-01")
    assert find(check(site), "W-DATE-EARLY") == []


def test_an_archive_lowers_the_limit(site: SiteFolder) -> None:
    _earliest(site, "1912-01-01")
    site.write_item(4, publish_date="1930-05-01", written_date="1930-04-28")
    site.write_item(5, publish_date="1911-12-31 09:00", written_date=None)
    p = only(check(site), "W-DATE-EARLY")
    assert (p.file, p.field, p.value, p.params["earliest"]) == (item(5), "publish_date", "1911-12-31", "1912-01-01")


def test_earliest_date_must_be_a_date(site: SiteFolder) -> None:
    _earliest(site, "1949")
    assert [p.field for p in check(site).errors] == ["options.earliest_date"]


def test_gazette_issue_and_article_dates(site: SiteFolder) -> None:
    write_gazette(site, first_year=1949, frequency="irregular")
    folder = write_issue(site, 1949, 1, "1899-01-01")
    write_article(site, folder, 1, body="正文。", written_date="1898-12-30")
    log = check(site)
    found = find(log, "W-DATE-EARLY")
    assert [(p.file, p.field, p.value) for p in found] == [
        (f"{folder}/1.md", "written_date", "1898-12-30"), (f"{folder}/issue.yaml", "date", "1899-01-01")]
    assert line_text(site, found[1]) == "date: '1899-01-01'"


def test_default_site_is_clean(site: SiteFolder) -> None:
    assert_clean(check(site))
