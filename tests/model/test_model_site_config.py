"""site.yaml: footer identity items and base_url, reported with readable expected forms."""
from __future__ import annotations

import copy

import pytest
import yaml

from tests.conftest import SITE_YAML, SiteFolder
from tests.content.problem_helpers import assert_clean, check, codes, line_text, only


def _config(site: SiteFolder, **changes) -> dict:
    config = copy.deepcopy(SITE_YAML)
    for dotted, value in changes.items():
        target = config
        *parents, last = dotted.split("__")
        for key in parents:
            target = target.setdefault(key, {})
        target[last] = value
    site.write("site.yaml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    return config


# SITE_YAML dumped in order: name 1, base_url 2, footer 3, host 4, contact 5–8, site_id_code 9, icp 10, psb 11.

def test_bad_site_id_code(site: SiteFolder) -> None:
    _config(site, footer__site_id_code="12345")
    log = check(site)
    p = only(log, "E-PATTERN")
    assert (p.file, p.line, p.field, p.value) == ("site.yaml", 9, "footer.site_id_code", "12345")
    assert line_text(site, p) == "  site_id_code: '12345'"
    assert p.message() == "值 12345 格式不正确；应为10位数字或 bm+8位数字（网站标识码，如 3418020037）"
    assert p.format() == "site.yaml:9: 错误 E-PATTERN [footer.site_id_code]: " + p.message()
    assert p.message("en").startswith("value 12345 has the wrong format; expected ")
    assert codes(log) == ["E-PATTERN"]


@pytest.mark.parametrize("code", ["1234567890", "bm12345678"])
def test_good_site_id_codes(site: SiteFolder, code: str) -> None:
    _config(site, footer__site_id_code=code)
    assert_clean(check(site))


@pytest.mark.parametrize("code", ["123456789", "12345678901", "BM12345678", "bm1234567", "12345 67890"])
def test_other_bad_site_id_codes(site: SiteFolder, code: str) -> None:
    _config(site, footer__site_id_code=code)
    p = only(check(site), "E-PATTERN")
    assert (p.field, p.value) == ("footer.site_id_code", code)


def test_full_width_site_id_code_is_refused(site: SiteFolder) -> None:
    _config(site, footer__site_id_code="１２３４５６７８９０")
    p = only(check(site), "E-PATTERN")
    assert p.field == "footer.site_id_code"


def test_site_id_code_written_as_a_number(site: SiteFolder) -> None:
    """An unquoted 10-digit code is a YAML integer: the editor is told it must be text."""
    text = yaml.safe_dump(SITE_YAML, allow_unicode=True, sort_keys=False).replace("'9999990002'", "9999990002")
    site.write("site.yaml", text)
    p = only(check(site), "E-TYPE")
    assert (p.line, p.field, p.value) == (9, "footer.site_id_code", 9999990002)
    assert p.message() == "值 9999990002 类型错误，应为文本 / text"


@pytest.mark.parametrize("url", ["www.test.gov.cn", "ftp://www.test.gov.cn/", "https://", "/xxgk/", "test.gov.cn/xxgk"])
def test_bad_base_url(site: SiteFolder, url: str) -> None:
    _config(site, base_url=url)
    p = only(check(site), "E-PATTERN")
    assert (p.file, p.line, p.field, p.value) == ("site.yaml", 2, "base_url", url)
    assert line_text(site, p).startswith("base_url:")
    assert p.message() == (f"值 {url} 格式不正确；应为以 http:// 或 https:// 开头的完整网址"
                           "（可含子路径，如 https://www.example.gov.cn/xxgk/）")


@pytest.mark.parametrize("url", ["https://www.test.gov.cn", "http://www.test.gov.cn/xxgk/", "https://test.gov.cn/a/b"])
def test_good_base_urls(site: SiteFolder, url: str) -> None:
    _config(site, base_url=url)
    assert_clean(check(site))


def test_missing_footer_host(site: SiteFolder) -> None:
    config = copy.deepcopy(SITE_YAML)
    del config["footer"]["host"]
    site.write("site.yaml", yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    p = only(check(site), "E-MISSING")
    assert (p.file, p.field) == ("site.yaml", "footer.host")
    assert p.line == 3                                 # the footer: mapping, where host belongs
    assert p.message() == "缺少必填字段 footer.host"


def test_unknown_footer_field(site: SiteFolder) -> None:
    _config(site, footer__site_idcode="9999990002")
    log = check(site)
    p = only(log, "E-UNKNOWN-FIELD")
    assert (p.line, p.field) == (12, "footer.site_idcode")
    assert p.message().endswith("允许的字段：host、operator、contact、site_id_code、icp、psb")


@pytest.mark.parametrize("field, value", [("icp", "ICP备123号"), ("psb", "公网安备123")])
def test_bad_icp_and_psb_are_pattern_errors(site: SiteFolder, field: str, value: str) -> None:
    _config(site, **{f"footer__{field}": value})
    p = only(check(site), "E-PATTERN")
    assert (p.field, p.value) == (f"footer.{field}", value)
    assert p.line == (10 if field == "icp" else 11)


@pytest.mark.parametrize("field, value", [("icp", "ICP备123号"), ("psb", "公网安备123")])
def test_bad_icp_and_psb_messages_are_readable(site: SiteFolder, field: str, value: str) -> None:
    _config(site, **{f"footer__{field}": value})
    msg = only(check(site), "E-PATTERN").message()
    assert "\\d" not in msg and "^" not in msg


def test_bad_option_type(site: SiteFolder) -> None:
    _config(site, options__allow_html="yes please")
    p = only(check(site), "E-TYPE")
    assert (p.field, p.value) == ("options.allow_html", "yes please")
    assert p.message() == "值 yes please 类型错误，应为true 或 false"


def test_bad_column_id(site: SiteFolder) -> None:
    _config(site, columns=[{"id": "Tzgg", "title": "通知公告"}])
    p = only(check(site), "E-PATTERN")
    assert (p.field, p.value) == ("columns.0.id", "Tzgg")
    assert p.message().endswith("应为小写字母、数字和连字符组成的标识（如 xzfb）")


def test_duplicate_and_reserved_column_ids(site: SiteFolder) -> None:
    _config(site, columns=[{"id": "xxgkzn", "title": "指南"}, {"id": "gfxwj", "title": "文件"},
                           {"id": "gfxwj", "title": "又一个"}, {"id": "search", "title": "搜索"}])
    log = check(site)
    dups = sorted((p.value, p.params["other"]) for p in log.items if p.code == "E-DUP-ID")
    assert dups == [("gfxwj", "site.yaml")]
    reserved = [p for p in log.items if p.code == "E-RESERVED-ID"]
    assert [p.value for p in reserved] == ["search"]
    assert reserved[0].message() == "标识 search 与保留的网址路径冲突；不能使用：assets、catalog、files、page、search、theme、year"
