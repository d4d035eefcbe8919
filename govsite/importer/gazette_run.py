"""``govsite import gazette`` and ``govsite import gazette-pdf``: check every
input, plan every file, then write all of it (or, on any error, nothing).

Problems go to stderr in the ``file: 错误 CODE [key]: message`` form of
``govsite check`` (the key is a JSON path such as
``sections[0].articles[2].written_date``); the summary goes to stdout. Chinese
by default, English with ``lang="en"``.
"""
from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import click

from govsite.content.itemfile import write_new_file
from govsite.content.loader import load_site
from govsite.model.loaded import GAZETTE_FILE, ORGS_FILE, SITE_FILE, LoadedSite
from govsite.dates import (
    ACCEPTED_FORMS,
    ACCEPTED_FORMS_EN,
    DateFormatError,
    parse_legacy_date,
    today_beijing,
)
from govsite.importer.gazette_json import IMPORTER as JSON_IMPORTER
from govsite.importer.gazette_json import read_issue_json
from govsite.importer.gazette_pdf import IMPORTER as PDF_IMPORTER
from govsite.importer.gazette_pdf import read_issue_pdf
from govsite.importer.gazette_files import CODE, Finding
from govsite.importer.gazette_plan import GazettePlan, make_plan
from govsite.importer.gazette_source import SIDECAR, SourceIssue
from govsite.importer.issues import Issue
from govsite.importer.messages import text
from govsite.importer.orgs import write_atomic


def _say(key: str, lang: str, err: bool = False, **params: object) -> None:
    click.echo(text(key, lang, **params), err=err)


def _report(findings: list[Finding], lang: str, order: list[str]) -> None:
    """Errors first, then warnings; files in the order given on the command line."""
    rank = {name: i for i, name in enumerate(order)}
    for f in sorted(findings, key=lambda f: (not f.issue.is_error, rank.get(f.file, len(rank)), f.issue.line or 0)):
        click.echo(f.issue.problem(f.file, lang).format(lang), err=True)


def _failed(findings: list[Finding], lang: str, order: list[str]) -> bool:
    _report(findings, lang, order)
    errors = [f for f in findings if f.issue.is_error]
    _say("IMPORT-GAZETTE-FAILED", lang, err=True, files=len({f.file for f in errors}), errors=len(errors))
    return False


def _load(root: Path, lang: str) -> LoadedSite | None:
    """The site, or None (reported) when its configuration is broken."""
    loaded = load_site(root)
    gazette_exists = (root / GAZETTE_FILE).exists()
    blocking = [p for p in loaded.problems.errors
                if p.file in (SITE_FILE, ORGS_FILE) or (p.file == GAZETTE_FILE and gazette_exists)]
    if loaded.config is None or blocking:
        for p in blocking or loaded.problems.errors[:1]:
            click.echo(p.format(lang), err=True)
        _say("IMPORT-GAZETTE-SITE-BROKEN", lang, err=True)
        return None
    return loaded


def _make_dirs(folder: Path, created: list[Path]) -> None:
    missing = [p for p in [folder, *folder.parents] if not p.exists()]
    for path in reversed(missing):
        path.mkdir()
        created.append(path)


def _copy_new(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` without ever overwriting (as :func:`write_new_file`)."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.copyfile(source, tmp)
    try:
        os.link(tmp, target)
    finally:
        tmp.unlink()


def write_plan(root: Path, plan: GazettePlan) -> None:
    """Write gazette.yaml, orgs.yaml, then every issue folder; undo everything if any write fails."""
    originals: dict[Path, bytes | None] = {}
    created_files: list[Path] = []
    created_dirs: list[Path] = []
    try:
        for rel, content in ((GAZETTE_FILE, plan.gazette_text), (ORGS_FILE, plan.orgs_text)):
            if content is None:
                continue
            path = root / rel
            originals[path] = path.read_bytes() if path.exists() else None
            _make_dirs(path.parent, created_dirs)
            write_atomic(path, content)
        for planned in plan.issues:
            _make_dirs(planned.folder, created_dirs)
            for name, content in planned.files:
                write_new_file(planned.folder / name, content)
                created_files.append(planned.folder / name)
            if planned.pdf_name and planned.source.pdf is not None:
                _copy_new(planned.source.pdf, planned.folder / planned.pdf_name)
                created_files.append(planned.folder / planned.pdf_name)
            write_new_file(planned.folder / SIDECAR, planned.sidecar)
            created_files.append(planned.folder / SIDECAR)
    except BaseException:
        for path in reversed(created_files):
            path.unlink(missing_ok=True)
        for path, original in originals.items():
            if original is None:
                path.unlink(missing_ok=True)
            elif not path.exists() or path.read_bytes() != original:
                tmp = path.with_name(f".{path.name}.restore.tmp")
                tmp.write_bytes(original)
                tmp.replace(path)
        for folder in reversed(created_dirs):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        raise


def _plan_and_write(root: Path, loaded: LoadedSite, sources: list[SourceIssue], command: str, lang: str,
                    order: list[str]) -> GazettePlan | None:
    plan = make_plan(root, loaded, sources, command)
    if plan.errors:
        _failed(plan.findings, lang, order)
        return None
    _report(plan.findings, lang, order)
    write_plan(root, plan)
    for org in plan.new_orgs:
        _say("IMPORT-ORG-CREATED", lang, id=org.id, name=org.name, uscc=org.code)
    return plan


def run_gazette_import(site: Path, files: list[Path], lang: str = "zh") -> bool:
    """Import one issue per JSON file; True on success (also when every issue was already there)."""
    root = site.resolve()
    loaded = _load(root, lang)
    if loaded is None:
        return False
    assert loaded.config is not None
    today = today_beijing()
    future = loaded.config.options.future_publish_days
    labels = [str(f) for f in files]
    sources: list[SourceIssue] = []
    findings: list[Finding] = []
    for path, label in zip(files, labels):
        src, issues = read_issue_json(path, label, today, future)
        findings += [Finding(label, i) for i in issues]
        if src is not None:
            sources.append(src)
    if findings:
        return _failed(findings, lang, labels)
    plan = _plan_and_write(root, loaded, sources, JSON_IMPORTER, lang, labels)
    if plan is None:
        return False
    _say("IMPORT-GAZETTE-SUMMARY", lang, files=len(files), created=len(plan.issues),
         articles=sum(len(p.source.articles) for p in plan.issues), unchanged=len(plan.unchanged),
         orgs=len(plan.new_orgs), warnings=sum(1 for f in plan.findings if not f.issue.is_error))
    return True


def run_gazette_pdf_import(site: Path, pdf: Path, year: int, number: int, issue_date: str | None = None,
                           special: bool = False, lang: str = "zh") -> bool:
    """Make issue ``year``/``number`` from ``pdf`` alone; True on success."""
    root = site.resolve()
    label = str(pdf)
    loaded = _load(root, lang)
    if loaded is None:
        return False
    assert loaded.config is not None
    when: date | None = None
    if issue_date is not None:
        try:
            when = parse_legacy_date(issue_date).day
        except DateFormatError:
            issue = Issue(CODE, None, None, "date", issue_date, "IMPORT-BAD-DATE",
                          {"forms": ACCEPTED_FORMS, "forms_en": ACCEPTED_FORMS_EN})
            return _failed([Finding(label, issue)], lang, [label])
    src, issues = read_issue_pdf(pdf, label, year, number, when, special, today_beijing(),
                                 loaded.config.options.future_publish_days)
    if src is None:
        return _failed([Finding(label, i) for i in issues], lang, [label])
    plan = _plan_and_write(root, loaded, [src], PDF_IMPORTER, lang, [label])
    if plan is None:
        return False
    if plan.unchanged:
        _say("IMPORT-GAZETTE-PDF-UNCHANGED", lang, issue=src.issue_label, folder=src.rel_folder)
        return True
    info = src.sidecar["pdf_text"]
    if src.scan_only:
        _say("IMPORT-GAZETTE-PDF-SCAN", lang, issue=src.issue_label, folder=src.rel_folder, pages=info["pages"])
    else:
        _say("IMPORT-GAZETTE-PDF-TEXT", lang, issue=src.issue_label, folder=src.rel_folder, pages=info["pages"],
             chars=info["characters"], article=f"{src.rel_folder}/1.md")
    if src.date_from_pdf:
        _say("IMPORT-GAZETTE-PDF-DATE", lang, date=src.date.isoformat(), file=f"{src.rel_folder}/issue.yaml")
    return True
