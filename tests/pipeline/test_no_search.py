"""``govsite build --no-search``: a quick build leaves the search index alone, and the
next full build brings exactly the stale shard up to date."""
from __future__ import annotations

from click.testing import CliRunner

from govsite.pipeline.build import build
from govsite.cli import main
from tests.conftest import SiteFolder, written_groups


def _edit(site: SiteFolder) -> None:
    path = site.root / "content/items/xzfb/2025/00002.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n快速预览时新增的一段。\n", encoding="utf-8")


def test_quick_build_keeps_the_index_and_the_next_build_catches_up(site: SiteFolder) -> None:
    assert build(site.root).ok
    _edit(site)
    quick = build(site.root, quick=True)
    assert quick.ok
    written = written_groups(quick.written_paths)
    assert written["pages"] == {"xxgk/xzfb/2025/00002.html"}
    assert written["search"] == {"govsite-shards.json"}, "only the record that y2025 is now stale"
    assert not [p for p in quick.deleted_paths if p.startswith("pagefind/")]
    assert "快速预览时新增的一段。" in site.read_out("xxgk/xzfb/2025/00002.html")

    full = build(site.root)
    assert full.ok
    assert written_groups(full.written_paths) == {"pages": set(), "feeds": set(), "data": set(),
                                                  "search": {"y2025", "govsite-shards.json"}, "report": set(),
                                                  "other": set()}
    again = build(site.root)
    assert (again.written, again.deleted) == (0, 0)


def test_no_search_flag(site: SiteFolder) -> None:
    first = CliRunner().invoke(main, ["build", "--site", str(site.root), "--quiet", "--no-search", "--lang", "en"])
    assert first.exit_code == 0, first.output
    assert not (site.out / "pagefind/pagefind.js").exists(), "a first quick build has no index to carry forward"
    second = CliRunner().invoke(main, ["build", "--site", str(site.root), "--quiet", "--lang", "en"])
    assert second.exit_code == 0, second.output
    assert (site.out / "pagefind/pagefind.js").is_file() and (site.out / "pagefind/text/y2025/pagefind-entry.json").is_file()
