"""The linked 政府公报 (gazette): issues, articles and their files as phase 2 leaves them.

Data only, so that planning and rendering can use it without the linker; the
linking and its checks live in :mod:`govsite.model.gazette_link`."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from govsite.model.coverage import Coverage
from govsite.model.gazette import ArticleFrontMatter, GazetteConfig, IssueFile
from govsite.model.linked import Item
from govsite.model.org import Organization

GAZETTE_PATH = "zfgb"
"""URL segment of the gazette (DOMAIN §5.3: zfgb on 26/31 provincial portals)."""
NORMATIVE_GENRES = ("规章", "规范性文件")
STANDARD_TEXT_GENRES = ("规章",)
"""体裁 whose text in a local government's gazette is the 标准文本 (standard text) by law:
《中华人民共和国立法法》 on publishing 规章: "在国务院公报或者部门公报和地方人民政府公报上
刊登的规章文本为标准文本" (第八十六条 in the 2015 text; DOMAIN §6.1). 法律, 行政法规 and
地方性法规 get that status in the NPC Standing Committee's and the State Council's gazettes,
which a local government's gazette is not; a 规范性文件 has no such status."""


@dataclass(eq=False)
class GazetteFile:
    """A PDF or cover image published with an issue."""

    source: str
    """Path relative to content/."""
    url: str
    size: int
    sha256: str


@dataclass(eq=False)
class Article:
    fm: ArticleFrontMatter
    source: str
    digest: str
    number: int
    issue: "Issue"
    org: Organization | None
    has_own_text: bool
    item: Item | None = None

    @cached_property
    def url(self) -> str:
        return f"{self.issue.path}{self.number}.html"

    @property
    def has_text(self) -> bool:
        return self.has_own_text or self.item is not None

    @property
    def scan_only(self) -> bool:
        """仅有扫描件: no text yet; flagged for digitization."""
        return not self.has_text

    @property
    def genre(self) -> str | None:
        return self.fm.genre or (self.item.fm.genre if self.item else None)


@dataclass(eq=False)
class Issue:
    fm: IssueFile
    source: str
    """Path of issue.yaml."""
    slug: str
    """Folder name: 05, or zk01 for a special edition."""
    articles: list[Article] = field(default_factory=list)
    pdf: GazetteFile | None = None
    cover: GazetteFile | None = None
    prev: "Issue | None" = None
    next: "Issue | None" = None

    @cached_property
    def path(self) -> str:
        """Output folder, e.g. zfgb/2025/05/."""
        return f"{GAZETTE_PATH}/{self.fm.year}/{self.slug}/"

    @cached_property
    def url(self) -> str:
        return self.path + "index.html"

    @cached_property
    def label(self) -> str:
        """2025年第5期, or 2025年增刊第1期."""
        if self.fm.special:
            return f"{self.fm.year}年{self.fm.special_label}第{self.fm.number}期"
        return f"{self.fm.year}年第{self.fm.number}期"

    def sections(self, gazette: GazetteConfig) -> list[tuple[str, list[Article]]]:
        """Table of contents: (section, articles) in print order, empty sections left out."""
        order = self.fm.sections or gazette.sections
        grouped: dict[str, list[Article]] = defaultdict(list)
        for art in self.articles:
            grouped[art.fm.section].append(art)
        return [(name, grouped[name]) for name in order if grouped.get(name)]


@dataclass(eq=False)
class GazetteModel:
    config: GazetteConfig
    publisher: Organization | None
    issues: list[Issue]
    """By date, newest last."""
    coverage: Coverage
    articles_by_item: dict[str, list[Article]]

    @property
    def latest(self) -> Issue | None:
        return self.issues[-1] if self.issues else None

    def by_year(self) -> dict[int, list[Issue]]:
        return dict(self._years)

    @cached_property
    def _years(self) -> dict[int, list[Issue]]:
        years: dict[int, list[Issue]] = defaultdict(list)
        for issue in self.issues:
            years[issue.fm.year].append(issue)
        return dict(years)

    def issue_at(self, year: int, slug: str) -> Issue:
        """The issue of ``year`` with URL slug ``slug`` (``05``, ``zk01``)."""
        return self._by_slug[(year, slug)]

    @cached_property
    def _by_slug(self) -> dict[tuple[int, str], Issue]:
        return {(issue.fm.year, issue.slug): issue for issue in self.issues}

    @property
    def articles(self) -> list[Article]:
        return [a for issue in self.issues for a in issue.articles]


def issue_slug(fm: IssueFile) -> str:
    return f"zk{fm.number:02d}" if fm.special else f"{fm.number:02d}"
