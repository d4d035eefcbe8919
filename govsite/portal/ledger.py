"""The sync ledger (同步记录): what ``govsite portal sync`` found at each member, for
the dashboard's "whether its site answered at all at the last sync".

A member's local folder alone cannot say it: a failed ``rclone sync`` leaves the
previous copy, which reads as well as a fresh one. So every sync records, per member,
the time, whether the member answered (its whole published site was fetched and
checked), rclone's error in one line, and what changed; and the time of the copy
the folder now holds (the last sync that answered). The portal's build reads it.

One JSON file, ``<portal site>/.govsite-cache/portal-sync.json``, replaced atomically
after each member (a write to a temporary file, then ``os.replace``), so a sync killed
half-way keeps what it recorded. Deleting it only forgets the history: the dashboard
then shows the members as never synced until the next sync.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from govsite.base.cache import CACHE_DIR

LEDGER = "portal-sync.json"
FORMAT = "govsite-portal-sync/1"
HISTORY = 30
"""Entries kept per member (a month of daily syncs, the last first)."""


def ledger_path(site: Path) -> Path:
    return site / CACHE_DIR / LEDGER


@dataclass(frozen=True)
class SyncEntry:
    """One sync of one member."""

    time: str
    """When it ran, ISO 8601 with the Beijing offset."""
    answered: bool
    error: str = ""
    """rclone's error (or what was wrong with what it fetched), one line; empty when it answered."""
    added: int = 0
    changed: int = 0
    removed: int = 0
    examples: tuple[str, ...] = ()
    """The first paths that were added, changed or removed."""

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.time)


@dataclass
class MemberSync:
    """A member's lines of the ledger."""

    last: SyncEntry
    copy_of: str | None = None
    """Time of the sync that fetched the copy the folder holds; None when none ever answered."""
    history: list[SyncEntry] = field(default_factory=list)

    @property
    def copy_time(self) -> datetime | None:
        return datetime.fromisoformat(self.copy_of) if self.copy_of else None


def _entry(data: Any) -> SyncEntry | None:
    if not isinstance(data, dict) or not isinstance(data.get("time"), str) or not isinstance(data.get("answered"), bool):
        return None
    try:
        datetime.fromisoformat(data["time"])
    except ValueError:
        return None
    counts: dict[str, int] = {k: v if isinstance(v := data.get(k), int) else 0 for k in ("added", "changed", "removed")}
    examples = tuple(str(p) for p in data.get("examples", []) if isinstance(p, str))[:10]
    return SyncEntry(data["time"], data["answered"], str(data.get("error") or ""), examples=examples, **counts)


def read_ledger(site: Path) -> dict[str, MemberSync]:
    """Member id → its record; an absent or unreadable ledger is empty (never synced)."""
    try:
        data = json.loads(ledger_path(site).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("members"), dict):
        return {}
    found: dict[str, MemberSync] = {}
    for member_id, rec in data["members"].items():
        last = _entry(rec.get("last")) if isinstance(rec, dict) else None
        if last is None:
            continue
        copy_of = rec.get("copy_of") if isinstance(rec.get("copy_of"), str) else None
        history = [e for e in (_entry(h) for h in rec.get("history", []) if isinstance(rec.get("history"), list)) if e]
        found[str(member_id)] = MemberSync(last, copy_of, history)
    return found


def record(site: Path, member_id: str, entry: SyncEntry) -> MemberSync:
    """Add ``entry`` to the member's record and write the ledger atomically."""
    ledger = read_ledger(site)
    previous = ledger.get(member_id)
    copy_of = entry.time if entry.answered else (previous.copy_of if previous else None)
    history = [entry] + (previous.history if previous else [])
    ledger[member_id] = MemberSync(entry, copy_of, history[:HISTORY])
    _write(site, ledger)
    return ledger[member_id]


def _write(site: Path, ledger: dict[str, MemberSync]) -> None:
    def row(entry: SyncEntry) -> dict[str, Any]:
        data = asdict(entry)
        data["examples"] = list(entry.examples)
        return data

    members = {k: {"last": row(v.last), "copy_of": v.copy_of, "history": [row(e) for e in v.history]}
               for k, v in sorted(ledger.items())}
    text = json.dumps({"format": FORMAT, "members": members}, ensure_ascii=False, indent=1) + "\n"
    path = ledger_path(site)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".portal-sync-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
