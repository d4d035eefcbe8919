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
its year's open-data files, the items its page links to, its search shard, and
whether a feed, an annual report or a gazette issue shows it.

The record is split so that an edit loads only what it touches: a small head (the
digest of each input folder's files, from the build stamp's walk), one file per
folder of items (their sizes, times and facts) and one per year (the open-data
digest parts). Kept as one file it was 36 MB at 100,000 items and took 1.5 s to
load. Stored with ``marshal`` (plain tuples and dicts: pickled dataclasses took
0.17 s at 10,000 items, most of it their ``__setstate__``). Deleting it is safe.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from govsite.base.cache import CACHE_DIR
from govsite.base.digests import sha1
from govsite.base.manifest import MANIFEST as MANIFEST_NAME
from govsite.problems import Problem

RECORD_DIR = f"{CACHE_DIR}/edit-record"
SCHEME = 4
ARTICLE = "article"
"""The kind of a gazette article's facts (an item's is "item")."""


class ItemFacts(NamedTuple):
    """What the rest of the site takes from one item file, besides its body (or from
    one gazette article with its own text: ``kind`` :data:`ARTICLE`, no 索引号, no
    open data: its body reaches its page and its search shard only)."""

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
    shard: str
    """Its page's search text shard ("" when it has none)."""
    kind: str = "item"


@dataclass
class Folder:
    """One folder of item files as the record saw it."""

    files: dict[str, tuple[int, int]]
    """Item file → (size, modification time ns)."""
    items: dict[str, tuple]
    """Item file → the fields of its :class:`ItemFacts`."""


@dataclass
class EditRecord:
    root: Path
    context: str
    """Digest of the version, output, --base-url and day the build ran for."""
    folders: dict[str, str]
    """Each input folder (and single input file) → digest of its files (the stamp's walk)."""
    manifest: tuple[int, int, int] | None
    ledger: tuple[int, int, int] | None
    templates: dict[str, str]
    """The digest of the item and gazette article templates, as the planner adds them."""
    search: tuple[str, str]
    """The search index's state file and its stale mark."""
    output_folders: list[str] = field(default_factory=list)
    """The output's folders that hold files (for the build stamp; a body edit adds none)."""

    def folder(self, label: str) -> Folder | None:
        data = _load(self.root / _name("d", label))
        return Folder(data["files"], data["items"]) if isinstance(data, dict) else None

    def save_folder(self, label: str, folder: Folder) -> None:
        _dump(self.root / _name("d", label), {"files": folder.files, "items": folder.items})

    def year_parts(self, year: int) -> list[str] | None:
        data = _load(self.root / f"y{year}.marshal")
        return data if isinstance(data, list) else None

    def save_year_parts(self, year: int, parts: list[str]) -> None:
        _dump(self.root / f"y{year}.marshal", parts)

    def problems(self) -> tuple[Problem, ...] | None:
        try:
            found = pickle.loads((self.root / "problems.pickle").read_bytes())
        except (OSError, EOFError, ValueError, TypeError, AttributeError, pickle.UnpicklingError, ImportError):
            return None
        return found if isinstance(found, tuple) else None

    def save_head(self) -> None:
        _dump(self.root / "head.marshal", {
            "scheme": SCHEME, "context": self.context, "folders": self.folders, "manifest": self.manifest,
            "ledger": self.ledger, "templates": self.templates, "search": self.search,
            "output_folders": self.output_folders})


def _name(kind: str, label: str) -> str:
    return f"{kind}{hashlib.sha1(label.encode('utf-8')).hexdigest()[:16]}.marshal"


def _load(path: Path) -> Any:
    try:
        with path.open("rb") as fh:
            return marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def _dump(path: Path, data: Any) -> None:
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as fh:
            marshal.dump(data, fh)
        os.replace(tmp, path)
    except (OSError, ValueError):
        tmp.unlink(missing_ok=True)


def record_dir(site: Path, out: Path) -> Path:
    return site / f"{RECORD_DIR}.{hashlib.sha1(str(out).encode()).hexdigest()[:12]}"


def signature(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def context_key(out: Path, base_url: str | None, today: str) -> str:
    from govsite import __version__

    return sha1(__version__, str(out), base_url or "", today)


def scan(site: Path, label: str) -> dict[str, tuple[int, int]] | None:
    """The (size, time) of each file of one input folder, as the stamp's walk sees it."""
    found: dict[str, tuple[int, int]] = {}
    try:
        with os.scandir(site / label) as it:
            for entry in it:
                if entry.name.startswith(".") or entry.name == "__pycache__" or entry.is_dir():
                    continue
                if entry.is_symlink():
                    return None
                st = entry.stat()
                found[f"{label}/{entry.name}"] = (st.st_size, st.st_mtime_ns)
    except OSError:
        return None
    return found


def write(site: Path, out: Path, record: EditRecord, problems: tuple[Problem, ...],
          folders: dict[str, Folder], years: dict[int, list[str]]) -> None:
    """A new record (best effort, like the stamp: a build never fails for its record)."""
    forget(site, out)
    try:
        record.root.mkdir(parents=True)
        (record.root / "problems.pickle").write_bytes(pickle.dumps(problems, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        return
    for label, folder in folders.items():
        record.save_folder(label, folder)
    for year, parts in years.items():
        record.save_year_parts(year, parts)
    record.save_head()  # last: a record without its head is not read


def read(site: Path, out: Path) -> EditRecord | None:
    root = record_dir(site, out)
    data = _load(root / "head.marshal")
    if not isinstance(data, dict) or data.get("scheme") != SCHEME:
        return None
    try:
        return EditRecord(root, data["context"], data["folders"], data["manifest"], data["ledger"],
                          data["templates"], tuple(data["search"]), data["output_folders"])
    except (KeyError, TypeError, ValueError):
        return None


def forget(site: Path, out: Path) -> None:
    folder = record_dir(site, out)
    if folder.is_dir() and not folder.is_symlink():
        shutil.rmtree(folder, ignore_errors=True)
    else:
        try:
            folder.unlink(missing_ok=True)
        except OSError:
            pass


def collect(model: Any, fronts: dict[str, str], shards: dict[str, str],
            stamp: dict[str, tuple[int, int]]) -> tuple[dict[str, Folder], dict[int, list[str]]]:
    """Every folder of items with its files' facts, and each year's open-data digest
    parts, from the linked model of a successful build. ``stamp``: each item file's
    (size, time) as the build's stamp saw them before reading."""
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
    folders: dict[str, Folder] = {}
    years: dict[int, list[str]] = {}
    for year in model.by_year:
        ordered = year_items(model, year)
        years[year] = [records.item_digest_part(model, it) for it in ordered]
        for position, item in enumerate(ordered):
            front, seen = fronts.get(item.source), stamp.get(item.source)
            if not front or seen is None:
                continue
            related = [item.interprets, item.superseded_by, *item.interpretations, *item.supersedes]
            own = id(item) not in shown and item.fm.index_no not in annual and item.fm.index_no not in printed
            label = item.source.rpartition("/")[0]
            folder = folders.setdefault(label, Folder({}, {}))
            folder.files[item.source] = seen
            folder.items[item.source] = (front, item.url, item.fm.index_no, year, position,
                                         tuple(r.source for r in related if r is not None), own,
                                         shards.get(item.url, ""))
    if model.gazette is not None:
        _collect_articles(model, fronts, shards, stamp, folders)
    return folders, years


def _collect_articles(model: Any, fronts: dict[str, str], shards: dict[str, str],
                      stamp: dict[str, tuple[int, int]], folders: dict[str, Folder]) -> None:
    """The gazette articles with their own text, by issue folder. An issue folder's
    record lists all its files (issue.yaml, the PDF, every article), so that a change
    to any other file of the issue is not followed."""
    by_folder: dict[str, dict[str, tuple[int, int]]] = {}
    for issue in model.gazette.issues:
        label = issue.source.rpartition("/")[0]
        by_folder[label] = {}
    for rel, seen in stamp.items():
        label = rel.rpartition("/")[0]
        if label in by_folder:
            by_folder[label][rel] = seen
    for issue in model.gazette.issues:
        label = issue.source.rpartition("/")[0]
        own = [a for a in issue.articles if a.item is None and a.has_own_text and fronts.get(a.source)]
        if not own or any(a.source not in by_folder[label] for a in own):
            continue
        folder = folders.setdefault(label, Folder(dict(by_folder[label]), {}))
        for art in own:
            folder.items[art.source] = (fronts[art.source], art.url, "", 0, -1, (), True, shards.get(art.url, ""),
                                        ARTICLE)


def after_build(site: Path, out: Path, base_url: str | None, today: str,
                walked: tuple[dict[str, tuple[int, int]], dict[str, str]] | None, model: Any,
                fronts: dict[str, str], templates: dict[str, str], problems: tuple[Problem, ...],
                output_folders: list[str]) -> None:
    """After a successful page-by-page build: the record for the next quick build.
    ``walked``: each input file's size and time and each folder's digest, from a
    second walk before the site was read (the stamp's first one keeps folders only),
    so that a file edited while the build ran is seen next time (≈ 0.3 s at 100,000
    items); None when the inputs could not be trusted (a file too new): no record."""
    from govsite.redirects.ledger import LEDGER_FILE
    from govsite.search.edits import remember

    forget(site, out)
    if walked is None:
        return
    search = remember(model)
    folders, years = collect(model, fronts, search["pages"], walked[0])
    record = EditRecord(record_dir(site, out), context_key(out, base_url, today), walked[1],
                        signature(out / MANIFEST_NAME), signature(site / LEDGER_FILE), templates,
                        (search["state"], search["stale"]), output_folders)
    write(site, out, record, problems, folders, years)
