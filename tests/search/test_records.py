"""The extra text Pagefind indexes (govsite/search/records.py): hidden n-grams so that
the browser's ICU query words always start an indexed word, and lookup records."""
from __future__ import annotations

from govsite.search.records import (
    NGRAM_WEIGHT,
    identifier_key,
    lookup_html,
    ngrams,
    with_query_words,
)


def test_ngrams_cover_every_position_up_to_three_characters() -> None:
    grams = ngrams("第一批县级 2025年")
    # ICU splits 第一批 into 第|一批 and 县级 into 县|级: each piece starts an n-gram.
    assert {"第", "一批", "第一批", "批县级", "县级", "级", "年"} <= set(grams)
    assert "第一批县" not in grams  # at most three characters
    assert "级2" not in grams and "2025" not in grams  # CJK runs only; digits are indexed as they are
    assert grams == sorted(set(grams))


def test_with_query_words_appends_hidden_low_weight_text_inside_the_indexed_element() -> None:
    page = ('<html><body><nav>导航</nav><article data-pagefind-body><h1>县级名录</h1>'
            '<p>正文第一批</p><div class="qr">二维码</div></article></body></html>')
    out = with_query_words(page)
    hidden = f'<div hidden data-pagefind-weight="{NGRAM_WEIGHT}">'
    assert out.count(hidden) == 1
    assert out.index(hidden) < out.index("</article>")
    words = out[out.index(hidden) + len(hidden):out.index("</div>", out.index(hidden))].split(" ")
    assert "级名" in words and "县级名" in words  # the title: runs of up to three characters
    assert "一" in words and "批" in words and "一批" not in words  # the rest: single characters
    assert "导" not in words and "维" not in words  # navigation and excluded boilerplate are not indexed
    assert out.replace(out[out.index(hidden):out.index("</article>")], "") == page


def test_page_without_indexed_element_is_unchanged() -> None:
    page = "<html><body><p>没有索引区域</p></body></html>"
    assert with_query_words(page) == page


def test_identifier_key_ignores_brackets_spaces_and_widths() -> None:
    key = "示政办发202412号"
    for typed in ("示政办发〔2024〕12号", "示政办发[2024]12号", "示政办发［2024］12号", "示政办发 (2024) 12号",
                  "示政办发（２０２４）１２号"):
        assert identifier_key(typed) == key, typed
    assert identifier_key("11999921014372235X／2024－00005") == identifier_key("11999921014372235x/2024-00005") \
        == "11999921014372235x202400005"


def test_lookup_record_holds_whole_identifier_keys_and_the_plain_title() -> None:
    record = lookup_html("标题<script>", "示政办发〔2024〕12号", "11999921014372235X/2024-00005")
    assert 'lang="zxx"' in record and "<script>" not in record and 'data-title="标题&lt;script&gt;"' in record
    assert 'data-ids="示政办发202412号 11999921014372235x202400005"' in record
    assert "政办发202412号" not in record.replace("示政办发202412号", "")  # no suffixes: a prefix is not exact
    assert "精确匹配" not in record and "／" not in record  # the page shows the label, not the record
