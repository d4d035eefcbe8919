"""govsite new item|interpretation|gazette-issue|catalog-row: each writes complete, valid
files (govsite check passes) and the built site shows the new content."""
from __future__ import annotations

import textwrap

import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner

from govsite.cli import main
from tests.conftest import GOV_CODE, OFFICE_CODE, SiteFolder
from tests.gazette.gazette_helpers import write_gazette, write_issue

RUNNER = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return RUNNER.invoke(main, list(args))


def check_and_build(site: SiteFolder) -> None:
    check = run("check", "--site", str(site.root))
    assert check.exit_code == 0, check.output
    assert "错误" not in check.output.replace("共 0 个错误", ""), check.output
    build = run("build", "--site", str(site.root), "--quiet", "--no-search")
    assert build.exit_code == 0, build.output


def page(site: SiteFolder, rel: str) -> BeautifulSoup:
    return BeautifulSoup(site.read_out(rel), "html.parser")


def test_new_item(site: SiteFolder) -> None:
    result = run("new", "item", "--site", str(site.root), "--org", "xzf", "--column", "gfxwj",
                 "--title", "测试县人民政府关于开展安全检查的通知", "--date", "2026-05-06")
    assert result.exit_code == 0, result.output
    assert f"索引号 {GOV_CODE}/2026-00001" in result.output
    check_and_build(site)
    soup = page(site, "xxgk/xzf/2026/00001.html")
    assert soup.h1.get_text() == "测试县人民政府关于开展安全检查的通知"
    assert f"{GOV_CODE}/2026-00001" in soup.select_one(".metadata").get_text()


def test_new_interpretation_links_the_policy_both_ways(site: SiteFolder) -> None:
    policy = f"{OFFICE_CODE}/2025-00002"
    result = run("new", "interpretation", "--site", str(site.root), "--policy", policy, "--date", "2025-03-05")
    assert result.exit_code == 0, result.output
    path = site.root / "content/items/xzfb/2025/00004.md"
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert front["interprets"] == policy and front["genre"] == "解读" and front["columns"] == ["zcjd"]
    assert front["index_no"] == f"{OFFICE_CODE}/2025-00004"
    assert front["title"] == "《测试县人民政府办公室关于第2项工作的通知》政策解读"
    check_and_build(site)
    interp = page(site, "xxgk/xzfb/2025/00004.html").select_one(".related")
    assert "解读的文件：测试县人民政府办公室关于第2项工作的通知" in interp.get_text()
    assert interp.a["href"] == "00002.html"
    related = page(site, "xxgk/xzfb/2025/00002.html").select_one(".related")
    assert related.h3.get_text() == "政策解读"
    assert [a.get_text() for a in related.select("li a")] == [front["title"]]
    assert "00004.html" in page(site, "xxgk/zcjd/index.html").select_one("main").decode()


def test_new_interpretation_of_an_unknown_policy_is_refused(site: SiteFolder) -> None:
    result = run("new", "interpretation", "--site", str(site.root), "--policy", "NO/SUCH")
    assert result.exit_code != 0 and "引用的索引号 NO/SUCH 不存在" in result.output


def test_new_gazette_issue(site: SiteFolder) -> None:
    write_gazette(site)
    write_issue(site, 2025, 1, "2025-01-15", volume=1, cumulative_number=5)
    result = run("new", "gazette-issue", "--site", str(site.root), "--year", "2025", "--number", "2",
                 "--date", "2025-03-20", "--item", f"{OFFICE_CODE}/2025-00003", "--section", "县政府办公室文件")
    assert result.exit_code == 0, result.output
    issue = yaml.safe_load((site.root / "content/gazette/2025/02/issue.yaml").read_text(encoding="utf-8"))
    assert issue == {"year": 2025, "number": 2, "date": "2025-03-20", "volume": 1, "cumulative_number": 6}
    article = (site.root / "content/gazette/2025/02/1.md").read_text(encoding="utf-8")
    assert f"item: {OFFICE_CODE}/2025-00003" in article and article.endswith("---\n")
    check_and_build(site)
    toc = page(site, "zfgb/2025/02/index.html")
    assert "2025年第2期" in toc.h1.get_text() and "总第6期" in toc.get_text()
    assert "测试县人民政府办公室关于第3项工作的通知" in toc.select_one("main").get_text()
    text = page(site, "zfgb/2025/02/1.html").select_one("main").get_text()
    assert "正文内容。" in text  # the item's text, printed once
    again = run("new", "gazette-issue", "--site", str(site.root), "--year", "2025", "--number", "2")
    assert again.exit_code != 0 and "content/gazette/2025/02" in again.output


CATALOG = textwrap.dedent("""\
    # 社会救助领域基层政务公开标准目录（测试）
    id: shbz
    domain: 社会救助
    owner: xzf
    levels: [县级, 乡级]
    entries:
      - seq: 1
        item_l1: 救助政策
        item_l2: 政策文件
        content: 社会救助相关法规政策
        basis: 《社会救助暂行办法》
        time_limit: 制定或获取信息之日起20个工作日内
        subject: 测试县民政局
        channels: [政府网站]
        audience: [全社会]
        mode: [主动]
        level: [县级]
    """)


def test_new_catalog_row(site: SiteFolder) -> None:
    site.write("content/catalogs/shbz.yaml", CATALOG)
    result = run("new", "catalog-row", "--site", str(site.root), "--catalog", "shbz", "--stage", "服务",
                 "--item-l1", "办事服务", "--item-l2", "临时救助申请", "--content", "申请条件、所需材料、办理流程",
                 "--basis", "《社会救助暂行办法》", "--time-limit", "长期公开", "--channel", "政府网站",
                 "--channel", "其他", "--channels-other", "县政务服务网", "--level", "县级", "--level", "乡级")
    assert result.exit_code == 0, result.output
    assert "追加第 2 行" in result.output
    text = (site.root / "content/catalogs/shbz.yaml").read_text(encoding="utf-8")
    assert text.startswith(CATALOG)  # comments and the first row untouched
    entry = yaml.safe_load(text)["entries"][1]
    assert entry["seq"] == 2 and entry["subject"] == "测试县人民政府" and entry["channels"] == ["政府网站", "其他"]
    check_and_build(site)
    table = page(site, "xxgk/catalog/shbz/index.html").select_one("main").get_text()
    assert "临时救助申请" in table and "申请条件、所需材料、办理流程" in table and "县政务服务网" in table


def test_new_catalog_row_refuses_a_value_outside_the_vocabulary(site: SiteFolder) -> None:
    site.write("content/catalogs/shbz.yaml", CATALOG)
    result = run("new", "catalog-row", "--site", str(site.root), "--catalog", "shbz", "--item-l1", "a", "--item-l2", "b",
                 "--content", "c", "--basis", "d", "--time-limit", "e", "--channel", "广播")
    assert result.exit_code != 0
    assert "选项 --channel 的值 广播 不存在；可用的值：政府网站、政府公报" in result.output
    assert (site.root / "content/catalogs/shbz.yaml").read_text(encoding="utf-8") == CATALOG
