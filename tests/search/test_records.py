"""The records govsite indexes (govsite/search/records.py): tokens in fields, the title
weighted, metadata, filters and the date sort key, the page's boilerplate left out.
How a record becomes Pagefind's files is tests/search/test_bundle_writer.py."""
from __future__ import annotations

from govsite.search.fields import SearchDoc
from govsite.search.records import TEXT_TITLE_WEIGHT, TITLE_WEIGHT, page_text, record
from govsite.search.tokens import ORG_KEY, TITLE_KEY, field_word

DOC = SearchDoc("xxgk/a/2024/00001.html", "标题<script>, 含逗号", 2024, 3,
                {"title": "标题<script>, 含逗号", "doc_no": "示政办发〔2024〕12号", "date": "2024-03-01"},
                {"类型": "信息公开", "年份": "2024"}, ("标题<script>, 含逗号", "示例县人民政府办公室"),
                ("示政办发〔2024〕12号", "11999921014372235X/2024-00005"))


def test_title_record_holds_the_tokens_of_each_field_the_title_weighted() -> None:
    rec = record(DOC)
    assert rec.url == DOC.url and rec.meta == DOC.meta and rec.filters == DOC.filters
    assert rec.sort == {"date": "2024-03-01"}
    assert [(weight, toks) for weight, toks, _ in rec.fields] == [
        (TITLE_WEIGHT, ["标题", "题<s", "sc", "cr", "ri", "ip", "pt", "t>,·含", "含逗", "逗号", "号"]),
        (1, ["示例", "例县", "县人", "人民", "民政", "政府", "府办", "办公", "公室", "室"]),
        # Identifiers: the whole key, and the bigrams of a 文号's leading letters only (no digits).
        (1, ["示政办发202412号", "示政", "政办", "办发", "发"]),
        (1, ["11999921014372235x202400005"]),
        # The whole title and the whole organisation, one word each (tokens.field_word).
        (1, [field_word(TITLE_KEY, DOC.title), field_word(ORG_KEY, "示例县人民政府办公室")]),
    ]
    # A token across punctuation is found by its two word characters.
    assert rec.fields[0][2] == ["标题", "题s", "sc", "cr", "ri", "ip", "pt", "t含", "含逗", "逗号", "号"]
    assert all(toks == words for _, toks, words in rec.fields[1:])


def test_text_record_holds_the_title_and_the_text_only() -> None:
    rec = record(DOC, "正文内容")
    assert rec.fields == [(TEXT_TITLE_WEIGHT, *record(DOC).fields[0][1:]), (1, ["正文", "文内", "内容", "容"], ["正文", "文内", "内容", "容"])]


def test_a_record_without_a_date_has_no_sort_key_and_empty_fields_are_left_out() -> None:
    doc = SearchDoc("about/index.html", "关于", None, 1, {"title": "关于"}, {}, ("关于", ""), ("", ""))
    rec = record(doc)
    assert rec.sort == {} and [t for _, t, _ in rec.fields][:1] == [["关于", "于"]]
    assert all(toks and words for _, toks, words in rec.fields)


def test_page_text_leaves_out_navigation_and_boilerplate() -> None:
    page = ('<html><body><nav>导航</nav><article data-pagefind-body><h1>县级名录</h1>'
            '<p>正文第一批</p><div class="qr">二维码</div><script>var x</script></article></body></html>')
    text = page_text(page)
    assert "县级名录" in text and "正文第一批" in text
    assert "导航" not in text and "二维码" not in text and "var" not in text
    assert page_text("<html><body><p>没有索引区域</p></body></html>") == ""


def test_a_result_shows_the_date_as_pages_print_it_and_sorts_on_the_iso_date(site) -> None:  # type: ignore[no-untyped-def]
    """Issue 17 §6: ``date_text`` is what the result shows (2025年9月26日), ``date`` its
    ``<time datetime>`` and the sort key; both are the day in Beijing, as on the page."""
    from govsite.pipeline.pages import load_and_validate
    from govsite.search.fields import collect_docs
    from tests.gazette.gazette_helpers import write_article, write_gazette, write_issue

    site.write_item(4, publish_date="2025-09-25 20:00Z")  # 26 September, 04:00 in Beijing
    write_gazette(site, first_year=2025)
    write_article(site, write_issue(site, 2025, 1, "2025-01-08"), 1, "正文。\n")
    model, _problems = load_and_validate(site.root)
    assert model is not None
    docs = {d.url: d for d in collect_docs(model)}
    item, article = docs["xxgk/xzfb/2025/00004.html"], docs["zfgb/2025/01/1.html"]
    assert (item.meta["date"], item.meta["date_text"], item.date) == ("2025-09-26", "2025年9月26日", "2025-09-26")
    assert (article.meta["date"], article.meta["date_text"]) == ("2025-01-08", "2025年1月8日")
    rec = record(item)
    assert rec.meta["date_text"] == "2025年9月26日" and rec.sort == {"date": "2025-09-26"}
