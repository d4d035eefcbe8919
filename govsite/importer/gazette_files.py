"""The files of one imported gazette issue (期的文件): issue.yaml, one ``n.md`` per article
and ``source.json``, each read back and validated with the content models before
anything is written; what fails is a :class:`Finding` of the import.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from govsite.base.yamlsource import dump_yaml, parse_yaml, split_front_matter
from govsite.importer.gazette_source import SourceIssue, sidecar_text
from govsite.importer.issues import Issue
from govsite.model.gazette import ArticleFrontMatter, IssueFile

CODE = "E-IMPORT-GAZETTE"


@dataclass
class Finding:
    """An :class:`Issue` and the file (as named to the user) it is about."""

    file: str
    issue: Issue


@dataclass
class PlannedIssue:
    source: SourceIssue
    folder: Path
    files: list[tuple[str, str]]
    """(file name, text) to create in the folder, in writing order."""
    pdf_name: str | None
    sidecar: str
    """``source.json``, written last: its fingerprint marks the issue as completely imported."""


def error(findings: list[Finding], label: str, where: str | None, value: Any, text_key: str, **params: Any) -> None:
    """An import error about the file the user knows as ``label``."""
    findings.append(Finding(label, Issue(CODE, None, None, where, value, text_key, params)))


def validated(findings: list[Finding], src: SourceIssue, rel: str, data: Any, model: type[BaseModel]) -> bool:
    """Validate what was written for ``rel`` with ``model``; report every failing field."""
    try:
        model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            name = ".".join(str(x) for x in err["loc"]) or None
            value = data.get(err["loc"][0]) if err["loc"] and isinstance(data, dict) else None
            error(findings, src.label, name, value, "IMPORT-GAZETTE-INVALID", file=rel, field_name=name or "",
                   reason=err["msg"])
        return False
    return True


def issue_yaml(src: SourceIssue, sections: list[str]) -> dict[str, Any]:
    data: dict[str, Any] = {"year": src.year, "number": src.number, "date": src.date}
    if src.volume is not None:
        data["volume"] = src.volume
    if src.cumulative_number is not None:
        data["cumulative_number"] = src.cumulative_number
    if src.special:
        data["special"] = True
        if src.special_label != "增刊":
            data["special_label"] = src.special_label
    if src.pdf is not None:
        data["pdf"] = f"gazette/{src.year}/{src.slug}/{src.pdf.name}"
    if src.scan_only:
        data["scan_only"] = True
    if sections:
        data["sections"] = sections
    return data


def article_text(front: dict[str, Any], body: str) -> str:
    text = "---\n" + dump_yaml(front) + "---\n"
    return text + (body.strip("\n") + "\n" if body.strip() else "")


def issue_files(findings: list[Finding], root: Path, src: SourceIssue, gazette_sections: list[str],
                issuers: dict[int, str]) -> PlannedIssue | None:
    """issue.yaml, n.md and source.json of one issue, each validated."""
    order = src.sections
    own = [] if [s for s in gazette_sections if s in order] == order else order
    files: list[tuple[str, str]] = []
    ok = True
    data = issue_yaml(src, own)
    text = dump_yaml(data)
    rel = f"{src.rel_folder}/issue.yaml"
    ok &= validated(findings, src, rel, parse_yaml(text), IssueFile)
    files.append(("issue.yaml", text))
    for n, art in enumerate(src.articles, start=1):
        front: dict[str, Any] = {
            "title": art.title, "section": art.section, "doc_no": art.doc_no, "issuer": issuers.get(id(art)),
            "written_date": art.written_date, "genre": art.genre, "keywords": art.keywords, "pages": art.pages,
            "text_source": art.text_source,
        }
        if art.quality_note:
            front["quality_note"] = art.quality_note
        text = article_text(front, art.body)
        split = split_front_matter(text)
        assert split is not None
        ok &= validated(findings, src, f"{src.rel_folder}/{n}.md", parse_yaml(split[0]), ArticleFrontMatter)
        files.append((f"{n}.md", text))
    if not ok:
        return None
    return PlannedIssue(src, root / src.rel_folder, files, src.pdf.name if src.pdf else None, sidecar_text(src))
