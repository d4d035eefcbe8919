"""``govsite new interpretation --policy INDEX_NO``: a 政策解读 linked to its policy.

The new item carries ``interprets: <policy 索引号>``; the model derives the reverse
link, so the policy's page lists the interpretation under 政策解读 at the next build.
"""
from __future__ import annotations

from pathlib import Path

from govsite.content.loader import load_site
from govsite.model.column_lookup import ColumnLookup
from govsite.model.taxonomy import ColumnType, walk_columns
from govsite.newitem import NewItemError, create_item

BODY = "## 一、出台背景\n\n## 二、主要内容\n\n## 三、关键词解释\n\n## 四、施行时间及咨询方式\n"
"""The usual outline of a 政策解读, for the editor to fill in."""


def interpretation_column(columns) -> str | None:  # type: ignore[no-untyped-def]
    """The first column of type ``interpretation`` (政策解读)."""
    return next((c.id for c, _ in walk_columns(columns) if c.type is ColumnType.INTERPRETATION), None)


def create_interpretation(site: Path, policy_index: str, org_id: str | None, column_id: str | None,
                          title: str | None, publish_date: str | None) -> tuple[Path, str, str]:
    """Write the interpretation; returns (path relative to site, its 索引号, the policy's title)."""
    loaded = load_site(site.resolve())
    if loaded.config is None:
        raise NewItemError("E-MISSING", field="site.yaml")
    policy = next((doc.front for doc in loaded.items if doc.front.index_no == policy_index), None)
    if policy is None:
        raise NewItemError("E-REF-ITEM", value=policy_index)
    column = column_id or interpretation_column(loaded.config.columns)
    if column is None:
        raise NewItemError("E-REF-COLUMN", value="（政策解读栏目 / interpretation column）",
                           allowed=ColumnLookup.from_tree(loaded.config.columns).allowed())
    name = policy.title.strip("《》").replace("《", "〈").replace("》", "〉")
    path, index_no = create_item(
        site, org_id or policy.issuer, column, title or f"《{name}》政策解读", publish_date,
        genre="解读", extra={"interprets": policy_index, "keywords": list(policy.keywords)},
        body=BODY)
    return path, index_no, policy.title
