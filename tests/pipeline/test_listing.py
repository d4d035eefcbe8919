"""The input listing (govsite/pipeline/listing.py): a walk that ``stat``s the files a
folder held last time, by name, must see every change a full listing sees."""
from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

from govsite.pipeline import stamp
from govsite.pipeline.build import build
from govsite.pipeline.listing import LISTING_FILE, Walk
from tests.conftest import SiteFolder

ITEM = "content/items/xzfb/2025/00002.md"
PAGE = "xxgk/xzfb/2025/00002.html"


def age_all(root: Path, seconds: int = 60) -> None:
    """Every file and folder older than the racy window, so that the listing trusts the folders' times."""
    then = time.time() - seconds
    for dirpath, _dirs, names in os.walk(root, topdown=False):
        for name in names:
            os.utime(os.path.join(dirpath, name), (then, then))
        os.utime(dirpath, (then, then))


def trusted_folders(site: SiteFolder) -> set[str]:
    return {label for label, entry in Walk(site.root).old.items() if 0 <= entry[0] < entry[1] - 2_000_000_000}


def test_an_edit_in_place_is_seen_where_the_folder_keeps_its_time(site: SiteFolder) -> None:
    age_all(site.root)
    assert build(site.root, quick=True).ok
    assert "content/items/xzfb/2025" in trusted_folders(site), "the folder's names come from the listing"
    folder = (site.root / ITEM).parent
    kept = folder.stat().st_mtime_ns
    path = site.root / ITEM
    path.write_text(path.read_text(encoding="utf-8").replace("测政办发〔2025〕2号", "测政办发〔2025〕7号"),
                    encoding="utf-8")  # same size, written in place
    past = time.time() - 30
    os.utime(path, (past, past))
    assert folder.stat().st_mtime_ns == kept
    result = build(site.root, quick=True)
    assert result.ok and PAGE in result.written_paths
    assert "测政办发〔2025〕7号" in site.read_out(PAGE)


def test_a_file_added_or_removed_is_seen_from_its_folder(site: SiteFolder) -> None:
    age_all(site.root)
    assert build(site.root, quick=True).ok
    added = site.write_item(40, publish_date="2025-03-01 09:00")
    past = time.time() - 30
    os.utime(added, (past, past))
    result = build(site.root, quick=True)
    assert result.ok and "xxgk/xzfb/2025/00040.html" in result.written_paths
    age_all(site.root)
    assert build(site.root, quick=True).ok
    added.unlink()
    result = build(site.root, quick=True)  # its published URL would be gone: the ledger refuses
    assert [p.code for p in result.problems.errors] == ["E-URL-GONE"]
    assert "00040.html" in result.problems.errors[0].format("en")


def test_the_walk_with_a_listing_equals_a_walk_without(site: SiteFolder) -> None:
    """Same fingerprint, same folder digests and file times, from the stored listing or from scratch."""
    age_all(site.root)
    assert build(site.root, quick=True).ok
    (site.root / ITEM).write_bytes((site.root / ITEM).read_bytes() + "\n新的一段。\n".encode())
    past = time.time() - 30
    os.utime(site.root / ITEM, (past, past))
    found: list[tuple[str | None, dict[str, str], dict[str, tuple[int, int]]]] = []
    for _ in range(2):
        folders: dict[str, str] = {}
        files: dict[str, tuple[int, int]] = {}
        found.append((stamp.fingerprint(site.root, site.out, None, date(2026, 11, 20), folders, files), folders, files))
        (site.root / LISTING_FILE).unlink()
    assert found[0][0] is not None
    assert found[0] == found[1]
    assert found[0][2][ITEM][0] == (site.root / ITEM).stat().st_size


def test_no_listing_is_kept_for_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    stamp.fingerprint(tmp_path, tmp_path / "output", None, date(2026, 11, 20))
    assert not (tmp_path / ".govsite-cache").exists()
