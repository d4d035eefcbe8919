"""Syncing every member (同步全部成员网站): one at a time, each recorded in the ledger as
soon as it is done, so a sync stopped half-way keeps what it found.

One member that does not answer never stops the others. Two syncs of one portal never
run at once (``.govsite-cache/portal-sync.lock``; the second waits, as a second build
does); a portal build runs beside a sync and only waits for a swap (:mod:`.staging`).
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable

from govsite.base.cache import CACHE_DIR
from govsite.dates import BEIJING
from govsite.pipeline.lock import Waiting, exclusive
from govsite.portal.ledger import SyncEntry, record
from govsite.portalsync.remote import Failed, read_listing
from govsite.portalsync.sources import Source
from govsite.portalsync.staging import aside_paths, assemble, check_replaceable, recover, remove_ours, swap
from govsite.publish.errors import PublishError
from govsite.publish.rclone import binary

SYNC_LOCK = "portal-sync.lock"
EXAMPLES = 5


def now() -> str:
    return datetime.now(BEIJING).replace(microsecond=0).isoformat()


def sync_member(site: Path, source: Source) -> SyncEntry:
    """Fetch one member; its ledger entry (whatever happened)."""
    started = now()
    stage, _old = aside_paths(source.folder)
    try:
        recover(source.folder)
        check_replaceable(source.folder)
        listing = read_listing(source)
        _record, changes = assemble(source, listing, stage)
        swap(site, source.folder, stage)
    except (Failed, PublishError) as exc:
        try:
            remove_ours(stage)
        except Failed:
            pass  # someone else's folder of that name: left alone (the next sync says so)
        text = exc.message("zh") if isinstance(exc, PublishError) else str(exc)
        return SyncEntry(started, False, " ".join(text.split())[:500])
    shown = (changes.added + changes.changed + changes.removed)[:EXAMPLES]
    return SyncEntry(started, True, "", len(changes.added), len(changes.changed), len(changes.removed), tuple(shown))


def sync_all(site: Path, sources: list[Source], done: Callable[[Source, SyncEntry], None],
             waiting: Waiting | None = None) -> list[SyncEntry]:
    """Sync each member in turn; ``done`` is told of each as it is recorded."""
    binary()  # rclone missing is the portal's problem, not a member's: PublishError before any member
    entries = []
    with exclusive(site / CACHE_DIR / SYNC_LOCK, waiting):
        for source in sources:
            entry = sync_member(site, source)
            record(site, source.id, entry)
            done(source, entry)
            entries.append(entry)
    return entries
