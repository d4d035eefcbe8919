"""What a member publishes, read from where it is synced from (成员网站的文件清单).

A member's published site says itself which files it holds, so the sync never lists
a folder (an http server has no listing to give, and a bucket of 100,000 objects is
slow to list):

- ``.govsite-published.json``, the record ``govsite publish`` writes on a target after
  a complete publish (:mod:`govsite.publish.state`): every file with its MD5, size and
  build-manifest digest. A ``.govsite-publishing.json`` beside it means a publish is
  under way: the files may not match the record yet, and the sync says so if they do not.
- else ``.govsite-manifest.json``, the build manifest of an output folder served as
  it is (an intranet server pointing at a member's ``output/``): every file with the
  digest of its inputs, no content hash; the open data's files are then checked
  against the SHA-256 and size of ``data/manifest.json``.

rclone reads both with ``rclone copyto`` through the same backend as the files.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from typing import Any

from govsite.base.manifest import MANIFEST
from govsite.portalsync.sources import Source
from govsite.publish import rclone
from govsite.publish.state import FORMAT as RECORD_FORMAT, PENDING_FILE, STATE_FILE

RCLONE_FLAGS = ("--retries", "1", "--low-level-retries", "2", "--contimeout", "10s", "--timeout", "60s")
"""Fail fast: a member that does not answer is recorded and the next sync tries again."""

Entry = tuple[str, int, str]
"""(MD5 or "", size or -1, manifest digest) of a file: what is known of it before it is fetched."""


class Failed(Exception):
    """The member did not answer, or what it answered cannot be used: one line saying why."""


@dataclass
class Listing:
    """The files a member publishes."""

    files: dict[str, Entry]
    by_record: bool
    """From ``.govsite-published.json`` (MD5 and size known) rather than the build manifest."""
    manifest: bytes = b""
    """The build manifest's bytes, when that is what was read (it is written as it is)."""
    publishing: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def rclone_args(source: Source, *args: str) -> list[str]:
    """``args`` with the flags every sync command gets (the http backend's address)."""
    return [*args, *RCLONE_FLAGS, *(("--http-url", source.http_url) if source.http_url else ())]


def run(source: Source, *args: str) -> rclone.Outcome:
    """rclone's outcome, whatever its exit code (a failure is the caller's to record)."""
    return rclone.run(rclone_args(source, *args), "read", source.spec, allowed=tuple(range(256)))


def _one_line(outcome: rclone.Outcome) -> str:
    return f"rclone 退出码 {outcome.code}: " + rclone.failure_text(outcome)


def _cat(source: Source, name: str) -> bytes | None:
    """The file's bytes; None when the member answered that it does not have it.
    (``rclone copyto``, not ``cat``: the http backend's ``cat`` lists the folder, and a
    published site serves no folder listings.)"""
    with tempfile.TemporaryDirectory(prefix="govsite-sync-") as tmp:
        outcome = run(source, "copyto", source.join(name), os.path.join(tmp, "file"))
        if outcome.code == 0:
            with open(os.path.join(tmp, "file"), "rb") as fh:
                return fh.read()
    if outcome.code in rclone.MISSING and not any("connection refused" in e or "timeout" in e for e in outcome.errors):
        return None
    raise Failed(_one_line(outcome))


def _json(raw: bytes, name: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise Failed(f"{name} 不是 JSON / is not JSON: {str(exc)[:200]}") from None


def _path_ok(path: str) -> bool:
    """A relative path inside the member's folder (a listing must not reach outside it)."""
    parts = path.split("/")
    return bool(path) and not path.startswith("/") and "\\" not in path and "" not in parts \
        and not any(p in (".", "..") for p in parts) and not any(ord(ch) < 32 for ch in path)


def read_listing(source: Source) -> Listing:
    """What the member publishes; :class:`Failed` when it does not answer or is not a govsite site."""
    raw = _cat(source, STATE_FILE)
    if raw is not None:
        data = _json(raw, STATE_FILE)
        if not (isinstance(data, dict) and data.get("generator") == "govsite" and data.get("format") == RECORD_FORMAT
                and isinstance(data.get("files"), dict)):
            raise Failed(f"{STATE_FILE} 不是 govsite publish 的发布记录 / is not a govsite publish record")
        files: dict[str, Entry] = {}
        for path, entry in data["files"].items():
            try:
                files[str(path)] = (str(entry[0]), int(entry[1]), str(entry[2]))
            except (TypeError, ValueError, IndexError):
                raise Failed(f"{STATE_FILE}: {path!r} = {entry!r}（应为 [MD5, 大小, 摘要] / expected [MD5, size, digest]）") from None
        listing = Listing(files, True, publishing=_cat(source, PENDING_FILE) is not None)
    else:
        raw = _cat(source, MANIFEST)
        if raw is None:
            raise Failed(f"既没有 {STATE_FILE} 也没有 {MANIFEST}：不是 govsite 发布的网站 / "
                         f"neither {STATE_FILE} nor {MANIFEST}: not a site published by govsite")
        data = _json(raw, MANIFEST)
        if not (isinstance(data, dict) and data.get("generator") == "govsite" and isinstance(data.get("files"), dict)):
            raise Failed(f"{MANIFEST} 不是 govsite 的构建清单 / is not a govsite build manifest")
        listing = Listing({str(p): ("", -1, str(d)) for p, d in data["files"].items()}, False, manifest=raw)
    bad = [p for p in listing.files if not _path_ok(p) or p.split("/")[0].startswith(".govsite")]
    if bad:
        raise Failed(f"文件清单中的路径 {bad[0]!r} 不在网站目录内 / the listing names a path outside the site: {bad[0]!r}")
    return listing
