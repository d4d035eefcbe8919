"""What a publish uploads and deletes, by checksum.

With the target's record (:mod:`govsite.publish.state`) a file is compared without
touching the target: when its manifest digest and size are those recorded, the build
made it from the same inputs and it is unchanged (builds are deterministic); when
they differ its MD5 is computed and compared with the recorded one, so a rebuild
that rewrote identical bytes (a changed ``site.yaml`` re-renders every page) uploads
nothing. What the record lists and the build no longer has is deleted.

Without a record (the first publish, a target filled by another tool, or
``--full``), the target is listed with rclone (``lsjson --hash-type md5``): a file
is uploaded unless the target has it with the same size and MD5. A backend that
keeps no MD5 (WebDAV) gets every file again. Nothing is deleted then, except what
an unfinished publish had uploaded: a file on the target that govsite did not
record may belong to someone else; the plan counts such files and leaves them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from govsite.publish import rclone
from govsite.publish.local import LocalFile, md5_of
from govsite.publish.phases import PHASES, phase_of
from govsite.publish.state import Entry, Published
from govsite.publish.target import Target

_HEAD = 1024


@dataclass
class Plan:
    """Uploads in batches, in order, then deletions; and the record to write after them."""

    batches: list[tuple[str, list[str]]] = field(default_factory=list)
    """(phase, paths), in upload order; a phase may have several batches (the search index)."""
    deletions: list[str] = field(default_factory=list)
    unchanged: int = 0
    by_record: bool = True
    """Compared with the target's record (else with a listing of the target)."""
    full: bool = False
    """``--full``: listed although a record was there."""
    unverifiable: bool = False
    """Listing mode on a target that keeps no MD5: every file is uploaded."""
    left_alone: list[str] = field(default_factory=list)
    """Listing mode: files on the target that this build does not have and govsite did not record."""
    resumed: int = 0
    """Paths of an unfinished publish that this one completes."""
    record: dict[str, Entry] = field(default_factory=dict)

    @property
    def uploads(self) -> list[str]:
        return [path for _phase, paths in self.batches for path in paths]

    def counts(self) -> dict[str, int]:
        """Files per phase (``delete`` included), every phase listed."""
        counts = dict.fromkeys(PHASES, 0)
        for phase, paths in self.batches:
            counts[phase] += len(paths)
        counts["delete"] = len(self.deletions)
        return counts

    @property
    def empty(self) -> bool:
        return not self.batches and not self.deletions


def _head(out: Path, path: str) -> bytes:
    if not path.endswith(".html"):
        return b""
    with open(out / path, "rb") as fh:
        return fh.read(_HEAD)


def _batches(out: Path, changed: list[str]) -> list[tuple[str, list[str]]]:
    keyed: dict[tuple[int, int], list[str]] = {}
    for path in changed:
        phase, step = phase_of(path, _head(out, path))
        keyed.setdefault((PHASES.index(phase), step), []).append(path)
    return [(PHASES[key[0]], sorted(paths)) for key, paths in sorted(keyed.items())]


def _listing(target: Target) -> dict[str, tuple[int, str | None]]:
    """Path → (size, MD5 or None) of every file on the target (empty when it does not exist)."""
    outcome = rclone.run(["lsjson", "-R", "--files-only", "--hash-type", "md5", target.spec], "read",
                         target.spec, allowed=(0, *rclone.MISSING))
    if outcome.code != 0:
        return {}
    found = {}
    for entry in json.loads(outcome.stdout.decode("utf-8") or "[]"):
        hashes = entry.get("Hashes") or {}
        found[str(entry["Path"])] = (int(entry.get("Size", -1)), hashes.get("md5") or None)
    return found


def _deletable(path: str) -> bool:
    """A path read from the target's record that may be deleted: inside the target, not the record itself."""
    parts = path.split("/")
    return bool(path) and not path.startswith(".govsite-") and all(part not in ("", ".", "..") for part in parts) \
        and "\\" not in path


def make_plan(out: Path, files: list[LocalFile], published: Published, target: Target, full: bool = False) -> Plan:
    """The plan that brings ``target`` to the ``files`` of ``out``."""
    plan = Plan(by_record=published.found and not full, full=full and published.found)
    changed: list[str] = []
    remote = {} if plan.by_record else _listing(target)
    plan.unverifiable = not plan.by_record and bool(remote) and all(md5 is None for _s, md5 in remote.values())
    for f in files:
        old = published.files.get(f.path)
        if plan.by_record and old is not None and old[2] == f.digest and old[1] == f.size:
            md5 = old[0]
        else:
            md5 = md5_of(out, f.path)
        plan.record[f.path] = (md5, f.size, f.digest)
        if plan.by_record:
            same = old is not None and old[0] == md5 and old[1] == f.size
        else:
            there = remote.get(f.path)
            same = there is not None and there == (f.size, md5)
        if same and f.path not in published.pending:
            plan.unchanged += 1
        else:
            changed.append(f.path)
    plan.batches = _batches(out, changed)
    ours = set(published.files) | published.pending
    plan.deletions = sorted(path for path in ours - plan.record.keys() if _deletable(path))
    plan.resumed = len(published.pending)
    if not plan.by_record:
        plan.left_alone = sorted(path for path in remote.keys() - plan.record.keys() - ours
                                 if not path.startswith(".govsite-"))
    return plan
