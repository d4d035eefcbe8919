"""The ColumnType meta tag of every default column (issue 17 §6): the class printed is
the one the column's content belongs to (DOMAIN §5.1 meta tags, §5.2 column classes),
checked on each column's page of a built site, column by column, against the table
below, not against the code that prints it."""
from __future__ import annotations

import re

import pytest

from govsite.pipeline.build import build
import yaml

from govsite.model.taxonomy import load_default_columns, walk_columns
from tests.conftest import ORGS, SITE_YAML, SiteFolder

EXPECTED = {
    "xxgkzn": "信息公开指南",
    "xxgkzd": "信息公开制度",
    "fdzdgknr": "法定主动公开内容",
    "gfxwj": "政策文件",       # 行政法规、规章和规范性文件
    "jgzn": "信息公开",        # 机关职能…: neither news, notices nor 人事/规划
    "ghxx": "人事规划",        # 规划 and 相关政策: 人事、规划计划类
    "tjxx": "政策文件",        # 统计信息 (统计公报, 公告): 通知公告、政策文件类, 6 months
    "xzxk": "政策文件",
    "xzcf": "政策文件",
    "czzj": "信息公开",        # 财政预算、决算: yearly, but neither 人事 nor 规划
    "sfxm": "信息公开",        # 收费项目及其依据、标准: likewise
    "zfcg": "政策文件",
    "zdjsxm": "政策文件",
    "msbz": "政策文件",
    "yjgl": "政策文件",
    "jdjc": "政策文件",
    "gwyzk": "人事规划",       # 公务员招考: 人事
    "qtxx": "信息公开",
    "xxgknb": "信息公开年报",
    "ysqgk": "依申请公开",
    "zcjd": "政策解读",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> SiteFolder:  # type: ignore[no-untyped-def]
    folder = SiteFolder(tmp_path_factory.mktemp("types") / "site")
    folder.write("site.yaml", yaml.safe_dump(SITE_YAML, allow_unicode=True, sort_keys=False))
    folder.write("content/orgs.yaml", yaml.safe_dump(ORGS, allow_unicode=True, sort_keys=False))
    folder.write_item(1)
    assert build(folder.root, quick=True).ok
    return folder


def test_the_table_covers_every_default_column() -> None:
    assert {c.id for c, _ in walk_columns(load_default_columns())} == set(EXPECTED)


@pytest.mark.parametrize("column", sorted(EXPECTED))
def test_column_type_meta(built: SiteFolder, column: str) -> None:
    page = built.out / "xxgk" / column / "index.html"
    html = page.read_text(encoding="utf-8")
    found = re.findall(r'<meta name="ColumnType" content="([^"]*)">', html)
    assert found == [EXPECTED[column]], (column, found)
