"""govsite's bundle writer against Pagefind's own indexer (govsite/search/bundle_writer.py).

The same records of the demo site (every title-layer record, and the text-layer
records of the built pages) are given to Pagefind's CLI as HTML, the way govsite
indexed them before it wrote bundles itself, and to ``write_bundle``. Both bundles
are decoded and compared page by page (page numbers differ: Pagefind numbers pages
in an order of its own): the fragments, every word's locations on every page, the
filters and the date order must be the same. What Pagefind has and govsite leaves
out on purpose is checked to be only that: metadata values indexed as words, and
the parts Pagefind splits out of a word that govsite indexes whole (``11999921…``
of a 索引号 key).
"""
from __future__ import annotations

import gzip
import html
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from govsite.pipeline.build import build
from govsite.pipeline.pages import load_and_validate
from govsite.search.bundle_writer import SIGNATURE, Record, write_bundle
from govsite.search.canonical import read
from govsite.search.docs import collect_shards
from govsite.search.runtime import pagefind_binary, pagefind_version
from govsite.search.records import page_text, record
from govsite.search.tokens import WORD_CHAR
from tests.conftest import REPO


def pagefind_html(rec: Record) -> str:
    """The record as the HTML page Pagefind's CLI indexes (one ``<p>`` per field)."""
    e = html.escape

    def attr(kind: str, name: str, value: str) -> str:
        return f'<span data-pagefind-{kind}="{e(name)}[data-v]" data-v="{e(value)}"></span>'

    parts = [attr("meta", k, v) for k, v in sorted(rec.meta.items())]
    parts += [attr("filter", k, v) for k, v in sorted(rec.filters.items())]
    parts += [attr("sort", k, v) for k, v in sorted(rec.sort.items())]
    for weight, toks, _ in rec.fields:
        w = f' data-pagefind-weight="{weight}"' if weight != 1 else ""
        parts.append(f"<p{w}>{e(' '.join(toks))}</p>")
    return ('<!DOCTYPE html><html lang="zxx"><head><meta charset="utf-8"></head>'
            f'<body><main data-pagefind-body>{"".join(parts)}</main></body></html>\n')


def decode(bundle: Path) -> dict[str, Any]:
    """A bundle by page URL: fragments, word → locations, filters, date order."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    (lang, info), = entry["languages"].items()
    meta = read(bundle / f"pagefind.{info['hash']}.pf_meta")
    fragments = []
    for page_hash, count in meta[1]:
        data = gzip.decompress((bundle / "fragment" / f"{page_hash}.pf_fragment").read_bytes())
        assert data.startswith(SIGNATURE)
        fragment = json.loads(data[len(SIGNATURE):])
        assert fragment["word_count"] == count
        fragments.append(fragment)
    urls = [f["url"] for f in fragments]
    words: dict[tuple[str, str], list[int]] = {}
    meta_words: set[tuple[str, str]] = set()
    for first, last, chunk_hash in meta[2]:
        (chunk,) = read(bundle / "index" / f"{chunk_hash}.pf_index")
        for word, pages, extra in chunk:
            assert first <= word[:len(first)] and word[:len(last)] <= last and extra == []
            page = 0
            for delta, locs, meta_locs in pages:
                page += delta
                if locs:
                    words[(word, urls[page])] = locs
                else:
                    assert meta_locs, (word, urls[page])
                    meta_words.add((word, urls[page]))
    filters = {}
    for name, filter_hash in meta[3]:
        fname, values = read(bundle / "filter" / f"{filter_hash}.pf_filter")
        filters[fname] = {v: sorted(urls[p] for p in pages) for v, pages in values}
    dates = {name: [fragments[p]["meta"].get("date") for p in pages] for name, pages in meta[4]}
    return {"entry": entry, "lang": lang, "version": meta[0], "fragments": {f["url"]: f for f in fragments},
            "words": words, "meta_words": meta_words, "filters": filters, "dates": dates}


def spots(locs: list[int]) -> list[tuple[int, int]]:
    """(weight, position) of each place in a location list: a marker ``-weight - 1``
    starts each run; in a run the first position is whole, the others distances from
    the one before."""
    out: list[tuple[int, int]] = []
    weight, previous = 0, None
    for loc in locs:
        if loc < 0:
            weight, previous = -loc - 1, None
        else:
            previous = loc if previous is None else previous + loc
            out.append((weight, previous))
    return out


@pytest.fixture(scope="module")
def demo_records(tmp_path_factory) -> dict[str, list[Record]]:  # type: ignore[no-untyped-def]
    """Title records of every demo page, and text records of the demo as built."""
    out = tmp_path_factory.mktemp("writer") / "out"
    assert build(REPO, out=out).ok
    model, _ = load_and_validate(REPO)
    shards = collect_shards(model)
    docs = [d for s in shards if s.is_title for d in s.docs]
    text = [record(d, page_text((out / d.url).read_text(encoding="utf-8"))) for s in shards
            if not s.is_title and s.name != "core" for d in s.docs if (out / d.url).is_file()]
    return {"titles": [record(d) for d in docs], "text": text}


@pytest.mark.parametrize("layer", ["titles", "text"])
def test_the_written_bundle_is_the_bundle_pagefind_writes(layer: str, demo_records, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    records = demo_records[layer]
    assert len(records) > 100
    site = tmp_path / "records"
    for rec in records:
        (site / rec.url).parent.mkdir(parents=True, exist_ok=True)
        (site / rec.url).write_text(pagefind_html(rec), encoding="utf-8")
    subprocess.run([str(pagefind_binary()), "--site", str(site), "--output-path", str(tmp_path / "cli"),
                    "--keep-index-url", "--silent"], check=True)
    write_bundle(records, tmp_path / "own", pagefind_version())
    cli, own = decode(tmp_path / "cli"), decode(tmp_path / "own")

    assert own["version"] == cli["version"] == pagefind_version()
    assert own["entry"]["include_characters"] == cli["entry"]["include_characters"]
    assert own["entry"]["languages"]["zxx"]["page_count"] == len(records)
    assert own["fragments"] == cli["fragments"]
    assert own["filters"] == cli["filters"]
    assert own["dates"] == cli["dates"] and own["dates"]["date"] == sorted(own["dates"]["date"])
    # Every word govsite indexes is where Pagefind puts it, with the same weights.
    cli_spots = {k: set(spots(locs)) for k, locs in cli["words"].items()}
    own_spots = {k: set(spots(locs)) for k, locs in own["words"].items()}
    for key, found in own_spots.items():
        assert found <= cli_spots.get(key, set()), key
    # Pagefind's other words: a word with its punctuation kept (1—2, 示例·县), and the parts
    # it splits out of a word govsite indexes whole (书 and 示 of 书(示).
    at = {(url, p): word for (word, url), found in own_spots.items() for _, p in found}
    for (word, url), found in cli_spots.items():
        for weight, p in found - own_spots.get((word, url), set()):
            whole = at[(url, p)]
            assert word != whole and "".join(WORD_CHAR.findall(word)) in whole, (word, whole)
    assert not own["meta_words"] and cli["meta_words"]


def test_an_identical_input_gives_identical_files(demo_records, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    for run in ("a", "b"):
        write_bundle(demo_records["titles"], tmp_path / run, pagefind_version())
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert files and files == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
