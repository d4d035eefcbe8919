"""What ``govsite import gazette`` and ``govsite import gazette-pdf`` read: one
issue of the gazette, already checked, before it is matched against the site.

:mod:`govsite.importer.gazette_json` and :mod:`govsite.importer.gazette_pdf`
produce a :class:`SourceIssue`; :mod:`govsite.importer.gazette_plan` turns it
into files.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

SIDECAR = "source.json"
"""Provenance file written into every imported issue folder (never published)."""


@dataclass
class SourceArticle:
    """One article, in table-of-contents order."""

    where: str
    """JSON path of the article (``sections[0].articles[2]``), for messages."""
    section: str
    title: str
    doc_no: str | None = None
    issuer: str | None = None
    """发文机关 as written in the source (id, full name or short name)."""
    written_date: date | None = None
    genre: str | None = None
    keywords: list[str] = field(default_factory=list)
    pages: str | None = None
    text_source: str = "born-digital"
    quality_note: str = ""
    body: str = ""
    """Markdown."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys of the source the importer does not know, in source order."""


@dataclass
class SourceIssue:
    """One issue as read from an import file or a PDF."""

    label: str
    """The import file as named on the command line (messages)."""
    file_name: str
    """Base name of the import file (recorded in the sidecar)."""
    importer: str
    """``govsite import gazette`` or ``govsite import gazette-pdf``."""
    gazette: str | None
    """刊名 from the file (None: the PDF import does not know it)."""
    year: int
    number: int
    date: date
    volume: int | None = None
    cumulative_number: int | None = None
    special: bool = False
    special_label: str = "增刊"
    pdf: Path | None = None
    scan_only: bool = False
    articles: list[SourceArticle] = field(default_factory=list)
    section_where: dict[str, str] = field(default_factory=dict)
    """Section title → JSON path of its title (for the 'section added' report)."""
    fingerprint: str = ""
    """SHA-256 over everything the issue was made from; equal fingerprints = the same import."""
    sidecar: dict[str, Any] = field(default_factory=dict)
    """Provenance written to ``source.json`` (besides the fingerprint)."""
    date_from_pdf: bool = False
    """The 出版日期 was taken from the PDF's creation date (no --date)."""

    @property
    def key(self) -> tuple[int, bool, int]:
        return (self.year, self.special, self.number)

    @property
    def slug(self) -> str:
        """Folder name: 05, or zk01 for a special edition (as in :func:`govsite.model.gazette_model.issue_slug`)."""
        return f"zk{self.number:02d}" if self.special else f"{self.number:02d}"

    @property
    def rel_folder(self) -> str:
        return f"content/gazette/{self.year}/{self.slug}"

    @property
    def issue_label(self) -> str:
        """2016年第1期 / 2016年增刊第1期."""
        if self.special:
            return f"{self.year}年{self.special_label}第{self.number}期"
        return f"{self.year}年第{self.number}期"

    @property
    def sections(self) -> list[str]:
        """Sections that have articles, in the order of the source."""
        out: list[str] = []
        for art in self.articles:
            if art.section not in out:
                out.append(art.section)
        return out




def fingerprint(payload: Any) -> str:
    """SHA-256 of ``payload`` as canonical JSON (key order and whitespace do not count)."""
    canonical = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def sidecar_text(issue: SourceIssue) -> str:
    """``source.json``: importer, source file, fingerprint, then the rest; stable formatting."""
    data = {"importer": issue.importer, "source_file": issue.file_name, "fingerprint": issue.fingerprint}
    data.update(issue.sidecar)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def read_fingerprint(folder: Path) -> str | None:
    """The fingerprint recorded in an issue folder's ``source.json``, if any."""
    path = folder / SIDECAR
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("fingerprint") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None
