"""Placeholders left by ``govsite init`` (issue 17 §3): each one a finding on its site.yaml
line and field that says what to fill in; warnings, and errors with ``--strict``."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from govsite.pipeline.pages import load_and_validate
from govsite.cli import main
from govsite.importer.orgs import placeholder_code
from govsite.inspect.placeholders import is_placeholder, org_code_placeholder, placeholders
from govsite.problems import ProblemLog
from tests.conftest import REPO, SiteFolder
from tests.inspect.inspect_helpers import run

FIELDS = ["base_url", "footer.contact.phone", "footer.contact.email", "footer.contact.address",
          "footer.site_id_code", "footer.icp", "footer.psb"]


def _init(tmp_path: Path) -> Path:
    target = tmp_path / "new"
    assert CliRunner().invoke(main, ["init", str(target)]).exit_code == 0
    return target


def _check(target: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["check", "--site", str(target), *args])


def test_a_new_site_is_told_each_placeholder_with_its_line_field_and_real_form(tmp_path: Path) -> None:
    target = _init(tmp_path)
    result = _check(target)
    assert result.exit_code == 0, result.output  # warnings without --strict
    lines = [ln for ln in result.output.splitlines() if "W-PLACEHOLDER" in ln]
    text = (target / "site.yaml").read_text(encoding="utf-8").splitlines()
    site_lines = [ln for ln in lines if ln.startswith("site.yaml:")]
    assert [ln.split(" [")[1].split("]")[0] for ln in site_lines] == FIELDS
    for ln in site_lines:  # each on the line that holds its value
        number = int(ln.split(":")[1])
        assert text[number - 1].strip().split(":")[0] == ln.split(" [")[1].split("]")[0].rsplit(".", 1)[-1]
    assert ("site.yaml:11: 警告 W-PLACEHOLDER [footer.site_id_code]: 网站标识码仍是 govsite init 写入的占位值 "
            "0000000000，发布后会原样显示在网站上；请填写网站标识码：全国政府网站基本信息数据库为本网站分配的 10 位数字"
            "（前 6 位为行政区划代码），中央部门为 bm 加 8 位数字") in lines
    assert any(ln.startswith("site.yaml:12: 警告 W-PLACEHOLDER [footer.icp]: ICP备案号仍是 govsite init 写入的占位值 "
                             "京ICP备00000000号") and "beian.miit.gov.cn" in ln for ln in lines)
    assert any("[footer.contact.address]: 通讯地址仍是 govsite init 写入的占位值 请填写通讯地址" in ln for ln in lines)
    assert any(ln.startswith("content/orgs.yaml:5: 警告 W-PLACEHOLDER [0.code]: 统一社会信用代码仍是") for ln in lines)
    assert "== 网站标识（11）" in result.output  # and the 指南 page's two fill-in lines, and the first item's 索引号
    # An index number is given once: it keeps a placeholder code after orgs.yaml is corrected.
    assert any(ln.startswith("content/items/gov/") and ":2: 警告 W-PLACEHOLDER [index_no]: 索引号仍是 govsite init 写入的占位值 "
               "11000000000000000U/" in ln and "索引号不会自动改变" in ln for ln in lines), lines


def test_strict_makes_placeholders_errors_in_text_json_and_english(tmp_path: Path) -> None:
    target = _init(tmp_path)
    strict = _check(target, "--strict")
    assert strict.exit_code == 1
    errors = [ln for ln in strict.output.splitlines() if " 错误 E-PLACEHOLDER " in ln]
    assert len(errors) == 11 and "W-PLACEHOLDER" not in strict.output
    assert strict.output.splitlines()[-1].startswith("共 11 个错误，")
    data = json.loads(_check(target, "--strict", "--format", "json").output)
    icp = next(p for p in data["problems"] if p["field"] == "footer.icp")
    assert (icp["code"], icp["severity"], icp["line"], icp["value"], icp["family"]) == (
        "E-PLACEHOLDER", "error", 12, "京ICP备00000000号", "footer")
    assert data["errors"] == 11
    english = _check(target, "--strict", "--lang", "en").output
    assert ("site.yaml:13: error E-PLACEHOLDER [footer.psb]: the police record number (公安机关备案号) is still the "
            "placeholder 京公网安备 00000000000000号 written by govsite init and would be published as is; fill it "
            "in: the number of the public security record system (beian.gov.cn)") in english


def test_filled_in_values_raise_nothing(site: SiteFolder) -> None:
    """The test site's values are fictional but not placeholders: 9999990002, 测ICP备00000002号-1…"""
    result = run(site, "--strict")
    assert "PLACEHOLDER" not in result.output
    site.write("site.yaml", (site.root / "site.yaml").read_text(encoding="utf-8")
               .replace("9999990002", "0000000000").replace("xxgk@test.gov.cn", "a@b.example"))
    fields = [ln.split(" [")[1].split("]")[0] for ln in run(site).output.splitlines() if "W-PLACEHOLDER" in ln]
    assert fields == ["footer.contact.email", "footer.site_id_code"]


def test_the_demo_site_has_no_placeholder() -> None:
    model, _problems = load_and_validate(REPO)
    log = ProblemLog()
    placeholders(model, date(2026, 11, 20), log)
    assert log.items == []


def test_what_counts_as_a_placeholder() -> None:
    assert is_placeholder("base_url", "https://www.example.gov.cn/xxgk/")
    assert is_placeholder("email", "xxgk@EXAMPLE.com") and is_placeholder("url", "http://a.example:8080/")
    assert not is_placeholder("base_url", "https://www.shilixian.gov.test/")
    assert not is_placeholder("email", "a@notexample.gov.cn") and not is_placeholder("base_url", "https://example.gov.cn.x.cn/")
    assert is_placeholder("address", "  请填写通讯地址") and not is_placeholder("address", "示例县示例路1号")
    assert is_placeholder("icp", "京ICP备00000000号") and not is_placeholder("icp", "示ICP备00000001号-1")
    assert is_placeholder("site_id_code", "bm00000000") and not is_placeholder("name", "0000")


def test_the_placeholder_code_of_an_organization_import_created_is_reported(tmp_path: Path) -> None:
    """``govsite import items --create-orgs`` gives each new organization a placeholder
    统一社会信用代码 (region 000000) and asks for the real one; check must not let it out."""
    target = _init(tmp_path)
    export = tmp_path / "export.csv"
    export.write_text("标题,发布机构,发布日期\n关于春季森林防火的通知,示例县财政局,2024-03-05\n", encoding="utf-8")
    imported = CliRunner().invoke(main, ["import", "items", str(export), "--site", str(target), "--create-orgs",
                                         "--column-default", "qtxx"])
    assert imported.exit_code == 0, imported.output
    code = next(ln.split("code: ")[1].strip("'\" ") for ln in (target / "content/orgs.yaml").read_text(
        encoding="utf-8").splitlines()[-4:] if "code:" in ln)
    assert code[2:8] == "000000"
    lines = [ln for ln in _check(target).output.splitlines() if "W-PLACEHOLDER [1.code]" in ln]
    assert len(lines) == 1 and lines[0].startswith("content/orgs.yaml:")
    assert f"统一社会信用代码仍是 govsite import 写入的占位值 {code}，" in lines[0]
    init_line = next(ln for ln in _check(target).output.splitlines() if "W-PLACEHOLDER [0.code]" in ln)
    assert "仍是 govsite init 写入的占位值 11000000000000000U" in init_line
    strict = _check(target, "--strict", "--lang", "en")
    assert strict.exit_code == 1
    assert any(" error E-PLACEHOLDER [1.code]: " in ln and f"placeholder {code} written by govsite import" in ln
               for ln in strict.output.splitlines())


def test_what_counts_as_a_placeholder_org_code() -> None:
    assert org_code_placeholder("11000000000000000U") == "govsite init"
    assert org_code_placeholder(placeholder_code("示例县财政局")) == "govsite import"
    assert org_code_placeholder("11999921014372155A") is None  # the demo's codes
    assert org_code_placeholder("12340000MB1234567A") is None and org_code_placeholder("000000") is None


def test_fill_in_text_left_in_a_page_or_an_item_is_a_placeholder(tmp_path: Path) -> None:
    """The 指南 page init writes and the body of ``govsite new item`` are fill-in text
    that would be published as the document (walk of the first day)."""
    target = _init(tmp_path)
    made = CliRunner().invoke(main, ["new", "item", "--site", str(target), "--org", "gov", "--column", "qtxx",
                                     "--title", "关于示例事项的通知"])
    assert made.exit_code == 0, made.output
    item = next(p for p in (target / "content/items/gov").rglob("*.md") if "关于示例事项的通知" in p.read_text(encoding="utf-8"))
    rel = item.relative_to(target).as_posix()
    item_line = item.read_text(encoding="utf-8").splitlines().index("在此填写正文。") + 1
    guide = (target / "content/pages/zhinan.md").read_text(encoding="utf-8").splitlines()
    lines = [ln for ln in _check(target).output.splitlines() if "[body]" in ln]
    assert lines == [f"{rel}:{item_line}: 警告 W-PLACEHOLDER [body]: 正文仍是 govsite new item 写入的占位值 在此填写正文。，"
                     "发布后会原样显示在网站上；请填写正文：本文件的正文"] + [
        f"content/pages/zhinan.md:{guide.index(g) + 1}: 警告 W-PLACEHOLDER [body]: 正文仍是 govsite init 写入的占位值 {g}，"
        "发布后会原样显示在网站上；请填写正文：本文件的正文" for g in guide if g.startswith("请在此填写")]
    assert len(lines) == 3
    strict = _check(target, "--strict")
    assert strict.exit_code == 1 and sum(" 错误 E-PLACEHOLDER [body]" in ln for ln in strict.output.splitlines()) == 3
    item.write_text(item.read_text(encoding="utf-8").replace("在此填写正文。", "本机关决定开展示例工作。"), encoding="utf-8")
    assert sum("[body]" in ln for ln in _check(target).output.splitlines()) == 2


def test_an_imported_image_without_a_description_is_a_placeholder(site: SiteFolder) -> None:
    """The importer no longer invents 图片1 for an image the export gave no alt: it writes
    the fill-in 请填写图片说明, which check names on its line (walk of the first day)."""
    from govsite.fill_in import IMAGE_ALT
    from govsite.importer.html2md import html_to_markdown

    body = html_to_markdown('<p>收支情况如下：</p><p><img src="http://old.example-county.test/a.png"></p>')
    assert f"![{IMAGE_ALT}](http://old.example-county.test/a.png)" in body and "图片1" not in body
    path = site.write_item(2, body=body)
    rel = path.relative_to(site.root).as_posix()
    line = next(n for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if IMAGE_ALT in ln)
    found = [ln for ln in run(site).output.splitlines() if "W-PLACEHOLDER [body]" in ln]
    assert found == [f"{rel}:{line}: 警告 W-PLACEHOLDER [body]: 图片说明仍是 govsite import 写入的占位值 "
                     f"![{IMAGE_ALT}](http://old.example-county.test/a.png)，发布后会原样显示在网站上；请填写图片说明："
                     "说明图片内容的文字，供读屏软件朗读，如 ![2024年财政收支对比图](地址)"]
