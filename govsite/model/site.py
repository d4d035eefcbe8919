"""``site.yaml``: the site's identity, footer, index-number template and taxonomies."""
from __future__ import annotations

import re
from datetime import date
from typing import Literal, Optional
from urllib.parse import urlsplit

from pydantic import Field, field_validator

from govsite.model.base import Strict, StrictDate, site_address
from govsite.model.inspection import InspectionConfig
from govsite.model.portal import PortalConfig
from govsite.model.taxonomy import Column, Theme, load_default_columns, load_default_genres, load_default_themes


class Contact(Strict):
    """联系方式 shown in the footer."""

    phone: str = ""
    """联系电话"""
    email: str = ""
    """电子邮箱"""
    address: str = ""
    """通讯地址"""
    postcode: str = ""
    """邮编"""


class Footer(Strict):
    """Footer identity items required on every government site (DOMAIN §5.4)."""

    host: str
    """主办单位"""
    operator: str = ""
    """承办单位"""
    contact: Contact = Contact()
    site_id_code: str = Field(pattern=r"^([0-9]{10}|bm[0-9]{8})$")
    """网站标识码: 10 digits, or bm + 8 digits for central departments."""
    icp: str = Field(pattern=r"^[\u4e00-\u9fa5]ICP备[0-9]{6,10}号(-[0-9]+)?$")
    """ICP备案号, e.g. 京ICP备19014889号-1; links to beian.miit.gov.cn."""
    psb: str = Field(pattern=r"^[\u4e00-\u9fa5]+\s*[0-9]{14}号?$")
    """公安机关备案号, e.g. 京公网安备 11010202008000号; links to beian.gov.cn."""

    @property
    def psb_code(self) -> str:
        """The 14-digit record code used in the beian.gov.cn link."""
        return re.search(r"[0-9]{14}", self.psb).group(0)  # type: ignore[union-attr]


class IndexNumberRule(Strict):
    """How new 索引号 are assigned (DOMAIN §2.3)."""

    template: str = "{org.code}/{year}-{seq:05d}"
    """Python format string; fields: org (code, id), year, month, seq."""
    year_from: Literal["publish_date", "written_date"] = "publish_date"
    """Which date gives ``year``/``month``."""


class Options(Strict):
    """Build and validation options."""

    future_publish_days: int = Field(default=0, ge=0)
    """How many days a 发布日期 may lie after today (scheduled publishing)."""
    earliest_date: StrictDate = date(1949, 10, 1)
    """Dates before this one (发布日期, 成文日期, gazette dates) are warned about as
    probable typing errors (W-DATE-EARLY); an archive of older documents lowers it."""
    allow_html: bool = False
    """Allow raw HTML in Markdown bodies; it is sanitised through an allow-list."""
    page_size: int = Field(default=20, ge=1, le=200)
    """Rows per listing page."""
    home_latest: int = Field(default=10, ge=1, le=100)
    """Items shown in the home page 最新信息 list."""
    search_tier_pages: int = Field(default=15000, ge=20)
    """Pages per tier of the search's title layer (see govsite/search/docs.py): a site
    with more is split into tiers of consecutive years, newest read first. Smaller
    tiers use less memory to index and send less before the first result; each
    further tier costs a request or more once the older years are searched."""


class ImportDefaults(Strict):
    """Defaults of ``govsite import items`` (导入默认值)."""

    column: Optional[str] = None
    """栏目 (id or name) for imported records that name no column and match no
    column rule; ``--column-default`` overrides it. Must name a column of the site."""


class PublishConfig(Strict):
    """Where ``govsite publish`` uploads the output (docs/deploy.md)."""

    target: str = ""
    """An rclone remote and path (``oss:bucket/xxgk``) or a local folder; never a secret:
    keys and passwords stay in rclone's config or its ``RCLONE_CONFIG_*`` environment."""


class SiteConfig(Strict):
    """The whole of ``site.yaml``."""

    name: str
    """网站名称, e.g. 示例县人民政府; shown in the header and SiteName meta."""
    base_url: str
    """Absolute URL of the site root, may include a sub-path, e.g. https://www.example.gov.cn/xxgk/."""
    language: Literal["zh-CN"] = "zh-CN"
    description: str = ""
    footer: Footer
    index_no: IndexNumberRule = IndexNumberRule()
    options: Options = Options()
    themes: list[Theme] = Field(default_factory=load_default_themes)
    """主题分类 tree; default: gov.cn 22-node tree."""
    genres: list[str] = Field(default_factory=load_default_genres)
    """体裁 list; default: 15 公文 types plus catalog genres."""
    columns: list[Column] = Field(default_factory=load_default_columns)
    """栏目 tree; default: the standard 政府信息公开 columns."""
    section_path: str = Field(default="xxgk", pattern=r"^[a-z0-9-]+$")
    """URL segment of the 政府信息公开 section."""
    inspection: InspectionConfig = InspectionConfig()
    """巡检设置: working-day calendar overrides and public numbers (docs/checks.md)."""
    import_defaults: ImportDefaults = ImportDefaults()
    """导入默认值 of ``govsite import items`` (docs/content.md, "Importing from a legacy CMS")."""
    publish: PublishConfig = PublishConfig()
    """发布目标 of ``govsite publish`` (docs/deploy.md)."""
    portal: Optional[PortalConfig] = None
    """成员网站 of a provincial portal (集约化平台, docs/portal.md); absent on an ordinary site."""

    @field_validator("base_url")
    @classmethod
    def _check_base_url(cls, value: str) -> str:
        return site_address(value)

    @property
    def base_path(self) -> str:
        """The sub-path part of ``base_url``, always ending in ``/`` (``/xxgk/``)."""
        return urlsplit(self.base_url).path or "/"

    @property
    def domain(self) -> str:
        return urlsplit(self.base_url).netloc
