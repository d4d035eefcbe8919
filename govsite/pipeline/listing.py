"""The input listing: what the last build's walk of the inputs saw, so that the next
walk ``stat``s the files it knows instead of listing every folder again (issue 18).

Every build fingerprints its inputs (:mod:`govsite.pipeline.stamp`): the size and
modification time of every file under ``content/``, ``templates/`` and ``static/``
and of the govsite package. At 100,000 items that walk (``os.scandir`` of 273
folders, a ``stat`` per file, a line of text per file hashed) took 0.3–0.4 s of
CPU, more than the whole target for a no-change build (0.3 s). Profiled
(docs/performance.md, "Edits: the fast path"), listing the folders cost 0.05 s,
the 100,004 ``stat`` calls 0.19 s, and formatting and sorting the entries the rest.

A file's content can change without its folder's time changing (an editor that
writes in place), so every file is still ``stat``-ed; but a folder whose time is
what the listing recorded (and was not modified within :data:`RACY_NS` of being
listed, when a change in the same clock tick could keep it) holds the same names,
so its files are ``stat``-ed by name through ``map`` (no Python loop), their
(size, time) packed and compared with the recorded ones as one ``bytes`` value, and
the folder's digest reused when they are equal. The no-change build of 100,000
items went from 0.61 s to 0.27 s of CPU with the build's front (imports). Only a changed folder is listed and hashed again. The
digests are those of the full walk (:func:`folder_digest`), so the edit record
compares the same values. Stored with ``marshal`` in ``.govsite-cache/``; deleting
it is safe (the next walk lists everything).
"""
from __future__ import annotations

import hashlib
import marshal
import operator
import os
from array import array
from itertools import chain
from pathlib import Path
from typing import Any, Iterable

from govsite.base.cache import CACHE_DIR, RACY_NS

LISTING_FILE = f"{CACHE_DIR}/input-listing.marshal"
SCHEME = 2
UNTRUSTED = 2**63
"""A "newest modification time" that no fingerprint trusts (a symlink among the inputs)."""
_SIG = operator.attrgetter("st_size", "st_mtime_ns")
_NAME = operator.attrgetter("name")

Entry = tuple[int, int, str, bytes, tuple[str, ...], str, int]
"""A folder as listed: (its time, when it was listed, its file names joined by NUL,
their (size, time) as 64-bit integers, subfolder names, digest of its own files,
newest time among them). Names and times are kept as one string and one ``bytes``
a folder: as 100,000 tuples, ``marshal.load`` took 0.2 s."""


def _packed(sigs: Iterable[tuple[int, int]]) -> bytes:
    return array("q", chain.from_iterable(sigs)).tobytes()


def _pairs(packed: bytes) -> list[tuple[int, int]]:
    values = array("q")
    values.frombytes(packed)
    return list(zip(values[::2], values[1::2]))


def _names(joined: str) -> list[str]:
    return joined.split("\0") if joined else []


def folder_digest(label: str, names: list[str], sigs: list[tuple[int, int]] | list[tuple[int, int] | None]) -> str:
    """The digest of one folder's own files (a ``None`` signature: removed while listed)."""
    lines = [f"{label}/\n"]
    for name, sig in zip(names, sigs):
        lines.append(f"{name}\0missing\n" if sig is None else f"{name}\0{sig[0]}\0{sig[1]}\n")
    return hashlib.sha1("".join(lines).encode()).hexdigest()


def _scan(path: str, label: str, now: int) -> Entry | None:
    """List one folder (hidden entries and ``__pycache__`` skipped); None when it cannot be listed."""
    try:
        mtime = os.stat(path).st_mtime_ns
        with os.scandir(path) as it:
            entries = list(it)
    except OSError:
        return None
    entries.sort(key=_NAME)
    names: list[str] = []
    sigs: list[tuple[int, int] | None] = []
    subs: list[str] = []
    newest = 0
    for entry in entries:
        name = entry.name
        if name[0] == "." or name == "__pycache__":
            continue
        if entry.is_symlink():  # its target may change unseen (or loop): never trusted
            newest = UNTRUSTED
            continue
        if entry.is_dir():
            subs.append(name)
            continue
        try:
            sig: tuple[int, int] | None = _SIG(entry.stat())
        except OSError:  # removed while we looked: the build reads the site
            sig = None
        names.append(name)
        sigs.append(sig)
        if sig is not None and sig[1] > newest:
            newest = sig[1]
    digest = folder_digest(label, names, sigs)
    if None in sigs:  # listed again next time
        return (-1, now, "", b"", tuple(subs), digest, newest)
    return (mtime, now, "\0".join(names), _packed(sigs), tuple(subs), digest, newest)  # type: ignore[arg-type]


class Walk:
    """One walk of the inputs against the stored listing."""

    def __init__(self, site: Path) -> None:
        self.path = site / LISTING_FILE
        self.old: dict[str, Entry] = {}
        try:
            with self.path.open("rb") as fh:
                data: Any = marshal.load(fh)
            if isinstance(data, dict) and data.get("scheme") == SCHEME:
                self.old = data["folders"]
        except (OSError, EOFError, ValueError, TypeError, KeyError):
            pass
        self.new: dict[str, Entry] = {}
        self.changed = False

    def folder(self, path: str, label: str, order: list[tuple[str, str]], now: int) -> int:
        """Walk ``path`` (labelled ``label``) and its subfolders: each folder's digest
        in walk order into ``order``; returns the newest file time seen."""
        entry = self._entry(path, label, now)
        if entry is None:  # missing (templates/ is optional) or unreadable: not an input
            return 0
        self.new[label] = entry
        order.append((label, entry[5]))
        newest = entry[6]
        prefix = path + os.sep
        for sub in entry[4]:
            newest = max(newest, self.folder(prefix + sub, f"{label}/{sub}", order, now))
        return newest

    def _entry(self, path: str, label: str, now: int) -> Entry | None:
        old = self.old.get(label)
        if old is not None and old[0] >= 0 and old[0] < old[1] - RACY_NS:
            try:
                same_folder = os.stat(path).st_mtime_ns == old[0]
            except OSError:
                same_folder = False
            if same_folder:
                names = _names(old[2])
                prefix = path + os.sep
                try:
                    packed = _packed(map(_SIG, map(os.stat, [prefix + n for n in names])))
                except OSError:  # removed in the same clock tick as its folder's time: list again
                    packed = None
                if packed == old[3]:
                    return old
                if packed is not None:
                    self.changed = True
                    sigs = _pairs(packed)
                    newest = max((s[1] for s in sigs), default=0)
                    return (old[0], old[1], old[2], packed, old[4], folder_digest(label, names, sigs),
                            UNTRUSTED if old[6] == UNTRUSTED else newest)
        entry = _scan(path, label, now)
        self.changed = self.changed or entry is not None
        return entry

    def files(self) -> dict[str, tuple[int, int]]:
        """Each file's (size, time), by its path under its label (``content/items/x/2025/00001.md``)."""
        found: dict[str, tuple[int, int]] = {}
        for label, entry in self.new.items():
            found.update(zip([f"{label}/{n}" for n in _names(entry[2])], _pairs(entry[3])))
        return found

    def save(self) -> None:
        """Keep this walk's listing for the next one (best effort; only when it differs)."""
        if not self.changed and self.new.keys() == self.old.keys():
            return
        tmp = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tmp.open("wb") as fh:
                marshal.dump({"scheme": SCHEME, "folders": self.new}, fh)
            os.replace(tmp, self.path)
        except (OSError, ValueError):
            try:
                tmp.unlink(missing_ok=True)
            except OSError:  # a read-only site: nothing was written
                pass
