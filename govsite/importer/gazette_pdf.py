"""``govsite import gazette-pdf``: an issue made from its PDF alone.

The PDF's text layer is read with pypdf. A PDF with text (at least
:data:`MIN_CHARS_PER_PAGE` visible characters per page on average) becomes an
issue with one article, 「<year>年第<n>期全文」 in section 其他, whose body is the
extracted text joined into paragraphs, so that the issue is searchable. A PDF
without a text layer (a scan) becomes a scan-only issue (``scan_only: true``)
without articles, listed for digitization.

Paragraphs: lines are joined when a line runs to the right margin (the PDF
wrapped it); a short line, a blank line or an indented line ends a paragraph.
Page numbers on a page's first or last line (``— 3 —``, ``- 3 -``, ``3``,
``第3页``) are dropped; no other text is.
"""
from __future__ import annotations

import html
import io
import re
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from govsite.checksums import file_digest
from govsite.importer.gazette_source import SourceArticle, SourceIssue, fingerprint
from govsite.importer.html2md import html_to_markdown
from govsite.importer.issues import Issue
from govsite.dates import BEIJING
from govsite.years import gazette_issue_years

IMPORTER = "govsite import gazette-pdf"
CODE = "E-IMPORT-GAZETTE"
MIN_CHARS_PER_PAGE = 10
"""Average visible characters per page below which a PDF counts as a scan."""
FULL_LINE = 0.8
"""A line at least this share of the document's typical full line width was wrapped by the PDF."""
SECTION = "其他"
QUALITY_NOTE = "由整期PDF的文字层自动提取，分段未经人工校对"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_PAGE_NO = re.compile(r"^[-—–－_·•\s]*(?:第\s*)?\d{1,4}(?:\s*页)?[-—–－_·•\s]*$")
_INDENT = re.compile(r"^(?:[\u3000]|\s{2,})")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def _width(text: str) -> int:
    """Display width: CJK and other wide characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _visible(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def clean_page(text: str) -> list[str]:
    """Lines of one page: control characters removed, page numbers at the edges dropped."""
    lines = [_CONTROL.sub("", line).rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if lines and _PAGE_NO.match(lines[-1]):
        lines.pop()
    if lines and _PAGE_NO.match(lines[0]):
        lines.pop(0)
    return lines


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if out and _ASCII_WORD.match(out[-1]) and _ASCII_WORD.match(part[0]):
            out += " "
        out += part
    return out


def paragraphs(pages: list[str]) -> list[str]:
    """The text of all pages as paragraphs (see the module docstring)."""
    lines: list[str | None] = []
    for text in pages:
        lines += clean_page(text)
        lines.append(None)  # page break: ends a paragraph only after a short line
    widths = sorted(_width(line.strip()) for line in lines if line and line.strip())
    if not widths:
        return []
    full = widths[int(0.9 * (len(widths) - 1))] * FULL_LINE
    out: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            out.append(_join(current))
            current.clear()

    for line in lines:
        if line is None:
            continue
        text = line.strip()
        if not text:
            flush()
            continue
        if _INDENT.match(line):
            flush()
        current.append(text)
        if _width(text) < full:
            flush()
    flush()
    return out


def text_to_markdown(paras: list[str]) -> str:
    """Paragraphs → Markdown, escaped like any imported text (``1.``, ``#``, ``*`` stay text)."""
    if not paras:
        return ""
    return html_to_markdown("".join(f"<p>{html.escape(p)}</p>" for p in paras))


def _creation_date(meta: Any) -> date | None:
    try:
        when = meta.creation_date if meta is not None else None
    except Exception:  # noqa: BLE001 - a malformed date is no date
        return None
    if not isinstance(when, datetime):
        return None
    return (when.astimezone(BEIJING) if when.tzinfo else when).date()


def read_issue_pdf(path: Path, label: str, year: int, number: int, issue_date: date | None, special: bool,
                   today: date, future_days: int = 0) -> tuple[SourceIssue | None, list[Issue]]:
    """Check the PDF and the options; (issue, []) or (None, problems)."""
    import pypdf  # imported here: only this command needs it

    def error(where: str | None, value: Any, detail: str, **params: Any) -> tuple[None, list[Issue]]:
        return None, [Issue(CODE, None, None, where, value, detail, params)]

    try:
        data = path.read_bytes()
    except OSError as exc:
        return error(None, str(path), "IMPORT-GAZETTE-UNREADABLE", reason=exc.strerror or str(exc))
    if not path.name.lower().endswith(".pdf") or b"%PDF-" not in data[:1024]:
        return error(None, path.name, "IMPORT-GAZETTE-NOT-PDF")
    years = gazette_issue_years(today)
    if year not in years:
        return error("year", year, "IMPORT-GAZETTE-RANGE", allowed=f"{years.low}–{years.high}")
    if number < 1:
        return error("number", number, "IMPORT-GAZETTE-RANGE", allowed="≥ 1")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return error(None, path.name, "IMPORT-GAZETTE-PDF-UNREADABLE", reason="encrypted")
        texts = []
        for page in reader.pages:
            try:
                texts.append(page.extract_text() or "")
            except Exception:  # noqa: BLE001 - a page whose text cannot be read counts as a scanned page
                texts.append("")
        meta = reader.metadata
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds of errors on broken files
        return error(None, path.name, "IMPORT-GAZETTE-PDF-UNREADABLE", reason=str(exc) or type(exc).__name__)
    pages = len(texts)
    if pages == 0:
        return error(None, path.name, "IMPORT-GAZETTE-PDF-UNREADABLE", reason="no pages")
    from_pdf = issue_date is None
    if issue_date is None:
        issue_date = _creation_date(meta)
        if issue_date is None:
            return error("date", None, "IMPORT-GAZETTE-PDF-NO-DATE")
    if issue_date > today + timedelta(days=future_days):
        return error("date", issue_date.isoformat(), "IMPORT-GAZETTE-FUTURE", today=today.isoformat())

    texts = [_CONTROL.sub("", t) for t in texts]
    chars = sum(_visible(t) for t in texts)
    has_text = chars / pages >= MIN_CHARS_PER_PAGE
    sha = file_digest(path)
    issue = SourceIssue(
        label=label, file_name=path.name, importer=IMPORTER, gazette=None, year=year, number=number,
        date=issue_date, special=special, pdf=path, scan_only=not has_text, date_from_pdf=from_pdf,
    )
    if has_text:
        title = f"{issue.issue_label}全文"
        body = text_to_markdown(paragraphs(texts))
        issue.articles.append(SourceArticle(
            where="pdf", section=SECTION, title=title, pages="1" if pages == 1 else f"1-{pages}",
            text_source="born-digital", quality_note=QUALITY_NOTE, body=body,
        ))
        issue.section_where[SECTION] = "pdf"
    issue.fingerprint = fingerprint({"pdf_sha256": sha, "year": year, "number": number, "special": special,
                                     "date": issue_date.isoformat()})
    issue.sidecar = {
        "source_pdf": {"path": path.name, "sha256": sha},
        "pdf_text": {"pages": pages, "characters": chars, "text_layer": has_text},
        "date_from": "pdf-metadata" if from_pdf else "option",
    }
    return issue, []
