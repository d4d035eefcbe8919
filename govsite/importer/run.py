"""``govsite import items``: read, map and validate every record, then write (or write nothing).

Problems use the codes of :mod:`govsite.i18n`, other lines
:mod:`govsite.importer.messages` (Chinese by default, English with
``lang="en"``): problems go to stderr in the same ``file:line: 错误 CODE`` form
as ``govsite check``, the summary to stdout.
"""
from __future__ import annotations

from pathlib import Path

import click

from collections import Counter

from govsite.content.itemfile import write_new_file
from govsite.content.loader import load_site
from govsite.model.loaded import ORGS_FILE, SITE_FILE, LoadedSite
from govsite.base.yamlsource import locate
from govsite.importer.column_rules import RULES, ColumnPlacer
from govsite.importer.issues import Issue, records_error
from govsite.importer.mapping import ImportContext, MappedRecord, map_record
from govsite.importer.messages import text
from govsite.importer.orgs import OrgResolver, appended_orgs_text, write_atomic
from govsite.importer.plan import Plan, duplicate_errors, make_plan
from govsite.importer.records import FIELDS, ImportFileError, ReadResult, read_records
from govsite.model.column_lookup import ColumnLookup
from govsite.model.org import Organization
from govsite.dates import today_beijing
from govsite.model.link_tree import RESERVED_SEGMENTS
from govsite.model.taxonomy import Taxonomy, walk_columns
from govsite.valuetext import choice_list


def _say(key: str, lang: str, err: bool = False, **params: object) -> None:
    click.echo(text(key, lang, **params), err=err)


def _report(issues: list[Issue], file_label: str, lang: str) -> None:
    for issue in sorted(issues, key=lambda i: (i.line or 0, not i.is_error, i.field or "")):
        click.echo(issue.problem(file_label, lang).format(lang), err=True)


def _site_default(root: Path, value: str | None, columns: ColumnLookup) -> tuple[str | None, list[Issue]]:
    """``import_defaults.column`` of site.yaml as a column id, or an E-REF-COLUMN naming its line."""
    if not value:
        return None, []
    found = columns.resolve(value)[0]
    if found is not None:
        return found, []
    line = locate((root / SITE_FILE).read_text(encoding="utf-8-sig"), ("import_defaults", "column"))
    return None, [Issue("E-REF-COLUMN", None, line, "import_defaults.column", value,
                        params={"allowed": columns.allowed()}, file=SITE_FILE)]


def _context(loaded: LoadedSite, org_default: str | None, column_default: str | None,
             create_orgs: bool) -> tuple[ImportContext, list[Issue]]:
    """The lookups every record is checked against, and problems with the options."""
    config = loaded.config
    assert config is not None
    reserved = RESERVED_SEGMENTS | {col.id for col, _parent in walk_columns(config.columns)}
    resolver = OrgResolver([org for org, _ in loaded.orgs], reserved=reserved)
    columns = ColumnLookup.from_tree(config.columns)
    issues: list[Issue] = []
    org = resolver.find(org_default) if org_default else None
    if org_default and org is None:
        issues.append(Issue("E-IMPORT-OPTION", None, None, "org-default", org_default, params={"allowed": resolver.allowed()}))
    column, issues_site = _site_default(loaded.root, config.import_defaults.column, columns)
    issues += issues_site
    if column_default:
        column = columns.resolve(column_default)[0]
        if column is None:
            issues.append(Issue("E-IMPORT-OPTION", None, None, "column-default", column_default,
                                params={"allowed": columns.allowed()}))
    taxonomy = Taxonomy(config.themes, config.genres)
    placer = ColumnPlacer(config.columns, column)
    return ImportContext(config, taxonomy, columns, resolver, org, placer, today_beijing(), create_orgs), issues


def _map_all(read: ReadResult, ctx: ImportContext) -> tuple[list[MappedRecord], list[Issue]]:
    """Map every record; all problems of all records are collected. An unknown
    issuer is one error per name and records without a column one error for all,
    each naming the records (the first few, then a count)."""
    issues: list[Issue] = []
    mapped: list[MappedRecord] = []
    for raw in read.records:
        rec, errors = map_record(raw, ctx)
        issues += errors
        if rec is not None:
            mapped.append(rec)
    for name, where in ctx.unknown_issuers.items():
        twin = ctx.orgs.near.get(name)
        if twin is not None:
            issues.append(records_error(where, "issuer", name, "IMPORT-NEAR-DUPLICATE-ISSUER",
                                        twin=choice_list([(twin.id, twin.name)])))
            continue
        close = ctx.orgs.closest(name)
        listed = choice_list((o.id, o.name) for o in close)
        issues.append(records_error(where, "issuer", name, "IMPORT-UNKNOWN-ISSUER",
                                    close=text("IMPORT-CLOSEST-ORGS", "zh", orgs=listed) if close else text("IMPORT-NO-CLOSE-ORG", "zh"),
                                    close_en=text("IMPORT-CLOSEST-ORGS", "en", orgs=listed) if close else text("IMPORT-NO-CLOSE-ORG", "en")))
    if ctx.unplaced:
        issues.append(records_error(ctx.unplaced, "column", None, "IMPORT-NO-COLUMN", allowed=ctx.columns.allowed()))
    issues += duplicate_errors(mapped)
    return mapped, issues


RULE_ORDER = {rule.name: n for n, rule in enumerate(RULES)}


def _placements(plan: Plan, ctx: ImportContext, column_option: str | None, lang: str) -> None:
    """The summary's lines on records placed by a column rule (most first, then in the
    rules' order) or in the default column."""
    placed = [f.record.placed_by for f in plan.files if f.record.placed_by is not None]
    by_rule = Counter(p for p in placed if p)
    if by_rule:
        sep, unit = ("，", " 条") if lang == "zh" else (", ", "")
        parts = [f"{rule}（{ctx.placer.targets[rule]}）{n}{unit}" if lang == "zh" else f"{rule} ({ctx.placer.targets[rule]}) {n}"
                 for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], RULE_ORDER[kv[0]]))]
        _say("IMPORT-PLACED", lang, placed=sep.join(parts))
    defaulted = placed.count("")
    if defaulted:
        source = "--column-default" if column_option else "site.yaml import_defaults.column"
        _say("IMPORT-PLACED-DEFAULT", lang, column=ctx.placer.default, source=source, count=defaulted)


def _org_ids(rec: MappedRecord) -> list[str]:
    """The issuer and the joint issuers of a record."""
    return [rec.org.id, *rec.front.get("co_issuers", [])]


def _plan_warnings(plan: Plan, mapped: list[MappedRecord], new_orgs: list[Organization]) -> list[Issue]:
    """Warnings of the records that will be written (skipped records stay quiet)."""
    creating = {f.record.number for f in plan.files}
    issues = [w for rec in mapped if rec.number in creating for w in rec.warnings]
    for org in new_orgs:
        first = min((f.record for f in plan.files if org.id in _org_ids(f.record)), key=lambda r: r.number)
        issues.append(Issue("W-IMPORT-ORG", first.number, first.line, "issuer", org.name, params={"org": org.id}))
    return issues + plan.warnings


def _write(root: Path, plan: Plan, orgs_text: str | None) -> None:
    """Write orgs.yaml, then the item files; undo everything if any write fails."""
    orgs_path = root / ORGS_FILE
    original = orgs_path.read_bytes()
    created: list[Path] = []
    new_dirs = sorted({p for f in plan.files for p in f.path.parents if root in p.parents and not p.exists()},
                      key=lambda p: -len(p.parts))
    try:
        if orgs_text is not None:
            write_atomic(orgs_path, orgs_text)
        for planned in plan.files:
            write_new_file(planned.path, planned.text)
            created.append(planned.path)
    except BaseException:
        for path in created:
            path.unlink(missing_ok=True)
        for folder in new_dirs:
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        if orgs_path.read_bytes() != original:
            tmp = orgs_path.with_name(f".{orgs_path.name}.restore.tmp")
            tmp.write_bytes(original)
            tmp.replace(orgs_path)
        raise


def run_import(site: Path, file: Path, org_default: str | None = None, column_default: str | None = None,
               lang: str = "zh", create_orgs: bool = False) -> bool:
    """Import ``file`` into the site at ``site``; True on success (also when nothing was new).

    ``create_orgs``: unknown issuers become new organizations (else each is an error)."""
    root = site.resolve()
    label = file.name
    loaded = load_site(root)
    blocking = [p for p in loaded.problems.errors if p.file in (SITE_FILE, ORGS_FILE)]
    if loaded.config is None or blocking:
        for p in blocking or loaded.problems.errors[:1]:
            click.echo(p.format(lang), err=True)
        _say("IMPORT-SITE-BROKEN", lang, err=True)
        return False
    try:
        read = read_records(file)
    except ImportFileError as exc:
        reason = "IMPORT-FILE-" + exc.reason.upper().replace("_", "-")
        _report([Issue("E-IMPORT-FILE", None, None, None, None, reason, dict(exc.params))], label, lang)
        return False

    # Phase 1: map and validate every record; nothing is written on any error.
    ctx, issues = _context(loaded, org_default, column_default, create_orgs)
    header_line = 1 if read.fmt == "csv" else None
    issues += [Issue("W-IMPORT-FIELD", None, header_line, None, name, params={"allowed": "、".join(FIELDS)})
               for name in read.unknown_columns]
    mapped: list[MappedRecord] = []
    if not any(i.is_error for i in issues):
        mapped, found = _map_all(read, ctx)
        issues += found
    errors = [i for i in issues if i.is_error]
    if errors:
        _report(issues, label, lang)
        _say("IMPORT-FAILED", lang, err=True, records=len({r for i in errors for r in i.all_records}), errors=len(errors))
        return False

    # Phase 2: what is new, 索引号 and paths, new organizations.
    plan = make_plan(root, ctx.config, mapped, loaded.items)
    used = {org_id for f in plan.files for org_id in _org_ids(f.record)}
    new_orgs = [o for o in ctx.orgs.created if o.id in used]
    issues += _plan_warnings(plan, mapped, new_orgs)
    orgs_text = None
    if new_orgs:
        raw_orgs = (root / ORGS_FILE).read_bytes()
        bom = "\ufeff" if raw_orgs.startswith(b"\xef\xbb\xbf") else ""
        try:
            orgs_text = bom + appended_orgs_text(raw_orgs.decode("utf-8-sig"), new_orgs)
        except ValueError as exc:
            _report(issues, label, lang)
            _say("IMPORT-ORGS-YAML", lang, err=True, detail=str(exc))
            return False

    # Phase 3: write, then report.
    _report(issues, label, lang)
    _write(root, plan, orgs_text)
    _placements(plan, ctx, column_default, lang)
    for org in new_orgs:
        _say("IMPORT-ORG-CREATED", lang, id=org.id, name=org.name, uscc=org.code)
    if any(i.code in ("W-IMPORT-THEME", "W-IMPORT-GENRE") for i in issues):
        _say("IMPORT-NOTE-KEPT", lang)
    _say("IMPORT-SUMMARY", lang, records=len(read.records), created=len(plan.files), unchanged=len(plan.skipped),
         orgs=len(new_orgs), warnings=sum(1 for i in issues if not i.is_error))
    return True
