"""Pieces of the gazette importer: 刊期 guessing, section merging, editing gazette.yaml as text."""
from __future__ import annotations

from datetime import date

import pytest

from govsite.base.yamlsource import parse_yaml
from govsite.importer.gazette_config import appended_sections_text, guess_frequency, merge_sections
from govsite.importer.issues import label
from govsite.model.gazette import DEFAULT_SECTIONS, Frequency


def _monthly(year: int, numbers: range, day: int = 15, shift: int = 0) -> list[tuple[int, int, date]]:
    out = []
    for n in numbers:
        month = n + shift
        out.append((year + (month - 1) // 12, n, date(year + (month - 1) // 12, (month - 1) % 12 + 1, day)))
    return [(year, n, d) for (_y, n, d) in out]


def test_guess_frequency() -> None:
    assert guess_frequency(_monthly(2016, range(1, 13))) is Frequency.MONTHLY
    assert guess_frequency(_monthly(2016, range(1, 13), shift=1)) is Frequency.MONTHLY  # each issue the month after
    assert guess_frequency(_monthly(2016, range(1, 12))) is Frequency.IRREGULAR  # no complete year
    assert guess_frequency(_monthly(2016, range(1, 13)) + [(2017, 1, date(2017, 3, 1))]) is Frequency.IRREGULAR
    semi = [(2016, n, date(2016, (n + 1) // 2, 1 if n % 2 else 16)) for n in range(1, 25)]
    assert guess_frequency(semi) is Frequency.SEMI_MONTHLY
    ten = [(2016, n, date(2016, (n + 2) // 3, 1 + 10 * ((n - 1) % 3))) for n in range(1, 37)]
    assert guess_frequency(ten) is Frequency.TEN_DAYS
    assert guess_frequency([]) is Frequency.IRREGULAR


def test_merge_sections() -> None:
    assert merge_sections([["甲", "丙"], ["甲", "乙", "丙"]]) == ["甲", "乙", "丙"]
    assert merge_sections([["乙", "丙"], ["甲", "乙"]]) == ["甲", "乙", "丙"]
    assert merge_sections([["甲"], ["乙"]]) == ["甲", "乙"]
    assert merge_sections([]) == []


@pytest.mark.parametrize("original, expected", [
    ("name: x\nsections:\n- 甲\n- 乙  # 注释\n\n# 结尾\n", "name: x\nsections:\n- 甲\n- 乙  # 注释\n- 新\n- 'yes'\n\n# 结尾\n"),
    ("name: x\nsections:\n    -   甲\nissn: ''", "name: x\nsections:\n    -   甲\n    -   新\n    -   'yes'\nissn: ''"),
    ("name: x\nsections: [甲, 乙]   # 顺序\n", "name: x\nsections: [甲, 乙, 新, 'yes']   # 顺序\n"),
    ("name: x\nsections: []\n", "name: x\nsections: [新, 'yes']\n"),
])
def test_appended_sections_text(original: str, expected: str) -> None:
    assert appended_sections_text(original, ["新", "yes"]) == expected


def test_appended_sections_text_without_sections_uses_the_defaults() -> None:
    text = appended_sections_text("name: x  # 刊名", ["新"])
    assert text.startswith("name: x  # 刊名\nsections:\n")
    assert parse_yaml(text)["sections"] == DEFAULT_SECTIONS + ["新"]


def test_appended_sections_text_refuses_what_it_cannot_edit() -> None:
    with pytest.raises(ValueError):
        appended_sections_text("- 不是映射\n", ["新"])
    with pytest.raises(ValueError):
        appended_sections_text("name: x\nsections: 甲\n", ["新"])


def test_labels_of_json_paths() -> None:
    assert label("sections[0].articles[2].written_date", "zh") == "成文日期"
    assert label("sections[1].title", "zh") == "栏目名称"
    assert label("sections[0].articles[2].title", "zh") == "标题"
    assert label("sections[0].articles[2]", "zh") == "文章"
    assert label("date", "zh") == "出版日期"
    assert label("sections[0].articles[2].written_date", "en") == "sections[0].articles[2].written_date"
    assert label("publish_date", "zh") == "发布日期"  # items importer labels unchanged
    assert label("sections[0].articles[2].issuer", "zh") == "发文机关"
