"""What phase 1 hands to phase 2 (读入的站点): every file of a site as read and
validated alone, before any reference between files is resolved.

It belongs to the model, not to the reader, so that the linker
(:mod:`govsite.model.site_model`) takes the reader's result without importing the
reader: the reader fills it (:mod:`govsite.content.loader`), the model links it.
The file and folder names of a site are here for the same reason.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from govsite.model.catalog import Catalog
from govsite.model.gazette import ArticleFrontMatter, GazetteConfig, IssueFile
from govsite.model.item import ItemFrontMatter
from govsite.model.org import Organization
from govsite.model.page import PageFrontMatter
from govsite.model.site import SiteConfig
from govsite.problems import ProblemLog

SITE_FILE = "site.yaml"
ORGS_FILE = "content/orgs.yaml"
ITEMS_DIR = "content/items"
PAGES_DIR = "content/pages"
CATALOGS_DIR = "content/catalogs"
GAZETTE_DIR = "content/gazette"
GAZETTE_FILE = "content/gazette/gazette.yaml"


Front = TypeVar("Front", bound=BaseModel)
"""The front matter a folder's Markdown files are validated into."""


@dataclass(frozen=True, slots=True)
class SourceDoc(Generic[Front]):
    """A Markdown document as read: its front matter and where it came from."""

    front: Front
    source: str
    """Path relative to the site folder, e.g. content/items/xzfb/2024/00012.md."""
    digest: str
    body_chars: int = 0
    """Length of the Markdown body (0: the file has no text of its own)."""


@dataclass
class LoadedSite:
    """Everything read from a site folder, before cross-file validation."""

    root: Path
    config: SiteConfig | None
    config_digest: str
    orgs: list[tuple[Organization, int]] = field(default_factory=list)
    """(organization, index in orgs.yaml)"""
    items: list[SourceDoc[ItemFrontMatter]] = field(default_factory=list)
    pages: list[SourceDoc[PageFrontMatter]] = field(default_factory=list)
    catalogs: list[tuple[Catalog, str]] = field(default_factory=list)
    """(catalog, source path)"""
    problems: ProblemLog = field(default_factory=ProblemLog)
    orgs_readable: bool = True
    """False when orgs.yaml is missing or malformed as a whole (not one bad entry)."""
    gazette: GazetteConfig | None = None
    issues: list[tuple[IssueFile, str]] = field(default_factory=list)
    """(issue, path of its issue.yaml)"""
    articles: list[SourceDoc[ArticleFrontMatter]] = field(default_factory=list)
    fronts: dict[str, str] = field(default_factory=dict)
    """Item file → digest of its front matter and reader problems (the edit record's key)."""
