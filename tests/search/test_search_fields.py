"""Whole-field lookups (issue 16): a query that is a whole title or a whole organisation
name is answered from one word of the title layer (``records.field_words``), one index
chunk, before the bigram search that completes it; an organisation's documents come
newest first. In Chromium through the search page's own engine."""
from __future__ import annotations

from typing import Any

import yaml

from govsite.search.records import field_words
from govsite.search.fields import SearchDoc
from govsite.search.tokens import fnv1a
from tests.conftest import REPO

# The engine's first answer (before .rest), and the title-layer index chunks read up to it.
FIRST_ANSWER_JS = """async (term) => {
  const engine = await window.govsiteEngine;
  await engine.ready;
  const before = new Set(performance.getEntriesByType("resource").map((e) => e.name));
  const r = await engine.search(term, {}, { order: "", scope: "" });
  const chunks = performance.getEntriesByType("resource").map((e) => e.name)
    .filter((u) => !before.has(u) && u.includes("/pagefind/titles") && u.endsWith(".pf_index"));
  const first = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  let all = r;
  while (all.rest) { all = await all.rest; }
  const complete = await Promise.all(all.results.map((x) => x.data()));
  return { chunks: chunks.length, partial: !!r.rest,
           first: first.map((d) => ({ url: d.url, title: d.meta.title, org: d.meta.org || "", date: d.meta.date || "" })),
           complete: complete.map((d) => ({ url: d.url, title: d.meta.title, org: d.meta.org || "", date: d.meta.date || "" })) };
}"""


def _first_answer(page, served_demo, term: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    page.goto(served_demo.root_url + "search/")
    return page.evaluate(FIRST_ANSWER_JS, term)  # type: ignore[no-any-return]


def _titles(title: str) -> list[str]:
    """Source files of the demo's items and gazette articles with exactly this title."""
    found = []
    for path in sorted((REPO / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        fm = yaml.safe_load(text.split("---")[1])
        if fm.get("title") == title:
            found.append(path)
    return [str(p) for p in found]


def test_a_whole_title_is_one_word_and_its_pages_come_first(served_demo, page) -> None:
    title = "示例县人民政府关于任免工作人员的通知"
    same = len(_titles(title))
    assert same > 10  # the gazette prints this title in many issues
    answer = _first_answer(page, served_demo, title)
    assert answer["chunks"] == 1, answer["chunks"]  # one word, not the 17 bigrams' chunks
    assert answer["partial"]  # the bigram search follows
    assert [h["title"] for h in answer["first"]] == [title] * 10
    assert [h["title"] for h in answer["complete"][:same]] == [title] * same
    # Typed with other punctuation and spaces inside, it is the same key.
    spaced = _first_answer(page, served_demo, "示例县人民政府 关于任免工作人员的通知。")
    assert spaced["chunks"] == 1
    assert [h["title"] for h in spaced["first"]] == [title] * 10


def test_a_title_fragment_is_not_taken_for_a_whole_title(served_demo, page) -> None:
    """A long run from inside a title has no whole-title word: the bigram search answers
    it, complete at once, with its document."""
    answer = _first_answer(page, served_demo, "市场监管领域轻微违法行为不予行政处罚")
    assert not answer["partial"]
    assert answer["first"] and "市场监管领域轻微违法行为不予行政处罚清单" in answer["first"][0]["title"]


def test_an_organisation_lists_its_documents_newest_first(served_demo, page) -> None:
    org = "示例县财政局"
    answer = _first_answer(page, served_demo, org)
    assert answer["chunks"] == 1, answer["chunks"]
    assert answer["partial"]
    first = answer["first"]
    assert first and all(h["org"] == org for h in first)
    dates = [h["date"] for h in first]
    assert dates == sorted(dates, reverse=True)
    # The complete answer: every document of the organisation, newest first, then pages
    # that only name it (other issuers' titles that mention it).
    complete = answer["complete"]
    own = [h for h in complete if h["org"] == org]
    assert complete[:len(own)] == own
    assert [h["date"] for h in own] == sorted((h["date"] for h in own), reverse=True)
    page.goto(served_demo.root_url + "search/")
    counts = page.evaluate("() => JSON.parse(document.getElementById('search-config').textContent).filters")
    assert len(own) == counts["发布机构"][org]


def test_field_words_are_letters_and_the_hash_of_the_key() -> None:
    """Pagefind indexes the parts of a word of letters and digits as words of their own
    (``qo1a2b`` gave ``qo``, ``qoa`` …), so the hash is written in the letters a–p."""
    doc = SearchDoc("a.html", "示例县财政局关于《预算》的通知", 2024, 1, fields=("示例县财政局关于《预算》的通知", "示例县财政局"))
    title_word, org_word = field_words(doc)
    assert title_word == "qt" + "".join("abcdefghijklmnop"[int(d, 16)] for d in f"{fnv1a('示例县财政局关于预算的通知'):08x}")
    assert org_word.startswith("qo") and org_word[2:].isalpha() and len(org_word) == 10
    assert field_words(SearchDoc("b.html", "机构", None, 12, fields=("机构",))) == [field_words(SearchDoc("c.html", "机构", None, 12, fields=("《机构》",)))[0]]
