"""The words of the index and of the query (govsite/search/tokens.py): overlapping
bigrams over word characters, punctuation and spaces transparent, the same on both sides."""
from __future__ import annotations

import pytest

from govsite.search.tokens import bigrams, decode, identifier_key, tokens


def _indexed(word: str) -> str:
    """What Pagefind indexes for a token: its word characters (punctuation dropped)."""
    return "".join(ch for ch in word if ch.isalnum())


def test_tokens_are_overlapping_bigrams_carrying_the_punctuation_between() -> None:
    assert tokens("示政办发〔2024〕12号") == ["示政", "政办", "办发", "发〔2", "20", "02", "24", "4〕1", "12", "2号", "号"]
    assert tokens("《规则》") == ["规则", "则"]
    assert tokens("——") == [] and tokens("") == []
    assert tokens("Ａ Ｂ") == ["a·b", "b"]  # NFKC, lower case; a space is kept as a mark inside the token


@pytest.mark.parametrize("title, run", [
    ("国务院关于2018年度国家科学技术奖励的决定", "18年度国家科学"),  # starts inside a number
    ("国务院关于印发《国务院工作规则》的通知", "发《国务院工作规"),  # across 《
    ("国务院关于印发《国务院工作规则》的通知", "国务院工作规则的通知"),  # 》 left out by the citizen
    ("示例县人民政府办公室关于印发示例县城区临时占道经营管理暂行办法的通知", "临时占道经营"),
])
def test_any_run_of_a_title_is_a_run_of_its_indexed_words(title: str, run: str) -> None:
    indexed = [_indexed(w) for w in tokens(title)]
    query = bigrams(run)
    assert any(indexed[i:i + len(query)] == query for i in range(len(indexed))), (indexed, query)


@pytest.mark.parametrize("typed", ["示政办发〔2024〕12号", "示政办发[2024]12号", "示政办发［2024］12号",
                                   "示政办发 (2024) 12号", "示政办发（２０２４）１２号", "示政办发2024 12号"])
def test_a_doc_no_typed_with_any_brackets_or_spaces_gives_the_same_words(typed: str) -> None:
    assert bigrams(typed) == [_indexed(w) for w in tokens("示政办发〔2024〕12号")][:-1]
    assert identifier_key(typed) == "示政办发202412号"


def test_a_single_character_is_searched_alone_and_the_last_character_is_indexed_alone() -> None:
    assert bigrams("县") == ["县"]
    assert tokens("示例县")[-1] == "县"
    assert bigrams("——") == []


def test_decode_gives_back_the_text_without_its_outer_punctuation() -> None:
    for text in ("示政办发〔2024〕12号", "关于印发《国务院工作规则》的通知", "GDP 增长 5.2%"):
        assert decode(tokens(text)) == text.strip("《》%").lower()


def test_index_number_keys_fold_widths() -> None:
    assert identifier_key("11999921014372235X／2024－00005") == identifier_key("11999921014372235x/2024-00005") \
        == "11999921014372235x202400005"
