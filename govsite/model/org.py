"""Organizations (公开主体): the county government, its offices, departments and townships."""
from __future__ import annotations

from enum import Enum
from typing import Optional

from pydantic import Field

from govsite.model.base import SLUG_RE, Strict


class OrgKind(str, Enum):
    """机构类型"""

    GOVERNMENT = "government"  # 人民政府
    OFFICE = "office"  # 政府办公室
    DEPARTMENT = "department"  # 政府工作部门
    TOWNSHIP = "township"  # 乡镇、街道
    OTHER = "other"  # 其他（承担行政职能的事业单位等）


class Organization(Strict):
    """A 公开主体. A township folded into the county site is an organization
    with its own catalog section."""

    id: str = Field(pattern=SLUG_RE)
    """ASCII id, used in URLs and in item front matter (``issuer``)."""
    name: str
    """机构全称, e.g. 示例县人民政府办公室 (发布机构 must be the full name)."""
    short_name: str = ""
    """简称, e.g. 县政府办."""
    code: str
    """统一社会信用代码 (18) or 组织机构代码 (9); prefix of its 索引号."""
    parent: Optional[str] = None
    """Id of the parent organization."""
    kind: OrgKind
    description: str = ""
    """机构职能 or an introduction shown on the organization's landing page."""
    doc_prefixes: list[str] = []
    """机关代字 used in its 文号, e.g. 示政办发."""

    @property
    def display_short(self) -> str:
        return self.short_name or self.name
