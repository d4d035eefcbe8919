"""基层政务公开标准目录: one YAML file per domain (DOMAIN §4.3)."""
from __future__ import annotations

from enum import Enum
from typing import Optional

from pydantic import Field, model_validator

from govsite.model.base import SLUG_RE, StrictDate, Strict
from govsite.model.item import Stage

CHANNELS: list[str] = [
    "政府网站", "政府公报", "两微一端", "发布会/听证会", "广播电视", "纸质媒体", "公开查阅点",
    "政务服务中心", "便民服务站", "入户/现场", "社区/企事业单位/村公示栏（电子屏）", "精准推送",
    "12345政务服务热线", "其他",
]
"""公开渠道和载体 controlled vocabulary (DOMAIN §4.4), in display order."""


class Audience(str, Enum):
    """公开对象"""

    PUBLIC = "全社会"
    SPECIFIC = "特定群体"


class Mode(str, Enum):
    """公开方式 in a catalog row."""

    PROACTIVE = "主动"
    ON_REQUEST = "依申请"


class CatalogEntry(Strict):
    """One row of a standard catalog."""

    seq: int = Field(ge=1)
    """序号"""
    stage: Optional[Stage] = None
    """过程 (五公开)"""
    item_l1: str
    """公开事项·一级事项"""
    item_l2: str
    """公开事项·二级事项"""
    content: str
    """公开内容（要素）"""
    basis: str
    """公开依据"""
    time_limit: str
    """公开时限"""
    subject: str
    """公开主体"""
    channels: list[str] = Field(min_length=1)
    """公开渠道和载体 selected (■); the rest of the vocabulary shows as □."""
    channels_other: str = ""
    """Free text after 其他, e.g. 投资项目在线审批监管平台."""
    audience: list[Audience] = Field(min_length=1)
    """公开对象 (全社会/特定群体)"""
    mode: list[Mode] = Field(min_length=1)
    """公开方式 (主动/依申请)"""
    level: list[str] = []
    """公开层级 ticked, from the catalog's ``levels``."""

    @model_validator(mode="after")
    def _check_channels(self) -> "CatalogEntry":
        bad = [c for c in self.channels if c not in CHANNELS]
        if bad:
            raise ValueError(f"channels: {bad[0]} ∉ {'、'.join(CHANNELS)}")
        return self


class Catalog(Strict):
    """A standard catalog for one 领域 (e.g. 重大建设项目)."""

    id: str = Field(pattern=SLUG_RE)
    """ASCII id (pinyin initials), used in URLs and ``catalog_entry`` references."""
    domain: str
    """领域 name, e.g. 重大建设项目."""
    owner: str
    """编制单位: organization id."""
    version: str = ""
    last_reviewed: Optional[StrictDate] = None
    levels: list[str] = ["县级", "乡级"]
    """公开层级 columns."""
    entries: list[CatalogEntry] = Field(min_length=1)
