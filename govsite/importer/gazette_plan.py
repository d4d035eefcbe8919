"""Match imported issues against the site and decide every file to write.

- An issue whose folder already holds the same import (same fingerprint in its
  ``source.json``) is *unchanged* and left alone; a folder with anything else
  is an error (never overwritten).
- Without ``content/gazette/gazette.yaml`` one is created (刊名 from the import,
  publisher = the organization whose name the 刊名 starts with, created if
  needed; 创刊年份 = earliest year; 刊期 guessed only when obvious).
- Sections new to the gazette are appended to its ``sections`` (the file is
  edited as text, so comments stay); an issue whose own section order differs
  from the gazette's gets ``sections:`` in its issue.yaml.
- Unknown 发文机关 become placeholder organizations (:mod:`govsite.importer.orgs`).
- Every generated YAML file is read back and validated with the content models.

The gazette.yaml edits are :mod:`govsite.importer.gazette_config`, one issue's files
:mod:`govsite.importer.gazette_files`; this module decides what to do with each issue.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from govsite.base.yamlsource import dump_yaml, parse_yaml
from govsite.importer.gazette_config import appended_sections_text, guess_frequency, merge_sections
from govsite.importer.gazette_files import Finding, PlannedIssue, error, issue_files, validated
from govsite.importer.gazette_source import SourceIssue, read_fingerprint
from govsite.importer.issues import Issue
from govsite.importer.orgs import OrgResolver, appended_orgs_text
from govsite.model.gazette import DEFAULT_SECTIONS, GazetteConfig
from govsite.model.link_tree import RESERVED_SEGMENTS
from govsite.model.loaded import GAZETTE_FILE, ORGS_FILE, LoadedSite
from govsite.model.org import Organization
from govsite.model.taxonomy import walk_columns

GAZETTE_HEADER = "# 由 {command} 自动创建：请核对主办机构（publisher）、创刊年份（first_year）、刊期（frequency）和栏目顺序\n"


@dataclass
class GazettePlan:
    issues: list[PlannedIssue] = field(default_factory=list)
    unchanged: list[SourceIssue] = field(default_factory=list)
    gazette_text: str | None = None
    """New content of gazette.yaml (None: untouched)."""
    gazette_created: bool = False
    orgs_text: str | None = None
    """New content of orgs.yaml (None: untouched)."""
    new_orgs: list[Organization] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.issue.is_error]


def norm_name(name: str) -> str:
    return re.sub(r"\s+", "", name).strip("《》")


def _error(plan: GazettePlan, label: str, where: str | None, value: Any, text_key: str, **params: Any) -> None:
    error(plan.findings, label, where, value, text_key, **params)


def _warn(plan: GazettePlan, file: str, code: str, where: str | None, value: Any, **params: Any) -> None:
    plan.findings.append(Finding(file, Issue(code, None, None, where, value, None, params)))


def _classify(plan: GazettePlan, root: Path, sources: list[SourceIssue]) -> list[SourceIssue]:
    """New issues; unchanged ones go to ``plan.unchanged``; conflicts are errors."""
    seen: dict[tuple[int, bool, int], SourceIssue] = {}
    new: list[SourceIssue] = []
    for src in sources:
        earlier = seen.get(src.key)
        if earlier is not None:
            if earlier.fingerprint == src.fingerprint:
                plan.unchanged.append(src)
            else:
                _error(plan, src.label, "number", src.number, "IMPORT-GAZETTE-DUP", issue=src.issue_label,
                       other=earlier.label)
            continue
        seen[src.key] = src
        folder = root / src.rel_folder
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            if read_fingerprint(folder) == src.fingerprint:
                plan.unchanged.append(src)
            else:
                _error(plan, src.label, "number", src.number, "IMPORT-GAZETTE-EXISTS", issue=src.issue_label,
                       folder=src.rel_folder)
            continue
        new.append(src)
    return new


def _check_order(plan: GazettePlan, loaded: LoadedSite, new: list[SourceIssue]) -> None:
    """Regular issues' dates must follow their numbers (as the site check demands)."""
    entries: list[tuple[int, int, date, SourceIssue | None]] = [
        (fm.year, fm.number, fm.date, None) for fm, _src in loaded.issues if not fm.special]
    entries += [(s.year, s.number, s.date, s) for s in new if not s.special]
    entries.sort(key=lambda e: (e[0], e[1]))
    for before, after in zip(entries, entries[1:]):
        if after[2] >= before[2]:
            continue
        culprit, other = (after, before) if after[3] is not None else (before, after)
        if culprit[3] is None:
            continue
        _error(plan, culprit[3].label, "date", culprit[2].isoformat(), "IMPORT-GAZETTE-ORDER",
               other=f"{other[0]}年第{other[1]}期（{other[2].isoformat()}）")


def _publisher(resolver: OrgResolver, name: str) -> Organization:
    """The organization a gazette named ``name`` belongs to: 示例县人民政府公报 → 示例县人民政府."""
    base = re.sub(r"(?:公报|政报)$", "", name) or name
    found = resolver.find(base)
    if found is not None:
        return found
    prefixes = [o for o in resolver.orgs if name.startswith(re.sub(r"\s+", "", o.name))]
    if prefixes:
        return max(prefixes, key=lambda o: len(o.name))
    kind = "government" if base.endswith("人民政府") and not base.endswith(("镇人民政府", "乡人民政府")) else None
    org, _created = resolver.find_or_create(base, 0, kind=kind)
    return org


def make_plan(root: Path, loaded: LoadedSite, sources: list[SourceIssue], command: str) -> GazettePlan:
    """Everything to write for ``sources``; ``plan.errors`` lists why nothing may be written."""
    plan = GazettePlan()
    config = loaded.gazette
    assert loaded.config is not None
    named = [s for s in sources if s.gazette]
    if config is not None:
        for src in named:
            if src.gazette != norm_name(config.name):
                _error(plan, src.label, "gazette", src.gazette, "IMPORT-GAZETTE-NAME", other=config.name)
    elif named:
        first = named[0]
        for src in named[1:]:
            if src.gazette != first.gazette:
                _error(plan, src.label, "gazette", src.gazette, "IMPORT-GAZETTE-NAME-MIXED", other=first.gazette,
                       other_file=first.label)
    if plan.errors:
        return plan
    new = _classify(plan, root, sources)
    _check_order(plan, loaded, new)
    if plan.errors or not new:
        return plan
    new.sort(key=lambda s: s.key)

    reserved = RESERVED_SEGMENTS | {col.id for col, _parent in walk_columns(loaded.config.columns)}
    resolver = OrgResolver([org for org, _ in loaded.orgs], reserved=reserved)
    issuers: dict[int, str] = {}
    for src in new:
        for art in src.articles:
            if art.issuer:
                org, created = resolver.find_or_create(art.issuer, 0)
                issuers[id(art)] = org.id
                if created:
                    _warn(plan, src.label, "W-IMPORT-GAZETTE-ORG", f"{art.where}.issuer", art.issuer, org=org.id)

    orders = [s.sections for s in new]
    used = set(issuers.values())
    if config is None:
        name = named[0].gazette if named else norm_name(loaded.config.name) + "公报"
        publisher = _publisher(resolver, name or "")
        # issues already on disk (also the unchanged ones) are in loaded.issues
        regular = [(fm.year, fm.number, fm.date) for fm, _ in loaded.issues if not fm.special]
        regular += [(s.year, s.number, s.date) for s in new if not s.special]
        first_year = min([fm.year for fm, _ in loaded.issues] + [s.year for s in new])
        sections = merge_sections(orders) or list(DEFAULT_SECTIONS)
        data = {"name": name, "publisher": publisher.id, "first_year": first_year,
                "frequency": guess_frequency(regular).value, "sections": sections}
        plan.gazette_text = GAZETTE_HEADER.format(command=command) + dump_yaml(data)
        plan.gazette_created = True
        used.add(publisher.id)
        gazette_sections = sections
        first_src = new[0]
        if validated(plan.findings, first_src, GAZETTE_FILE, parse_yaml(plan.gazette_text), GazetteConfig):
            _warn(plan, GAZETTE_FILE, "W-IMPORT-GAZETTE-NEW", None, name, publisher=f"{publisher.id}（{publisher.name}）",
                  first_year=first_year, frequency=data["frequency"])
    else:
        gazette_sections = list(config.sections)
        added: list[str] = []
        for src in new:
            for name in src.sections:
                if name not in gazette_sections:
                    gazette_sections.append(name)
                    added.append(name)
                    _warn(plan, src.label, "W-IMPORT-GAZETTE-SECTION", src.section_where.get(name), name)
        if added:
            raw = (root / GAZETTE_FILE).read_bytes()
            bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
            try:
                plan.gazette_text = bom + appended_sections_text(raw.decode("utf-8-sig"), added)
            except ValueError as exc:
                _error(plan, GAZETTE_FILE, "sections", None, "IMPORT-GAZETTE-YAML", sections="、".join(added),
                       detail=str(exc))
                return plan

    for src in new:
        planned = issue_files(plan.findings, root, src, gazette_sections, issuers)
        if planned is not None:
            plan.issues.append(planned)

    plan.new_orgs = [o for o in resolver.created if o.id in used]
    if plan.new_orgs:
        raw = (root / ORGS_FILE).read_bytes()
        bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""
        try:
            plan.orgs_text = bom + appended_orgs_text(raw.decode("utf-8-sig"), plan.new_orgs, command)
        except ValueError as exc:
            _error(plan, ORGS_FILE, None, None, "IMPORT-ORGS-YAML", detail=str(exc))
    return plan
