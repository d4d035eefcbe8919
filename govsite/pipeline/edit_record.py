"""The edit record: what a build saw and made, kept so that the next quick build can
follow a body edit without reading the site (Lektor's dependency database, narrowed
to what a body edit can reach).

A one-item edit at 100,000 items took 11.7 s (docs/performance.md, 2026-12-05):
reading the read cache (≈ 4 s), linking the model and planning all 125,000 outputs,
all to rewrite 4 files. The body of an item reaches exactly: its own page, the
open-data files of its year (``body_md``), the data manifest that lists their
checksums, its search text shard, and the feeds that show an excerpt of it. So
after each page-by-page build this module records, per item file, the digest of
its front matter (what every other page may show of it), its page, its place in
its year's open-data files, the items its page links to, and whether a feed, an
annual report or a gazette issue shows it; plus every input file's size and time.
A later quick build whose only changes are item bodies
(:mod:`govsite.pipeline.edits`) needs nothing else.

Stored with ``marshal`` (plain tuples and dicts: loading the record of 10,000 items
took 0.17 s as pickled dataclasses, most of it their ``__setstate__``), and what a
followed edit changes goes to a small second file (:func:`write_delta`) instead of
rewriting the whole record (0.43 s at 10,000 items). Deleting either is always safe.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from govsite.base.cache import CACHE_DIR
from govsite.base.digests import sha1
from govsite.problems import Problem

RECORD_FILE = f"{CACHE_DIR}/edit-record"
SCHEME = 2


class ItemFacts(NamedTuple):
    """What the rest of the site takes from one item file, besides its body."""

    front: str
    """Digest of the front matter text and of the problems the reader found in the file."""
    page: str
    """Its page's output path."""
    index_no: str
    year: int
    position: int
    """Its place among its year's open-data records."""
    related: tuple[str, ...]
    """Sources of the items its page shows (policy, interpretations, predecessors)."""
    own_only: bool
    """No feed shows an excerpt of its body, and it is no annual report and no gazette
    article: a body edit reaches only its page, its year's open data and its search shard."""


@dataclass
class EditRecord:
    context: str
    """Digest of the version, output, --base-url and day the build ran for."""
    inputs: dict[str, tuple[int, int]]
    """Every input the build stamp walks (relative label → size, modification time)."""
    manifest: tuple[int, int, int] | None
    ledger: tuple[int, int, int] | None
    problems: tuple[Problem, ...]
    items: dict[str, tuple]
    """Item file → the fields of its :class:`ItemFacts`."""
    year_parts: dict[int, list[str]]
    """Each year's open-data digest parts, in file order."""
    item_template: str
    """The item template's digest, as the planner adds it."""
    search: dict[str, Any] = field(default_factory=dict)
    """The search index's state file, its stale mark and each page's text shard."""
    folders: list[str] = field(default_factory=list)
    """The output's folders that hold files (for the build stamp; a body edit adds none)."""
    parts: dict[str, str] = field(default_factory=dict)
    """Open-data digest parts of items edited since the record was made (from the delta)."""
    token: str = ""
    edited: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Size and time of the files edited since the record was made (from the delta)."""

    def facts(self, rel: str) -> ItemFacts | None:
        found = self.items.get(rel)
        return ItemFacts(*found) if found is not None else None


def _paths(site: Path, out: Path) -> tuple[Path, Path]:
    key = hashlib.sha1(str(out).encode()).hexdigest()[:12]
    base = site / f"{RECORD_FILE}.{key}"
    return base, base.with_name(base.name + ".delta")


def signature(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def context_key(out: Path, base_url: str | None, today: str) -> str:
    from govsite import __version__

    return sha1(__version__, str(out), base_url or "", today)


def _dump(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            marshal.dump(data, fh)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def write(site: Path, out: Path, record: EditRecord) -> None:
    """Best effort, like the stamp: a build never fails for its record."""
    base, delta = _paths(site, out)
    try:
        delta.unlink(missing_ok=True)
    except OSError:
        return
    record.token = hashlib.sha1(os.urandom(16)).hexdigest()
    _dump(base, {"scheme": SCHEME, "token": record.token, "context": record.context, "inputs": record.inputs,
                 "manifest": record.manifest, "ledger": record.ledger,
                 "problems": pickle.dumps(record.problems, protocol=pickle.HIGHEST_PROTOCOL),
                 "items": record.items, "year_parts": record.year_parts, "item_template": record.item_template,
                 "search": record.search, "folders": record.folders})


def write_delta(site: Path, out: Path, record: EditRecord) -> None:
    """What followed edits changed: the edited files' times, open-data parts and the manifest."""
    _dump(_paths(site, out)[1], {"token": record.token, "inputs": record.edited, "parts": record.parts,
                                 "manifest": record.manifest})


def read(site: Path, out: Path) -> EditRecord | None:
    base, delta = _paths(site, out)
    try:
        with base.open("rb") as fh:
            data = marshal.load(fh)
        if data.get("scheme") != SCHEME:
            return None
        record = EditRecord(data["context"], data["inputs"], data["manifest"], data["ledger"],
                            pickle.loads(data["problems"]), data["items"], data["year_parts"],
                            data["item_template"], data["search"], data["folders"], {}, data["token"])
    except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError, pickle.UnpicklingError, ImportError):
        return None
    try:
        with delta.open("rb") as fh:
            changes = marshal.load(fh)
        if changes.get("token") == record.token:
            record.edited = changes["inputs"]
            record.inputs.update(record.edited)
            record.parts = changes["parts"]
            record.manifest = changes["manifest"]
    except (OSError, EOFError, ValueError, TypeError, KeyError, AttributeError):
        pass
    return record


def forget(site: Path, out: Path) -> None:
    for path in _paths(site, out):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def collect(model: Any, fronts: dict[str, str]) -> tuple[dict[str, tuple], dict[int, list[str]]]:
    """The facts of every item (:class:`ItemFacts` as tuples) and each year's open-data
    digest parts, from the linked model of a successful build."""
    from govsite.exports import records
    from govsite.exports.opendata import year_items
    from govsite.feeds.catalog import feed_items, site_feeds
    from govsite.feeds.entries import entry_shows_body

    shown: set[int] = set()
    for feed in site_feeds(model):
        if feed.kind != "gazette":  # the gazette feed lists issues; printed items are not followed anyway
            shown.update(id(it) for it in feed_items(model, feed) if entry_shows_body(it))
    annual = model.annual.by_item if model.annual is not None else {}
    printed = model.gazette.articles_by_item if model.gazette is not None else {}
    facts: dict[str, tuple] = {}
    parts: dict[int, list[str]] = {}
    for year in model.by_year:
        ordered = year_items(model, year)
        parts[year] = [records.item_digest_part(model, it) for it in ordered]
        for position, item in enumerate(ordered):
            front = fronts.get(item.source)
            if not front:
                continue
            related = [item.interprets, item.superseded_by, *item.interpretations, *item.supersedes]
            own = id(item) not in shown and item.fm.index_no not in annual and item.fm.index_no not in printed
            facts[item.source] = (front, item.url, item.fm.index_no, year, position,
                                  tuple(r.source for r in related if r is not None), own)
    return facts, parts
