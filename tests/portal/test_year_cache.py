"""The portal's per-year cache (issue 19 §3, "the portal build reads only manifests and
summaries"): a rebuild opens only the year files whose SHA-256 in the member's
``data/manifest.json`` changed; the cache lives in the portal's own ``.govsite-cache/``,
never in a member's folder."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from govsite.portal.published import read_member
from govsite.portal.yearcache import YearCache
from tests.conftest import tree
from tests.portal.portal_helpers import COUNTIES, build_county, govsite, write_portal

ORIGIN = "http://127.0.0.1:9"
TWO_YEARS = replace(COUNTIES[1], items=COUNTIES[1].items + (
    ("czj", "西岭县财政局关于二〇二五年县级决算的公告", "2025-08-01 09:00", "czzj", "8"),))
"""西岭县 with an item of 2025 beside its two of 2026: two year files."""


def sync(out: Path, copy: Path) -> None:
    """What ``govsite portal sync`` leaves: a copy of the county's output (new files, never written through)."""
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(out, copy)


def test_a_rebuild_reads_only_the_changed_year(tmp_path: Path) -> None:
    out = build_county(tmp_path / "sources", tmp_path / "www", ORIGIN, TWO_YEARS)
    copy = tmp_path / "synced/xiling"
    sync(out, copy)
    portal = write_portal(tmp_path / "portal", ORIGIN, [
        {"id": "xiling", "name": TWO_YEARS.name, "base_url": f"{ORIGIN}/xiling/", "output": "../synced/xiling"}])
    member_files = tree(copy)

    cold = YearCache(portal)
    first = read_member(copy, cold)
    assert sorted(cold.read) == [f"{ORIGIN}/xiling/data/items-2025.json", f"{ORIGIN}/xiling/data/items-2026.json"]
    assert len(list((portal / ".govsite-cache/portal-years").glob("*.pickle"))) == 2

    warm = YearCache(portal)
    again = read_member(copy, warm)
    assert warm.read == []
    assert again.items == first.items and again.by_column.keys() == first.by_column.keys()
    assert tree(copy) == member_files  # nothing was written into the member's folder

    # the county changes one item of 2026 and rebuilds: only that year is read again
    renamed = replace(TWO_YEARS, items=tuple((org, title.replace("山林防火", "森林草原防火"), when, col, theme)
                                             for org, title, when, col, theme in TWO_YEARS.items))
    build_county(tmp_path / "sources", tmp_path / "www", ORIGIN, renamed)
    sync(out, copy)
    changed = YearCache(portal)
    member = read_member(copy, changed)
    assert changed.read == [f"{ORIGIN}/xiling/data/items-2026.json"]
    assert "西岭县人民政府关于森林草原防火的通告" in [it.title for it in member.items]
    assert "西岭县财政局关于二〇二五年县级决算的公告" in [it.title for it in member.items]

    # the unchanged year is never opened: made unreadable, the portal's build still shows its item
    (copy / "data/items-2025.json").write_text("not JSON any more", encoding="utf-8")
    done = govsite("build", "--site", str(portal))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "W-PORTAL-UNREADABLE" not in done.stdout + done.stderr
    column = (portal / "output/portal/columns/czzj/index.html").read_text(encoding="utf-8")
    assert "<td>2</td>" in column  # 西岭县's 财政预算、决算信息: one item of 2026, one of 2025
    # the old digest of 2026 is no longer named by the member: its entry was removed
    assert len(list((portal / ".govsite-cache/portal-years").glob("*.pickle"))) == 2
