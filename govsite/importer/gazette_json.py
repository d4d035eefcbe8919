"""Read and check one gazette import file (one issue per JSON file).

The file is a JSON object::

    {"gazette": "示例县人民政府公报", "year": 2016, "number": 1, "volume": 22,
     "cumulative_number": 301, "date": "2016-01-04", "pdf": "pdf/gb201601.pdf", "special": false,
     "sections": [{"title": "县政府文件", "articles": [
         {"title": "…", "doc_no": "…", "issuer": "…", "written_date": "2016-01-04", "genre": "…",
          "keywords": ["…"], "pages": "3-5", "body_html": "<p>…</p>", "body_md": null}]}]}

Required: ``gazette``, ``year``, ``number``, ``date``, ``sections``; every section
``title`` and ``articles``; every article ``title``. Everything else may be
missing or ``null``. Also understood: ``special_label`` (增刊/特刊) on the
issue, ``text_source`` and ``quality_note`` on an article (e.g. ``"ocr"`` for
recognised text). Other keys are kept, unchanged, in the issue folder's
``source.json``.

``pdf`` is relative to the JSON file's folder and must stay inside it (no
``..``, not absolute). Dates may be written 2016-01-04, 2016/1/4 or
2016年1月4日. ``body_md`` is taken as it is; otherwise ``body_html`` (Word /
legacy CMS HTML) is converted to Markdown; with neither the article has no
text (``text_source: none``).

Every problem is reported with the JSON path of the key
(``sections[0].articles[2].written_date``), the bad value and what is allowed.
"""
from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from govsite.checksums import file_digest
from govsite.base.safepath import resolve_inside
from govsite.importer.gazette_source import SourceArticle, SourceIssue, fingerprint
from govsite.importer.html2md import html_to_markdown
from govsite.importer.issues import Issue
from govsite.importer.json_values import MISSING, JsonReader, json_text
from govsite.importer.mapping import NO_DOC_NO
from govsite.importer.values import clean_text, split_keywords
from govsite.markdown import inspect_markdown
from govsite.model.gazette import TextSource

IMPORTER = "govsite import gazette"
CODE = "E-IMPORT-GAZETTE"

TOP_KEYS = ("gazette", "year", "number", "volume", "cumulative_number", "date", "pdf", "special", "special_label",
            "sections")
SECTION_KEYS = ("title", "articles")
ARTICLE_KEYS = ("title", "doc_no", "issuer", "written_date", "genre", "keywords", "pages", "body_html", "body_md",
                "text_source", "quality_note")

PDF_MAGIC = b"%PDF-"
_PAGES = re.compile(r"^([1-9]\d*)(?:-([1-9]\d*))?$")
_DASHES = str.maketrans({"–": "-", "—": "-", "－": "-", "~": "-", "～": "-", "至": "-"})


def _extra(obj: dict[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if k not in known}


def _pages(r: JsonReader, art: dict[str, Any], base: str) -> Any:
    value = r.get(art, "pages", base, "pages")
    if value is MISSING or value is None:
        return value
    text = str(value).translate(_DASHES)
    text = re.sub(r"\s+", "", text)
    m = _PAGES.match(text)
    if not m or (m[2] and int(m[2]) < int(m[1])):
        r.error(f"{base}.pages", value, "IMPORT-GAZETTE-PAGES")
        return MISSING
    return m[1] if m[2] == m[1] else text  # "3-3" is page 3


def _body(r: JsonReader, art: dict[str, Any], base: str) -> tuple[str, str | None]:
    """(Markdown body, key it came from)."""
    md = r.get(art, "body_md", base, "str")
    html = r.get(art, "body_html", base, "str")
    if isinstance(md, str) and md.strip():
        body, key = md.replace("\r\n", "\n").replace("\r", "\n").strip("\n") + "\n", "body_md"
    elif isinstance(html, str) and html.strip():
        key = "body_html"
        try:
            body = html_to_markdown(html)
        except Exception as exc:  # noqa: BLE001 - report, never crash on one article
            r.error(f"{base}.body_html", html[:40], "IMPORT-HTML", reason=str(exc))
            return "", key
    else:
        return "", None
    for _line, src in inspect_markdown(body).images_without_alt:
        r.error(f"{base}.{key}", src, "IMPORT-IMG-ALT")
    return body, key


def _article(r: JsonReader, art: Any, base: str, section: str, issue_date: Any) -> SourceArticle | None:
    if not isinstance(art, dict):
        r.wrong_kind(base, art, "object")
        return None
    before = len(r.issues)
    title = r.text(art, "title", base, required=True)
    doc_no = r.text(art, "doc_no", base)
    issuer = r.text(art, "issuer", base)
    written = r.day(art, "written_date", base)
    genre = r.text(art, "genre", base)
    keywords = r.get(art, "keywords", base, "keywords")
    pages = _pages(r, art, base)
    note = r.get(art, "quality_note", base, "str")
    source = r.get(art, "text_source", base, "str")
    allowed_sources = [s.value for s in TextSource]
    if isinstance(source, str) and source.strip() not in allowed_sources:
        r.error(f"{base}.text_source", source, "IMPORT-GAZETTE-ENUM", allowed="、".join(allowed_sources))
    body, _from = _body(r, art, base)
    if isinstance(written, date) and isinstance(issue_date, date) and written > issue_date:
        r.error(f"{base}.written_date", written.isoformat(), "IMPORT-GAZETTE-DATE-ORDER", other=issue_date.isoformat())
    if len(r.issues) > before:
        return None
    text_source = source.strip() if isinstance(source, str) else ("born-digital" if body.strip() else "none")
    return SourceArticle(
        where=base, section=section, title=title,
        doc_no=None if not doc_no or doc_no in NO_DOC_NO else doc_no,
        issuer=issuer, written_date=written, genre=genre,
        keywords=split_keywords(keywords) if keywords else [],
        pages=pages, text_source=text_source,
        quality_note=clean_text(note) if isinstance(note, str) else "",
        body=body if body.strip() else "", extra=_extra(art, ARTICLE_KEYS),
    )


def _pdf(r: JsonReader, value: str, folder: Path) -> Path | None:
    rel = value.strip().replace("\\", "/")
    path = resolve_inside(folder, rel)
    if path is None:
        r.error("pdf", value, "IMPORT-GAZETTE-PDF-ESCAPE", folder=str(folder))
        return None
    if not path.is_file():
        r.error("pdf", value, "IMPORT-GAZETTE-PDF-MISSING", folder=str(folder))
        return None
    with path.open("rb") as fh:
        head = fh.read(1024)
    if not path.name.lower().endswith(".pdf") or PDF_MAGIC not in head:
        r.error("pdf", value, "IMPORT-GAZETTE-NOT-PDF")
        return None
    return path


def _load(r: JsonReader, path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        r.error(None, str(path), "IMPORT-GAZETTE-UNREADABLE", reason=exc.strerror or str(exc))
        return MISSING
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        r.error(None, None, "IMPORT-GAZETTE-ENCODING", position=exc.start + 1)
        return MISSING
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        lines = text.split("\n")  # json counts lines by \n only (splitlines also splits at \x0b, \u2028…)
        snippet = lines[exc.lineno - 1].strip() if 0 < exc.lineno <= len(lines) else ""
        r.error(None, snippet[:60], "IMPORT-GAZETTE-BAD-JSON", line=exc.lineno, reason=exc.msg,
                column=exc.colno, at_line=exc.lineno)
        return MISSING
    if not isinstance(data, dict):
        r.error(None, json_text(data)[:60], "IMPORT-GAZETTE-NOT-OBJECT")
        return MISSING
    return data


def read_issue_json(path: Path, label: str, today: date, future_days: int = 0) -> tuple[SourceIssue | None, list[Issue]]:
    """Check one import file; (issue, []) or (None, every problem found)."""
    r = JsonReader(CODE)
    data = _load(r, path)
    if data is MISSING:
        return None, r.issues
    gazette = r.text(data, "gazette", "", required=True)
    if isinstance(gazette, str):
        gazette = re.sub(r"\s+", "", gazette).strip("《》")
    year = r.get(data, "year", "", "int", required=True)
    number = r.get(data, "number", "", "int", required=True)
    volume = r.get(data, "volume", "", "int")
    cumulative = r.get(data, "cumulative_number", "", "int")
    issue_date = r.day(data, "date", "", required=True)
    special = r.get(data, "special", "", "bool")
    label_value = r.text(data, "special_label", "")
    if isinstance(issue_date, date) and issue_date > today + timedelta(days=future_days):
        r.error("date", issue_date.isoformat(), "IMPORT-GAZETTE-FUTURE", today=today.isoformat())
    pdf_value = r.get(data, "pdf", "", "str")
    pdf = _pdf(r, pdf_value, path.resolve().parent) if isinstance(pdf_value, str) and pdf_value.strip() else None

    articles: list[SourceArticle] = []
    section_where: dict[str, str] = {}
    section_extra: dict[str, dict[str, Any]] = {}
    sections = r.get(data, "sections", "", "list", required=True)
    for i, sec in enumerate(sections if isinstance(sections, list) else []):
        base = f"sections[{i}]"
        if not isinstance(sec, dict):
            r.wrong_kind(base, sec, "object")
            continue
        title = r.text(sec, "title", base, required=True)
        if isinstance(title, str) and title in section_where:
            r.error(f"{base}.title", title, "IMPORT-GAZETTE-DUP-SECTION", other=section_where[title])
        elif isinstance(title, str):
            section_where[title] = f"{base}.title"
            if _extra(sec, SECTION_KEYS):
                section_extra[title] = _extra(sec, SECTION_KEYS)
        items = r.get(sec, "articles", base, "list", required=True)
        for j, art in enumerate(items if isinstance(items, list) else []):
            article = _article(r, art, f"{base}.articles[{j}]", title if isinstance(title, str) else "", issue_date)
            if article is not None:
                articles.append(article)
    if r.issues:
        return None, r.issues

    pdf_sha = file_digest(pdf) if pdf else None
    extra: dict[str, Any] = {}
    if _extra(data, TOP_KEYS):
        extra["issue"] = _extra(data, TOP_KEYS)
    if section_extra:
        extra["sections"] = section_extra
    by_number = {str(n): art.extra for n, art in enumerate(articles, start=1) if art.extra}
    if by_number:
        extra["articles"] = by_number
    sidecar: dict[str, Any] = {}
    if pdf is not None:
        sidecar["source_pdf"] = {"path": pdf_value, "sha256": pdf_sha}
    if extra:
        sidecar["extra"] = extra
    issue = SourceIssue(
        label=label, file_name=path.name, importer=IMPORTER, gazette=gazette, year=year, number=number,
        date=issue_date, volume=volume, cumulative_number=cumulative, special=bool(special),
        special_label=label_value or "增刊", pdf=pdf, scan_only=pdf is not None and not articles,
        articles=articles, section_where=section_where,
        fingerprint=fingerprint({"json": data, "pdf_sha256": pdf_sha}), sidecar=sidecar,
    )
    return issue, []
