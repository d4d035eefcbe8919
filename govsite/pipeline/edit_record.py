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
its year's open-data files, the items its page links to, and whether a feed or an
annual report shows it; plus every input file's size and time. A later quick build
whose only changes are item bodies (:mod:`govsite.pipeline.edits`) needs nothing
else. Stored with pickle beside the build stamp; deleting it is always safe.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govsite.base.cache import CACHE_DIR
from govsite.base.digests import sha1
from govsite.exports import records
from govsite.exports.opendata import year_items
from govsite.feeds.catalog import feed_items, site_feeds
from govsite.model.site_model import SiteModel
from govsite.problems import Problem
from govsite.render.digests import Digests

RECORD_FILE = f"{CACHE_DIR}/edit-record.pickle"
SCHEME = 1


@dataclass(frozen=True, slots=True)
class ItemFacts:
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
    """No feed, annual report or gazette issue shows its body: a body edit reaches only
    its page, its year's open data and its search shard."""


@dataclass
class EditRecord:
    scheme: int
    context: str
    """Digest of the version, output, --base-url and day the build ran for."""
    inputs: dict[str, tuple[int, int]]
    """Every input the build stamp walks (relative label → size, modification time)."""
    manifest: tuple[int, int, int] | None
    ledger: tuple[int, int, int] | None
    problems: tuple[Problem, ...]
    items: dict[str, ItemFacts]
    year_parts: dict[int, list[str]]
    """Each year's open-data digest parts, in file order."""
    item_template: str
    """The item template's digest, as the planner adds it."""
    memo: dict[str, Any] = field(default_factory=dict)
    """What post-render steps keep to follow an edit (step name → their data)."""


def _path(site: Path, out: Path) -> Path:
    return site / f"{RECORD_FILE}.{hashlib.sha1(str(out).encode()).hexdigest()[:12]}"


def signature(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def context_key(out: Path, base_url: str | None, today: str) -> str:
    from govsite import __version__

    return sha1(__version__, str(out), base_url or "", today)


def collect(model: SiteModel, fronts: dict[str, str]) -> tuple[dict[str, ItemFacts], dict[int, list[str]]]:
    """The facts of every item, from the linked model of a successful build."""
    shown: set[int] = set()
    for feed in site_feeds(model):
        shown.update(id(it) for it in feed_items(model, feed))
    annual = model.annual.by_item if model.annual is not None else {}
    printed = model.gazette.articles_by_item if model.gazette is not None else {}
    facts: dict[str, ItemFacts] = {}
    parts: dict[int, list[str]] = {}
    for year in model.by_year:
        ordered = year_items(model, year)
        parts[year] = [records.item_digest_part(model, it) for it in ordered]
        for position, item in enumerate(ordered):
            related = [item.interprets, item.superseded_by, *item.interpretations, *item.supersedes]
            front = fronts.get(item.source)
            if front is None:
                continue
            own = id(item) not in shown and item.fm.index_no not in annual and item.fm.index_no not in printed
            facts[item.source] = ItemFacts(front, item.url, item.fm.index_no, year, position,
                                           tuple(r.source for r in related if r is not None), own)
    return facts, parts


def write(site: Path, out: Path, record: EditRecord) -> None:
    """Best effort, like the stamp: a build never fails for its record."""
    path = _path(site, out)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            pickle.dump(record, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def read(site: Path, out: Path) -> EditRecord | None:
    try:
        with _path(site, out).open("rb") as fh:
            record = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
        return None
    return record if isinstance(record, EditRecord) and record.scheme == SCHEME else None


def forget(site: Path, out: Path) -> None:
    try:
        _path(site, out).unlink(missing_ok=True)
    except OSError:
        pass
