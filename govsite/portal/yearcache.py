"""The portal's per-year cache of its members' open data (年度数据摘要缓存).

Every portal build reads every member, and a member's ``data/items-YYYY.json`` carries
each item's whole record, body included: at 10,000 items a year that is megabytes a
year, for a portal that keeps of each item only its title, address, organisation,
date, columns and 主题分类. A year file is named in the member's ``data/manifest.json``
with its SHA-256, so what the portal keeps of it is cached under that digest: a
rebuild reads only the year files whose digest changed (a member's daily rebuild
changes the current year), and the cache answers for the rest without opening them.

The cache lives under the portal's own ``.govsite-cache/portal-years/`` (never in a
member's folder, which the portal only reads), one file per digest, each written to a
temporary file and renamed into place, so two builds, or a build killed half-way,
never leave a torn entry; an entry that cannot be read is read again from the member.
Entries no member names any more are removed after a build that read every member.
"""
from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from govsite.base.cache import CACHE_DIR

FOLDER = "portal-years"
FORMAT = 1
SUFFIX = ".pickle"

Record = tuple[str, str, str, str, tuple[str, ...], Any]
"""(title, page_url, issuer_name, publish_date as published, columns, theme) of one item."""


class YearCache:
    """The cache of one portal site; ``read`` lists the year files actually opened."""

    def __init__(self, site: Path) -> None:
        self.folder = site / CACHE_DIR / FOLDER
        self.used: set[str] = set()
        self.read: list[str] = []

    def _file(self, sha256: str) -> Path:
        return self.folder / f"{sha256}{SUFFIX}"

    @staticmethod
    def usable(sha256: Any) -> bool:
        return isinstance(sha256, str) and len(sha256) == 64 and all(c in "0123456789abcdef" for c in sha256)

    def load(self, sha256: str) -> list[Record] | None:
        self.used.add(sha256)
        try:
            with open(self._file(sha256), "rb") as fh:
                data = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError, IndexError):
            return None
        if not (isinstance(data, tuple) and len(data) == 2 and data[0] == FORMAT and isinstance(data[1], list)):
            return None
        return data[1]

    def store(self, sha256: str, records: list[Record]) -> None:
        """Best effort: a portal site folder that cannot be written is built without the cache."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".year-", suffix=".tmp", dir=self.folder)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((FORMAT, records), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self._file(sha256))
        except OSError:
            try:
                os.unlink(tmp)
            except OSError:
                pass

    def prune(self) -> None:
        """Remove the entries of digests no member named in this build."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for name in names:
            if name.endswith(SUFFIX) and name[: -len(SUFFIX)] not in self.used:
                try:
                    os.unlink(self.folder / name)
                except OSError:
                    pass
