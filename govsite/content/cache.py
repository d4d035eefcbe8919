"""A stat-keyed cache of file reads, so unchanged files are not parsed again.

Keyed by path, modification time (ns) and size, plus the govsite version and the
options that change how files are read. Stored in ``.govsite-cache/`` inside the
site folder; deleting it is always safe.
"""
from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any, Callable

from govsite import __version__

CACHE_DIR = ".govsite-cache"


class ReadCache:
    """Maps a relative path to the parsed result of its current version."""

    def __init__(self, root: Path, salt: str, name: str = "reads") -> None:
        self.path = root / CACHE_DIR / f"{name}.pickle"
        self.salt = f"{__version__}:{salt}"
        self._entries: dict[str, tuple[int, int, Any]] = {}
        self._dirty = False
        self._seen: set[str] = set()
        try:
            with self.path.open("rb") as fh:
                salt_on_disk, entries = pickle.load(fh)
            if salt_on_disk == self.salt:
                self._entries = entries
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
            self._entries = {}

    def get(self, rel: str, st: os.stat_result, compute: Callable[[], Any]) -> Any:
        self._seen.add(rel)
        hit = self._entries.get(rel)
        if hit is not None and hit[0] == st.st_mtime_ns and hit[1] == st.st_size:
            return hit[2]
        value = compute()
        self._entries[rel] = (st.st_mtime_ns, st.st_size, value)
        self._dirty = True
        return value

    def save(self) -> None:
        stale = set(self._entries) - self._seen
        for rel in stale:
            del self._entries[rel]
        if not (self._dirty or stale):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump((self.salt, self._entries), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.path)
