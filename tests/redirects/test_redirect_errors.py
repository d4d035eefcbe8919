"""Bad redirects are reported with file, line and field by ``govsite check``, and a
build refuses them without touching the output or urls.txt."""
from __future__ import annotations

from click.testing import CliRunner

from govsite.pipeline.build import build
from govsite.pipeline.pages import check_site
from govsite.cli import main
from tests.conftest import SiteFolder
from tests.redirects.redirect_helpers import build_ok, codes, idx


def test_target_that_does_not_exist(site: SiteFolder) -> None:
    site.write("redirects.yaml", "# moved pages\n"
                                 "old/a.html: xxgk/xzfb/2025/00001.html\n"
                                 "old/b.html: xxgk/nowhere.html\n"
                                 f"old/c.html: {idx(99)}\n"
                                 "old/d.html: https://elsewhere.gov.cn/a.html\n"
                                 "old/e.html: old/b.html\n")  # a chain ending nowhere is reported where it ends
    assert codes(site) == [
        ("E-REDIRECT-TARGET", "redirects.yaml", 3, "old/b.html", "xxgk/nowhere.html"),
        ("E-REDIRECT-TARGET", "redirects.yaml", 4, "old/c.html", idx(99)),
        ("E-REDIRECT-TARGET", "redirects.yaml", 5, "old/d.html", "https://elsewhere.gov.cn/a.html"),
    ]


def test_old_path_that_is_a_live_page(site: SiteFolder) -> None:
    site.write("redirects.yaml", "xxgk/xzfb/2025/00001.html: xxgk/gfxwj/\n"
                                 "/xxgk/gfxwj: xxgk/xxgkzn/\n"  # the folder of a live listing
                                 "xxgk/xzfb/2025/00002.html/x.html: xxgk/gfxwj/\n"  # under a live file
                                 "assets/style.css: xxgk/gfxwj/\n"
                                 "xxgk/xzfb/2025/00003.html: ~\n")
    found = codes(site)
    assert [c[:4] for c in found] == [
        ("E-REDIRECT-LIVE", "redirects.yaml", 1, "xxgk/xzfb/2025/00001.html"),
        ("E-REDIRECT-LIVE", "redirects.yaml", 2, "/xxgk/gfxwj"),
        ("E-REDIRECT-LIVE", "redirects.yaml", 3, "xxgk/xzfb/2025/00002.html/x.html"),
        ("E-REDIRECT-LIVE", "redirects.yaml", 4, "assets/style.css"),
        ("E-REDIRECT-LIVE", "redirects.yaml", 5, "xxgk/xzfb/2025/00003.html"),
    ]
    [problem] = [p for p in check_site(site.root).items if p.line == 3]
    assert "/xxgk/xzfb/2025/00002.html" in problem.message("en")  # names the live file it collides with
    assert not any(p.code == "E-URL-CLASH" for p in build(site.root).problems.items)  # reported once


def test_previous_url_that_is_a_live_page_points_at_the_item_field(site: SiteFolder) -> None:
    path = site.write_item(4, previous_urls=["/xxgk/zhen/2024/00001.html", "xxgk/xzfb/2025/00001.html"])
    [(code, file, line, field, value)] = codes(site)
    assert (code, file, field, value) == ("E-REDIRECT-LIVE", "content/items/xzfb/2025/00004.md", "previous_urls.1",
                                          "/xxgk/xzfb/2025/00001.html")
    assert "xxgk/xzfb/2025/00001.html" in path.read_text(encoding="utf-8").splitlines()[line - 1]


def test_loops(site: SiteFolder) -> None:
    site.write("redirects.yaml", "a.html: b.html\nb.html: /a.html\nself/: self/\nc.html: a.html\n")
    found = codes(site)
    assert [c[:4] for c in found] == [
        ("E-REDIRECT-LOOP", "redirects.yaml", 1, "a.html"),
        ("E-REDIRECT-LOOP", "redirects.yaml", 2, "b.html"),
        ("E-REDIRECT-LOOP", "redirects.yaml", 3, "self/"),
        ("E-REDIRECT-LOOP", "redirects.yaml", 4, "c.html"),
    ]
    [first] = [p for p in check_site(site.root).items if p.line == 1]
    assert "/a.html → /b.html → /a.html" in first.message("en")


def test_one_old_path_with_two_targets(site: SiteFolder) -> None:
    site.write("redirects.yaml", "/xxgk/zhen/2024/00001.html: xxgk/gfxwj/\nold.html: xxgk/gfxwj/\n/old.html: xxgk/gfxwj/\n")
    site.write_item(4, previous_urls=["xxgk/zhen/2024/00001.html"])
    [(code, file, line, field, value)] = codes(site)
    assert (code, file, field, value) == ("E-REDIRECT-DUP", "content/items/xzfb/2025/00004.md", "previous_urls.0",
                                          "/xxgk/zhen/2024/00001.html")
    [problem] = [p for p in check_site(site.root).items]
    assert "redirects.yaml:1" in problem.message("en")  # where the first one is


def test_unusable_paths_and_query_strings(site: SiteFolder) -> None:
    site.write("redirects.yaml", "../up.html: xxgk/gfxwj/\n"
                                 "a//b.html: xxgk/gfxwj/\n"
                                 "/show.asp?id=3: xxgk/gfxwj/\n"
                                 "ok.html: xxgk/gfxwj/?page=2\n"
                                 "mail.html: mailto:xxgk@test.gov.cn\n"
                                 "list.html: [xxgk/gfxwj/]\n")
    item = site.write_item(4, previous_urls=["/show.asp?id=4"])
    line = item.read_text(encoding="utf-8").splitlines().index("- /show.asp?id=4") + 1
    assert [c[:4] for c in codes(site)] == [
        ("E-REDIRECT-QUERY", "content/items/xzfb/2025/00004.md", line, "previous_urls.0"),
        ("E-REDIRECT-PATH", "redirects.yaml", 1, "../up.html"),
        ("E-REDIRECT-PATH", "redirects.yaml", 2, "a//b.html"),
        ("E-REDIRECT-QUERY", "redirects.yaml", 3, "/show.asp?id=3"),
        ("E-REDIRECT-QUERY", "redirects.yaml", 4, "ok.html"),
        ("E-REDIRECT-PATH", "redirects.yaml", 5, "mail.html"),
        ("E-TYPE", "redirects.yaml", 6, "list.html"),
    ]


def test_malformed_redirects_file(site: SiteFolder) -> None:
    site.write("redirects.yaml", "a.html: xxgk/gfxwj/\nb.html: x: y\n")
    assert [c[:3] for c in codes(site)] == [("E-YAML", "redirects.yaml", 2)]
    site.write("redirects.yaml", "- a.html\n")
    assert [c[:3] for c in codes(site)] == [("E-NOT-MAPPING", "redirects.yaml", 1)]
    site.write("redirects.yaml", "a.html: xxgk/gfxwj/\na.html: xxgk/xxgkzn/\n")
    assert [c[:3] for c in codes(site)] == [("E-YAML", "redirects.yaml", 2)]  # a repeated key
    site.write("redirects.yaml", "# nothing yet\n")
    assert codes(site) == []


def test_build_refuses_and_changes_nothing(site: SiteFolder) -> None:
    build_ok(site)
    before = {p: p.stat().st_mtime_ns for p in site.out.rglob("*")}
    ledger = (site.root / "urls.txt").read_bytes()
    site.write("redirects.yaml", "old.html: xxgk/nowhere.html\n")
    site.write_item(7)  # a new page: not recorded by a failed build
    result = build(site.root)
    assert not result.ok and [p.code for p in result.problems.errors] == ["E-REDIRECT-TARGET"]
    assert {p: p.stat().st_mtime_ns for p in site.out.rglob("*")} == before
    assert (site.root / "urls.txt").read_bytes() == ledger


def test_check_command_exit_code_and_message(site: SiteFolder) -> None:
    site.write("redirects.yaml", "old.html: xxgk/nowhere.html\n")
    run = CliRunner().invoke(main, ["check", "--site", str(site.root), "--lang", "en"])
    assert run.exit_code == 1
    assert "redirects.yaml:1: error E-REDIRECT-TARGET [old.html]: redirect target xxgk/nowhere.html does not exist" in run.output
