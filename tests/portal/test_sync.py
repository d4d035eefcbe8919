"""``govsite portal sync`` against real servers on 127.0.0.1 (issue 19 §3, "whether its
site answered at all at the last sync").

Three counties, each on its own HTTP server started here: 东城县 published with
``govsite publish`` into the folder its server serves (synced from its address through
rclone's http backend), 西岭县 served as its build output (same, read by its build
manifest), 南山县 published into a local folder (synced with rclone's local backend).
A sync makes each local copy byte-identical to what the county publishes; a second
sync fetches nothing; a stopped server, and one that dies after a few files, leave the
last good copy intact, and the portal's dashboard says the county did not answer and
which copy it shows.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

import pytest

from tests.conftest import tree
from tests.portal.portal_helpers import COUNTIES, build_county, govsite, write_portal
from tests.portal.sync_helpers import MemberServer, dying_handler
from tests.publish.publish_helpers import needs_rclone

pytestmark = needs_rclone

DONGCHENG, XILING, NANSHAN = COUNTIES


@dataclass
class Province:
    root: Path
    servers: dict[str, MemberServer]
    portal: Path

    def output(self, slug: str) -> Path:
        return self.root / "out" / slug

    def copy(self, slug: str) -> Path:
        return self.root / "synced" / slug

    def sync(self, *args: str):  # type: ignore[no-untyped-def]
        return govsite("portal", "sync", "--site", str(self.portal), *args)

    def ledger(self) -> dict:  # type: ignore[type-arg]
        return json.loads((self.portal / ".govsite-cache/portal-sync.json").read_text(encoding="utf-8"))["members"]

    def dashboard(self) -> tuple[str, str]:
        done = govsite("build", "--site", str(self.portal))
        assert done.returncode == 0, done.stdout + done.stderr
        return (self.portal / "output/portal/dashboard/index.html").read_text(encoding="utf-8"), done.stdout + done.stderr


def published_files(folder: Path) -> dict[str, bytes]:
    """What a county publishes: its output without govsite's own bookkeeping files."""
    return {p: b for p, b in tree(folder).items() if not p.split("/")[0].startswith(".govsite")}


def publish(slug: str, out: Path, target: Path) -> None:
    done = govsite("publish", "--site", str(out.parent.parent / "sources" / slug), "--out", str(out),
                   "--target", str(target))
    assert done.returncode == 0, done.stdout + done.stderr


def section(html: str, slug: str) -> str:
    start = html.index(f'id="status-{slug}"')
    return html[start: html.index("</section>", start)]


def shown(time: str) -> tuple[str, str]:
    """How the dashboard shows a ledger time: the <time> element's date and HH:MM."""
    when = datetime.fromisoformat(time)
    return f'<time datetime="{when:%Y-%m-%d}">{when.year}年{when.month}月{when.day}日</time>', f"{when:%H:%M}"


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Province]:
    root = tmp_path_factory.mktemp("sync")
    servers = {DONGCHENG.slug: MemberServer(root / "www-dongcheng"), XILING.slug: MemberServer(root / "out"),
               NANSHAN.slug: MemberServer(root / "targets")}
    (root / "www-dongcheng").mkdir()
    try:
        for county in COUNTIES:
            build_county(root / "sources", root / "out", servers[county.slug].origin, county)
        publish("dongcheng", root / "out/dongcheng", root / "www-dongcheng/dongcheng")
        publish("nanshan", root / "out/nanshan", root / "targets/nanshan")
        members = []
        for county in COUNTIES:
            origin = servers[county.slug].origin
            sync_from = str(root / "targets/nanshan") if county is NANSHAN else "base_url"
            members.append({"id": county.slug, "name": county.name, "base_url": f"{origin}/{county.slug}/",
                            "output": f"../synced/{county.slug}", "sync_from": sync_from})
        portal = write_portal(root / "portal-site", "http://127.0.0.1:9", members)
        yield Province(root, servers, portal)
    finally:
        for server in servers.values():
            server.stop()


def test_a_sync_makes_each_copy_byte_identical_to_what_the_county_publishes(province: Province) -> None:
    done = province.sync()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 个成员网站已同步，0 个没有应答" in done.stdout
    for county in COUNTIES:
        copy = province.copy(county.slug)
        assert published_files(copy) == published_files(province.output(county.slug)), county.slug
        assert sorted(p for p in tree(copy) if p.startswith(".govsite")) == [".govsite-manifest.json",
                                                                              ".govsite-synced.json"]
    # served as a build output, its manifest is the county's own, byte for byte
    assert (province.copy("xiling") / ".govsite-manifest.json").read_bytes() == \
        (province.output("xiling") / ".govsite-manifest.json").read_bytes()
    assert not list((province.root / "synced").glob(".*sync-*"))  # no staging or set-aside folder left
    ledger = province.ledger()
    html, said = province.dashboard()
    assert "W-PORTAL-SYNC" not in said and "W-PORTAL-MISSING" not in said
    for county in COUNTIES:
        entry = ledger[county.slug]["last"]
        assert entry["answered"] is True and entry["added"] > 50 and entry["error"] == ""
        day, hhmm = shown(entry["time"])
        assert f"上次同步时有应答（{day} {hhmm}）" in section(html, county.slug)


def test_a_second_sync_fetches_nothing(province: Province) -> None:
    before = {c.slug: (province.copy(c.slug) / "index.html").stat().st_ino for c in COUNTIES}
    done = province.sync()
    assert done.returncode == 0, done.stdout + done.stderr
    for county in COUNTIES:
        entry = province.ledger()[county.slug]["last"]
        assert (entry["added"], entry["changed"], entry["removed"]) == (0, 0, 0), county.slug
        assert f"{county.name}（{county.slug}）：已同步" in done.stdout
        # the unchanged files were linked from the last copy, not fetched again
        assert (province.copy(county.slug) / "index.html").stat().st_ino == before[county.slug]
        assert published_files(province.copy(county.slug)) == published_files(province.output(county.slug))


def test_a_county_that_stops_answering_keeps_its_copy_and_the_dashboard_says_so(province: Province) -> None:
    province.servers["dongcheng"].stop()
    done = province.sync()
    assert done.returncode == 1, done.stdout + done.stderr
    assert "东城县人民政府（dongcheng）：" in done.stderr and "同步时没有应答，保留上次的副本" in done.stderr
    assert "connection refused" in done.stderr
    assert "2 个成员网站已同步，1 个没有应答" in done.stdout
    assert published_files(province.copy("dongcheng")) == published_files(province.output("dongcheng"))
    record = province.ledger()["dongcheng"]
    assert record["last"]["answered"] is False and "connection refused" in record["last"]["error"]
    html, said = province.dashboard()
    failed_day, failed_hhmm = shown(record["last"]["time"])
    copy_day, copy_hhmm = shown(record["copy_of"])
    assert record["copy_of"] == record["history"][1]["time"]  # the copy of the last sync that answered
    dongcheng = section(html, "dongcheng")
    assert (f"上次同步时没有应答（{failed_day} {failed_hhmm}）：显示的是 {copy_day} {copy_hhmm} 同步的副本"
            in dongcheng)
    assert "connection refused" in dongcheng
    assert "东城县人民政府：正常" in dongcheng  # its copy is still read and judged
    assert "<strong>没有应答</strong>" in html
    assert "上次同步时有应答" in section(html, "xiling") and "上次同步时有应答" in section(html, "nanshan")
    assert "警告 W-PORTAL-SYNC-FAILED" in said and "成员网站 东城县人民政府：上次同步" in said


def test_a_county_that_dies_in_the_middle_of_a_transfer_leaves_the_good_copy(province: Province) -> None:
    old = published_files(province.output("xiling"))
    items = province.root / "sources/xiling/content/items/xzf/2026"
    text = next(items.glob("*.md")).read_text(encoding="utf-8")
    (items / "00009.md").write_text(text.replace("山林防火", "秋季森林防火").replace("-00002", "-00009"), encoding="utf-8")
    build_county(province.root / "sources", province.root / "out", province.servers["xiling"].origin, XILING)
    new = published_files(province.output("xiling"))
    assert new != old
    port = province.servers["xiling"].port
    province.servers["xiling"].stop()
    province.servers["xiling"] = MemberServer(province.root / "out", dying_handler(3), port=port)
    done = province.sync("--member", "xiling")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "西岭县人民政府（xiling）：" in done.stderr and "rclone 退出码" in done.stderr
    assert published_files(province.copy("xiling")) == old  # the last good copy, untouched
    assert not list((province.root / "synced").glob(".*sync-*"))
    html, _said = province.dashboard()
    assert "上次同步时没有应答" in section(html, "xiling")
    province.servers["xiling"].stop()
    province.servers["xiling"] = MemberServer(province.root / "out", port=port)
    done = province.sync("--member", "xiling")
    assert done.returncode == 0, done.stdout + done.stderr
    assert published_files(province.copy("xiling")) == new
    entry = province.ledger()["xiling"]["last"]
    assert entry["added"] >= 1 and entry["changed"] >= 1
    assert any("2026/00009" in p or "00009" in p for p in tree(province.copy("xiling")))


def test_mistakes_in_sync_from_are_all_reported_with_their_line(tmp_path: Path) -> None:
    members = [
        {"id": "a", "name": "甲县人民政府", "base_url": "http://127.0.0.1:9/a/", "output": "../a",
         "sync_from": ":s3,provider=Alibaba,access_key_id=LTAI5tAbCdEfGhIjKlMn,secret_access_key=xyz:bucket/xxgk"},
        {"id": "b", "name": "乙县人民政府", "base_url": "http://127.0.0.1:9/b/", "output": "../b",
         "sync_from": "bad name!:xxgk"},
        {"id": "c", "name": "丙县人民政府", "base_url": "http://127.0.0.1:9/c/", "output": "../c", "sync_from": "../c/www"},
    ]
    site = write_portal(tmp_path / "portal", "http://127.0.0.1:9", members)
    done = govsite("portal", "sync", "--site", str(site), "--member", "d")
    said = done.stderr
    assert done.returncode == 2, done.stdout + said
    text = (site / "site.yaml").read_text(encoding="utf-8").splitlines()
    line_of = {m["id"]: 1 + next(n for n, row in enumerate(text) if "sync_from" in row and n > next(
        k for k, r in enumerate(text) if f"id: {m['id']}" in r)) for m in members}
    assert (f"site.yaml:{line_of['a']}: 错误 E-PORTAL-SYNC-SECRET [portal.members.0.sync_from]: "
            "sync_from 的值 :s3,provider=***,access_key_id=***,secret_access_key=***:bucket/xxgk 含有连接参数 "
            "access_key_id、secret_access_key，不能写在 site.yaml 中") in said
    assert "LTAI5tAbCdEfGhIjKlMn" not in said and "xyz" not in said
    assert (f"site.yaml:{line_of['b']}: 错误 E-PORTAL-SYNC-FROM [portal.members.1.sync_from]: sync_from 的值 "
            "bad name!:xxgk 不能使用：远程名 bad name! 只能由字母、数字、_ - . + @ 和空格组成；允许：rclone 远程名:路径") in said
    assert f"site.yaml:{line_of['c']}: 错误 E-PORTAL-SYNC-FROM [portal.members.2.sync_from]" in said
    assert "与该成员网站的本地目录 output" in said
    assert "--member: 错误 E-PORTAL-SYNC-MEMBER [--member]: 没有编号为 d 的成员网站；允许的值：a, b, c" in said
    assert "共 4 个错误" in said
    assert not (site / ".govsite-cache/portal-sync.json").exists()


def test_a_member_never_synced_is_shown_as_such(tmp_path: Path) -> None:
    out = build_county(tmp_path / "sources", tmp_path / "www", "http://127.0.0.1:9", XILING)
    shutil.copytree(out, tmp_path / "synced/xiling")
    site = write_portal(tmp_path / "portal", "http://127.0.0.1:9", [
        {"id": "xiling", "name": XILING.name, "base_url": "http://127.0.0.1:9/xiling/", "output": "../synced/xiling",
         "sync_from": "base_url"}])
    done = govsite("build", "--site", str(site))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "警告 W-PORTAL-NEVER-SYNCED" in done.stdout + done.stderr
    html = (site / "output/portal/dashboard/index.html").read_text(encoding="utf-8")
    assert "从未同步（填写了同步来源，但还没有运行过 govsite portal sync）" in section(html, "xiling")


def test_without_rclone_no_member_is_recorded_as_not_answering(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = write_portal(tmp_path / "portal", "http://127.0.0.1:9", [
        {"id": "xiling", "name": XILING.name, "base_url": "http://127.0.0.1:9/xiling/", "output": "../synced/xiling",
         "sync_from": "base_url"}])
    monkeypatch.setenv("GOVSITE_RCLONE", "rclone-not-installed")
    done = govsite("portal", "sync", "--site", str(site))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "错误：找不到 rclone（rclone-not-installed）" in done.stderr
    assert not (site / ".govsite-cache/portal-sync.json").exists()
