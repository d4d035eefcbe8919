"""The gazette.yaml an import writes or extends (公报配置): the 刊期 guessed when it is
obvious, one section order merged from the issues', and new sections appended to an
existing file as text, so that its comments and layout stay.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

import yaml

from govsite.base.yamlsource import YamlError, dump_yaml, parse_yaml
from govsite.model.gazette import DEFAULT_SECTIONS, Frequency

_PATTERNS: tuple[tuple[Frequency, int, Any], ...] = (
    (Frequency.MONTHLY, 12, lambda n: n),
    (Frequency.SEMI_MONTHLY, 24, lambda n: (n + 1) // 2),
    (Frequency.TEN_DAYS, 36, lambda n: (n + 2) // 3),
)


def guess_frequency(regular: list[tuple[int, int, date]]) -> Frequency:
    """刊期 when it is obvious: one whole year of 12/24/36 issues and every issue
    published in its month (or every one the month after); else irregular."""
    by_year: dict[int, set[int]] = {}
    for year, number, _day in regular:
        by_year.setdefault(year, set()).add(number)
    for freq, per_year, month_of in _PATTERNS:
        if not any(numbers == set(range(1, per_year + 1)) for numbers in by_year.values()):
            continue
        if any(number > per_year for _y, number, _d in regular):
            continue
        offsets = {(day.year * 12 + day.month) - (year * 12 + month_of(number)) for year, number, day in regular}
        if len(offsets) == 1 and offsets <= {0, 1}:
            return freq
    return Frequency.IRREGULAR


def merge_sections(orders: list[list[str]]) -> list[str]:
    """One section order from the issues' orders: a new section goes after its
    nearest predecessor in the issue that names it (or before its successor)."""
    merged: list[str] = []
    for order in orders:
        for i, name in enumerate(order):
            if name in merged:
                continue
            before = next((p for p in reversed(order[:i]) if p in merged), None)
            after = next((s for s in order[i + 1:] if s in merged), None)
            if before is not None:
                merged.insert(merged.index(before) + 1, name)
            elif after is not None:
                merged.insert(merged.index(after), name)
            else:
                merged.append(name)
    return merged


def _flow_list(values: list[str]) -> str:
    return yaml.dump(values, allow_unicode=True, default_flow_style=True, width=10**6).strip()


def appended_sections_text(original: str, new: list[str]) -> str:
    """gazette.yaml with ``new`` appended to ``sections`` (comments and layout kept).

    Raises :class:`ValueError` when the edit does not read back as exactly that."""
    data = parse_yaml(original) if original.strip() else None
    if not isinstance(data, dict):
        raise ValueError("gazette.yaml is not a mapping")
    old = data.get("sections")
    expected = {**data, "sections": (list(DEFAULT_SECTIONS) if old is None else list(old)) + new}
    if "sections" not in data:
        text = original if original.endswith("\n") else original + "\n"
        text += dump_yaml({"sections": expected["sections"]})
    else:
        node = yaml.compose(original)
        value = next((v for k, v in node.value if k.value == "sections"), None) if node is not None else None
        if not isinstance(value, yaml.SequenceNode) or not isinstance(old, list):
            raise ValueError("sections is not a list")
        if value.flow_style or not value.value:
            start, end = value.start_mark.index, value.end_mark.index
            text = original[:start] + _flow_list(list(old) + new) + original[end:]
        else:
            lines = original.split("\n")
            first = lines[value.value[0].start_mark.line]
            m = re.match(r"^(\s*-\s+)", first)
            if not m:
                raise ValueError("unexpected sections layout")
            dash = m.group(1)
            last = value.value[-1].end_mark.line
            if value.value[-1].end_mark.column == 0:
                last -= 1
            added = [dash + dump_yaml([name]).strip()[2:] for name in new]
            text = "\n".join(lines[: last + 1] + added + lines[last + 1:])
    try:
        after = parse_yaml(text)
    except YamlError as exc:
        raise ValueError(exc.detail) from None
    if after != expected:
        raise ValueError("the edited file does not read back as expected")
    return text
