"""Search quality in real Chromium through Pagefind's JS API (issue 4): every query of
``queries.yaml`` finds its document in the top 3 results, an exact 文号 or 索引号 at
the top, on the demo site built under a sub-path base_url."""
from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from govsite.search.records import TITLE_ELEMENT, body_span, indexed_text
from tests.search.search_helpers import open_search_api, record_requests, search, site_path

QUERIES: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (Path(__file__).with_name("queries.yaml")).read_text(encoding="utf-8"))


def _hit(query: dict[str, Any], hits: list[dict[str, str]]) -> int | None:
    """1-based rank of the first result that is the expected document, or None."""
    for rank, hit in enumerate(hits, 1):
        if "expect_org" in query:
            if hit["org"] == query["expect_org"]:
                return rank
        elif site_path(hit["url"]) in query["expect"]:
            return rank
    return None


def test_fixture_covers_every_kind_of_query() -> None:
    counts = {kind: len(queries) for kind, queries in QUERIES.items()}
    assert sum(counts.values()) >= 60, counts
    for kind in ("title", "partial_title", "body_phrase", "doc_no", "index_no", "org", "gazette_article",
                 "with_spaces", "without_spaces", "doc_no_variants", "title_inside", "no_result"):
        assert counts.get(kind, 0) >= 3, kind
    assert all(q.get("top") == 1 for kind in ("doc_no", "index_no", "doc_no_variants") for q in QUERIES[kind])
    assert all(q["expect"] == [] for q in QUERIES["no_result"])


def test_expected_documents_exist(served_demo) -> None:
    missing = [(q["q"], p) for queries in QUERIES.values() for q in queries
               for p in q.get("expect", []) if not (served_demo.out / p).is_file()]
    assert missing == []


@pytest.mark.parametrize("layout", ["served_demo", "served_tiered_demo"])
def test_every_query_finds_its_document(layout, request, page, capsys) -> None:
    """On the demo as built, and with its title layer in tiers (a big site's layout)."""
    site = request.getfixturevalue(layout)
    requests = record_requests(page)
    open_search_api(page, site.origin)
    results: list[tuple[str, str, int | None, int, list[str]]] = []
    for kind, queries in QUERIES.items():
        for query in queries:
            found = search(page, query["q"], limit=3)
            if query.get("expect") == []:  # found nothing: "rank 0 of 0"
                results.append((kind, query["q"], 0 if found["count"] == 0 else None, 0,
                                [f'{site_path(h["url"])} {h["title"]}' for h in found["hits"]]))
                continue
            rank = _hit(query, found["hits"])
            results.append((kind, query["q"], rank, query.get("top", 3),
                            [f'{site_path(h["url"])} {h["title"]}' for h in found["hits"]]))
    passed = [r for r in results if r[2] is not None and r[2] <= r[3]]
    top1 = [r for r in results if r[2] == 1]
    with capsys.disabled():
        print(f"\n{layout}: search hit rate: {len(passed)}/{len(results)} in the required rank "
              f"({len(passed) / len(results):.0%}); top-1: {len(top1)}/{len(results)}")
        for kind in QUERIES:
            mine = [r for r in results if r[0] == kind]
            ok = [r for r in mine if r in passed]
            print(f"  {kind:16} {len(ok)}/{len(mine)}")
    failures = [f"{kind} {q!r}: rank {rank} (needs ≤{top}); got {got}" for kind, q, rank, top, got in results
                if (kind, q, rank, top, got) not in passed]
    assert failures == []
    assert requests.external() == []


@pytest.mark.parametrize("term", ["示政办发〔2024〕12号", "11999921014373625T/2025-00001"])
def test_exact_lookup_leads_to_the_document_page(served_demo, page, term) -> None:
    """The top result of an exact identifier is the document itself, under the sub-path."""
    open_search_api(page, served_demo.origin)
    top = search(page, term, limit=1)["hits"][0]
    assert top["url"].startswith("/county/xxgk/xxgk/")
    page.goto(served_demo.origin + top["url"])
    assert term in page.inner_text("main")


def _body_samples(out, count: int = 150) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(page, phrase): seeded random runs of 2–6 Chinese characters from item bodies
    (titles left out: the fixture covers them), cut anywhere, as a user might paste them."""
    rng = random.Random(20261204)
    found: list[tuple[str, str]] = []
    for page in sorted(out.glob("xxgk/*/20*/*.html")):
        html = page.read_text(encoding="utf-8")
        span = body_span(html)
        if span is None:
            continue
        fragment = html[span[0]:span[1]]
        title = TITLE_ELEMENT.search(fragment)
        text = indexed_text(fragment.replace(title.group(0), "") if title else fragment)
        runs = re.findall(r"[\u4e00-\u9fff]{6,}", text)
        if runs:
            run = rng.choice(runs)
            size = rng.choice((2, 3, 4, 6))
            start = rng.randrange(len(run) - size + 1)
            found.append((page.relative_to(out).as_posix(), run[start:start + size]))
    return rng.sample(found, min(count, len(found)))


def test_random_body_phrases_are_found(served_demo, page, capsys) -> None:
    """Recall, not rank: with 搜索范围 全文, the page is among the results for a random
    phrase of its body, cut anywhere. The index and the query make the same bigrams
    (govsite/search/tokens.py), so every one is found."""
    open_search_api(page, served_demo.origin)
    page.select_option("#search-scope", "text")
    samples = _body_samples(served_demo.out)
    misses = [(phrase, path) for path, phrase in samples
              if path not in {site_path(h["url"]) for h in search(page, phrase, limit=1000)["hits"]}]
    rate = 1 - len(misses) / len(samples)
    with capsys.disabled():
        print(f"\nbody phrase recall: {len(samples) - len(misses)}/{len(samples)} ({rate:.1%}); missed: {misses}")
    assert len(samples) >= 100
    assert misses == []
