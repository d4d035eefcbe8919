"""政府公报: the gazette, its issues and their articles (DOMAIN §6).

On disk::

    content/gazette/gazette.yaml                 the gazette (GazetteConfig)
    content/gazette/<YYYY>/<NN>/issue.yaml       one issue (IssueFile); NN = number, 2 digits
    content/gazette/<YYYY>/zk<NN>/issue.yaml     a special edition (增刊/特刊) of that year
    content/gazette/<YYYY>/<NN>/<n>.md           article n of the issue (ArticleFrontMatter + text)
    content/gazette/<YYYY>/<NN>/<file>.pdf       the full-issue PDF (any name, referenced by issue.yaml)
"""
from __future__ import annotations

from enum import Enum
from typing import Optional

from pydantic import Field

from govsite.model.base import StrList, Strict, StrictDate


class Frequency(str, Enum):
    """刊期: how often issues are expected."""

    MONTHLY = "monthly"  # 月刊, 12 a year
    SEMI_MONTHLY = "semi-monthly"  # 半月刊, 24 a year
    TEN_DAYS = "ten-days"  # 旬刊, 36 a year
    IRREGULAR = "irregular"  # 不定期


ISSUES_PER_YEAR: dict[Frequency, int | None] = {
    Frequency.MONTHLY: 12,
    Frequency.SEMI_MONTHLY: 24,
    Frequency.TEN_DAYS: 36,
    Frequency.IRREGULAR: None,
}

DEFAULT_SECTIONS = ["县政府令", "县政府文件", "县政府办公室文件", "部门文件", "政策解读", "人事任免", "其他"]


class GazetteConfig(Strict):
    """``content/gazette/gazette.yaml``."""

    name: str
    """刊名 without book-title marks, e.g. 示例县人民政府公报."""
    publisher: str
    """主办: organization id."""
    first_year: int = Field(ge=1949, le=2100)
    """创刊年份: coverage is measured from here."""
    first_number: int = Field(default=1, ge=1)
    """Number of the first issue in the first year (if the gazette started mid-year)."""
    frequency: Frequency
    """刊期: monthly, semi-monthly, ten-days or irregular."""
    sections: list[str] = Field(default_factory=lambda: list(DEFAULT_SECTIONS), min_length=1)
    """Table-of-contents sections in print order."""
    covers_orgs: list[str] = []
    """Organizations whose 规章/规范性文件 must appear in the gazette (应登尽登); default: the publisher and its children."""
    registration_days: int = Field(default=30, ge=1)
    """应登尽登: days after its 发布日期 by which such an item must be in an issue."""
    overdue_grace_days: int = Field(default=7, ge=0)
    """Days after the expected date before the next issue counts as overdue."""
    issn: str = ""
    cn_number: str = ""
    """国内统一连续出版物号 (CN)."""
    description: str = ""


class TextSource(str, Enum):
    """Where an article's text comes from."""

    BORN_DIGITAL = "born-digital"  # 原生电子文本
    KEYED = "keyed"  # 人工录入
    OCR = "ocr"  # 文字识别
    NONE = "none"  # 仅有扫描件: no text yet


class IssueFile(Strict):
    """``issue.yaml``: one issue of the gazette."""

    year: int = Field(ge=1949, le=2100)
    number: int = Field(ge=1)
    """期号 within the year (for a special edition: its number among that year's specials)."""
    date: StrictDate
    """出版日期"""
    volume: Optional[int] = Field(default=None, ge=1)
    """卷"""
    cumulative_number: Optional[int] = Field(default=None, ge=1)
    """总第N期"""
    special: bool = False
    """增刊/特刊: not counted in the regular numbering."""
    special_label: str = "增刊"
    """Label of a special edition: 增刊 or 特刊."""
    cover: Optional[str] = None
    """Cover image, relative to content/."""
    cover_alt: str = ""
    """Alt text of the cover image (required with ``cover``)."""
    pdf: Optional[str] = None
    """Full-issue PDF, relative to content/."""
    scan_only: bool = False
    """The issue exists only as a scanned PDF; its articles are flagged for digitization."""
    sections: StrList = []
    """Section order of this issue, when it differs from the gazette's."""


class ArticleFrontMatter(Strict):
    """The YAML header of an article file ``<n>.md``; the body is its full text."""

    title: str = Field(min_length=1)
    section: str
    """Section of the table of contents (one of the gazette's sections)."""
    doc_no: Optional[str] = None
    """文号"""
    issuer: Optional[str] = None
    """发文机关: organization id."""
    written_date: Optional[StrictDate] = None
    """成文日期"""
    genre: Optional[str] = None
    """体裁 (a 规章 gets the 标准文本 note: gazette_model.STANDARD_TEXT_GENRES)."""
    keywords: StrList = []
    pages: Optional[str] = Field(default=None, pattern=r"^[1-9]\d*(-[1-9]\d*)?$")
    """Page range in the issue PDF, e.g. 3-5."""
    text_source: TextSource = TextSource.BORN_DIGITAL
    quality_note: str = ""
    """Note on the text's quality (e.g. OCR, not proofread)."""
    item: Optional[str] = None
    """索引号 of the disclosure item that is the same document; its text is shown, the body stays empty."""

    @property
    def first_page(self) -> int | None:
        return int(self.pages.split("-")[0]) if self.pages else None
