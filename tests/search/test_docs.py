"""Sharding (govsite/search/docs.py): a year too big for one shard is split into
calendar ranges, newest first, so the shards cover disjoint date ranges; the title
layer is one bundle up to its tier size, else tiers of consecutive years."""
from __future__ import annotations

import json

import pytest

from govsite.search import docs


@pytest.fixture
def small_shards(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(docs, "MAX_SHARD_PAGES", 4)


def _pages(months: dict[int, int]) -> list[tuple[int, str]]:
    return [(m, f"xxgk/a/2025/{m:02d}-{n}.html") for m, count in months.items() for n in range(count)]


def test_a_year_that_fits_is_one_shard(small_shards) -> None:
    assert [name for name, _ in docs._year_shards("y2025", _pages({1: 2, 12: 2}))] == ["y2025"]


def test_a_big_year_splits_into_halves_then_quarters_then_months(small_shards) -> None:
    halves = docs._year_shards("y2025", _pages({2: 3, 9: 4}))
    assert [(name, len(p)) for name, p in halves] == [("y2025-07", 4), ("y2025-01", 3)]
    quarters = docs._year_shards("y2025", _pages({1: 3, 4: 3, 8: 2, 12: 1}))
    assert [name for name, _ in quarters] == ["y2025-10", "y2025-07", "y2025-04", "y2025-01"]
    months = docs._year_shards("y2025", _pages({1: 3, 2: 3, 3: 1}))
    assert [name for name, _ in months] == ["y2025-03", "y2025-02", "y2025-01"]


def test_a_month_too_big_for_one_shard_splits_by_stable_hash(small_shards) -> None:
    parts = docs._year_shards("y2025", _pages({5: 9}))
    assert [name for name, _ in parts] == ["y2025-05-4-0", "y2025-05-4-1", "y2025-05-4-2", "y2025-05-4-3"]
    assert sorted(p for _, ps in parts for p in ps) == sorted(p for _, p in _pages({5: 9}))
    assert parts == docs._year_shards("y2025", list(reversed(_pages({5: 9}))))


def _years(sizes: dict[int, dict[int, int]]) -> dict[int, list[tuple[int, str]]]:
    return {y: [(m, f"xxgk/a/{y}/{m:02d}-{n}.html") for m, count in months.items() for n in range(count)]
            for y, months in sizes.items()}


def test_the_title_layer_is_one_bundle_while_it_fits() -> None:
    tiers = docs._title_tiers(_years({2024: {1: 3}, 2025: {6: 3}}), 6)
    assert [(name, len(p)) for name, p in tiers] == [("titles", 6)]


def test_title_tiers_group_years_from_the_oldest_and_split_a_year_bigger_than_a_tier() -> None:
    by_year = _years({2019: {3: 3}, 2020: {3: 3}, 2021: {5: 2}, 2022: {2: 4, 9: 5}, 2023: {1: 1}})
    tiers = docs._title_tiers(by_year, 6)
    assert [(name, len(p)) for name, p in tiers] == [
        ("titles-2023", 1), ("titles-2022-07", 5), ("titles-2022-01", 4), ("titles-2021", 2), ("titles-2019-2020", 6)]
    assert sorted(p for _, ps in tiers for p in ps) == sorted(p for ps in by_year.values() for _, p in ps)
    # New items of the newest year change the newest tier only.
    by_year[2023] += [(2, f"xxgk/a/2023/new-{n}.html") for n in range(4)]
    grown = docs._title_tiers(by_year, 6)
    assert grown[1:] == tiers[1:] and grown[0][0] == "titles-2023" and len(grown[0][1]) == 5


def _route(tiers: list[docs.Shard]) -> dict[str, int | list[str]]:
    """Every gram of the map of ``tiers`` (their pages' fragments named after their URLs)."""
    from govsite.search.route import bucket_count, route_files
    from govsite.search.tokens import fnv1a

    names = {t.name: [f"zxx_{d.url.split('.')[0]}" for d in docs.page_order(t.docs)] for t in tiers}
    merged: dict[str, int | list[str]] = {}
    for path, data in route_files(tiers, names).items():
        for word, value in json.loads(data).items():
            assert path.endswith(f"{fnv1a(word) % bucket_count(tiers):02d}.json")
            merged[word] = value
    return merged


def _mask(value: int | list[str]) -> int:
    return value if isinstance(value, int) else sum({1 << int(p.split(":")[0]) for p in value})


def test_the_route_map_names_the_tiers_that_hold_each_bigram_and_trigram() -> None:
    from govsite.search.fields import SearchDoc
    from govsite.search.route import MIN_BUCKETS, bucket_count, route_files
    from govsite.search.tokens import fnv1a

    assert fnv1a("a") == 0xE40C292C  # the FNV-1a test vector (one UTF-16 code unit = the byte)
    new = docs.Shard("titles-2026", [SearchDoc("a.html", "", 2026, 1, fields=("东湖镇防汛预案",))])
    old = docs.Shard("titles-2019", [SearchDoc("b.html", "", 2019, 1, fields=("防汛工作，预案",), identifiers=("示政办发〔2019〕3号",))])
    assert len(route_files([new, old], {"titles-2026": ["zxx_a"], "titles-2019": ["zxx_b"]})) == MIN_BUCKETS == bucket_count([new, old])
    merged = {w: _mask(v) for w, v in _route([new, old]).items()}
    assert merged["防汛"] == 0b11 and merged["东湖"] == 0b01 and merged["工作"] == 0b10
    assert merged["示政"] == 0b10  # a 文号's leading letters are title-layer words; its digits are not
    assert "20" not in merged and all(len(w) in (2, 3) for w in merged)
    # Trigrams: 防汛预 is only in the new title; across punctuation the word characters run on (作预)
    assert merged["防汛预"] == 0b01 and merged["汛工作"] == 0b10 and merged["作预案"] == 0b10
    assert merged["政办发"] == 0b10 and "办发2" not in merged and "发20" not in merged
    assert route_files([new], {"titles-2026": ["zxx_a"]}) == {}  # one bundle: no map


def test_a_rare_gram_names_its_pages_and_a_common_one_its_tiers() -> None:
    from govsite.search.fields import SearchDoc
    from govsite.search.route import RARE_PAGES

    def doc(n: int, year: int, title: str) -> SearchDoc:
        return SearchDoc(f"p{year}-{n:02d}.html", title, year, 1, meta={"date": f"{year}-01-{n + 1:02d}"}, fields=(title,))

    # 防汛 is on RARE_PAGES + 1 pages, 预案 on RARE_PAGES, 东湖镇 on 2.
    new = docs.Shard("titles-2026", [doc(n, 2026, "东湖镇防汛预案" if n < 2 else "防汛预案") for n in range(RARE_PAGES - 1)])
    old = docs.Shard("titles-2019", [doc(0, 2019, "防汛工作"), doc(1, 2019, "西湖镇防汛预案")])
    merged = _route([new, old])
    assert merged["防汛"] == 0b11
    # Pages as "tier bit:fragment", newest tier first, each tier's pages in page order (newest first).
    assert merged["东湖镇"] == ["0:p2026-01", "0:p2026-00"]
    assert merged["预案"] == [f"0:p2026-{n:02d}" for n in reversed(range(RARE_PAGES - 1))] + ["1:p2019-01"]
    assert merged["防汛预"] == merged["预案"] and merged["西湖镇"] == ["1:p2019-01"]
    with pytest.raises(ValueError):  # fragments that do not match the pages are a bug, not a map
        from govsite.search.route import route_files
        route_files([new, old], {"titles-2026": [], "titles-2019": ["zxx_a", "zxx_b"]})


def test_the_route_map_has_more_files_as_the_title_layer_grows() -> None:
    from govsite.search.fields import SearchDoc
    from govsite.search.route import MAX_BUCKETS, MIN_BUCKETS, bucket_count

    def tiers(pages: int) -> list[docs.Shard]:
        return [docs.Shard("titles-2026", [SearchDoc(f"{n}.html", "", 2026, 1, fields=("通知",)) for n in range(pages)])]

    assert bucket_count(tiers(10)) == MIN_BUCKETS == bucket_count(tiers(32 * 400))
    assert bucket_count(tiers(32 * 400 + 1)) == 64
    assert bucket_count(tiers(100_000)) == 256
    assert bucket_count(tiers(2_000_000)) == MAX_BUCKETS
