"""The 信息公开要素 box (metadata) of each item: what it would print as "—".

Every disclosure page prints 索引号, 分类 (主题/体裁/目录), 发布机构, dates, 文号, 有效性
(DOMAIN §0.1); validation already requires the fields the model cannot do without.
体裁 is optional in the model (a legacy export may carry a value the genre list does
not have: ``govsite import items`` then leaves it empty and keeps the old value as a
comment on that line), so an item without one would be published with 体裁 “—” in
its box and be missing from the search page's 体裁 filter. ``W-GENRE-MISSING`` names
each such item, once, on its ``genre`` line (or its title line when the key is absent).
"""
from __future__ import annotations

from datetime import date
from typing import Any

from govsite.inspect.registry import rule
from govsite.inspect.sources import document, field_line
from govsite.problems import ProblemLog


@rule("W-GENRE-MISSING", family="other")
def items_without_genre(model: Any, today: date, problems: ProblemLog) -> None:
    """Each item whose 体裁 is empty."""
    for item in model.items:
        if item.fm.genre:
            continue
        doc = document(model, item.source)
        line = None
        if doc is not None:
            line = field_line(doc, "genre") or field_line(doc, "title")
        problems.warning("W-GENRE-MISSING", item.source, line, "genre", "")
