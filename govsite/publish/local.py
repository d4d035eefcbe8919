"""The files of a built output folder that ``govsite publish`` may upload.

Exactly the files the build's manifest (``.govsite-manifest.json``) lists, nothing
else: a file dropped into ``output/`` by hand is not published, nor is govsite's own
bookkeeping (``.govsite-*``) or a private inspection report (``_report/``, where
builds before issue 17 wrote it; today it lives outside the output). Each must be a
regular file reached without a symlink, so nothing outside the output folder can be
published through a link.

This module is also the one place where publish uses the build's internals (the
manifest and the output lock), so that a rename of the build package touches one
import.
"""
from __future__ import annotations

import hashlib
import os
import stat
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from govsite.pipeline.lock import exclusive, output_lock_path
from govsite.base.manifest import MANIFEST, read_manifest
from govsite.publish.errors import PublishError

PRIVATE_PARTS = ("_report",)
"""Path segments that are never published (the private inspection report)."""


@dataclass(frozen=True)
class LocalFile:
    path: str
    """POSIX path below the output folder (the manifest's key)."""
    size: int
    digest: str
    """The manifest's digest of the inputs the file was made from."""


def is_private(path: str) -> bool:
    parts = path.split("/")
    return any(part in PRIVATE_PARTS or part.startswith(".govsite") for part in parts)


def _is_govsite_output(out: Path) -> bool:
    try:
        with open(out / MANIFEST, "rb") as fh:
            return fh.read(24) == b'{\n"generator": "govsite"'
    except OSError:
        return False


def _regular_files(out: Path) -> dict[str, int]:
    """POSIX path → size of every regular file below ``out``, without entering a
    symlinked folder (a symlinked file is not regular: ``lstat``)."""
    found: dict[str, int] = {}
    stack = [("", str(out))]
    while stack:
        prefix, folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    stack.append((rel + "/", entry.path))
                elif entry.is_file(follow_symlinks=False):
                    found[rel] = entry.stat(follow_symlinks=False).st_size
    return found


def _why_not_regular(out: Path, path: str) -> tuple[str, str]:
    """(Chinese, English) reason a listed file is not a regular file of the output."""
    full = out / path
    for parent in [*reversed(Path(path).parents), Path(path)]:
        candidate = out / parent
        if candidate != out and candidate.is_symlink():
            where = os.readlink(candidate)
            return (f"是符号链接（{parent} → {where}）", f"is a symlink ({parent} → {where})")
    try:
        mode = os.lstat(full).st_mode
    except FileNotFoundError:
        return ("不存在（构建清单中有它）", "does not exist (the build's manifest lists it)")
    if not stat.S_ISREG(mode):
        return ("不是普通文件", "is not a regular file")
    return ("无法读取", "cannot be read")


def output_files(out: Path, site_arg: str = "") -> list[LocalFile]:
    """Every publishable file of ``out``, sorted by path. Refuses a folder that is not a
    govsite output and a listed file that is missing or reached through a symlink."""
    if not _is_govsite_output(out):
        raise PublishError("E-PUBLISH-NO-OUTPUT", out=out, manifest=MANIFEST, site_arg=site_arg)
    manifest = read_manifest(out)
    sizes = _regular_files(out)
    files = []
    for path, digest in sorted(manifest.items()):
        if is_private(path):
            continue
        if path not in sizes:
            zh, en = _why_not_regular(out, path)
            raise PublishError("E-PUBLISH-FILE", out=out, value=path, detail_zh=zh, detail=en)
        files.append(LocalFile(path, sizes[path], digest))
    return files


def md5_of(out: Path, path: str) -> str:
    """MD5 of a file's bytes: the hash most rclone backends (S3/OSS/COS/OBS, local, SFTP) also know."""
    with open(out / path, "rb") as fh:
        return hashlib.file_digest(fh, lambda: hashlib.md5(usedforsecurity=False)).hexdigest()


@contextmanager
def output_locked(out: Path, waiting: Callable[[Path], None] | None = None) -> Iterator[None]:
    """Hold the output folder's build lock: no build swaps the folder while it is read."""
    with exclusive(output_lock_path(out), waiting):
        yield
