"""Attachments that are missing or point outside the site folder; symlinks.

Nothing outside the site folder may be read, linked or copied into the output.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from govsite.pipeline.build import build
from govsite.pipeline.pages import load_and_validate
from govsite.base.safepath import resolve_inside
from tests.conftest import ORGS, SiteFolder, default_item, item_text
from tests.content.problem_helpers import assert_clean, check, codes, find, item, line_text, only

F4 = item(4)

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="needs POSIX symlinks")


# --- 7. missing attachment ---------------------------------------------------------------

def test_missing_attachment_line_of_its_file_entry(site: SiteFolder) -> None:
    site.write("content/attachments/2025/ok.pdf", b"%PDF-1.4")
    site.write_item(4, attachments=[
        {"file": "attachments/2025/ok.pdf", "title": "实施方案"},        # lines 13–14
        {"file": "attachments/2025/missing.pdf", "title": "附件2"},      # lines 15–16
    ])
    log = check(site)
    p = only(log, "E-ATTACHMENT-MISSING")
    assert (p.file, p.line, p.field, p.value) == (F4, 15, "attachments.1.file", "attachments/2025/missing.pdf")
    assert line_text(site, p) == "- file: attachments/2025/missing.pdf"
    assert p.message() == "附件文件 attachments/2025/missing.pdf 不存在（相对于 content/ 目录）"
    assert p.message("en") == "attachment file attachments/2025/missing.pdf does not exist (relative to content/)"
    assert codes(log) == ["E-ATTACHMENT-MISSING"]


def test_missing_attachment_when_title_comes_first(site: SiteFolder) -> None:
    site.write(F4, item_text(**default_item(4)).replace("---\n正文", (
        "attachments:\n"              # 12
        "  - title: 附件1\n"          # 13
        "    file: fujian1.pdf\n"     # 14  <- the line to fix
        "---\n正文"), 1))
    p = only(check(site), "E-ATTACHMENT-MISSING")
    assert (p.line, p.field) == (14, "attachments.0.file")
    assert line_text(site, p).strip() == "file: fujian1.pdf"


def test_attachment_path_is_relative_to_content(site: SiteFolder) -> None:
    site.write("content/attachments/a.pdf", b"%PDF")
    site.write_item(4, attachments=[{"file": "content/attachments/a.pdf"}])
    p = only(check(site), "E-ATTACHMENT-MISSING")
    assert p.value == "content/attachments/a.pdf"
    assert "相对于 content/ 目录" in p.message()


def test_attachment_folder_is_not_a_file(site: SiteFolder) -> None:
    site.write("content/attachments/2025/a.pdf", b"%PDF")
    site.write_item(4, attachments=[{"file": "attachments/2025"}])
    assert only(check(site), "E-ATTACHMENT-MISSING").value == "attachments/2025"


def test_existing_attachment_is_clean(site: SiteFolder) -> None:
    site.write("content/attachments/2025/附件1.pdf", b"%PDF")
    site.write_item(4, attachments=[{"file": "attachments/2025/附件1.pdf"}])
    assert_clean(check(site))


# --- 8. paths escaping the site folder ----------------------------------------------------

@pytest.mark.parametrize("bad", [
    "../../etc/passwd",
    "/etc/passwd",
    "attachments/../../site.yaml",
    "..\\..\\etc\\passwd",
    "attachments\\..\\..\\..\\etc\\passwd",
    "C:/Windows/win.ini",
    "C:\\Windows\\win.ini",
    "\\\\server\\share\\a.pdf",
])
def test_attachment_escaping_the_site(site: SiteFolder, bad: str) -> None:
    site.write_item(4, attachments=[{"file": bad, "title": "附件"}])
    log = check(site)
    p = only(log, "E-PATH-ESCAPE")
    assert (p.file, p.line, p.field, p.value) == (F4, 13, "attachments.0.file", bad)
    assert line_text(site, p).startswith("- file: ")
    assert p.message() == f"路径 {bad} 指向站点目录之外；只允许站点目录内的相对路径"
    assert p.message("en") == f"path {bad} points outside the site folder; only relative paths inside the site are allowed"
    assert find(log, "E-ATTACHMENT-MISSING") == []


def test_parent_segment_that_stays_inside_is_still_refused(site: SiteFolder) -> None:
    """``..`` is refused outright, even when it would land inside content/ (simple rule for editors)."""
    site.write("content/attachments/a.pdf", b"%PDF")
    site.write_item(4, attachments=[{"file": "attachments/x/../a.pdf"}])
    assert only(check(site), "E-PATH-ESCAPE").value == "attachments/x/../a.pdf"


@needs_symlinks
def test_symlinked_attachment_pointing_outside(site: SiteFolder, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密", encoding="utf-8")
    (site.root / "content/attachments").mkdir(parents=True)
    os.symlink(secret, site.root / "content/attachments/link.pdf")
    site.write_item(4, attachments=[{"file": "attachments/link.pdf"}])
    p = only(check(site), "E-PATH-ESCAPE")
    assert (p.file, p.line, p.field, p.value) == (F4, 13, "attachments.0.file", "attachments/link.pdf")
    result = build(site.root)
    assert not result.ok
    assert not site.out.exists()


@needs_symlinks
def test_symlinked_attachment_folder_pointing_outside(site: SiteFolder, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.pdf").write_bytes(b"%PDF")
    (site.root / "content").mkdir(exist_ok=True)
    os.symlink(outside, site.root / "content/attachments")
    site.write_item(4, attachments=[{"file": "attachments/a.pdf"}])
    assert only(check(site), "E-PATH-ESCAPE").value == "attachments/a.pdf"


@needs_symlinks
def test_symlink_inside_the_site_is_allowed(site: SiteFolder) -> None:
    site.write("content/attachments/2025/real.pdf", b"%PDF")
    os.symlink(site.root / "content/attachments/2025/real.pdf", site.root / "content/attachments/alias.pdf")
    site.write_item(4, attachments=[{"file": "attachments/alias.pdf"}])
    assert_clean(check(site))


def _outside_item(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "evil.md"
    target.write_text(item_text(**default_item(9, title="站外文件")), encoding="utf-8")
    return target


@needs_symlinks
def test_symlinked_item_outside_is_never_read(site: SiteFolder, tmp_path: Path) -> None:
    """An item file or folder symlinked from outside the site is not loaded, and is reported."""
    target = _outside_item(tmp_path)
    os.symlink(target, site.root / "content/items/xzfb/2025/00009.md")
    os.symlink(target.parent, site.root / "content/items/linked")
    model, log = load_and_validate(site.root)
    assert model is not None
    assert all("站外文件" not in it.fm.title for it in model.items)
    assert sorted(it.source for it in model.items) == [item(1), item(2), item(3)]
    assert sorted((p.code, p.file) for p in log.errors) == [
        ("E-PATH-ESCAPE", "content/items/linked"), ("E-PATH-ESCAPE", "content/items/xzfb/2025/00009.md")]


@needs_symlinks
def test_symlinked_item_outside_is_reported(site: SiteFolder, tmp_path: Path) -> None:
    target = _outside_item(tmp_path)
    os.symlink(target, site.root / "content/items/xzfb/2025/00009.md")
    p = only(check(site), "E-PATH-ESCAPE")
    assert p.file == "content/items/xzfb/2025/00009.md"


@needs_symlinks
def test_symlinked_orgs_yaml_outside_is_reported(site: SiteFolder, tmp_path: Path) -> None:
    outside = tmp_path / "orgs.yaml"
    outside.write_text(yaml.safe_dump(ORGS, allow_unicode=True), encoding="utf-8")
    (site.root / "content/orgs.yaml").unlink()
    os.symlink(outside, site.root / "content/orgs.yaml")
    p = only(check(site), "E-PATH-ESCAPE")
    assert p.file == "content/orgs.yaml"


# --- resolve_inside, the rule behind E-PATH-ESCAPE -------------------------------------------

@pytest.mark.parametrize("rel", ["", "/etc/passwd", "\\etc", "../x", "a/../../x", "a/..", "C:/x", "c:x",
                                 "..\\x", "a\\..\\..\\x"])
def test_resolve_inside_refuses(tmp_path: Path, rel: str) -> None:
    assert resolve_inside(tmp_path, rel) is None


@pytest.mark.parametrize("rel", ["a.pdf", "attachments/2025/a.pdf", "./a.pdf", "附件/方案.pdf", "a\\b.pdf"])
def test_resolve_inside_accepts(tmp_path: Path, rel: str) -> None:
    got = resolve_inside(tmp_path, rel)
    assert got is not None
    got.relative_to(tmp_path.resolve())
