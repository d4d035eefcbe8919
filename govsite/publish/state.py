"""What the target holds, recorded on the target itself.

``.govsite-published.json`` lists every file the last complete publish put there,
with its MD5, size and the build manifest's digest. The next publish compares the
new build with it, so that it uploads only files whose bytes changed, without
listing or hashing the target (a bucket of 100,000 objects), and deletes only files
govsite published (never another file that shares the bucket). It is written last,
after every upload and deletion succeeded.

``.govsite-publishing.json`` lists the paths a publish is about to upload or delete;
it is written before the first upload and removed after the record. When it is
still there, a publish stopped half-way (an error, a kill, a lost connection): the
next publish uploads those paths again whatever the record says, and deletes those
the build no longer has. So a target that a failed publish left with a mix of old and
new files is always completed, even when the output went back to what the record
says in between.

Both are small JSON files read with ``rclone cat`` and written with ``rclone copyto``;
they are public like the site, and hold nothing but paths and checksums.
"""
from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govsite.publish import rclone
from govsite.publish.target import Target

STATE_FILE = ".govsite-published.json"
PENDING_FILE = ".govsite-publishing.json"
FORMAT = 1

Entry = tuple[str, int, str]
"""(MD5, size, manifest digest) of a published file."""


@dataclass
class Published:
    """The record read from the target."""

    files: dict[str, Entry] = field(default_factory=dict)
    pending: set[str] = field(default_factory=set)
    found: bool = False
    """Whether a complete record was there."""
    unreadable: str = ""
    """Why a record that exists could not be used (empty when it could, or there was none)."""


def _read_json(target: Target, name: str) -> Any:
    """The parsed file, or None when it does not exist; ValueError when it is not JSON."""
    outcome = rclone.run(["cat", target.join(name)], "read", target.spec, allowed=(0, *rclone.MISSING))
    if outcome.code != 0:
        return None
    return json.loads(outcome.stdout.decode("utf-8"))


def _valid(data: Any, key: str) -> bool:
    return isinstance(data, dict) and data.get("generator") == "govsite" and data.get("format") == FORMAT \
        and key in data


def read_published(target: Target) -> Published:
    """The record and the paths of an unfinished publish."""
    published = Published()
    try:
        data = _read_json(target, STATE_FILE)
        if data is not None:
            if not _valid(data, "files") or not isinstance(data["files"], dict):
                raise ValueError("not a govsite publish record")
            published.files = {path: (str(v[0]), int(v[1]), str(v[2])) for path, v in data["files"].items()}
            published.found = True
    except (ValueError, TypeError, IndexError, UnicodeDecodeError) as exc:
        published.files, published.unreadable = {}, str(exc)[:200]
    try:
        data = _read_json(target, PENDING_FILE)
        if _valid(data, "paths") and isinstance(data["paths"], list):
            published.pending = {str(path) for path in data["paths"]}
    except (ValueError, UnicodeDecodeError):
        pass  # an unreadable pending list: the upload below rewrites it
    return published


def _dumps_files(files: dict[str, Entry]) -> str:
    """One file a line, like the build manifest (readable in a diff, cheap to write)."""
    dumps = json.dumps
    return ",\n".join(f"{dumps(path, ensure_ascii=False)}: {dumps(list(entry))}" for path, entry in sorted(files.items()))


def _upload(target: Target, name: str, text: str, phase: str) -> None:
    with tempfile.TemporaryDirectory(prefix="govsite-publish-") as tmp:
        local = Path(tmp) / name
        local.write_text(text, encoding="utf-8")
        rclone.run(["copyto", str(local), target.join(name), "--ignore-times"], phase, target.spec)


def write_pending(target: Target, paths: set[str]) -> None:
    text = json.dumps({"generator": "govsite", "format": FORMAT, "paths": sorted(paths)}, ensure_ascii=False,
                      indent=0)
    _upload(target, PENDING_FILE, text, "state")


def write_state(target: Target, files: dict[str, Entry]) -> None:
    text = f'{{\n"generator": "govsite",\n"format": {FORMAT},\n"files": {{\n{_dumps_files(files)}\n}}\n}}\n'
    _upload(target, STATE_FILE, text, "state")


def remove_pending(target: Target) -> None:
    rclone.run(["deletefile", target.join(PENDING_FILE)], "state", target.spec, allowed=(0, *rclone.MISSING))
