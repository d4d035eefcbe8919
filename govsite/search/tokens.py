"""How text becomes search words, the same way in the index and in the browser.

Pagefind segments Chinese with jieba when it indexes and with the browser's ICU
when it queries, and the two disagree (ICU splits 第一批 as 第|一批, jieba keeps it
whole), so a query copied from a title missed its document. govsite therefore
indexes in the language ``zxx`` (Pagefind splits on whitespace only and does not
segment, neither at build time nor in the browser) and segments the text itself,
as Lucene's CJK analyzer does: **overlapping bigrams**.

A *word character* is a Chinese character, a digit or a Latin letter (after NFKC
and lower-casing, so full-width ２０２４ and Ａ are 2024 and a). Everything else,
punctuation and spaces, is transparent: the bigrams run across it. A field (a
title, a 文号, a paragraph of text) ``示政办发〔2024〕12号`` becomes::

    示政 政办 办发 发〔2 20 02 24 4〕1 12 2号 号

one token per word character: the character and the next one, with whatever stood
between them kept inside the token (Pagefind drops punctuation when it indexes a
word, so ``发〔2`` is indexed as ``发2``), and the last character alone. Keeping the
punctuation inside the tokens lets the search page turn a stored token list back
into readable text for an excerpt (:func:`decode`: the first character of each
token, plus the separator it carries).

The search page (``search.html``, ``bigrams``) turns a query the same way into the
bigrams of its word characters, punctuation and spaces dropped, and runs it as a
Pagefind *exact* search (``"示政 政办 …"``): every bigram must be a whole indexed
word and they must stand in a row. So any run of two or more characters from a
title is found wherever it starts (inside a word, across 《》 or 〔〕, with digits),
a 文号 is found whatever brackets or spaces it is typed with, and a query with a
bigram that no page has finds nothing (an exact search has no fall-back to a
shorter prefix, which is why ``xqzvbnmq`` used to list pages). A query of a single
character is a prefix search of that character.
"""
from __future__ import annotations

import re
import unicodedata

WORD_CHAR = re.compile(r"[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""A character that is part of a search word (after :func:`fold`)."""
_SPACE = re.compile(r"\s+")
SPACE_MARK = "·"
"""Whitespace between two word characters, kept inside a token (a token cannot hold a
space). Not ``_``: Pagefind indexes ``_`` as part of a word (its ``include_characters``)."""


_COMMON_WIDE = tuple((wide, unicodedata.normalize("NFKC", wide)) for wide in "，：；！？（）％\u3000")
"""Full-width punctuation of nearly every Chinese page, replaced before the NFKC check:
then the check usually passes and the text is not normalised as a whole (0.4 ms for a
page of 2,000 characters, a fifth of the text layer's tokenising)."""


def fold(text: str) -> str:
    """Compatibility forms folded (NFKC) and lower case: what both sides compare."""
    for wide, narrow in _COMMON_WIDE:
        if wide in text:
            text = text.replace(wide, narrow)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text.lower()


_RUNS = re.compile(r"([0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)")
"""Runs of word characters, kept by ``split`` (the group)."""


def tokens(text: str) -> list[str]:
    """The tokens of one field, as described above; [] when it has no word character."""
    return tokens_and_words(text)[0]


def tokens_and_words(text: str) -> tuple[list[str], list[str]]:
    """The tokens of one field and, for each, the word it is found by: the same
    bigram, or for a token across punctuation its two word characters (``发〔2`` →
    ``发2``). The words are the bigrams of the field's word characters run together
    (one regular-expression split and one list of slices); a token differs from its
    word only where one run of word characters ends and the next begins, where it
    takes what stood between (0.2 ms for a page of 2,000 characters: the text layer
    tokenises every page's full text)."""
    parts = _RUNS.split(fold(text))  # separator, run, separator, run, …, separator
    runs = parts[1::2]
    if not runs:
        return [], []
    chars = "".join(runs)
    words = [chars[i:i + 2] for i in range(len(chars) - 1)]
    words.append(chars[-1])
    toks = words.copy()
    end = -1
    for i in range(len(runs) - 1):  # the previous run's last character, what stood between, this run's first
        end += len(runs[i])
        toks[end] = chars[end] + _SPACE.sub(SPACE_MARK, parts[2 * i + 2]) + chars[end + 1]
    return toks, words


def bigrams(query: str) -> list[str]:
    """What the search page searches for (``bigrams`` in ``search.html``): the bigrams
    of the query's word characters, in order; a single character alone."""
    chars = WORD_CHAR.findall(fold(query))
    if len(chars) == 1:
        return chars
    return [a + b for a, b in zip(chars, chars[1:])]


def decode(words: list[str]) -> str:
    """The text a token list stands for (what an excerpt shows): each token's first
    character and the separator it carries, the last character of a field whole."""
    out: list[str] = []
    for word in words:
        if len(word) >= 2 and WORD_CHAR.fullmatch(word[-1]):
            out.append(word[:-1].replace(SPACE_MARK, " "))
        else:
            out.append(word)
    return "".join(out)


def identifier_key(identifier: str) -> str:
    """``示政办发〔2024〕12号`` → ``示政办发202412号``: the word characters of an identifier.
    The search page labels a result 【精确匹配】 when the key of its 文号 or 索引号 is
    the key of the whole query (``key`` in ``search.html``)."""
    return "".join(WORD_CHAR.findall(fold(identifier)))


def fnv1a(word: str) -> int:
    """32-bit FNV-1a of ``word``'s UTF-16 code units (``fnv`` in search-engine.js)."""
    h = 0x811C9DC5
    data = word.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


TITLE_KEY = "qt"
ORG_KEY = "qo"
"""Prefixes of the whole-field words (:func:`field_word`): a whole title, a whole organisation."""


def field_word(prefix: str, text: str) -> str:
    """One word that stands for a whole field (``fieldWord`` in search-engine.js): the
    prefix and the FNV-1a of the field's :func:`identifier_key` as 8 letters, a hex
    digit each (0–f written a–p: Pagefind indexes the parts of a word of letters and
    digits as words of their own), e.g. ``示例县农业农村局`` → ``qo`` + 8 letters. A query
    that is a whole title or a whole organisation name is looked up as this one word,
    one index chunk, instead of its 6–8 bigram chunks. Two fields can share a hash: the page keeps only results
    whose field is the query."""
    return prefix + f"{fnv1a(identifier_key(text)):08x}".translate(_HEX_LETTERS)


_HEX_LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")
