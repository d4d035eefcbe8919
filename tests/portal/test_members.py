"""Reading members (成员网站): a missing member, a corrupt manifest, a malformed data
file, and mistakes in the ``portal:`` section. A member's problem is a warning that
names the file, the field, the value and what was expected, and the portal is still
built; the section's own mistakes are errors of site.yaml with their line, all of
them reported in one run."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.portal.portal_helpers import COUNTIES, build_county, govsite, write_portal

ORIGIN = "http://127.0.0.1:9"


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One county's published output (东城县), built once; tests copy it."""
    root = tmp_path_factory.mktemp("member")
    return build_county(root / "sources", root / "www", ORIGIN, COUNTIES[0])


def portal_with(tmp_path: Path, output: str, **member: object) -> Path:
    entry = {"id": "dongcheng", "name": "东城县人民政府", "base_url": f"{ORIGIN}/dongcheng/", "output": output, **member}
    return write_portal(tmp_path / "portal", ORIGIN, [entry])


def build(site: Path, *more: str):  # type: ignore[no-untyped-def]
    return govsite("build", "--site", str(site), *more)


def test_a_missing_member_is_a_warning_and_the_portal_is_built(tmp_path: Path) -> None:
    site = portal_with(tmp_path, "../synced/dongcheng")
    done = build(site)
    assert done.returncode == 0, done.stdout + done.stderr
    assert ("../synced/dongcheng: 警告 W-PORTAL-MISSING: 成员网站 东城县人民政府：找不到其已发布的输出 ../synced/dongcheng"
            in done.stdout + done.stderr)
    dashboard = (site / "output/portal/dashboard/index.html").read_text(encoding="utf-8")
    assert "东城县人民政府：无法读取" in dashboard
    assert "未能读取：../synced/dongcheng: 警告 W-PORTAL-MISSING" in dashboard


def test_a_corrupt_manifest_names_the_file_and_the_field(tmp_path: Path, county: Path) -> None:
    copy = tmp_path / "synced/dongcheng"
    shutil.copytree(county, copy)
    (copy / ".govsite-manifest.json").write_text('{"generator": "hugo", "files": {}}', encoding="utf-8")
    site = portal_with(tmp_path, "../synced/dongcheng")
    done = build(site)
    said = done.stdout + done.stderr
    assert done.returncode == 0, said
    assert ("../synced/dongcheng/.govsite-manifest.json: 警告 W-PORTAL-UNREADABLE [generator]: 成员网站 东城县人民政府："
            "文件不能使用，字段 generator 的值为 hugo，应为“govsite”（该目录须是 govsite 构建的完整输出）") in said
    (copy / ".govsite-manifest.json").write_text('{"generator": "govsite", "files": {', encoding="utf-8")
    done = build(site)
    said = done.stdout + done.stderr
    assert "../synced/dongcheng/.govsite-manifest.json: 警告 W-PORTAL-UNREADABLE [(file)]" in said
    assert "应为JSON 格式" in said


def test_a_malformed_item_record_names_its_field(tmp_path: Path, county: Path) -> None:
    copy = tmp_path / "synced/dongcheng"
    shutil.copytree(county, copy)
    data = copy / "data/items-2026.json"
    records = json.loads(data.read_text(encoding="utf-8"))
    records["items"][1]["publish_date"] = "2026-13-05"
    data.unlink()  # the build hard-links unchanged files: never write through a link into the county's output
    data.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    done = build(portal_with(tmp_path, "../synced/dongcheng"))
    assert done.returncode == 0
    assert ("../synced/dongcheng/data/items-2026.json: 警告 W-PORTAL-UNREADABLE [items.1.publish_date]: "
            "成员网站 东城县人民政府：文件不能使用，字段 items.1.publish_date 的值为 2026-13-05，"
            "应为日期 YYYY-MM-DD 或 YYYY-MM-DD HH:MM") in done.stdout + done.stderr


def test_mistakes_in_the_portal_section_are_all_reported_with_their_line(tmp_path: Path) -> None:
    members = [
        {"id": "a", "name": "甲县人民政府", "base_url": f"{ORIGIN}/a/", "output": "../a"},
        {"id": "a", "name": "乙县人民政府", "base_url": f"{ORIGIN}/b/", "output": "../b"},
        {"id": "c", "name": "丙县人民政府", "base_url": f"{ORIGIN}/c/", "merged_into": "zz"},
        {"id": "d", "name": "丁县人民政府", "base_url": f"{ORIGIN}/d/"},
    ]
    site = write_portal(tmp_path / "portal", ORIGIN, members)
    lines = (site / "site.yaml").read_text(encoding="utf-8").splitlines()
    done = build(site)
    said = done.stdout + done.stderr
    assert done.returncode == 1
    second_id = [n for n, line in enumerate(lines, 1) if line.strip() == "- id: a"][1]
    assert f"site.yaml:{second_id}: 错误 E-PORTAL-MEMBER-DUP [portal.members.1.id]: 成员网站编号 a 重复" in said
    merged = next(n for n, line in enumerate(lines, 1) if "merged_into" in line)
    assert f"site.yaml:{merged}: 错误 E-PORTAL-MERGED-INTO [portal.members.2.merged_into]: merged_into 的值 zz 不是另一个成员网站的 id；允许的值：a, a, d" in said
    assert "错误 E-PORTAL-OUTPUT [portal.members.3.output]: 成员网站 d 未填写 output" in said
    assert not (site / "output").exists()


def test_a_bad_member_address_is_a_site_yaml_error(tmp_path: Path) -> None:
    site = write_portal(tmp_path / "portal", ORIGIN, [{"id": "a", "name": "甲县", "base_url": "ftp://a/", "output": "../a"}])
    done = build(site)
    said = done.stdout + done.stderr
    assert done.returncode == 1
    assert "portal.members.0.base_url" in said and "ftp://a/" in said
