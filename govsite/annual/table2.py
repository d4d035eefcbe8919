"""Table 二's computed rows: 规章 and 行政规范性文件 counted from item metadata.

For a report of organization *O* on year *Y*, the documents counted are the items
issued by *O* (for a 人民政府 also by its 政府办公室, which issues on its behalf)
whose 体裁 is 规章, or 规范性文件/行政规范性文件. The date of a document is its 成文日期
(its 发布日期 when it has none).

- 本年制发件数 (issued): dated in *Y*;
- 本年废止件数 (repealed): 有效性 废止 or 失效 with a 失效（废止）日期 in *Y*;
- 现行有效件数 (valid): dated in *Y* or before, and not lapsed by 31 December *Y*
  (no 失效日期 in *Y* or before, and not marked 废止/失效 without a date).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from govsite.model.item import Validity
from govsite.model.org import OrgKind
from govsite.model.linked import Item
from govsite.model.site_model import SiteModel
from govsite.base.digests import sha1

RULE_GENRES: frozenset[str] = frozenset({"规章"})
"""体裁 counted as 规章."""
NORMATIVE_GENRES: frozenset[str] = frozenset({"规范性文件", "行政规范性文件"})
"""体裁 counted as 行政规范性文件."""
ROWS: tuple[tuple[str, frozenset[str]], ...] = (("规章", RULE_GENRES), ("行政规范性文件", NORMATIVE_GENRES))
LAPSED = (Validity.REPEALED, Validity.EXPIRED)


@dataclass(frozen=True)
class DocCounts:
    """One computed row of table 二 (第二十条第（一）项)."""

    issued: int
    """本年制发件数"""
    repealed: int
    """本年废止件数"""
    valid: int
    """现行有效件数"""


def issuers(model: SiteModel, org_id: str) -> set[str]:
    """The organizations whose documents a report of ``org_id`` counts."""
    org = model.orgs[org_id]
    out = {org_id}
    if org.kind is OrgKind.GOVERNMENT:
        out |= {o.id for o in model.orgs.values() if o.parent == org_id and o.kind is OrgKind.OFFICE}
    return out


def _doc_date(item: Item) -> date:
    return item.fm.written_date or item.fm.publish_date.date()


def feeding_items(model: SiteModel, org_id: str) -> list[Item]:
    """Every item that may feed table 二 of ``org_id`` (any year), in model order."""
    who = issuers(model, org_id)
    genres = RULE_GENRES | NORMATIVE_GENRES
    return [it for it in model.items if it.org.id in who and it.fm.genre in genres]


def count(items: Iterable[Item], year: int) -> DocCounts:
    """Count one row's documents for ``year``."""
    issued = repealed = valid = 0
    for item in items:
        fm = item.fm
        when = _doc_date(item)
        lapsed_year = fm.expiry_date.year if fm.expiry_date else None
        if when.year == year:
            issued += 1
        if fm.validity in LAPSED and lapsed_year == year:
            repealed += 1
        lapsed = (lapsed_year is not None and lapsed_year <= year) or (fm.validity in LAPSED and lapsed_year is None)
        if when.year <= year and not lapsed:
            valid += 1
    return DocCounts(issued, repealed, valid)


def compute_table2(model: SiteModel, org_id: str, year: int) -> dict[str, DocCounts]:
    """规章 and 行政规范性文件 rows for ``org_id``'s report on ``year``."""
    items = feeding_items(model, org_id)
    return {label: count([it for it in items if it.fm.genre in genres], year) for label, genres in ROWS}


def table2_digest(model: SiteModel, org_id: str) -> str:
    """What the computed rows depend on: each feeding item's genre, dates and validity."""
    return sha1(*(f"{it.fm.index_no}|{it.org.id}|{it.fm.genre}|{_doc_date(it)}|{it.fm.validity.value}|{it.fm.expiry_date}"
                  for it in feeding_items(model, org_id)))
