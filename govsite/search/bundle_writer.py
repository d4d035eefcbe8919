"""Write a Pagefind bundle from govsite's records, without Pagefind's indexer.

Pagefind's CLI made the index from one HTML record per page: govsite wrote the
records, Pagefind read them back, split them into words again and wrote its files.
At 100,000 items that was most of the build (976 s with search against 321 s
without; its largest process 3.75 GiB), and an edit re-ran it over a whole shard.
The search page still runs Pagefind's own JavaScript and WebAssembly; only the
files they read are written here, in Pagefind 1.5's format, from the words govsite
has already made (:mod:`govsite.search.tokens`). ``tests/search/test_bundle_writer.py``
checks every file against what Pagefind's CLI writes for the same records.

The word index itself is :mod:`govsite.search.postings` (numpy); this module
writes the files around it. A file identical to one of the previous build's (its
name is a hash of its content) is linked from there, not compressed and written
again, so a rebuilt shard writes only the files that changed.

The format (each file gzip of ``pagefind_dcd`` + CBOR; fragments JSON):

* ``pagefind.<hash>.pf_meta``: ``[version, [[page hash, word count]…],
  [[first word, last word, chunk hash]…], [[filter, hash]…], [[sort, [pages]]…],
  [meta keys]]``;
* ``index/<hash>.pf_index``: ``[[[word, [[page delta, locations, []]…], []]…]]``
  with page numbers as differences from the previous one; a location list is a
  weight marker (``-(24 × weight) - 1``) followed by the word's positions of that
  weight (the first whole, then distances), default weight first;
* ``filter/<hash>.pf_filter``: ``[filter, [[value, [pages]]…]]``;
* ``fragment/<hash>.pf_fragment``: the JSON a result shows (url, content,
  word_count, filters, meta, anchors).

Unlike Pagefind, metadata values are not indexed as words (Pagefind 1.5 indexes
dates and whole titles as words, which no query of the search page asks for: the
title layer's index of 10,000 items is 15 % smaller without them).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from govsite.search.canonical import SIGNATURE, encode
from govsite.search.postings import DEFAULT_UNITS, index_chunks

CHUNK_SIZE = 5000
"""Locations (plus one per page) per index chunk; Pagefind's indexer uses 20,000. A
query reads one chunk per word, mostly a different chunk for each: on the title layer
of 10,000 items, chunks of 5,000 made the chunks a benchmark query reads 2–4× smaller
(an organisation's 6 bigrams 128 → 48 KiB, a 文号 29 → 7 KiB) for 2 KiB more of
metadata, with the same number of chunks read but for one query (6 → 7)."""
INCLUDE_CHARACTERS = ["_", "‿", "⁀", "⁔", "︳", "︴", "﹍", "﹎", "﹏", "＿"]
"""Pagefind 1.5's default ``include_characters``, as its entry file lists them."""


@dataclass
class Record:
    """One page of a bundle: its text as fields of tokens, and what a result shows."""
    url: str
    fields: list[tuple[int, list[str], list[str]]]
    """(weight, tokens, words) per field, in order; a token is what the result's text
    shows (:func:`govsite.search.tokens.tokens_and_words`), its word what it is found
    by. Empty fields are left out."""
    meta: dict[str, str] = field(default_factory=dict)
    filters: dict[str, str] = field(default_factory=dict)
    sort: dict[str, str] = field(default_factory=dict)


class _Files:
    """Writes content-named files (``zxx_1a2b3c4``, longer on a collision) into a
    bundle folder, linking a file the previous bundle already has."""

    def __init__(self, folder: Path, previous: Path | None, known: dict[str, str], lang: str) -> None:
        self.folder, self.previous, self.known, self.lang = folder, previous, known, lang
        self.taken: dict[str, str] = {}
        self.digests: dict[str, str] = {}
        """Path in the bundle → SHA-1 of the file (the build's manifest entry)."""
        for sub in ("index", "fragment", "filter"):
            os.makedirs(folder / sub, exist_ok=True)

    def name(self, payload: bytes, length: int = 7) -> str:
        digest = hashlib.sha1(payload).hexdigest()
        while True:
            short = f"{self.lang}_{digest[:length]}"
            if self.taken.setdefault(short, digest) == digest:
                return short
            length += 1

    def write(self, path: str, payload: bytes) -> None:
        """``path`` (``index/zxx_….pf_index``) holding gzip of ``payload``."""
        if self.previous is not None and path in self.known and os.path.isfile(self.previous / path):
            try:
                os.link(self.previous / path, self.folder / path)
            except OSError:
                shutil.copy2(self.previous / path, self.folder / path)
            self.digests[path] = self.known[path]
            return
        data = gzip.compress(payload, compresslevel=6, mtime=0)
        (self.folder / path).write_bytes(data)
        self.digests[path] = hashlib.sha1(data).hexdigest()


def _sort_order(values: list[tuple[str, int]]) -> list[int]:
    """Page numbers in the order of their sort values: as numbers when every value is
    one, else as text (Pagefind's rule)."""
    def number(v: str) -> float | None:
        try:
            return float(v)
        except ValueError:
            return None
    if all(number(v) is not None for v, _ in values):
        return [p for _, p in sorted(values, key=lambda x: number(x[0]) or 0.0)]
    return [p for _, p in sorted(values, key=lambda x: x[0])]


def _fragment(record: Record) -> tuple[bytes, int]:
    """The fragment of a record (what a result shows: Pagefind's JSON, the content a
    paragraph per field ending in a full stop) and its word count."""
    texts = [" ".join(tokens) + "." for _, tokens, _ in record.fields if tokens]
    count = sum(len(tokens) for _, tokens, _ in record.fields)
    fragment = {"url": "/" + record.url.lstrip("/"), "content": " ".join(texts), "word_count": count,
                "filters": {k: [v] for k, v in sorted(record.filters.items())},
                "meta": dict(sorted(record.meta.items())), "anchors": []}
    return SIGNATURE + json.dumps(fragment, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), count


def write_bundle(records: list[Record], folder: Path, version: str, lang: str = "zxx",
                 previous: Path | None = None, known: dict[str, str] | None = None) -> dict[str, str]:
    """Write the bundle of ``records`` (page numbers in this order) into ``folder``,
    which must not hold another bundle. A file that ``previous`` (the same bundle's
    folder in the previous output) has, with its digest in ``known`` (path in the
    bundle → SHA-1), is linked from there. Returns the digest of every file written."""
    files = _Files(folder, previous, known or {}, lang)
    filters: dict[str, dict[str, list[int]]] = {}
    sorts: dict[str, list[tuple[str, int]]] = {}
    pages: list[list] = []
    meta_keys: set[str] = set()
    for number, record in enumerate(records):
        for key, value in record.filters.items():
            filters.setdefault(key, {}).setdefault(value, []).append(number)
        for key, value in record.sort.items():
            sorts.setdefault(key, []).append((value, number))
        meta_keys.update(record.meta)
        payload, count = _fragment(record)
        name = files.name(payload)
        files.write(f"fragment/{name}.pf_fragment", payload)
        pages.append([name, count])
    words = [[(weight * DEFAULT_UNITS, words) for weight, _, words in r.fields] for r in records]
    chunk_list = []
    for first, last, chunk in index_chunks(words, CHUNK_SIZE):
        payload = SIGNATURE + chunk
        name = files.name(payload)
        files.write(f"index/{name}.pf_index", payload)
        chunk_list.append([first, last, name])
    filter_list = []
    for key in sorted(filters):
        payload = SIGNATURE + encode([key, [[v, p] for v, p in sorted(filters[key].items())]])
        name = files.name(payload)
        files.write(f"filter/{name}.pf_filter", payload)
        filter_list.append([key, name])
    sort_list = [[key, _sort_order(values)] for key, values in sorted(sorts.items())]
    payload = SIGNATURE + encode([version, pages, chunk_list, filter_list, sort_list, sorted(meta_keys)])
    meta_name = files.name(payload, 13)
    files.write(f"pagefind.{meta_name}.pf_meta", payload)
    entry = {"version": version, "languages": {lang: {"hash": meta_name, "wasm": None, "page_count": len(pages)}},
             "include_characters": INCLUDE_CHARACTERS}
    data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    (folder / "pagefind-entry.json").write_bytes(data)
    files.digests["pagefind-entry.json"] = hashlib.sha1(data).hexdigest()
    return files.digests
