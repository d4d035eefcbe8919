"""Disclosure items (政府信息): Markdown files with YAML front matter."""
from __future__ import annotations

from enum import Enum
from typing import Optional

from pydantic import AliasChoices, Field

from govsite.model.base import StrictDate, StrictDateTime, StrList, Strict


class DisclosureMode(str, Enum):
    """公开方式"""

    PROACTIVE = "主动公开"
    ON_REQUEST = "依申请公开"


class Validity(str, Enum):
    """有效性"""

    VALID = "有效"
    EXPIRED = "失效"
    REPEALED = "废止"
    AMENDED = "已修改"


class Stage(str, Enum):
    """五公开 stage."""

    DECISION = "决策"
    EXECUTION = "执行"
    MANAGEMENT = "管理"
    SERVICE = "服务"
    RESULT = "结果"


class Attachment(Strict):
    """附件: a file in the content folder."""

    file: str
    """Path relative to ``content/``, e.g. attachments/2024/fangan.pdf."""
    title: str = ""
    """Link text; defaults to the file name."""


class ItemFrontMatter(Strict):
    """The YAML header of a disclosure item file."""

    index_no: str = Field(min_length=1)
    """索引号: assigned once by ``govsite new``/``import``, stored, never recomputed; unique."""
    title: str = Field(min_length=1)
    """标题 (名称): the official full title."""
    doc_no: Optional[str] = None
    """文号 (发文字号), canonical form 代字〔YYYY〕N号."""
    issuer: str
    """发布机构: id of an organization."""
    co_issuers: StrList = []
    """联合发文机关: ids of the organizations that issued the document jointly with
    ``issuer`` (联合发文); the metadata box names them after the issuer."""
    written_date: Optional[StrictDate] = None
    """成文日期"""
    publish_date: StrictDateTime
    """发布日期: required, always displayed (YYYY-MM-DD or YYYY-MM-DD HH:MM, Beijing time)."""
    theme: Optional[str] = None
    """主题分类: a code (2.1) or a label 一级\\二级."""
    genre: Optional[str] = None
    """体裁"""
    columns: StrList = Field(min_length=1, validation_alias=AliasChoices("columns", "column"))
    """栏目 ids (one or more)."""
    disclosure_mode: DisclosureMode = DisclosureMode.PROACTIVE
    """公开方式"""
    validity: Validity = Validity.VALID
    """有效性"""
    effective_date: Optional[StrictDate] = None
    """生效（施行）日期"""
    expiry_date: Optional[StrictDate] = None
    """失效（废止）日期"""
    superseded_by: Optional[str] = None
    """索引号 of the item that replaces this one."""
    keywords: StrList = []
    """关键词（主题词）"""
    summary: str = ""
    """内容概述"""
    attachments: list[Attachment] = []
    """附件"""
    interprets: Optional[str] = None
    """For a 政策解读: 索引号 of the policy it interprets."""
    catalog_entry: Optional[str] = None
    """Standard catalog row it fulfils: ``<catalog id>#<序号>``."""
    stage: Optional[Stage] = None
    """五公开 stage (决策/执行/管理/服务/结果)."""
    source: str = ""
    """信息来源 (ContentSource meta); defaults to the issuer's name."""
    legacy_url: Optional[str] = None
    """原网址: URL on the old CMS, recorded for redirects."""
    previous_urls: StrList = []
    """URLs this item had before (moved between organizations or merged); each
    redirects here. See docs/urls.md."""


ITEM_FIELDS: list[str] = list(ItemFrontMatter.model_fields)
