"""One raw record → item front matter and Markdown body, with every problem found."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import ValidationError

from govsite.dates import (
    ACCEPTED_FORMS,
    ACCEPTED_FORMS_EN,
    BEIJING,
    DateFormatError,
    LegacyDate,
    parse_legacy_date,
)
from govsite.importer.column_rules import ColumnPlacer
from govsite.importer.html2md import html_to_markdown
from govsite.importer.issues import Issue, record_error
from govsite.importer.orgs import OrgResolver
from govsite.importer.records import RawRecord
from govsite.importer.values import (
    as_text,
    clean_text,
    resolve_genre,
    resolve_mode,
    resolve_theme,
    resolve_validity,
    split_columns,
    split_keywords,
    split_list,
)
from govsite.markdown import inspect_markdown
from govsite.model.column_lookup import ColumnLookup
from govsite.model.item import ItemFrontMatter
from govsite.model.org import Organization
from govsite.model.site import SiteConfig
from govsite.model.taxonomy import Taxonomy
from govsite.redirects.paths import read_old_path

NO_DOC_NO = {"无", "-", "—", "——", "/", "／", "暂无"}
PENDING_INDEX = "待分配"


@dataclass
class ImportContext:
    """Everything a record is checked against."""

    config: SiteConfig
    taxonomy: Taxonomy
    columns: ColumnLookup
    orgs: OrgResolver
    org_default: Organization | None
    placer: ColumnPlacer
    """Columns for records that name none: the rules, then the default column."""
    today: date
    create_orgs: bool = False
    """``--create-orgs``: unknown issuers become new organizations instead of errors."""
    unknown_issuers: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    """Unknown issuer name → (record, line) of every record naming it: one error per name."""
    unplaced: list[tuple[int, int]] = field(default_factory=list)
    """(record, line) of the records no column, rule or default places: one error for all."""


@dataclass
class MappedRecord:
    """A record ready to be written (apart from its 索引号 when none was given)."""

    number: int
    line: int
    front: dict[str, Any]
    body: str
    org: Organization
    publish: LegacyDate
    written: LegacyDate | None
    index_given: str | None
    legacy_url: str | None
    notes: dict[str, str] = field(default_factory=dict)
    """Front-matter key → original value kept as a YAML comment (unknown theme/genre)."""
    warnings: list[Issue] = field(default_factory=list)
    new_org: bool = False
    placed_by: str | None = None
    """How a record without a column was placed: a rule's name, or ``""`` for the default column."""

    @property
    def key(self) -> tuple[str, datetime, str]:
        """Fallback identity: (title, 发布日期, issuer)."""
        return (self.front["title"], self.publish.as_datetime(), self.org.id)


def _date(raw: RawRecord, name: str, issues: list[Issue]) -> LegacyDate | None:
    text = as_text(raw.values.get(name))
    if not text:
        return None
    try:
        return parse_legacy_date(text)
    except DateFormatError:
        issues.append(record_error(raw.number, raw.line, name, text, "IMPORT-BAD-DATE",
                                   forms=ACCEPTED_FORMS, forms_en=ACCEPTED_FORMS_EN))
        return None


def _issuers(raw: RawRecord, ctx: ImportContext, issues: list[Issue]) -> tuple[list[Organization], bool]:
    """The 发布机构 (first) and joint issuers (联合发文机关) of a record, and whether one was created.

    Unknown names are collected in ``ctx.unknown_issuers`` (one error per name, made
    by the caller of :func:`map_record` once every record has been read); then no
    organization is returned, so the record is not mapped."""
    text = clean_text(as_text(raw.values.get("issuer")))
    joint = split_list(raw.values.get("co_issuers"), r"[、，,;；|]")
    if not text:
        if ctx.org_default is None:
            issues.append(record_error(raw.number, raw.line, "issuer", None, "IMPORT-MISSING-ISSUER",
                                       allowed=ctx.orgs.allowed()))
            return [], False
        text = ctx.org_default.id
    orgs: list[Organization] = []
    created = missing = False
    for value in [text, *joint]:
        found, unknown, new = ctx.orgs.resolve_joint(value, ctx.create_orgs, raw.number)
        orgs += [o for o in found if o not in orgs]
        created = created or new
        for name in unknown:
            missing = True
            where = ctx.unknown_issuers.setdefault(name, [])
            if (raw.number, raw.line) not in where:
                where.append((raw.number, raw.line))
    return ([] if missing else orgs), created


def _columns(raw: RawRecord, ctx: ImportContext, issues: list[Issue], title: str,
             doc_no: str | None) -> tuple[list[str], str | None]:
    """(column ids, how a record without one was placed: rule name, ``""`` for the default, None)."""
    values = split_columns(raw.values.get("column"))
    if not values:
        genre_text = clean_text(as_text(raw.values.get("genre")))
        genre = (resolve_genre(ctx.taxonomy.genres, genre_text) or genre_text) if genre_text else None
        placement = ctx.placer.place(genre, title, doc_no)
        if placement is None:
            ctx.unplaced.append((raw.number, raw.line))  # then the record is not mapped
            return [], None
        return [placement.column], placement.rule or ""
    out: list[str] = []
    for value in values:
        found, candidates = ctx.columns.resolve(value)
        if found is None and candidates:
            issues.append(record_error(raw.number, raw.line, "column", value, "IMPORT-AMBIGUOUS-COLUMN",
                                       ids="、".join(candidates)))
        elif found is None:
            issues.append(record_error(raw.number, raw.line, "column", value, "IMPORT-BAD-COLUMN",
                                       allowed=ctx.columns.allowed()))
        elif found not in out:
            out.append(found)
    return out, None


def _enum(raw: RawRecord, name: str, resolve, default: str, detail: str, issues: list[Issue]) -> str:  # type: ignore[no-untyped-def]
    text = as_text(raw.values.get(name))
    if not text:
        return default
    value = resolve(text)
    if value is None:
        issues.append(record_error(raw.number, raw.line, name, text, detail))
        return default
    return value


def _body(raw: RawRecord, legacy_url: str | None, issues: list[Issue]) -> str:
    md = raw.values.get("body_md")
    if isinstance(md, str) and md.strip():
        body = md.replace("\r\n", "\n").replace("\r", "\n")
    else:
        html = as_text(raw.values.get("body_html"))
        try:
            body = html_to_markdown(html, legacy_url) if html else ""
        except Exception as exc:  # noqa: BLE001 - report, never crash on one record
            issues.append(record_error(raw.number, raw.line, "body_html", html[:40], "IMPORT-HTML", reason=str(exc)))
            return ""
    for _line, src in inspect_markdown(body).images_without_alt:
        issues.append(record_error(raw.number, raw.line, "body_md", src, "IMPORT-IMG-ALT"))
    return body


def _taxonomy_fields(raw: RawRecord, ctx: ImportContext, rec: MappedRecord) -> None:
    theme = clean_text(as_text(raw.values.get("theme")))
    if theme:
        code = resolve_theme(ctx.taxonomy, theme)
        rec.front["theme"] = code
        if code is None:
            rec.notes["theme"] = theme
            rec.warnings.append(Issue("W-IMPORT-THEME", raw.number, raw.line, "theme", theme))
    genre = clean_text(as_text(raw.values.get("genre")))
    if genre:
        found = resolve_genre(ctx.taxonomy.genres, genre)
        rec.front["genre"] = found
        if found is None:
            rec.notes["genre"] = genre
            rec.warnings.append(Issue("W-IMPORT-GENRE", raw.number, raw.line, "genre", genre))


def _check_dates(raw: RawRecord, ctx: ImportContext, publish: LegacyDate, written: LegacyDate | None,
                 issues: list[Issue]) -> None:
    limit = ctx.today + timedelta(days=ctx.config.options.future_publish_days)
    if publish.as_datetime().astimezone(BEIJING).date() > limit:
        issues.append(record_error(raw.number, raw.line, "publish_date", publish.front_value(), "IMPORT-FUTURE-DATE",
                                   today=ctx.today.isoformat()))
    if written and written.day > publish.day:
        issues.append(record_error(raw.number, raw.line, "written_date", written.front_value(), "IMPORT-DATE-ORDER",
                                   other=publish.front_value()))


def _early_dates(raw: RawRecord, ctx: ImportContext, publish: LegacyDate, written: LegacyDate | None) -> list[Issue]:
    """W-DATE-EARLY, as the build will warn: a date before ``options.earliest_date`` (1899-01-01 …)."""
    earliest = ctx.config.options.earliest_date
    return [Issue("W-DATE-EARLY", raw.number, raw.line, name, value.day.isoformat(), params={"earliest": earliest.isoformat()})
            for name, value in (("publish_date", publish), ("written_date", written))
            if value is not None and value.day < earliest]


def _check_legacy_url(raw: RawRecord, ctx: ImportContext, legacy_url: str | None, issues: list[Issue]) -> list[Issue]:
    """The 原网址 checked by the rule the build's redirect table applies to ``legacy_url``
    (:func:`govsite.redirects.paths.read_old_path`): an unusable path is an error
    here, before anything is written, not at the next build; returns the warnings."""
    if not legacy_url:
        return []
    _loc, code = read_old_path(legacy_url, (ctx.config.base_path,), legacy=True)
    if code is None:
        return []
    found = Issue(code, raw.number, raw.line, "url", legacy_url)
    if found.is_error:
        issues.append(found)
        return []
    return [found]


def map_record(raw: RawRecord, ctx: ImportContext) -> tuple[MappedRecord | None, list[Issue]]:
    """Map and validate one record; returns (record or None, errors)."""
    if raw.error:
        extra = {k: v for k, v in raw.error_params.items() if k not in ("field", "value")}
        return None, [record_error(raw.number, raw.line, raw.error_params.get("field"), raw.error_params.get("value"),
                                   "IMPORT-READ-" + raw.error.upper().replace("_", "-"), **extra)]
    issues: list[Issue] = []
    title = clean_text(as_text(raw.values.get("title")))
    if not title:
        issues.append(record_error(raw.number, raw.line, "title", None, "IMPORT-MISSING"))
    publish = _date(raw, "publish_date", issues)
    if publish is None and not as_text(raw.values.get("publish_date")):
        issues.append(record_error(raw.number, raw.line, "publish_date", None, "IMPORT-MISSING"))
    written = _date(raw, "written_date", issues)
    orgs, new_org = _issuers(raw, ctx, issues)
    org = orgs[0] if orgs else None
    doc_no = clean_text(as_text(raw.values.get("doc_no")))
    if doc_no in NO_DOC_NO:
        doc_no = ""
    columns, placed_by = _columns(raw, ctx, issues, title, doc_no or None)
    validity = _enum(raw, "validity", resolve_validity, "有效", "IMPORT-BAD-VALIDITY", issues)
    mode = _enum(raw, "disclosure_mode", resolve_mode, "主动公开", "IMPORT-BAD-MODE", issues)
    if publish is not None:
        _check_dates(raw, ctx, publish, written, issues)
    legacy_url = clean_text(as_text(raw.values.get("url"))) or None
    url_warnings = _check_legacy_url(raw, ctx, legacy_url, issues)
    body = _body(raw, legacy_url, issues)
    index_given = clean_text(as_text(raw.values.get("index_no"))) or None
    front: dict[str, Any] = {
        "index_no": index_given or PENDING_INDEX,
        "title": title,
        "doc_no": doc_no or None,
        "issuer": org.id if org else "",
        "written_date": written.front_value() if written else None,
        "publish_date": publish.front_value() if publish else None,
        "theme": None,
        "genre": None,
        "columns": columns,
        "disclosure_mode": mode,
        "validity": validity,
        "keywords": split_keywords(raw.values.get("keywords")),
        "summary": clean_text(as_text(raw.values.get("summary")), single_line=False),
        "attachments": [],
    }
    if len(orgs) > 1:
        front["co_issuers"] = [o.id for o in orgs[1:]]
    if legacy_url:
        front["legacy_url"] = legacy_url
    if issues or org is None or publish is None or not columns:
        return None, issues
    rec = MappedRecord(raw.number, raw.line, front, body, org, publish, written, index_given, legacy_url,
                       new_org=new_org, placed_by=placed_by)
    rec.warnings += url_warnings + _early_dates(raw, ctx, publish, written)
    _taxonomy_fields(raw, ctx, rec)
    try:
        ItemFrontMatter.model_validate(front)
    except ValidationError as exc:
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else None
            issues.append(record_error(raw.number, raw.line, name, front.get(name or ""), "IMPORT-INVALID",
                                       reason=err["msg"]))
        return None, issues
    return rec, issues
