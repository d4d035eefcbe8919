"""A bundle's word index, encoded at once with numpy: Pagefind's ``pf_index`` chunks.

Every word of every page is a location; a text shard of 1,300 pages has about
2.3 million. Grouping them by word and page in a Python loop and writing the CBOR of
each page's location list cost 4.6 ms a page (more than Pagefind's CLI), so the
locations are arrays here: sorted once by (word, page, weight), cut where the word,
the page or the weight changes, and encoded as one stream of CBOR items whose
sizes and bytes are computed for all items together. Python touches each distinct
word once (its header) and each chunk once.

The layout of one word (Pagefind 1.5, see :mod:`govsite.search.bundle_writer`)::

    [word, [[page delta, [marker, position, distance…, marker, …], []]…], []]

a marker ``-weight - 1`` before each run of one weight (the default weight first),
the first position of a run whole and the others as distances from the one before,
and the page as the distance from the word's previous page.
"""
from __future__ import annotations

import itertools

import numpy as np

from govsite.search.canonical import head

DEFAULT_UNITS = 24
"""Pagefind's unit of weight: weight 1 is 24, ``data-pagefind-weight="2"`` 48."""

Fields = list[tuple[int, list[str]]]
"""One page's words: (weight in units, words) per field, in position order."""


def _flatten(pages: list[Fields]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """All words in page and position order, with each one's page, position and weight."""
    words: list[str] = []
    lengths: list[int] = []
    page_of: list[int] = []
    units_of: list[int] = []
    shift: list[int] = []
    for number, fields in enumerate(pages):
        start = len(words)
        for weight, field_words in fields:
            if field_words:
                shift.append(start)
                lengths.append(len(field_words))
                page_of.append(number)
                units_of.append(weight)
                words += field_words
    counts = np.array(lengths, dtype=np.int64)
    page = np.repeat(np.array(page_of, dtype=np.int64), counts)
    position = np.arange(len(words), dtype=np.int64) - np.repeat(np.array(shift, dtype=np.int64), counts)
    units = np.repeat(np.array(units_of, dtype=np.int64), counts)
    return words, page, position, units


def _starts(*keys: np.ndarray) -> np.ndarray:
    """True where any of the keys differs from the element before (and at 0)."""
    start = np.zeros(len(keys[0]), dtype=bool)
    start[0] = True
    for key in keys:
        start[1:] |= key[1:] != key[:-1]
    return start


def _encode(major: np.ndarray, value: np.ndarray, raw_at: np.ndarray, raw: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """The bytes of a stream of CBOR items (the items at indexes ``raw_at`` given as
    bytes, ``raw``) and each item's offset in them. The given items are placed all at
    once: a Python loop over them (one per distinct word) was 60 % of a text shard's
    index (docs/performance.md, eighth session)."""
    size = np.where(value < 24, 1, np.where(value < 256, 2, np.where(value < 65536, 3, np.where(value < 1 << 32, 5, 9))))
    info = np.where(value < 24, value, np.where(value < 256, 24, np.where(value < 65536, 25, np.where(value < 1 << 32, 26, 27))))
    lengths = np.fromiter(map(len, raw), dtype=np.int64, count=len(raw))
    size[raw_at] = lengths
    offset = np.cumsum(size) - size
    out = np.zeros(int(size.sum()), dtype=np.uint8)
    plain = np.ones(len(size), dtype=bool)
    plain[raw_at] = False
    out[offset[plain]] = (major[plain] << 5 | info[plain]).astype(np.uint8)
    for width in (2, 3, 5, 9):
        picked = (size == width) & plain
        at, v = offset[picked], value[picked]
        for k in range(1, width):
            out[at + k] = (v >> (8 * (width - 1 - k))) & 255
    if raw:
        blob = np.frombuffer(b"".join(raw), dtype=np.uint8)
        starts = np.repeat(offset[raw_at] - (np.cumsum(lengths) - lengths), lengths)
        out[starts + np.arange(len(blob))] = blob
    return out, offset


def index_chunks(pages: list[Fields], chunk_size: int) -> list[tuple[str, str, bytes]]:
    """The index of ``pages`` (page numbers in list order) in chunks of about
    ``chunk_size`` locations, as (first word, last word, CBOR); the edges are the
    shortest prefixes that tell neighbouring chunks apart (Pagefind's ``chunk_meta``)."""
    words, page, position, units = _flatten(pages)
    if not words:
        return []
    vocabulary: dict[str, int] = {}
    ids = np.fromiter(map(vocabulary.setdefault, words, itertools.count()), dtype=np.int64, count=len(words))
    sorted_words = sorted(vocabulary)
    rank_of = np.zeros(len(words), dtype=np.int64)
    rank_of[np.fromiter((vocabulary[w] for w in sorted_words), dtype=np.int64, count=len(sorted_words))] = \
        np.arange(len(sorted_words))
    rank = rank_of[ids]
    weight_key = np.where(units == DEFAULT_UNITS, 0, units)
    order = np.argsort((rank * len(pages) + page) * 256 + weight_key, kind="stable")
    rank, page, position, units = rank[order], page[order], position[order], units[order]

    new_word = _starts(rank)
    new_posting = _starts(rank, page)
    new_run = _starts(rank, page, units)
    word = np.cumsum(new_word) - 1
    posting = np.cumsum(new_posting) - 1
    run = np.cumsum(new_run) - 1
    locations = len(rank)
    # Where each location goes in the stream of items (see the module docstring).
    at = np.arange(locations) + 2 * word + 1 + 4 * posting + 3 + run + 1
    first_of_posting = np.flatnonzero(new_posting)
    last_of_posting = np.append(first_of_posting[1:], locations) - 1
    first_of_word = np.flatnonzero(new_word)
    postings_of_word = np.diff(np.append(np.flatnonzero(new_posting[first_of_posting] & new_word[first_of_posting]),
                                         len(first_of_posting)))
    runs_in_posting = np.add.reduceat(new_run.astype(np.int64), first_of_posting)
    items_in_posting = last_of_posting - first_of_posting + 1 + runs_in_posting  # its location list's length
    page_of_posting = page[first_of_posting]
    previous_page = np.where(new_word[first_of_posting], 0, np.roll(page_of_posting, 1))
    posting_header = at[first_of_posting] - 4
    word_header = posting_header[np.flatnonzero(new_word[first_of_posting])] - 1
    word_trailer = np.append(word_header[1:] - 1, len(rank) + len(first_of_posting) * 4 + int(new_run.sum()) + 2 * len(first_of_word) - 1)

    total = locations + int(new_run.sum()) + 4 * len(first_of_posting) + 2 * len(first_of_word)
    major = np.zeros(total, dtype=np.int64)
    value = np.zeros(total, dtype=np.int64)
    value[at] = np.where(new_run, position, position - np.roll(position, 1))
    major[at[new_run] - 1], value[at[new_run] - 1] = 1, units[new_run]           # weight markers
    major[posting_header], value[posting_header] = 4, 3                          # [page delta, locations, []]
    value[posting_header + 1] = page_of_posting - previous_page
    major[posting_header + 2], value[posting_header + 2] = 4, items_in_posting
    major[at[last_of_posting] + 1] = 4                                           # the posting's [] (value 0)
    major[word_trailer] = 4                                                      # the word's [] (value 0)
    raw = [b"\x83" + head(3, len(text)) + text + head(4, count)
           for text, count in zip((sorted_words[w].encode("utf-8") for w in rank[first_of_word].tolist()),
                                  postings_of_word.tolist())]
    stream, offset = _encode(major, value, word_header, raw)

    # Chunks: whole words, closed once they hold chunk_size locations (Pagefind's rule).
    sizes = np.add.reduceat(items_in_posting + 1, np.flatnonzero(new_word[first_of_posting]))
    word_start = offset[word_header].tolist()
    word_end = (offset[word_trailer] + 1).tolist()
    ranks = rank[first_of_word].tolist()
    chunks: list[tuple[str, str, bytes]] = []
    begin, filled = 0, 0
    for i, size in enumerate(sizes.tolist()):
        filled += size
        if filled >= chunk_size or i == len(ranks) - 1:
            body = stream[word_start[begin]:word_end[i]].tobytes()
            chunks.append((sorted_words[ranks[begin]], sorted_words[ranks[i]], b"\x81" + head(4, i - begin + 1) + body))
            begin, filled = i + 1, 0
    return _edges(chunks)


def _edges(chunks: list[tuple[str, str, bytes]]) -> list[tuple[str, str, bytes]]:
    edges = [[first, last] for first, last, _ in chunks]
    for left, right in zip(edges, edges[1:]):
        a, b = left[1], right[0]
        common = 0
        for x, y in zip(a, b):
            if x != y:
                break
            common += 1
        left[1], right[0] = a[:common + 1], b[:common + 1]
    return [(e[0], e[1], c[2]) for e, c in zip(edges, chunks)]
