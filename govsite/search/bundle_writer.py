"""Write a Pagefind bundle from govsite's records, without Pagefind's indexer.

Pagefind's CLI made the index from one HTML record per page: govsite wrote the
records, Pagefind read them back, split them into words again and wrote its files.
At 100,000 items that was most of the build (976 s with search against 321 s
without; its largest process 3.75 GiB), and an edit re-ran it over a whole shard.
The search page still runs Pagefind's own JavaScript and WebAssembly; only the
files they read are written here, in Pagefind 1.5's format, from the words govsite
has already made (:mod:`govsite.search.tokens`). ``tests/search/test_bundle_writer.py``
checks every file against what Pagefind's CLI writes for the same records.

The format (each file gzip of ``pagefind_dcd`` + CBOR; fragments JSON):

* ``pagefind.<hash>.pf_meta``: ``[version, [[page hash, word count]…],
  [[first word, last word, chunk hash]…], [[filter, hash]…], [[sort, [pages]]…],
  [meta keys]]``;
* ``index/<hash>.pf_index``: ``[[[word, [[page delta, locations, []]…], []]…]]``
  with page numbers as differences from the previous one; a location list is a
  weight marker (``-(24 × weight) - 1``) followed by the word's positions of that
  weight, default weight first;
* ``filter/<hash>.pf_filter``: ``[filter, [[value, [pages]]…]]``;
* ``fragment/<hash>.pf_fragment``: the JSON a result shows (url, content,
  word_count, filters, meta, anchors).

Unlike Pagefind, metadata values are not indexed as words (Pagefind 1.5 does: a
third of the title layer's postings were dates and titles as single words, which
no query of the search page asks for).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from govsite.search.canonical import SIGNATURE, encode, head

DEFAULT_WEIGHT = 24
"""Pagefind's unit of weight: ``data-pagefind-weight="2"`` is 48."""
CHUNK_SIZE = 20000
"""Locations (plus one per page) per index chunk, as Pagefind's indexer."""
INCLUDE_CHARACTERS = ["_", "‿", "⁀", "⁔", "︳", "︴", "﹍", "﹎", "﹏", "＿"]
"""Pagefind 1.5's default ``include_characters``, as its entry file lists them."""
_UINT = [head(0, v) for v in range(1 << 16)]
"""CBOR of the unsigned integers up to 65,535: positions, distances and page numbers
are encoded by table lookup (a text shard has millions)."""
_EMPTY = head(4, 0)
_ARRAY = [head(4, n) for n in range(256)]
_MARKER: dict[int, bytes] = {}
"""CBOR of ``-units - 1`` for each weight met (a handful)."""


def _marker(units: int) -> bytes:
    found = _MARKER.get(units)
    if found is None:
        found = _MARKER[units] = head(1, units)
    return found


_SINGLES: dict[int, list[bytes]] = {}


def _singles(units: int) -> list[bytes]:
    """CBOR of the location list of a word met once, at each position up to 65,535, for
    one weight: most words of a page (a table per weight, made once per process)."""
    found = _SINGLES.get(units)
    if found is None:
        found = _SINGLES[units] = [b"\x82" + _marker(units) + u for u in _UINT]
    return found


def _array(count: int) -> bytes:
    return _ARRAY[count] if count < 256 else head(4, count)


def _uint(value: int) -> bytes:
    return _UINT[value] if value < 65536 else head(0, value)


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


def _compress(payload: bytes) -> bytes:
    return gzip.compress(payload, compresslevel=6, mtime=0)


class _Names:
    """Content-addressed short names (``zxx_1a2b3c4``), longer on a collision."""

    def __init__(self, lang: str, length: int = 7) -> None:
        self.lang, self.length = lang, length
        self.taken: dict[str, str] = {}

    def name(self, payload: bytes) -> str:
        digest = hashlib.sha1(payload).hexdigest()
        size = self.length
        while True:
            short = f"{self.lang}_{digest[:size]}"
            if self.taken.setdefault(short, digest) == digest:
                return short
            size += 1


def _run(units: int, positions: list[int]) -> bytes:
    """The CBOR items of one weight's run: its marker (``-weight - 1``), the first
    position, then each one's distance from the one before, from the tables."""
    deltas = [b - a for a, b in zip(positions, positions[1:])]
    deltas.insert(0, positions[0])
    try:
        return _marker(units) + b"".join(map(_UINT.__getitem__, deltas))
    except IndexError:
        return _marker(units) + b"".join(map(_uint, deltas))


def _encoded(units: int, positions: list[int]) -> bytes:
    """CBOR of a one-weight location list (the usual case)."""
    return _array(len(positions) + 1) + _run(units, positions)


def _mixed(spots: list[tuple[int, int]]) -> tuple[int, bytes]:
    """(number of locations, CBOR) of a word in fields of several weights (a title
    word in the text): a run per weight, the default weight first."""
    by_weight: dict[int, list[int]] = {}
    for units, position in spots:
        by_weight.setdefault(units, []).append(position)
    runs = sorted(by_weight.items(), key=lambda r: 0 if r[0] == DEFAULT_WEIGHT else r[0])
    count = sum(len(p) + 1 for _, p in runs)
    return count, _array(count) + b"".join(_run(u, p) for u, p in runs)


def _page_words(record: Record) -> tuple[str, int, dict[str, tuple[int, bytes]]]:
    """A record's fragment content, word count and word → (number of locations, CBOR
    of its location list). Most words are in one field (one weight); a word met in a
    field of another weight is kept aside with each position's weight."""
    texts: list[str] = []
    found: dict[str, list[int]] = {}
    units_of: dict[str, int] = {}
    mixed: dict[str, list[tuple[int, int]]] = {}
    position = 0
    for weight, tokens, words in record.fields:
        if not tokens:
            continue
        units = weight * DEFAULT_WEIGHT
        texts.append(" ".join(tokens) + ".")
        for word in words:
            positions = found.get(word)
            if positions is None:
                found[word] = [position]
                units_of[word] = units
            elif units_of[word] == units:
                positions.append(position)
            else:  # from here on, every position of the word goes to its spots
                spots = mixed.get(word)
                if spots is None:
                    spots = mixed[word] = [(units_of[word], p) for p in positions]
                    units_of[word] = -1
                spots.append((units, position))
            position += 1
    out: dict[str, tuple[int, bytes]] = {}
    single = {u: _singles(u) for u in set(units_of.values()) if u >= 0}
    for word, positions in found.items():
        units = units_of[word]
        if units < 0:
            continue
        if len(positions) == 1 and positions[0] < 65536:
            out[word] = (2, single[units][positions[0]])
        else:
            out[word] = (len(positions) + 1, _encoded(units, positions))
    for word, spots in mixed.items():
        out[word] = _mixed(spots)
    return " ".join(texts), position, out


def _chunks(words: dict[str, list[tuple[int, int, bytes]]]) -> list[tuple[str, str, bytes]]:
    """Sorted words in chunks of about :data:`CHUNK_SIZE` locations, as (first word, last
    word, CBOR): each edge the shortest prefix that tells it from its neighbour's
    (Pagefind's ``chunk_meta``). Page numbers become differences, as Pagefind reads them."""
    chunks: list[list[bytes]] = []
    edges: list[list[str]] = []
    current: list[bytes] = []
    first = ""
    size = 0
    for word in sorted(words):
        postings = words[word]
        raw = word.encode("utf-8")
        parts = [head(3, len(raw)), raw, _array(len(postings)) if len(postings) < 256 else head(4, len(postings))]
        previous = 0
        for page, count, locs in postings:
            parts += (b"\x83", _uint(page - previous), locs, _EMPTY)
            previous = page
            size += count + 1
        if not current:
            first = word
        current.append(b"\x83" + b"".join(parts) + _EMPTY)
        if size >= CHUNK_SIZE:
            chunks.append(current)
            edges.append([first, word])
            current, size = [], 0
    if current:
        chunks.append(current)
        edges.append([first, word])
    for left, right in zip(edges, edges[1:]):
        a, b = left[1], right[0]
        common = 0
        for x, y in zip(a, b):
            if x != y:
                break
            common += 1
        left[1], right[0] = a[:common + 1], b[:common + 1]
    return [(e[0], e[1], b"\x81" + head(4, len(c)) + b"".join(c)) for e, c in zip(edges, chunks)]


def _sort_order(values: list[tuple[str, int]]) -> list[int]:
    def number(v: str) -> float | None:
        try:
            return float(v)
        except ValueError:
            return None
    if all(number(v) is not None for v, _ in values):
        return [p for _, p in sorted(values, key=lambda x: number(x[0]) or 0.0)]
    return [p for _, p in sorted(values, key=lambda x: x[0])]


def write_bundle(records: list[Record], folder: Path, version: str, lang: str = "zxx") -> int:
    """Write the bundle of ``records`` (page numbers in this order) into ``folder``,
    which must not hold another bundle; returns the number of index chunks."""
    for sub in ("index", "fragment", "filter"):
        os.makedirs(folder / sub, exist_ok=True)
    names = _Names(lang)
    words: dict[str, list[tuple[int, int, bytes]]] = {}
    filters: dict[str, dict[str, list[int]]] = {}
    sorts: dict[str, list[tuple[str, int]]] = {}
    pages: list[list] = []
    meta_keys: set[str] = set()
    for number, record in enumerate(records):
        content, count, page_words = _page_words(record)
        for word, (size, locs) in page_words.items():
            postings = words.get(word)
            if postings is None:
                words[word] = [(number, size, locs)]
            else:
                postings.append((number, size, locs))
        for key, value in record.filters.items():
            filters.setdefault(key, {}).setdefault(value, []).append(number)
        for key, value in record.sort.items():
            sorts.setdefault(key, []).append((value, number))
        meta_keys.update(record.meta)
        fragment = {"url": "/" + record.url.lstrip("/"), "content": content, "word_count": count,
                    "filters": {k: [v] for k, v in sorted(record.filters.items())},
                    "meta": dict(sorted(record.meta.items())), "anchors": []}
        payload = SIGNATURE + json.dumps(fragment, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        name = names.name(payload)
        (folder / "fragment" / f"{name}.pf_fragment").write_bytes(_compress(payload))
        pages.append([name, count])
    chunk_list = []
    for first, last, chunk in _chunks(words):
        payload = SIGNATURE + chunk
        name = names.name(payload)
        (folder / "index" / f"{name}.pf_index").write_bytes(_compress(payload))
        chunk_list.append([first, last, name])
    filter_list = []
    for key in sorted(filters):
        payload = SIGNATURE + encode([key, [[v, p] for v, p in sorted(filters[key].items())]])
        name = names.name(payload)
        (folder / "filter" / f"{name}.pf_filter").write_bytes(_compress(payload))
        filter_list.append([key, name])
    sort_list = [[key, _sort_order(values)] for key, values in sorted(sorts.items())]
    payload = SIGNATURE + encode([version, pages, chunk_list, filter_list, sort_list, sorted(meta_keys)])
    meta_name = _Names(lang, 13).name(payload)
    (folder / f"pagefind.{meta_name}.pf_meta").write_bytes(_compress(payload))
    entry = {"version": version, "languages": {lang: {"hash": meta_name, "wasm": None, "page_count": len(pages)}},
             "include_characters": INCLUDE_CHARACTERS}
    (folder / "pagefind-entry.json").write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                                                encoding="utf-8")
    return len(chunk_list)
