"""The search page in real Chromium (issues 4 and 16): the site's own UI over Pagefind's
JS API, in Chinese, a labelled input, results announced to screen readers, each result with
its title, 文号, organization and date; ``?q=`` pre-fills it, the header search box
of every page submits to it, filters and the 发布日期 sort work, all under a sub-path
base_url and with no request leaving 127.0.0.1."""
from __future__ import annotations

from urllib.parse import quote, urlsplit

from tests.search.search_helpers import SUB_PATH, record_requests, site_path

RESULT = "#search-list li.pf-result a.pf-result-link"
"""A loaded result (placeholders have no link yet)."""

# Records what Pagefind's live regions say, however briefly it says it.
LIVE_RECORDER = """() => {
  window.announced = [];
  new MutationObserver(() => {
    for (const region of document.querySelectorAll("[aria-live]")) {
      const text = region.textContent.trim();
      if (text && !window.announced.includes(text)) window.announced.push(text);
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
}"""


def _open(page, served_demo, query: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(served_demo.root_url + "search/?q=" + quote(query))
    page.wait_for_selector(RESULT)


def _results(page) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all("#search-list li.pf-result:has(a.pf-result-link)", """items => items.map(li => ({
        href: li.querySelector("a.pf-result-link").getAttribute("href"),
        title: li.querySelector("a.pf-result-link").textContent.trim(),
        meta: (li.querySelector(".pf-result-meta") || {textContent: ""}).textContent.trim(),
        date: (li.querySelector(".pf-result-meta time") || {textContent: ""}).textContent.trim(),
        datetime: (li.querySelector(".pf-result-meta time") || {dateTime: ""}).dateTime}))""")


def test_query_parameter_prefills_and_results_show_title_doc_no_org_and_date(served_demo, page) -> None:
    requests = record_requests(page)
    _open(page, served_demo, "森林防火期")
    assert page.get_attribute("html", "lang") == "zh-CN"
    assert page.input_value("#search-input") == "森林防火期"
    first = _results(page)[0]
    assert first["title"] == "示例县人民政府关于划定2026—2027年度森林防火期的通告"
    assert first["meta"] == "示政通〔2026〕2号 · 示例县人民政府 · 2026年10月8日"  # the date as pages print it
    assert first["datetime"] == "2026-10-08"
    assert first["href"] == SUB_PATH + "xxgk/xzf/2026/00005.html"
    # A gazette article shows its issue too.
    _open(page, served_demo, "示例县城乡生活垃圾分类管理办法")
    article = next(r for r in _results(page) if r["href"] == SUB_PATH + "zfgb/2025/04/1.html")
    assert article["meta"].startswith("示例县人民政府令第1号 · ") and "《示例县人民政府公报》2025年第4期" in article["meta"]
    assert article["date"] == "2025年4月18日" and article["datetime"] == "2025-04-18"
    assert requests.external() == []


def test_input_is_labelled_and_results_are_announced_in_chinese(served_demo, page) -> None:
    page.goto(served_demo.root_url + "search/")
    page.evaluate(LIVE_RECORDER)
    box = page.get_by_role("searchbox", name="搜索关键词", exact=True)
    assert box.count() == 1
    assert page.get_by_role("searchbox", name="站内搜索", exact=True).count() == 1  # the header's box
    box.fill("集中采购目录")
    page.wait_for_selector(RESULT)
    page.wait_for_function("() => window.announced.some(t => t.includes('集中采购目录'))")
    said = page.evaluate("() => window.announced")
    assert any("找到" in t and "集中采购目录" in t for t in said), said
    assert page.get_attribute("#search-list", "aria-label") == "搜索结果"
    text = page.inner_text("main")
    for english in ("Search this site", "Results will appear", "Clear", "Filters", "Load more"):
        assert english not in text


def test_header_search_box_submits_to_the_search_page(served_demo, page) -> None:
    page.goto(served_demo.root_url + "xxgk/czj/2025/00005.html")
    page.fill("#site-search", "示财发〔2025〕32号")
    page.click(".search-form button[type=submit]")
    page.wait_for_selector(RESULT)
    assert urlsplit(page.url).path == SUB_PATH + "search/"
    assert page.input_value("#search-input") == "示财发〔2025〕32号"
    assert site_path(_results(page)[0]["href"]) in ("xxgk/czj/2025/00005.html", "zfgb/2025/10/2.html")


def test_filter_pane_narrows_results(served_demo, page) -> None:
    _open(page, served_demo, "通知")
    groups = page.eval_on_selector_all(".pf-filter-group", "gs => gs.map(g => [g.dataset.filterName, g.checkVisibility()])")
    visible = {name for name, shown in groups if shown}
    assert {"发布机构", "主题分类", "体裁", "年份", "有效性", "类型"} <= visible
    assert "分片" not in visible  # the shard filter exists only for sorting
    page.click('.pf-filter-group[data-filter-name="类型"] summary')
    page.check('.pf-filter-group[data-filter-name="类型"] input[value="政府公报"]')
    page.wait_for_function("""() => [...document.querySelectorAll('#search-list a.pf-result-link')]
        .every(a => a.getAttribute('href').includes('/zfgb/'))""")
    assert all("/zfgb/" in r["href"] for r in _results(page))


# The dates of the results loaded so far (Pagefind loads the rest as they scroll into view),
# as their <time datetime> (ISO, so that string order is date order; people read 2026年10月8日).
SHOWN_DATES = """() => [...document.querySelectorAll('#search-list li.pf-result')]
    .map(li => li.querySelector('.pf-result-meta time')).filter(Boolean).map(t => t.dateTime)"""


def _wait_for_dates(page, predicate: str) -> list[str]:  # type: ignore[no-untyped-def]
    page.wait_for_function(f"() => {{ const d = ({SHOWN_DATES})(); return d.length >= 5 && ({predicate})(d); }}")
    return page.evaluate(SHOWN_DATES)


def test_sort_by_publish_date(served_demo, page) -> None:
    # Pagefind loads the results scrolled into view: a tall window shows at least five
    # below the header (search bar under the navigation, issue 5).
    page.set_viewport_size({"width": 1280, "height": 1200})
    # Results of equal relevance come newest first (the bundles number pages newest first),
    # so the oldest-first order is the one that must differ from relevance.
    _open(page, served_demo, "财政")
    relevance = _wait_for_dates(page, "d => true")
    page.select_option("#search-sort", "desc")
    newest = _wait_for_dates(page, "d => d.every((x, i) => i === 0 || d[i - 1] >= x)")
    page.select_option("#search-sort", "asc")
    oldest = _wait_for_dates(page, "d => d.every((x, i) => i === 0 || d[i - 1] <= x)")
    assert newest[0].startswith("2026-") and oldest[0].startswith("2024-")
    assert oldest != relevance  # the sort was a real change


def test_page_loads_only_pagefind_scripts_from_the_site(served_demo, page) -> None:
    requests = record_requests(page)
    scripts: list[str] = []
    page.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
    _open(page, served_demo, "东湖镇")
    # Pagefind's JS API and the site's own scripts: the search page's engine and list, and
    # the 关怀版 switch (every page has it; tests/a11y/test_care.py).
    own = {SUB_PATH + "assets/" + name for name in ("care.js", "search-engine.js", "search.js")}
    assert scripts and all(urlsplit(u).path.startswith(SUB_PATH + "pagefind/") or urlsplit(u).path in own
                           for u in scripts), scripts
    assert {SUB_PATH + "pagefind/pagefind.js", *own} <= {urlsplit(u).path for u in scripts}
    assert requests.external() == []


def _text_requests(urls: list[str]) -> list[str]:
    return [u for u in urls if "/pagefind/text/" in urlsplit(u).path]


def test_title_layer_answers_alone_and_full_text_is_one_click_away(served_demo, page) -> None:
    """Issue 16: a query the title layer answers reads no text shard (the cost of a query
    does not depend on the number of years); 在全文中搜索 reads the full text and shows
    excerpts with the words marked; a query with no title match goes to the full text
    by itself."""
    requests = record_requests(page)
    _open(page, served_demo, "集中采购目录")
    page.wait_for_selector(".search-fulltext:not([hidden])")
    assert _text_requests(requests.urls) == []
    titles_only = page.eval_on_selector("#search-summary", "e => e.textContent")
    page.click("#search-fulltext")
    page.wait_for_function("() => document.querySelector('.pf-result-excerpt mark')")
    assert page.eval_on_selector("#search-scope", "s => s.value") == "text"
    assert _text_requests(requests.urls), "the full text was not read"
    assert page.eval_on_selector("#search-summary", "e => e.textContent") != titles_only
    assert page.is_hidden(".search-fulltext")
    excerpt = page.eval_on_selector(".pf-result-excerpt", "e => e.textContent")
    assert "集中采购目录" in excerpt.replace(" ", "")  # the excerpt is readable text, not tokens

    body_only = record_requests(page)
    page.goto(served_demo.root_url + "search/?q=" + quote("入汛以来最强降雨过程"))
    page.wait_for_selector(RESULT)
    assert _text_requests(body_only.urls)
    # The two pages whose text has the phrase (the 通报 and the gazette's 决定 that quotes it);
    # Pagefind scores an exact phrase alike on both, and equal scores list the newest first.
    found = {site_path(h) for h in page.eval_on_selector_all(RESULT, "as => as.map(a => a.href)")}
    assert found == {"xxgk/yjglj/2025/00003.html", "zfgb/2025/08/1.html"}


def _loaded(page) -> int:  # type: ignore[no-untyped-def]
    return page.locator(RESULT).count()


def _scroll_until(page, count: int) -> None:  # type: ignore[no-untyped-def]
    """Scroll to the end of the list, as a reader does, until ``count`` results are loaded."""
    page.wait_for_function(f"""() => {{ window.scrollTo(0, document.body.scrollHeight);
        return document.querySelectorAll({RESULT!r}).length === {count}; }}""", polling=200, timeout=30000)


def test_the_list_grows_as_it_is_scrolled_and_more_widens_it(served_demo, page) -> None:
    """Each result costs a request (its fragment): the first page comes alone, the next
    pages as the end of the list nears the screen, up to 50; 显示更多结果 adds 50 more."""
    page.set_viewport_size({"width": 1280, "height": 720})
    fragments: list[str] = []
    page.on("request", lambda r: r.url.endswith(".pf_fragment") and fragments.append(r.url))
    _open(page, served_demo, "通知")
    total = int(page.inner_text("#search-summary").split(" ")[1].replace(",", ""))
    assert total > 60, "the demo has more than a window of 通知"
    page.wait_for_timeout(500)
    loaded = _loaded(page)
    assert 10 <= loaded < 50 and len(set(fragments)) <= loaded + 2, (loaded, len(set(fragments)))
    assert page.is_visible("#search-more-button")
    _scroll_until(page, 50)
    page.click("#search-more-button")
    _scroll_until(page, min(total, 100))
    assert len({r["href"] for r in _results(page)}) == min(total, 100), "no result twice"
    assert page.is_hidden("#search-more-button") == (total <= 100)


def test_pinyin_being_composed_is_not_searched_and_the_committed_word_is(served_demo, page) -> None:
    """An input method (拼音) shows "tong zhi" in the box while the word is composed; the
    page searches the committed word, not the letters (driven through Chromium's own IME
    calls, as a real input method drives it)."""
    page.goto(served_demo.root_url + "search/")
    page.wait_for_function("() => window.govsiteEngine !== undefined")
    page.evaluate("window.govsiteEngine")  # Pagefind loaded: a search would answer at once
    page.focus("#search-input")
    cdp = page.context.new_cdp_session(page)
    for typed in ("t", "tong", "tong zhi"):
        cdp.send("Input.imeSetComposition", {"text": typed, "selectionStart": len(typed), "selectionEnd": len(typed)})
        page.wait_for_timeout(120)  # longer than the page's pause between searches
    assert page.input_value("#search-input") == "tong zhi"
    assert page.inner_text("#search-summary").strip() == ""  # nothing searched while composing
    cdp.send("Input.insertText", {"text": "通知"})
    page.wait_for_function("() => document.querySelector('#search-summary').textContent.includes('“通知”的相关结果')")
    assert page.input_value("#search-input") == "通知"
    assert page.locator(RESULT).count() > 0


def test_a_pasted_query_searches_at_once_and_a_burst_of_typing_once(served_demo, page) -> None:
    """The first change after a pause searches without waiting (the summary says so
    before the input event has returned); changes in a burst search once more, for
    what was typed last."""
    page.goto(served_demo.root_url + "search/")
    page.evaluate("window.govsiteEngine")
    said = page.evaluate("""() => { const box = document.querySelector('#search-input');
      box.value = '森林防火期'; box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
      return document.querySelector('#search-summary').textContent; }""")
    assert said == "正在搜索“森林防火期”……"
    page.wait_for_selector(RESULT)
    page.wait_for_timeout(100)
    searched = page.evaluate("""() => new Promise(done => {
      const box = document.querySelector('#search-input'), summary = document.querySelector('#search-summary'), seen = [];
      new MutationObserver(() => { const t = summary.textContent;
          if (t.startsWith('正在搜索') && seen[seen.length - 1] !== t) seen.push(t);
          if (t.includes('“示政通2026”的相关结果')) done(seen); })
        .observe(summary, { childList: true, characterData: true, subtree: true });
      for (const typed of ['示', '示政', '示政通', '示政通2', '示政通20', '示政通202', '示政通2026']) {
        box.value = typed; box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
      } })""")
    assert searched == ["正在搜索“示”……", "正在搜索“示政通2026”……"]
