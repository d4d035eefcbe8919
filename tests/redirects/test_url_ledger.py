"""urls.txt, the committed record of published URLs, and E-URL-GONE: a published
URL may not disappear without a redirect, in ``govsite check`` and ``govsite build``,
locally and in a fresh clone."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from govsite.pipeline.build import build
from govsite.pipeline.pages import check_site
from govsite.cli import main
from tests.conftest import ORGS, SiteFolder, uscc
from tests.redirects.redirect_helpers import BASE_URL, build_ok, codes, follow

LEDGER = "urls.txt"


def ledger_lines(site: SiteFolder) -> list[str]:
    return [ln for ln in (site.root / LEDGER).read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]


def line_of(site: SiteFolder, url: str) -> int:
    return (site.root / LEDGER).read_text(encoding="utf-8").splitlines().index(url) + 1


def test_first_build_records_every_published_page(site: SiteFolder) -> None:
    for n in range(10, 35):  # enough for a second listing page
        site.write_item(n)
    site.write("redirects.yaml", "/art/1.html: xxgk/gfxwj/\n")
    build_ok(site)
    lines = ledger_lines(site)
    assert lines == sorted(lines) and len(lines) == len(set(lines))
    assert {"/", "/xxgk/", "/xxgk/gfxwj/", "/xxgk/xzfb/", "/xxgk/xxgkzn/", "/xxgk/theme/", "/xxgk/year/",
            "/xxgk/xzfb/2025/00001.html", "/xxgk/xzfb/2025/00034.html", "/art/1.html"} <= set(lines)
    assert (site.out / "xxgk/gfxwj/index_2.html").is_file()
    # not recorded: the 404 page, later listing pages, per-theme/per-year listings, files
    assert not [ln for ln in lines if "404" in ln or "index_" in ln or ln.startswith(("/xxgk/theme/2", "/xxgk/year/2"))
                or not (ln.endswith("/") or ln.endswith(".html"))]
    assert (site.root / LEDGER).read_text(encoding="utf-8").startswith("# ")


def test_removed_item_is_an_error_until_it_gets_a_redirect(site: SiteFolder) -> None:
    build_ok(site)
    ledger = (site.root / LEDGER).read_bytes()
    (site.root / "content/items/xzfb/2025/00003.md").unlink()

    gone = [("E-URL-GONE", LEDGER, line_of(site, "/xxgk/xzfb/2025/00003.html"), None, "/xxgk/xzfb/2025/00003.html")]
    assert codes(site) == gone
    [problem] = check_site(site.root).items
    message = problem.message("en")
    assert "/xxgk/xzfb/2025/00003.html" in message and "redirects.yaml" in message and "restore the page" in message
    run = CliRunner().invoke(main, ["check", "--site", str(site.root)])
    assert run.exit_code == 1 and "E-URL-GONE" in run.output and "redirects.yaml" in run.output

    result = build(site.root)  # a build refuses with the same error, and writes nothing
    assert [(p.code, p.file, p.line) for p in result.problems.items] == [g[:3] for g in gone]
    assert (site.out / "xxgk/xzfb/2025/00003.html").is_file()
    assert (site.root / LEDGER).read_bytes() == ledger

    site.write("redirects.yaml", "/xxgk/xzfb/2025/00003.html: xxgk/xzfb/2025/00002.html\n")
    assert codes(site) == []
    build_ok(site)
    page, _ = follow(site.out, BASE_URL, BASE_URL + "xxgk/xzfb/2025/00003.html")
    assert page == site.out / "xxgk/xzfb/2025/00002.html"
    assert "/xxgk/xzfb/2025/00003.html" in ledger_lines(site)  # never removed


def test_withdrawn_on_purpose(site: SiteFolder) -> None:
    build_ok(site)
    (site.root / "content/items/xzfb/2025/00003.md").unlink()
    site.write("redirects.yaml", "# 误发信息，已撤下\n/xxgk/xzfb/2025/00003.html: ~\n")
    result = build_ok(site)
    assert "xxgk/xzfb/2025/00003.html" in result.deleted_paths
    assert not [p for p in result.written_paths if p.endswith(("_redirects", ".nginx.conf"))]  # no redirect made
    assert not (site.out / "xxgk/xzfb/2025/00003.html").exists()
    assert "/xxgk/xzfb/2025/00003.html" in ledger_lines(site)


def test_previous_urls_of_a_moved_item_satisfy_the_check(site: SiteFolder) -> None:
    build_ok(site)
    old = site.root / "content/items/xzfb/2025/00003.md"
    moved = site.root / "content/items/xzf/2025/00003.md"
    moved.parent.mkdir(parents=True)
    old.rename(moved)
    assert [c[0] for c in codes(site)] == ["E-URL-GONE"]
    text = moved.read_text(encoding="utf-8")
    moved.write_text(text.replace("---\n", "---\nprevious_urls: [/xxgk/xzfb/2025/00003.html]\n", 1), encoding="utf-8")
    build_ok(site)
    assert follow(site.out, BASE_URL, BASE_URL + "xxgk/xzfb/2025/00003.html")[0] == site.out / "xxgk/xzf/2025/00003.html"


def test_a_removed_redirect_is_a_lost_url_too(site: SiteFolder) -> None:
    site.write("redirects.yaml", "/art/1.html: xxgk/gfxwj/\n")
    build_ok(site)
    site.write("redirects.yaml", "")
    assert [c[0::4] for c in codes(site)] == [("E-URL-GONE", "/art/1.html")]


def test_ledger_only_grows_and_only_after_a_successful_build(site: SiteFolder) -> None:
    build_ok(site)
    before = ledger_lines(site)
    site.write_item(8, issuer="nobody")  # an error elsewhere: the build fails
    assert not build(site.root).ok
    assert ledger_lines(site) == before
    site.write_item(8)
    build_ok(site)
    assert set(ledger_lines(site)) == set(before) | {"/xxgk/xzfb/2025/00008.html"}


def test_no_change_build_leaves_the_ledger_alone(site: SiteFolder) -> None:
    build_ok(site)
    st = (site.root / LEDGER).stat()
    again = build_ok(site)
    assert again.written == 0
    after = (site.root / LEDGER).stat()
    assert (after.st_ino, after.st_mtime_ns) == (st.st_ino, st.st_mtime_ns)


def test_fresh_clone_relies_on_the_committed_ledger(site: SiteFolder, tmp_path: Path) -> None:
    build_ok(site)
    clone = SiteFolder(tmp_path / "clone")
    shutil.copytree(site.root, clone.root, ignore=shutil.ignore_patterns("output", ".govsite-cache"))
    assert codes(clone) == []
    (clone.root / "content/items/xzfb/2025/00002.md").unlink()
    assert [c[0::4] for c in codes(clone)] == [("E-URL-GONE", "/xxgk/xzfb/2025/00002.html")]


def test_previous_manifest_is_checked_when_the_ledger_is_missing(site: SiteFolder, tmp_path: Path) -> None:
    build_ok(site)
    (site.root / LEDGER).unlink()
    (site.root / "content/items/xzfb/2025/00002.md").unlink()
    assert codes(site) == [("E-URL-GONE", "output/.govsite-manifest.json", None, None, "/xxgk/xzfb/2025/00002.html")]
    assert not build(site.root).ok

    elsewhere = tmp_path / "public"  # a build into another folder checks that folder's manifest
    site.write_item(2)
    build_ok(site, out=elsewhere)
    (site.root / LEDGER).unlink()
    (site.root / "content/items/xzfb/2025/00002.md").unlink()
    result = build(site.root, out=elsewhere)
    assert [(p.code, p.file) for p in result.problems.items] == [("E-URL-GONE", str(elsewhere / ".govsite-manifest.json"))]


def test_merge_conflict_markers_are_reported_with_their_line(site: SiteFolder) -> None:
    build_ok(site)
    path = site.root / LEDGER
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5:5] = ["<<<<<<< HEAD", "/xxgk/xzfb/2025/00001.html", "=======", ">>>>>>> theirs"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert codes(site) == [("E-URL-LEDGER", LEDGER, 6, None, "<<<<<<< HEAD"), ("E-URL-LEDGER", LEDGER, 8, None, "======="),
                           ("E-URL-LEDGER", LEDGER, 9, None, ">>>>>>> theirs")]


def test_township_folded_into_the_county(site: SiteFolder) -> None:
    """The township's files move to the county government's folder; its URLs get redirects."""
    township = {"id": "zhen", "name": "测试县示例镇人民政府", "code": uscc("11999900MB000003" + "0"), "kind": "township"}
    site.write("content/orgs.yaml", yaml.safe_dump(ORGS + [township], allow_unicode=True, sort_keys=False))
    for n in (1, 2):
        site.write_item(40 + n, rel=f"content/items/zhen/2025/{n:05d}.md", issuer="zhen")
    build_ok(site)

    site.write("content/orgs.yaml", yaml.safe_dump(ORGS, allow_unicode=True, sort_keys=False))
    for n in (1, 2):
        (site.root / f"content/items/zhen/2025/{n:05d}.md").unlink()
        site.write_item(40 + n, rel=f"content/items/xzf/2025/{100 + n:05d}.md", issuer="xzf",
                        previous_urls=[f"/xxgk/zhen/2025/{n:05d}.html"] if n == 1 else [])
    assert [c[0::4] for c in codes(site)] == [("E-URL-GONE", "/xxgk/zhen/"), ("E-URL-GONE", "/xxgk/zhen/2025/00002.html")]

    site.write("redirects.yaml", "/xxgk/zhen/: xxgk/xzf/\n/xxgk/zhen/2025/00002.html: xxgk/xzf/2025/00102.html\n")
    build_ok(site)
    for old, new in (("xxgk/zhen/2025/00001.html", "xxgk/xzf/2025/00101.html"),
                     ("xxgk/zhen/2025/00002.html", "xxgk/xzf/2025/00102.html"), ("xxgk/zhen/", "xxgk/xzf/index.html")):
        assert follow(site.out, BASE_URL, BASE_URL + old)[0] == site.out / new, old


def test_init_site_checks_and_builds(tmp_path: Path) -> None:
    runner = CliRunner()
    root = tmp_path / "newsite"
    assert runner.invoke(main, ["init", str(root)]).exit_code == 0
    assert runner.invoke(main, ["check", "--site", str(root)]).exit_code == 0
    assert runner.invoke(main, ["build", "--site", str(root), "-q"]).exit_code == 0
    assert "/\n" in (root / LEDGER).read_text(encoding="utf-8")
    assert runner.invoke(main, ["check", "--site", str(root)]).exit_code == 0


def test_ledger_is_deterministic(site: SiteFolder, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(site.root, copy)
    build_ok(site)
    assert build(copy, jobs=1).ok
    assert (copy / LEDGER).read_bytes() == (site.root / LEDGER).read_bytes()
