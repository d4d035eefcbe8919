"""Taxonomies: 主题分类 (themes), 体裁 (genres) and the column (栏目) tree."""
from __future__ import annotations

from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import Any, Iterator, Optional

from pydantic import Field

from govsite.base.yamlsource import safe_load
from govsite.model.base import SLUG_RE, Strict

DEFAULTS_DIR = Path(__file__).resolve().parent.parent / "defaults"


class Theme(Strict):
    """A node of the 主题分类 tree."""

    code: str = Field(pattern=r"^\d+(\.\d+)?$")
    """Stable code: ``13`` for a first level node, ``13.2`` for a second level one."""
    name: str
    """Chinese label, e.g. 卫生、体育 (一级) or 医药管理 (二级)."""
    children: list["Theme"] = []


class ColumnType(str, Enum):
    """Inspection column type (检查指标 栏目类型, DOMAIN §5.2)."""

    NEWS = "news"  # 动态、要闻类: 2 weeks
    NOTICE_POLICY = "notice_policy"  # 通知公告、政策文件类: 6 months
    PERSONNEL_PLAN = "personnel_plan"  # 人事、规划计划类: 12 months
    STATUTORY = "statutory"  # 法定主动公开内容 (container)
    GUIDE = "guide"  # 政府信息公开指南
    RULES = "rules"  # 政府信息公开制度
    ANNUAL_REPORT = "annual_report"  # 政府信息公开年报
    ON_REQUEST = "on_request"  # 依申请公开
    INTERPRETATION = "interpretation"  # 政策解读
    CATALOG = "catalog"  # 标准目录
    GAZETTE = "gazette"  # 政府公报
    OTHER = "other"  # 其他 (should-update columns)


DEFAULT_UPDATE_DAYS: dict[ColumnType, int | None] = {
    ColumnType.NEWS: 14,
    ColumnType.NOTICE_POLICY: 183,
    ColumnType.PERSONNEL_PLAN: 365,
    ColumnType.INTERPRETATION: 183,
}


class Column(Strict):
    """A 栏目: a node of the disclosure catalog tree."""

    id: str = Field(pattern=SLUG_RE)
    """ASCII id, also the URL segment, usually pinyin initials (gfxwj = 规范性文件)."""
    title: str
    """Chinese column name shown on the site and in the ColumnName meta tag."""
    type: ColumnType = ColumnType.OTHER
    """Inspection type; decides the default update period."""
    update_days: Optional[int] = Field(default=None, ge=1)
    """Days after which the column counts as 不更新; default from ``type``."""
    art20: Optional[int] = Field(default=None, ge=1, le=15)
    """Which category of Art. 20 (条例第二十条) this column publishes."""
    description: str = ""
    """ColumnDescription meta and the intro shown on the column page."""
    children: list["Column"] = []

    @property
    def effective_update_days(self) -> int | None:
        return self.update_days if self.update_days is not None else DEFAULT_UPDATE_DAYS.get(self.type)


def walk_columns(columns: list[Column], parent: Column | None = None) -> Iterator[tuple[Column, Column | None]]:
    """Depth-first (column, parent) pairs in document order."""
    for col in columns:
        yield col, parent
        yield from walk_columns(col.children, col)


class Taxonomy:
    """Lookup tables built from the theme tree and genre list."""

    def __init__(self, themes: list[Theme], genres: list[str]) -> None:
        self.themes = themes
        self.genres = genres

    @cached_property
    def theme_by_code(self) -> dict[str, tuple[Theme, Theme | None]]:
        out: dict[str, tuple[Theme, Theme | None]] = {}
        for top in self.themes:
            out[top.code] = (top, None)
            for child in top.children:
                out[child.code] = (child, top)
        return out

    @cached_property
    def theme_by_label(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for top in self.themes:
            out[top.name] = top.code
            for child in top.children:
                out[f"{top.name}\\{child.name}"] = child.code
        return out

    def resolve_theme(self, value: str) -> str | None:
        """Return the theme code for a code or a ``一级\\二级`` label, or None."""
        value = value.strip().replace("／", "\\").replace("/", "\\")
        if value in self.theme_by_code:
            return value
        return self.theme_by_label.get(value)

    def theme_label(self, code: str) -> str:
        """gov.cn display form: ``一级\\二级``."""
        node, parent = self.theme_by_code[code]
        return f"{parent.name}\\{node.name}" if parent else node.name

    def theme_top(self, code: str) -> Theme:
        node, parent = self.theme_by_code[code]
        return parent or node


def _load_default(name: str) -> Any:
    """A built-in default file (read on every build)."""
    return safe_load((DEFAULTS_DIR / name).read_text(encoding="utf-8"))


def load_default_themes() -> list[Theme]:
    raw = _load_default("themes.yaml")
    return [Theme.model_validate(t) for t in raw]


def load_default_genres() -> list[str]:
    return list(_load_default("genres.yaml"))


def load_default_columns() -> list[Column]:
    raw = _load_default("columns.yaml")
    return [Column.model_validate(c) for c in raw]
