"""Search quality on a real-sized site (issue 16): a generated 10,000-item site (plus a
gazette), built with search and queried in Chromium through the search page's own
search. The cases are drawn from the model with a fixed seed, and every one is asserted:

* a run of 6–10 characters copied from anywhere in a title (inside a word, with
  digits, across 《》) finds that document in the top 3 whenever at most 3 titles
  contain the run; so does a whole title (with digits or without);
* an exact 文号 or 索引号, typed as published or with other brackets, spaces,
  full-width or lower-case forms, finds its document first, labelled 【精确匹配】, and
  only whole identifiers are labelled; a 文号 prefix finds documents with that prefix,
  none labelled;
* an organisation name finds that organisation's documents first;
* two words separated by a space find a document whose title has both;
* a query with a word no page has finds nothing;
* every result list holds each page once.
"""
from __future__ import annotations

import os
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from govsite.pipeline.build import build
from govsite.pipeline.pages import load_and_validate
from govsite.search.fields import SearchDoc, collect_docs
from govsite.search.tokens import identifier_key
from tests.conftest import REPO
from tests.search.search_helpers import SUB_PATH, SUB_PATH_BASE, open_search_api, search, serve, site_path

ITEMS = 10_000
SEED = 20261207


@dataclass(frozen=True)
class BigSite:
    out: Path
    origin: str
    docs: list[SearchDoc]


@pytest.fixture(scope="module")
def big_site(tmp_path_factory) -> Iterator[BigSite]:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("search-10k")
    site = root / "site"
    env = {**os.environ, "GOVSITE_TODAY": "2026-11-20"}
    subprocess.run([sys.executable, str(REPO / "benchmarks" / "generate.py"), str(ITEMS), str(site), "--seed", "1",
                    "--gazette-years", "3", "--issues-per-year", "12", "--articles-per-issue", "6"],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    out = root / SUB_PATH.strip("/")
    result = build(site, out=out, base_url=SUB_PATH_BASE)
    assert result.ok, result
    model, _ = load_and_validate(site)
    assert model is not None
    with serve(root) as origin:
        yield BigSite(out, origin, collect_docs(model))


def _key(text: str) -> str:
    return identifier_key(text)


def _title_runs(docs: list[SearchDoc], rng: random.Random, count: int) -> list[tuple[str, SearchDoc]]:
    """Runs of 6–10 characters from inside titles that at most 3 titles contain."""
    keyed = [(_key(d.title), d) for d in docs]
    found: list[tuple[str, SearchDoc]] = []
    while len(found) < count:
        doc = rng.choice(docs)
        if len(doc.title) < 12:
            continue
        size = rng.randint(6, 10)
        start = rng.randint(1, len(doc.title) - size)
        run = doc.title[start:start + size]
        k = _key(run)
        if len(k) < 6 or sum(k in t for t, _ in keyed) > 3:
            continue
        found.append((run, doc))
    return found


def _variants(doc_no: str) -> list[str]:
    """A 文号 as a citizen may type it."""
    ascii_brackets = doc_no.replace("〔", "[").replace("〕", "]")
    full_width = doc_no.translate(str.maketrans("0123456789", "０１２３４５６７８９")).replace("〔", "［").replace("〕", "］")
    spaced = doc_no.replace("〔", " (").replace("〕", ") ")
    return [doc_no, ascii_brackets, full_width, spaced]


def _hits(page, query: str, limit: int = 10) -> dict:  # type: ignore[no-untyped-def]
    return search(page, query, limit=limit)


def test_query_set_on_a_10000_item_site(big_site: BigSite, page, capsys) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(SEED)
    docs = [d for d in big_site.docs if d.year is not None]
    open_search_api(page, big_site.origin)
    failures: list[str] = []
    cases = 0

    def check(ok: bool, what: str) -> None:
        nonlocal cases
        cases += 1
        if not ok:
            failures.append(what)

    # 1. Title runs, starting anywhere: the document in the top 3.
    for run, doc in _title_runs(docs, rng, 24):
        found = _hits(page, run, 3)
        urls = [site_path(h["url"]) for h in found["hits"]]
        check(doc.url in urls, f"title run {run!r} of {doc.url}: got {urls}")

    # 1b. Whole titles pasted, those with digits among them (关于2019年第3季度…的通报 looks
    # like an identifier, and was searched by its bigrams alone): the document in the top 3
    # whenever at most 3 titles are that title.
    by_title: dict[str, list[SearchDoc]] = {}
    for d in docs:
        by_title.setdefault(_key(d.title), []).append(d)
    unique = sorted((d for d in docs if len(by_title[_key(d.title)]) <= 3), key=lambda d: d.url)
    with_digits = [d for d in unique if any(ch.isdigit() for ch in d.title)]
    without = [d for d in unique if not any(ch.isdigit() for ch in d.title)]
    for doc in rng.sample(with_digits, 6) + rng.sample(without, 2):
        found = _hits(page, doc.title, 3)
        urls = [site_path(h["url"]) for h in found["hits"]]
        check(doc.url in urls, f"whole title {doc.title!r} of {doc.url}: got {urls}")

    # 2. Exact 文号 in four spellings, and exact 索引号 in three: first, labelled exact.
    with_doc_no = sorted((d for d in docs if d.meta.get("doc_no") and d.meta.get("index_no")), key=lambda d: d.url)
    for doc in rng.sample(with_doc_no, 5):
        shared = {d.url for d in docs if _key(d.meta.get("doc_no", "")) == _key(doc.meta["doc_no"])}
        for typed in _variants(doc.meta["doc_no"]):
            found = _hits(page, typed, 10)
            first = found["hits"][0] if found["hits"] else {}
            exact = [site_path(h["url"]) for h in found["hits"] if h["exact"]]
            check(site_path(first.get("url", "/county/xxgk/")) in shared and first.get("exact") is True
                  and set(exact) <= shared, f"文号 {typed!r} of {doc.url}: got {found['hits'][:3]}")
    for doc in rng.sample(with_doc_no, 5):
        index_no = doc.meta["index_no"]
        shared = {d.url for d in docs if d.meta.get("index_no") == index_no}  # an item and its gazette article
        for typed in (index_no, index_no.replace("/", "／").replace("-", "－"), index_no.lower()):
            found = _hits(page, typed, 3)
            first = found["hits"][0] if found["hits"] else {}
            check(site_path(first.get("url", "/county/xxgk/")) in shared and first.get("exact") is True
                  and first.get("doc_no") == doc.meta["doc_no"],  # shown as published
                  f"索引号 {typed!r} of {doc.url}: got {found['hits'][:2]}")

    # 3. A 文号 prefix: documents with that prefix, none labelled exact.
    for doc in rng.sample(with_doc_no, 3):
        doc_no = doc.meta["doc_no"]
        prefix = doc_no[:doc_no.index("〕") + 1] if "〕" in doc_no else doc_no[:-2]
        found = _hits(page, prefix, 10)
        ok = found["hits"] and not any(h["exact"] for h in found["hits"]) and all(
            _key(h["doc_no"]).startswith(_key(prefix)) for h in found["hits"])
        check(bool(ok), f"文号 prefix {prefix!r}: got {found['hits'][:3]}")

    # 4. Organisation names: that organisation's documents first.
    orgs = sorted({d.meta["org"] for d in docs if d.meta.get("org")})
    for org in rng.sample(orgs, 5):
        found = _hits(page, org, 3)
        check(len(found["hits"]) == 3 and all(h["org"] == org or org in h["title"] for h in found["hits"]),
              f"organisation {org!r}: got {[(h['org'], h['title']) for h in found['hits']]}")

    # 5. Two words with a space: a document whose title has both, in the top 3.
    two = 0
    while two < 5:
        doc = rng.choice(docs)
        title = doc.title
        if len(title) < 14:
            continue
        a, b = title[1:5], title[-6:-2]
        holders = [d for d in docs if _key(a) in _key(d.title) and _key(b) in _key(d.title)]
        if len(holders) > 3 or len(_key(a)) < 4 or len(_key(b)) < 4:
            continue
        two += 1
        found = _hits(page, f"{a} {b}", 3)
        check(doc.url in [site_path(h["url"]) for h in found["hits"]], f"two words {a!r} {b!r} of {doc.url}")

    # 6. Words no page has: nothing.
    for nonsense in ("xqzvbnmq", "量子纠缠引力波", "通知 xqzvbnmq", "qwxz", "鲲鹏扶摇九万里"):
        found = _hits(page, nonsense, 3)
        check(found["count"] == 0, f"nonsense {nonsense!r}: {found['count']} results")

    # 7. One result per page, and the count is of distinct pages (in both scopes).
    for query in [run[:4] for run, _ in _title_runs(docs, rng, 3)]:
        for scope in ("", "text"):
            page.select_option("#search-scope", scope)
            found = _hits(page, query, 5000)
            urls = [site_path(h["url"]) for h in found["hits"]]
            check(0 < found["count"] and len(urls) == len(set(urls)) == found["count"]
                  and set(urls) <= {d.url for d in big_site.docs},
                  f"distinct pages for {query!r} ({scope}): {found['count']} results, {len(set(urls))} pages")
    page.select_option("#search-scope", "")

    with capsys.disabled():
        print(f"\n10,000-item site: {cases - len(failures)}/{cases} query cases pass")
        for failure in failures:
            print(f"  FAILED {failure}")
    assert cases >= 60
    assert failures == []
