"""The narrative of a report: its Markdown body split at the six section headings.

A section starts at a level-2 heading ``## 一、…`` to ``## 六、…``. Text before
the first heading is the preface (编制说明). Sections 一, 五 and 六 are required;
二 to 四 may hold a short introduction printed above their table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from govsite.annual.layout import NARRATIVE, SECTIONS

_HEADING = re.compile(r"^##[ \t]+([一二三四五六])、[^\n]*$", re.M)


@dataclass(frozen=True)
class Narrative:
    """The Markdown of the preface and of each section found."""

    preface: str
    preface_line: int
    sections: dict[str, tuple[str, int]]
    """Numeral → (Markdown after the heading, line of its first body line in the file)."""

    def missing(self) -> list[str]:
        """Headings of required narrative sections that the body lacks."""
        titles = dict(SECTIONS)
        return [f"{n}、{titles[n]}" for n in NARRATIVE if n not in self.sections]


def split_sections(body: str, body_line: int) -> Narrative:
    """Split ``body`` (which starts at line ``body_line`` of its file)."""
    matches = list(_HEADING.finditer(body))
    preface = body[: matches[0].start()] if matches else body
    sections: dict[str, tuple[str, int]] = {}
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(body)
        start = m.end() + 1
        sections.setdefault(m.group(1), (body[start:end], body_line + body.count("\n", 0, start)))
    return Narrative(preface, body_line, sections)


def skeleton(org_name: str, year: int) -> str:
    """The body of a new report: the standard preface and the six headings, each
    with the points the 2021 format asks for."""
    guide = {
        "一": "（一）主动公开。\n\n（二）依申请公开。\n\n（三）政府信息管理。\n\n（四）政府信息公开平台建设。\n\n（五）监督保障。",
        "二": "",
        "三": "",
        "四": "",
        "五": "上一年度存在问题的整改情况，本年度存在的主要问题及改进措施。",
        "六": "依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的情况，以及其他需要报告的事项。",
    }
    out = [
        f"本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》要求，由{org_name}编制。"
        f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
    ]
    for numeral, title in SECTIONS:
        out.append(f"## {numeral}、{title}")
        if guide[numeral]:
            out.append(guide[numeral])
    return "\n\n".join(out) + "\n"
