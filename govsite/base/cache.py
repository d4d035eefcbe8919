"""A stat-keyed cache of file reads, so unchanged files are not parsed again.

Keyed by path, modification time (ns) and size, plus the govsite version, the
signature of govsite's own code and the options that change how files are read.
The code signature matters in a development checkout, whose version number stays
the same while its rules change: a file read (and found valid) by yesterday's
rules must be read again by today's. It costs ≈ 1 ms (stat of ≈ 140 modules). Stored in ``.govsite-cache/`` inside the
site folder in shards, so that changing one file rewrites one small shard, not
the whole cache. Deleting the cache is always safe.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import time
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from govsite import __version__

CACHE_DIR = ".govsite-cache"
SHARDS = 32
RACY_NS = 2_000_000_000
"""Files modified less than this long ago are not cached."""


@lru_cache(maxsize=1)
def code_signature() -> str:
    """Path, size and modification time of every module of the govsite package."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    h = hashlib.sha1()
    for dirpath, dirs, names in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if name.endswith(".py"):
                st = os.stat(os.path.join(dirpath, name))
                h.update(f"{os.path.relpath(dirpath, package)}/{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def _shard_of(rel: str) -> int:
    return zlib.crc32(os.path.dirname(rel).encode("utf-8")) % SHARDS


class ReadCache:
    """Maps a relative path to the parsed result of its current version."""

    def __init__(self, root: Path, salt: str, name: str = "reads") -> None:
        self.folder = root / CACHE_DIR / name
        from govsite.markdown import ENGINE  # not imported by the build stamp and the input listing (RACY_NS)

        self.salt = f"{__version__}:{code_signature()}:{ENGINE}:{salt}"
        self._shards: list[dict[str, tuple[int, int, Any]]] = [{} for _ in range(SHARDS)]
        self._dirty: set[int] = set()
        self._seen: set[str] = set()
        for n in range(SHARDS):
            try:
                with (self.folder / f"{n:02d}.pickle").open("rb") as fh:
                    salt_on_disk, entries = pickle.load(fh)
                if salt_on_disk == self.salt:
                    self._shards[n] = entries
            except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
                continue

    def get(self, rel: str, st: os.stat_result, compute: Callable[[], Any]) -> Any:
        """The cached value for ``rel`` if its stat is unchanged, else ``compute()``."""
        value = self.lookup(rel, st)
        if value is None:
            value = compute()
            self.put(rel, st, value)
        return value

    def lookup(self, rel: str, st: os.stat_result) -> Any:
        """The cached value for ``rel`` if its stat is unchanged, else None."""
        self._seen.add(rel)
        hit = self._shards[_shard_of(rel)].get(rel)
        if hit is not None and hit[0] == st.st_mtime_ns and hit[1] == st.st_size:
            return hit[2]
        return None

    def put(self, rel: str, st: os.stat_result, value: Any) -> None:
        """Remember ``value`` (not None) for this version of ``rel``, unless the file is
        so new that an edit in the same clock tick could keep its size and time (git's
        "racy" rule): such a file is read again next time."""
        self._seen.add(rel)
        if st.st_mtime_ns > time.time_ns() - RACY_NS:
            return
        shard_no = _shard_of(rel)
        self._shards[shard_no][rel] = (st.st_mtime_ns, st.st_size, value)
        self._dirty.add(shard_no)

    def save(self) -> None:
        """Write the shards that changed; forget files that no longer exist. Best effort,
        like the build stamp and the compiled templates: a site folder where the cache
        cannot be written (a read-only checkout, a full disk) is read again next time."""
        try:
            self._save()
        except OSError:
            pass

    def _save(self) -> None:
        for n, shard in enumerate(self._shards):
            stale = [rel for rel in shard if rel not in self._seen]
            for rel in stale:
                del shard[rel]
            if stale:
                self._dirty.add(n)
        if not self._dirty:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for n in sorted(self._dirty):
            tmp = self.folder / f"{n:02d}.{os.getpid()}.tmp"  # per process: a `check` may save beside a build
            try:
                with tmp.open("wb") as fh:
                    pickle.dump((self.salt, self._shards[n]), fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self.folder / f"{n:02d}.pickle")
            finally:
                tmp.unlink(missing_ok=True)
        self._dirty.clear()
