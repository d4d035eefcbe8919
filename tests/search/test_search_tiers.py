"""The title layer in tiers (govsite/search/docs.py), as a big site has it, in real
Chromium: a first page of results comes from the newest tier alone, the full answer
is the same as with one bundle, a 文号 of an old year is found through the tier its
year names, and filters and the date sort hold across tiers. Full text is read the
same way: the newest shards first, then all."""
from __future__ import annotations

import json
import re

from tests.search.conftest import TIER_PAGES
from govsite.search.tokens import fnv1a
from tests.search.search_helpers import SUB_PATH, open_search_api, record_requests, search, site_path

FIRST = """async (term) => {
  const engine = await window.govsiteEngine;
  const r = await engine.search(term, {}, { scope: document.getElementById("search-scope").value,
                                            order: document.getElementById("search-sort").value });
  const first = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  let all = r;
  while (all.rest) { all = await all.rest; }
  const last = await Promise.all(all.results.map((x) => x.data()));
  return { partial: !!r.rest, count: r.results.length, dates: first.map((d) => d.meta.date || ""),
           total: all.results.length, allDates: last.map((d) => d.meta.date || "") };
}"""


def _config(out) -> dict:  # type: ignore[no-untyped-def, type-arg]
    html = (out / "search" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="search-config">(.*?)</script>', html, re.S)
    assert block
    return json.loads(block.group(1))  # type: ignore[no-any-return]


def test_a_big_title_layer_is_split_into_tiers_newest_first(served_tiered_demo, served_demo) -> None:
    tiers = _config(served_tiered_demo.out)["titles"]
    assert len(tiers) >= 3
    assert all(t["name"].startswith("titles-") for t in tiers)
    assert [t["years"] for t in tiers] == sorted((t["years"] for t in tiers), reverse=True)
    for tier in tiers:
        folder = (served_tiered_demo.out / "search" / tier["bundlePath"]).resolve()  # relative to the page
        assert (folder / "pagefind-entry.json").is_file(), tier
    assert not (served_tiered_demo.out / "pagefind" / "titles").exists()
    # One bundle on the demo as built: every page fits in one tier there.
    assert [t["name"] for t in _config(served_demo.out)["titles"]] == ["titles"]
    assert TIER_PAGES < sum(1 for _ in served_demo.out.glob("xxgk/*/20*/*.html"))


def test_a_first_page_comes_from_the_newest_tier_then_every_tier(served_tiered_demo, served_demo, page) -> None:
    newest = _config(served_tiered_demo.out)["titles"][0]["years"]
    open_search_api(page, served_demo.origin)
    whole = search(page, "通知", limit=500)
    open_search_api(page, served_tiered_demo.origin)
    got = page.evaluate(FIRST, "通知")
    assert got["partial"] and got["count"] >= 10
    assert all(str(newest[0]) <= d[:4] <= str(newest[1]) for d in got["dates"] if d), got["dates"]
    assert got["total"] == whole["count"]
    tiered = search(page, "通知", limit=500)
    assert {site_path(h["url"]) for h in tiered["hits"]} == {site_path(h["url"]) for h in whole["hits"]}


def test_a_later_query_also_comes_from_the_newest_tier_first(served_tiered_demo, served_demo, page) -> None:
    """Once a query has merged every tier, the next one still answers its first page from
    the newest tier (Pagefind scores every page a word is on: over all tiers of 100,000
    items 通知 took 770–1,366 ms), then completes over all of them."""
    newest = _config(served_tiered_demo.out)["titles"][0]["years"]
    open_search_api(page, served_demo.origin)
    whole = search(page, "通知", limit=500)
    open_search_api(page, served_tiered_demo.origin)
    page.evaluate(FIRST, "示例")  # merges every tier
    got = page.evaluate(FIRST, "通知")
    assert got["partial"] and got["count"] >= 10
    assert all(str(newest[0]) <= d[:4] <= str(newest[1]) for d in got["dates"] if d), got["dates"]
    assert got["total"] == whole["count"]


def test_the_page_shows_the_first_page_and_then_the_full_count(served_tiered_demo, served_demo, page) -> None:
    open_search_api(page, served_demo.origin)
    whole = search(page, "通知", limit=1)["count"]
    page.goto(served_tiered_demo.origin + SUB_PATH + "search/?q=通知")
    page.wait_for_selector(".pf-result-link")
    page.wait_for_function(f"() => /找到 {whole:,} 个/.test(document.querySelector('#search-summary').innerText)")
    assert page.locator("#search-progress").is_hidden()


def test_an_old_doc_no_is_found_through_the_tier_its_year_names(served_tiered_demo, page) -> None:
    open_search_api(page, served_tiered_demo.origin)
    found = search(page, "示政办发〔2024〕12号", limit=3)
    assert found["hits"][0]["exact"] and found["hits"][0]["doc_no"] == "示政办发〔2024〕12号"


def test_filters_and_date_sort_hold_across_tiers(served_tiered_demo, served_demo, page) -> None:
    open_search_api(page, served_demo.origin)
    by_year = search(page, "通知", {"filters": {"年份": "2025"}}, limit=500)
    open_search_api(page, served_tiered_demo.origin)
    tiered = search(page, "通知", {"filters": {"年份": "2025"}}, limit=500)
    assert tiered["count"] == by_year["count"] and all(h["date"].startswith("2025-") for h in tiered["hits"])
    for order in ("desc", "asc"):
        page.select_option("#search-sort", order)
        found = search(page, "通知", limit=500)
        dates = [h["date"] for h in found["hits"]]
        assert len(dates) >= 20 and all(dates)
        assert dates == sorted(dates, reverse=order == "desc"), order
        assert len(set(dates)) > 3 and len({site_path(h["url"]) for h in found["hits"]}) == found["count"]


def test_full_text_shows_a_first_page_from_the_newest_shards_then_all(served_demo, page) -> None:
    shards = [t["name"] for t in _config(served_demo.out)["textShards"]]
    assert shards == sorted(shards, reverse=True) and len(shards) >= 3
    open_search_api(page, served_demo.origin)
    page.select_option("#search-scope", "text")
    got = page.evaluate(FIRST, "通知")
    oldest = shards[-1][1:5]  # y2024 → 2024: read only after the first page
    assert got["partial"] and got["count"] >= 10
    assert not any(d.startswith(oldest) for d in got["dates"]), got["dates"]
    assert any(d.startswith(oldest) for d in got["allDates"])
    assert got["total"] == search(page, "通知", limit=1)["count"] > got["count"]


def _route_entries(out, phrase: str) -> list[int | list[str]]:  # type: ignore[no-untyped-def]
    """The map's entries for ``phrase``'s first, middle and last trigram: a mask of
    tiers, or a rare gram's pages ("bit:fragment")."""
    config = _config(out)
    words = [phrase[i:i + 3] for i in range(len(phrase) - 2)]
    found = []
    for w in sorted({words[0], words[len(words) >> 1], words[-1]}):
        bucket = fnv1a(w) % config["route"]["buckets"]
        data = json.loads((out / "pagefind" / "route" / f"{bucket:02d}.json").read_text(encoding="utf-8"))
        found.append(data.get(w, 0))
    return found


def _mask(entry: int | list[str]) -> int:
    return entry if isinstance(entry, int) else sum({1 << int(p.split(":")[0]) for p in entry})


def _rare_pages(entries: list[int | list[str]]) -> set[str]:
    """The pages that the phrase's rare grams name together ("bit:fragment"; none when no
    probed gram is rare)."""
    lists = [set(e) for e in entries if isinstance(e, list)]
    return set.intersection(*lists) if lists else set()


def _phrases(out):  # type: ignore[no-untyped-def]
    """(page, a 6-character run of its title that starts inside a word and that at most 3
    titles hold, the map's entries)."""
    titles = {}
    for item in sorted(out.glob("xxgk/*/20*/*.html")):
        title = re.search(r"<h1[^>]*>(.*?)</h1>", item.read_text(encoding="utf-8"), re.S)
        titles[item.relative_to(out).as_posix()] = title.group(1) if title else ""
    for path, title in titles.items():
        for run in re.findall(r"[\u4e00-\u9fff]{8,}", title):
            if sum(run[1:7] in t for t in titles.values()) <= 3:
                yield path, run[1:7], _route_entries(out, run[1:7])


def test_a_phrase_of_common_grams_reads_only_the_tiers_the_route_map_names(served_tiered_demo, page) -> None:
    out = served_tiered_demo.out
    tiers = [t["name"] for t in _config(out)["titles"]]
    chosen = None
    for path, phrase, entries in _phrases(out):
        if all(isinstance(e, int) for e in entries):  # no rare gram: the map names tiers only
            mask = -1
            for e in entries:
                mask &= _mask(e)
            named = [t for i, t in enumerate(tiers) if mask & (1 << i)]
            if named and len(set(named) | {tiers[0]}) < len(tiers):
                chosen = (path, phrase, named)
                break
    assert chosen, "no title phrase of common grams that the map places in some tiers only"
    path, phrase, named = chosen
    requests = record_requests(page)
    open_search_api(page, served_tiered_demo.origin)
    found = search(page, phrase, limit=10)
    assert path in [site_path(h["url"]) for h in found["hits"]], (phrase, found)
    metas = {u.split("/pagefind/")[1].split("/")[0] for u in requests.urls if u.endswith(".pf_meta") and "/titles-" in u}
    # The newest tier first (less than a page there), then only the tiers the map names.
    assert metas == set(named) | {tiers[0]} and len(metas) < len(tiers), (phrase, metas, named)
    assert any("/pagefind/route/" in u for u in requests.urls)


def test_a_rare_phrase_is_answered_from_its_pages_fragments_without_the_tiers(served_tiered_demo, served_demo, page) -> None:
    """A gram that few titles hold names their pages (route.RARE_PAGES): the page reads
    those fragments and keeps the titles that hold the phrase, with no tier's metadata
    or index chunk beyond the newest tier's start-up files."""
    out = served_tiered_demo.out
    tiers = [t["name"] for t in _config(out)["titles"]]
    chosen = None
    for path, phrase, entries in _phrases(out):
        pages = _rare_pages(entries)
        if pages and not any(p.startswith("0:") for p in pages):  # none in the newest tier
            chosen = (path, phrase, pages)
            break
    assert chosen, "no title phrase with a rare gram outside the newest tier"
    path, phrase, pages = chosen
    requests = record_requests(page)
    open_search_api(page, served_tiered_demo.origin)
    found = search(page, phrase, limit=10)
    hits = [site_path(h["url"]) for h in found["hits"]]
    assert path in hits[:3], (phrase, found)
    assert found["count"] <= len(pages)
    for hit in found["hits"]:  # every result holds the phrase in its title
        assert phrase in hit["title"], (phrase, hit)
    titles = [u.split("/pagefind/")[1] for u in requests.urls if "/pagefind/titles-" in u]
    assert not [u for u in titles if "/index/" in u], titles  # no index chunk of any tier
    assert {u.split("/")[0] for u in titles if u.endswith(".pf_meta")} == {tiers[0]}  # the start-up tier only
    fragments = {u.split("/")[0] + ":" + u.rsplit("zxx_", 1)[1].split(".")[0] for u in titles if "/fragment/" in u}
    assert fragments == {f"{tiers[int(p.split(':')[0])]}:{p.split(':')[1]}" for p in pages}
    # The same answer as Pagefind's search of the same titles in one bundle (the demo as
    # built: one title bundle, no route map).
    open_search_api(page, served_demo.origin)
    whole = search(page, phrase, limit=10)
    assert {site_path(h["url"]) for h in whole["hits"]} == set(hits), (hits, whole)


def test_a_rare_phrase_keeps_the_filters_and_the_date_order(served_tiered_demo, page) -> None:
    """The answer made from a rare gram's fragments applies the citizen's filters and
    sorts by date as the search of the tiers does."""
    out = served_tiered_demo.out
    chosen = None
    for path, phrase, entries in _phrases(out):
        if len(_rare_pages(entries)) >= 2:
            chosen = (path, phrase)
            break
    assert chosen, "no rare title phrase held by two pages"
    path, phrase = chosen
    open_search_api(page, served_tiered_demo.origin)
    every = search(page, phrase, limit=10)
    assert every["count"] >= 1 and all(phrase in h["title"] for h in every["hits"])
    year = path.split("/")[2]
    kept = search(page, phrase, {"filters": {"年份": {"any": [year]}}}, limit=10)
    assert path in [site_path(h["url"]) for h in kept["hits"]]
    assert all(h["date"].startswith(year) for h in kept["hits"]), kept
    assert search(page, phrase, {"filters": {"年份": {"any": ["1999"]}}})["count"] == 0
    for order in ("asc", "desc"):
        page.select_option("#search-sort", order)
        dates = [h["date"] for h in search(page, phrase, limit=10)["hits"]]
        assert dates == sorted(dates, reverse=order == "desc"), (order, dates)
    page.select_option("#search-sort", "")
