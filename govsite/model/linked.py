"""The linked documents (已关联的文档): an item or a page as phase 2 leaves it, its
references (organization, related items, catalog row, attachment files) resolved.

Apart from the site model so that the gazette's data classes, the listings and every
feature can name an item without importing the linker.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from govsite.model.catalog import Catalog, CatalogEntry
from govsite.model.item import ItemFrontMatter
from govsite.model.org import Organization
from govsite.model.page import PageFrontMatter


@dataclass(eq=False, slots=True)
class AttachmentFile:
    """An attachment resolved to a file on disk."""

    source: str
    """Path relative to content/."""
    title: str
    size: int
    url: str
    """Output path relative to the site root (files/...)."""

    @property
    def kind(self) -> str:
        """File type label shown to readers, e.g. PDF, DOCX."""
        return Path(self.source).suffix.lstrip(".").upper() or "文件"


@dataclass(eq=False, slots=True)
class Item:
    """A disclosure item with its references resolved. Slotted: a million items are a
    million of these in the main process (184 → 136 bytes each, measured at 10,000)."""

    fm: ItemFrontMatter
    source: str
    digest: str
    url: str
    org: Organization
    theme_code: str | None
    attachments: list[AttachmentFile] = field(default_factory=list)
    co_orgs: list[Organization] = field(default_factory=list)
    """联合发文机关 (``co_issuers``), named after the issuer in the metadata box."""
    interprets: "Item | None" = None
    interpretations: list["Item"] = field(default_factory=list)
    superseded_by: "Item | None" = None
    supersedes: list["Item"] = field(default_factory=list)
    catalog: tuple[Catalog, CatalogEntry] | None = None

    @property
    def year(self) -> int:
        return self.fm.publish_date.year

    @property
    def sort_key(self) -> tuple:
        return (-self.fm.publish_date.timestamp(), self.fm.index_no)


@dataclass(eq=False)
class Page:
    """A free Markdown page (指南, 制度, 依申请公开…)."""

    fm: PageFrontMatter
    source: str
    digest: str
    url: str
