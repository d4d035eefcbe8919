"""One member's sync into a staging folder, then a swap (同步到暂存目录再替换).

A failed or partial sync must never damage the last good copy: a member whose server
dies half-way leaves some files fetched and others not, and ``rclone sync`` into the
copy itself would leave exactly that mix for the portal to show as the member's site.
So the new copy is assembled beside the old one, in ``.<name>.sync-staging``:

1. files the last good copy holds unchanged (same MD5 and size in the member's publish
   record, or the same build-manifest digest) are hard-linked from it;
2. the rest are fetched with ``rclone copy --files-from`` (only those paths: no
   listing of the member);
3. every fetched file is checked: present, and of the record's size and MD5; the open
   data's files also against ``data/manifest.json``'s SHA-256;
4. only then, holding the portal's build lock (so a portal build never reads a
   half-swapped folder), the copy is set aside to ``.<name>.sync-old``, the staging
   folder renamed into its place and the old copy removed.

Any failure before step 4 removes the staging folder and leaves the copy untouched.
A staging or set-aside folder is removed only when govsite made it (marked, or a
govsite copy), and the member's folder is replaced only when it is empty or a govsite
output: never a folder someone else made.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from govsite.base.manifest import MANIFEST
from govsite.pipeline.lock import cache_lock_path, exclusive
from govsite.pipeline.twin import link_file
from govsite.portalsync.remote import Entry, Failed, Listing, run
from govsite.portalsync.sources import Source

SYNCED = ".govsite-synced.json"
"""In the member's copy: each file's (MD5, size, manifest digest) as fetched, for the next sync."""
MARK = ".govsite-staging"
DATA_MANIFEST = "data/manifest.json"


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def _is_govsite_copy(folder: Path) -> bool:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("generator") == "govsite"


def _ours(folder: Path) -> bool:
    """Whether govsite made ``folder`` (and may remove it)."""
    return (folder / MARK).exists() or _is_govsite_copy(folder) or (folder.is_dir() and not any(folder.iterdir()))


def remove_ours(folder: Path) -> None:
    if folder.is_dir() and not folder.is_symlink():
        if not _ours(folder):
            raise Failed(f"{folder} 不是 govsite 创建的，未删除 / was not made by govsite; left alone")
        shutil.rmtree(folder)


def _previous(folder: Path) -> dict[str, Entry]:
    """What the copy holds: its sync record, else its build manifest's digests."""
    try:
        data = json.loads((folder / SYNCED).read_text(encoding="utf-8"))
        return {p: (str(e[0]), int(e[1]), str(e[2])) for p, e in data["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        pass
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return {str(p): ("", -1, str(d)) for p, d in data["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _unchanged(old: Entry | None, new: Entry, by_record: bool) -> bool:
    if old is None:
        return False
    if by_record:
        return old[0] == new[0] and old[1] == new[1]
    return bool(new[2]) and old[2] == new[2]


def _md5(path: Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, lambda: hashlib.md5(usedforsecurity=False)).hexdigest()


def _check_data(stage: Path, fetched: set[str]) -> None:
    """The fetched open-data files against ``data/manifest.json`` (SHA-256): what the portal reads."""
    try:
        listed = json.loads((stage / DATA_MANIFEST).read_text(encoding="utf-8")).get("files", [])
    except (OSError, ValueError, AttributeError):
        return  # the portal's build names an unreadable manifest itself
    for entry in listed if isinstance(listed, list) else []:
        path, sha = entry.get("path") if isinstance(entry, dict) else None, entry.get("sha256") if isinstance(entry, dict) else None
        if not isinstance(path, str) or not isinstance(sha, str) or path not in fetched:
            continue
        with open(stage / path, "rb") as fh:
            if hashlib.file_digest(fh, "sha256").hexdigest() != sha:
                raise Failed(f"{path} 与 {DATA_MANIFEST} 的 SHA-256 不符（成员网站正在发布？）/ "
                             f"does not match the SHA-256 in {DATA_MANIFEST} (was the member publishing?)")


def _fetch(source: Source, stage: Path, paths: list[str]) -> None:
    if not paths:
        return
    fd, listed = tempfile.mkstemp(prefix="govsite-sync-", suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("".join(p + "\n" for p in paths))
        outcome = run(source, "copy", source.spec, str(stage), "--files-from-raw", listed, "--no-traverse")
    finally:
        os.unlink(listed)
    if outcome.code != 0:
        from govsite.publish.rclone import failure_text

        raise Failed(f"rclone 退出码 {outcome.code}: {failure_text(outcome)}")


def assemble(source: Source, listing: Listing, stage: Path) -> tuple[dict[str, Entry], Changes]:
    """The new copy in ``stage`` (made here, marked); the record to keep and what changed."""
    copy = source.folder
    previous = _previous(copy) if _is_govsite_copy(copy) else {}
    remove_ours(stage)
    stage.mkdir(parents=True)
    (stage / MARK).write_bytes(b"")
    made: set[str] = set()
    fetch: list[str] = []
    record: dict[str, Entry] = {}
    changes = Changes()
    src, dst = str(copy) + os.sep, str(stage) + os.sep
    for path, entry in sorted(listing.files.items()):
        old = previous.get(path)
        if old is not None and _unchanged(old, entry, listing.by_record) and (copy / path).is_file():
            link_file(src, dst, path, made)
            record[path] = old if listing.by_record else (old[0], old[1], entry[2])
            continue
        fetch.append(path)
        (changes.changed if path in previous else changes.added).append(path)
    changes.removed = sorted(set(previous) - set(listing.files) - {MANIFEST, SYNCED})
    _fetch(source, stage, fetch)
    for path in fetch:
        file = stage / path
        if not file.is_file() or file.is_symlink():
            raise Failed(f"{path} 没有取得 / was not fetched")
        md5, size = _md5(file), file.stat().st_size
        expected = listing.files[path]
        if listing.by_record and (md5, size) != expected[:2]:
            raise Failed(f"{path} 的大小或 MD5 与发布记录不符"
                         f"{'（成员网站正在发布）' if listing.publishing else ''} / its size or MD5 differs from the publish record")
        record[path] = (md5, size, expected[2])
    _check_data(stage, set(fetch))
    manifest = listing.manifest or _manifest_text(listing).encode("utf-8")
    (stage / MANIFEST).write_bytes(manifest)
    (stage / SYNCED).write_text(json.dumps({"generator": "govsite", "files": {p: list(e) for p, e in sorted(record.items())}},
                                           ensure_ascii=False, indent=0), encoding="utf-8")
    return record, changes


def _manifest_text(listing: Listing) -> str:
    """A build manifest for a copy of a publish target (which has none: publish does not upload it)."""
    rows = ",\n".join(f"{json.dumps(p, ensure_ascii=False)}: {json.dumps(e[2])}" for p, e in sorted(listing.files.items()))
    return f'{{\n"generator": "govsite",\n"files": {{\n{rows}\n}}\n}}\n'


def aside_paths(folder: Path) -> tuple[Path, Path]:
    """The staging and set-aside folders of a member's copy (beside it: same file system, so renames)."""
    return folder.parent / f".{folder.name}.sync-staging", folder.parent / f".{folder.name}.sync-old"


def recover(folder: Path) -> None:
    """A copy set aside by a sync killed between its two renames is put back."""
    _stage, old = aside_paths(folder)
    if not folder.exists() and old.is_dir() and _is_govsite_copy(old):
        os.rename(old, folder)


def check_replaceable(folder: Path) -> None:
    if folder.is_symlink():
        raise Failed(f"{folder} 是符号链接，未替换 / is a symlink; not replaced")
    if folder.exists() and not (folder.is_dir() and _ours(folder)):
        raise Failed(f"{folder} 已存在且不是 govsite 的副本，未替换 / exists and is not a govsite copy; not replaced")


def swap(site: Path, folder: Path, stage: Path) -> None:
    """``stage`` becomes ``folder``, under the portal's build lock."""
    _stage, old = aside_paths(folder)
    (stage / MARK).unlink()
    with exclusive(cache_lock_path(site)):
        remove_ours(old)
        if folder.exists():
            os.rename(folder, old)
        os.rename(stage, folder)
    if old.exists():
        shutil.rmtree(old)
