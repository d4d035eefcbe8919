"""The search layers' records, kept between builds: a bundle is re-indexed from its
pages' records, and only an edited page's record is made again.

Editing the body of one item re-indexes its year's text shard (up to
:data:`~govsite.search.docs.MAX_SHARD_PAGES` pages); editing its title re-indexes its
title tier too (every page of a site of one tier). Profiled at 10,000 items
(docs/performance.md, eighth session), the records of a 600-page text shard cost
0.67 s of a 2.35 s search step under cProfile: reading each rendered page, cutting out
its indexed text (0.26 ms a page) and tokenising it (0.72 ms a page); the records of
the title layer's 10,003 pages cost 0.69 s of CPU (tokenising each title and
organisation, folding each 文号 and 索引号). A text record depends only on the page's
bytes and its search document (title, metadata, filters, date), a title record only
on its search document, so each is kept under a digest of those, one file per
bundle, and used only when the digest matches: a page whose bytes or document
changed is made again, as is every page of a bundle whose file is missing or
unreadable.

Stored with ``marshal``, each field's tokens and words joined into one string
(splitting 1,000 pages' strings back takes milliseconds; a list of a million short
strings took ten times longer to load). Kept in the site's ``.govsite-cache/``, in
a folder per output folder (two outputs of one site never share records), marked
with the index settings' digest (a change to the code that makes records, or to
Pagefind, makes every record again, as it re-indexes every bundle); written
to a temporary file and renamed, so a reader sees the old file or the new one.
Deleting it is always safe.
"""
from __future__ import annotations

import hashlib
import json
import marshal
import os
from pathlib import Path

from govsite.base.cache import CACHE_DIR
from govsite.search.bundle_writer import Record
from govsite.search.docs import Shard, page_order
from govsite.search.fields import SearchDoc
from govsite.search.records import page_text, record

SCHEME = 1
SEP = "\x00"
"""Joins a field's tokens (no token holds it: the tokeniser keeps word characters
and the punctuation between them)."""

Stored = tuple[str, list[tuple[int, str, str]], dict[str, str], dict[str, str], dict[str, str]]
"""(digest, fields as (weight, joined tokens, joined words), meta, filters, sort)."""


def folder(site: Path, out: Path) -> Path:
    """Where the records of the output ``out`` of ``site`` are kept."""
    tag = hashlib.sha1(str(out.resolve()).encode("utf-8")).hexdigest()[:12]
    return site / CACHE_DIR / "search-records" / tag


def digest(doc: SearchDoc, page: bytes | None = None) -> str:
    """What a record depends on: its search document, and for the text layer the
    page's bytes."""
    data = json.dumps([doc.url, doc.title, doc.meta, doc.filters, doc.fields, doc.identifiers],
                      ensure_ascii=False, sort_keys=True).encode("utf-8")
    own = hashlib.sha1(data).hexdigest()
    return own if page is None else f"{hashlib.sha1(page).hexdigest()}-{own}"


def records(shard: Shard, stage: Path, kept: Path | None, settings: str) -> list[Record]:
    """The shard's records, newest first (Pagefind lists results of equal relevance in
    page order): a title tier's from the model, a text shard's from its rendered pages
    in ``stage`` (a page this build did not write is left out); a page that did not
    change since the records were ``kept`` (made with the index ``settings``) gets its
    kept record, and the shard's records are kept anew when any changed."""
    old = load(kept, shard.name, settings) if kept is not None else {}
    out: list[Record] = []
    now: dict[str, tuple[str, Record]] = {}
    for doc in page_order(shard.docs):
        page = None
        if not shard.is_title:
            try:
                page = (stage / doc.url).read_bytes()
            except FileNotFoundError:
                continue
        key = digest(doc, page)
        stored = old.get(doc.url)
        if stored is not None and stored[0] == key:
            found = record_of(doc.url, stored)
        else:
            found = record(doc) if page is None else record(doc, page_text(page.decode("utf-8")))
        out.append(found)
        now[doc.url] = (key, found)
    if kept is not None and (now.keys() != old.keys() or any(old[u][0] != k for u, (k, _) in now.items())):
        save(kept, shard.name, now, settings)
    return out


def load(where: Path, shard: str, settings: str) -> dict[str, Stored]:
    """The kept records of ``shard`` by page URL ({} when there are none, or when they
    were made with other index settings)."""
    try:
        with open(where / f"{shard}.marshal", "rb") as fh:
            data = marshal.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if (not isinstance(data, dict) or data.get("scheme") != SCHEME or data.get("settings") != settings
            or not isinstance(data.get("pages"), dict)):
        return {}
    return data["pages"]


def save(where: Path, shard: str, records: dict[str, tuple[str, Record]], settings: str) -> None:
    """Keep ``records`` (page URL → (digest, record)) as the records of ``shard``."""
    pages = {url: (key, [(w, SEP.join(toks), SEP.join(words)) for w, toks, words in rec.fields],
                   rec.meta, rec.filters, rec.sort)
             for url, (key, rec) in records.items()}
    try:
        where.mkdir(parents=True, exist_ok=True)
        tmp = where / f".{shard}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            marshal.dump({"scheme": SCHEME, "settings": settings, "pages": pages}, fh)
        os.replace(tmp, where / f"{shard}.marshal")
    except OSError:
        pass  # a cache: the next build reads the pages again


def record_of(url: str, stored: Stored) -> Record:
    """A kept record as the writer takes it."""
    _key, fields, meta, filters, sort = stored
    return Record(url, [(w, toks.split(SEP) if toks else [], words.split(SEP) if words else [])
                        for w, toks, words in fields], meta, filters, sort)
