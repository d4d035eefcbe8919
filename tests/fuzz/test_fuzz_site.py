"""``govsite check`` on a damaged site: phases 1–3 and every inspection rule.

A small valid site (from the demo) gets one to three kinds of damage per case:
a file replaced by a corrupted one, a corrupted file added, a file deleted or
emptied, a folder where a file should be, a symlink loop, one leading outside
the site or nowhere, an odd file name, junk in ``redirects.yaml`` or
``urls.txt``. Loading, cross-file validation, planning and inspection must
report problems and never raise, and must write nothing but the cache.
"""
from __future__ import annotations

import atexit
import json
import os
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from govsite.pipeline.pages import check_site
from govsite.inspect.run import run_inspection
from govsite.dates import today_beijing
from govsite.problems import ProblemLog
from tests.fuzz.fuzzing import (VALUE, WEIRD_STRINGS, changed, corrupted_file, dump_yaml, fuzz_settings,
                                make_base_site, snapshot)

_WORK = Path(tempfile.mkdtemp(prefix="govsite-fuzz-site-"))
atexit.register(shutil.rmtree, _WORK, True)
_STATE: dict[str, Any] = {}
CACHE = ".govsite-cache"

KIND_DIRS = {
    "item": "content/items/xzf/2026", "page": "content/pages", "article": "content/gazette/2026/01",
    "issue": "content/gazette/2026/01", "catalog": "content/catalogs", "annual": "content/annual/xzf",
    "orgs": "content", "site": "", "gazette": "content/gazette",
}
FIXED_NAMES = {"issue": "issue.yaml", "orgs": "orgs.yaml", "site": "site.yaml", "gazette": "gazette.yaml"}
ODD_NAMES = ["a b.md", "新文件.md", "#1.md", "a?.md", "%41.md", "00001 .md", "tab\t.md", ".hidden.md", "x.MD",
             "00001.md.md", "-.md", "~.md", "a\\b.md", "é.md", "x" * 200 + ".md"]


def _pristine() -> Path:
    if not _STATE:
        pristine = make_base_site(_WORK / "pristine")
        _STATE["pristine"] = pristine
        _STATE["site"] = _WORK / "site"
        shutil.copytree(pristine, _STATE["site"], symlinks=True)
        _STATE["files"] = sorted(str(p.relative_to(pristine)) for p in pristine.rglob("*") if p.is_file())
    return _STATE["pristine"]


def _restore(site: Path) -> None:
    """The working site as the pristine one again, its cache kept (files keep their times)."""
    pristine = _pristine()
    for entry in os.scandir(site):
        if entry.name == CACHE:
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path)
        else:
            os.unlink(entry.path)
    for entry in os.scandir(pristine):
        if entry.name == CACHE:
            continue
        target = site / entry.name
        if entry.is_dir(follow_symlinks=False):
            shutil.copytree(entry.path, target, symlinks=True)
        else:
            shutil.copy2(entry.path, target)


def _damage(draw: st.DrawFn, rnd: random.Random, site: Path) -> str:
    """One kind of damage to ``site``; returns a label for the failure report."""
    files: list[str] = _STATE["files"]
    what = rnd.choice(["replace", "replace", "replace", "add", "add", "delete", "empty", "folder", "symlink",
                       "odd-name", "redirects", "urls"])
    if what in ("replace", "add"):
        kind = rnd.choice(sorted(KIND_DIRS))
        rel_seed, raw = draw(corrupted_file(kind))
        folder = site / KIND_DIRS[kind]
        if kind in FIXED_NAMES:
            name = FIXED_NAMES[kind]
            if what == "add":
                folder = site / rnd.choice(["content/gazette/2027/01", "content/gazette/2026/99", "content/gazette/2026/zk09"]) \
                    if kind == "issue" else folder
        elif what == "replace":
            existing = [f for f in files if f.startswith(KIND_DIRS[kind] + "/") and f.endswith(Path(rel_seed).suffix)]
            name = Path(rnd.choice(existing)).name if existing else Path(rel_seed).name
        else:
            name = rnd.choice(["99999.md", "00009.md", "new.md", "2027.yaml", "9.md", "new.yaml"])
            if kind in ("catalog", "annual"):
                name = name.replace(".md", ".yaml")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(raw)
        return f"{what} {kind} {folder.relative_to(site) / name}"
    if what in ("delete", "empty", "folder"):
        rel = rnd.choice(files)
        path = site / rel
        if not path.is_file():
            return "nothing"
        path.unlink()
        if what == "empty":
            path.write_bytes(b"")
        elif what == "folder":
            path.mkdir()
            (path / "x.md").write_bytes(b"---\ntitle: x\n---\n")
        return f"{what} {rel}"
    if what == "symlink":
        folder = site / rnd.choice(["content/items/xzf", "content/items", "content/pages", "content/gazette/2026",
                                    "content/catalogs", "content/annual", "content", ""])
        folder.mkdir(parents=True, exist_ok=True)
        name = rnd.choice(["loop", "link.md", "link.yaml", "issue.yaml", "2099", "orgs.yaml", "site.yaml", "templates"])
        target = rnd.choice([".", "..", "../..", "loop", "/etc", "/etc/hostname", "/nonexistent", "../../site.yaml",
                             "missing.md", str(site / "content")])
        link = folder / name
        if link.exists() or link.is_symlink():
            if link.is_dir() and not link.is_symlink():
                shutil.rmtree(link)
            else:
                link.unlink()
        link.symlink_to(target)
        return f"symlink {link.relative_to(site)} -> {target}"
    if what == "odd-name":
        rel = rnd.choice([f for f in files if f.endswith(".md")])
        name = rnd.choice(ODD_NAMES)
        shutil.copy2(site / rel, (site / rel).parent / name)
        return f"odd-name {rel} -> {name!r}"
    if what == "redirects":
        data = {rnd.choice(["/art/1.html", "/xxgk/xzf/2026/00001.html", "http://x/", "", "/a/../b", "//x"] + WEIRD_STRINGS):
                draw(VALUE) for _ in range(rnd.randint(0, 4))}
        (site / "redirects.yaml").write_text(dump_yaml(data) if rnd.randrange(4) else json.dumps(data, default=str),
                                             encoding="utf-8")
        return "redirects.yaml"
    lines = [rnd.choice(["/", "/xxgk/", "/xxgk/xzf/2026/00099.html", "/zfgb/2099/01/1.html", "/a b", "<<<<<<<",
                         "/%zz", "//x", "/x\x00"] + WEIRD_STRINGS) for _ in range(rnd.randint(1, 5))]
    with open(site / "urls.txt", "a", encoding="utf-8", errors="surrogatepass") as fh:
        fh.write("\n".join(lines) + "\n")
    return "urls.txt"


@fuzz_settings("site_model")
@given(data=st.data())
def test_check_a_damaged_site(data: st.DataObject) -> None:
    _pristine()
    site: Path = _STATE["site"]
    rnd = random.Random(data.draw(st.integers(0, 2**32 - 1)))
    try:
        done = [_damage(data.draw, rnd, site) for _ in range(rnd.randint(1, 3))]
        before = snapshot(site, skip=(CACHE,))
        today = today_beijing()
        problems: ProblemLog = check_site(site, inspect=lambda model, log, planned: run_inspection(model, log, today, planned))
        for p in problems.items:
            p.format("zh"), p.format("en")
        json.loads(problems.to_json("en"))
        assert not changed(before, snapshot(site, skip=(CACHE,))), done
    finally:
        _restore(site)


def test_the_pristine_site_checks_clean() -> None:
    _pristine()
    problems = check_site(_STATE["site"])
    assert not problems.errors, [p.format("en") for p in problems.errors]
    assert yaml.safe_load((_STATE["site"] / "site.yaml").read_text(encoding="utf-8"))
