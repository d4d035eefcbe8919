"""The output's twin: the previous output, kept beside the output after a swap and
brought up to date by the next build instead of a fresh staging folder.

A changed build used to make an empty staging folder, hard-link every unchanged
file of the output into it, swap, and remove the previous output in the
background: at 100,000 items that is 125,000 links (≈ 1.1 s) and 125,000 unlinks
(≈ 1 s of CPU in the detached ``rm``) for a one-item edit (docs/architecture.md,
"Atomic output"). The previous output already holds every one of those files, as
the same inodes. So after the swap it is kept as ``.output.twin`` with a journal
of the paths in which it differs from the output (what the build wrote or
deleted); the next build renames it to the staging folder, replaces those paths
by links to the output's files (:func:`adopt`), writes its own changes and swaps
again. Every step then costs what the edits cost, not what the site holds.

Atomicity is unchanged: the output is only ever replaced by the exchange, and the
twin is only written while it is the staging folder. Its files are the output's
inodes, so nothing may write into one in place: a file is unlinked before it is
written (:func:`fresh_path`), and a post-render step's folder is set aside before
the step fills it (:func:`clear_owned`). A twin whose journal does not name the
output's current manifest (another tool rebuilt the output, a build was killed
while adopting it) is removed, and the build falls back to linking.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Iterable

from govsite.base.manifest import MANIFEST

JOURNAL = ".govsite-twin.json"
"""Inside the twin: the output manifest it lags and the paths in which it differs."""


def twin_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.twin"


def _signature(path: Path) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def fresh_path(path: str) -> None:
    """Make room for a new file at ``path`` in a staging folder: the name may hold a
    link to the output's file, which must never be written in place."""
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except IsADirectoryError:
        shutil.rmtree(path)


def read_journal(twin: Path, out: Path) -> list[str] | None:
    """The paths in which ``twin`` differs from ``out``, if its journal is for the
    output as it is now; else None."""
    try:
        journal = json.loads((twin / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(journal, dict) or journal.get("output") != _signature(out / MANIFEST):
        return None
    differs = journal.get("differs")
    if not isinstance(differs, list) or not all(isinstance(p, str) for p in differs):
        return None
    return differs


def adopt(out: Path, stage: Path, mark: str) -> bool:
    """Turn a valid twin of ``out`` into the staging folder ``stage`` (which must not
    exist), equal to the output file for file. False when there is no valid twin (an
    invalid one is left for :func:`remove_stale`)."""
    twin = twin_dir(out)
    if not twin.is_dir() or twin.is_symlink():
        return False
    differs = read_journal(twin, out)
    if differs is None:
        return False
    os.rename(twin, stage)
    (stage / mark).touch()  # a build killed from here on leaves a marked staging folder: removed next time
    (stage / JOURNAL).unlink()
    replace_paths(out, stage, differs)
    return True


def replace_paths(out: Path, stage: Path, paths: Iterable[str]) -> None:
    """Make each path of ``stage`` what it is in ``out``: a link to its file, or gone."""
    src, dst = str(out) + os.sep, str(stage) + os.sep
    made: set[str] = set()
    for rel in paths:
        fresh_path(dst + rel)
        if os.path.isfile(src + rel):
            link_file(src, dst, rel, made)
        else:
            prune(stage, rel)


def link_file(src: str, dst: str, rel: str, made: set[str]) -> None:
    """``dst + rel`` made a hard link to ``src + rel`` (a copy across file systems), its
    folder made first unless ``made`` has it (string paths: tens of thousands a build)."""
    parent = rel.rpartition("/")[0]
    if parent and parent not in made:
        os.makedirs(dst + parent, exist_ok=True)
        made.add(parent)
    try:
        os.link(src + rel, dst + rel)
    except OSError:
        shutil.copy2(src + rel, dst + rel)


def prune(root: Path, rel: str) -> None:
    """Remove the folders of ``rel`` that are left empty, up to ``root`` (a cold build
    makes no empty folder, so neither may an incremental one)."""
    parent = rel.rpartition("/")[0]
    while parent:
        try:
            os.rmdir(os.path.join(root, parent))
        except OSError:
            return
        parent = parent.rpartition("/")[0]


def remove_paths(stage: Path, paths: Iterable[str]) -> None:
    """Delete outputs that are no longer planned from a staging folder adopted from the twin."""
    root = str(stage) + os.sep
    for rel in paths:
        fresh_path(root + rel)
        prune(stage, rel)


def clear_owned(stage: Path, prefix: str, set_aside: Path) -> None:
    """Before a post-render step fills its part of an adopted staging folder, move
    what the twin holds there aside (into ``set_aside``, removed with it): the step
    writes its files as into an empty folder, so none of them is written in place."""
    target = stage / prefix.rstrip("/")
    if not os.path.lexists(target):
        return
    if target.is_dir() and not target.is_symlink():
        set_aside.mkdir(exist_ok=True)
        os.rename(target, set_aside / f"{len(os.listdir(set_aside))}")
    else:
        target.unlink()
        prune(stage, prefix)


def keep(previous: Path, out: Path, differs: Iterable[str]) -> bool:
    """After the swap: keep the previous output (at ``previous``) as the twin of
    ``out``, with the journal of the paths in which it differs. False when it cannot
    be kept (the caller removes it)."""
    twin = twin_dir(out)
    if os.path.lexists(twin) or not _is_output(previous):  # an empty or foreign folder (--force-out) is not kept
        return False
    journal = {"output": _signature(out / MANIFEST), "differs": sorted(set(differs))}
    try:
        (previous / JOURNAL).write_text(json.dumps(journal, ensure_ascii=False), encoding="utf-8")
        os.rename(previous, twin)
    except OSError:
        return False
    return True


def _is_output(folder: Path) -> bool:
    try:
        with open(folder / MANIFEST, "rb") as fh:
            return fh.read(24) == b'{\n"generator": "govsite"'
    except OSError:
        return False
