"""Read single files: item and page Markdown, and YAML data files.

Readers return the validated object plus the problems local to that file; they
never raise on bad content. Results are cacheable by file stat.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from govsite.content.nul import nul_problems
from govsite.content.pydantic_errors import validate_model
from govsite.base.yamlsource import YamlError, parse_yaml, split_front_matter
from govsite.markdown import inspect_markdown
from govsite.problems import Problem, Severity


@dataclass
class MarkdownRead:
    """The outcome of reading one Markdown file with front matter."""

    front: BaseModel | None
    yaml_text: str
    body_line: int
    digest: str
    """SHA-1 of the file bytes: identifies this version for incremental builds."""
    body_chars: int = 0
    """Length of the body without surrounding whitespace (0: no text)."""
    problems: list[Problem] = field(default_factory=list)
    front_digest: str = ""
    """Digest of the front matter text and the problems found (see :func:`front_digest`)."""


def read_markdown_file(rel: str, raw: bytes, model: type[BaseModel], allow_html: bool) -> MarkdownRead:
    """Parse and validate a Markdown file with a YAML header."""
    digest = hashlib.sha1(raw).hexdigest()
    problems: list[Problem] = []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(Problem("E-TYPE", Severity.ERROR, rel, None, None, f"byte {exc.start}", {"expected": "UTF-8 编码文本"}))
        return MarkdownRead(None, "", 1, digest, 0, problems)
    if "\0" in text:
        problems += nul_problems(rel, text)
        return MarkdownRead(None, "", 1, digest, 0, problems)
    split = split_front_matter(text)
    if split is None:
        problems.append(Problem("E-FRONTMATTER", Severity.ERROR, rel, 1, None, None))
        return MarkdownRead(None, "", 1, digest, 0, problems)
    yaml_text, body, body_line = split
    try:
        data = parse_yaml(yaml_text, line_offset=1)
    except YamlError as exc:
        problems.append(Problem(exc.code, Severity.ERROR, rel, exc.line, None, None, exc.params))
        return MarkdownRead(None, yaml_text, body_line, digest, 0, problems)
    front = validate_model(model, data, rel, yaml_text, 1, problems)
    if "![" in body or (allow_html and "<img" in body.lower()):  # only bodies with images need a parse here
        scan = inspect_markdown(body, allow_html, line_offset=body_line - 1)
        for line, src in scan.images_without_alt:
            problems.append(Problem("E-IMG-ALT", Severity.ERROR, rel, line, "body", src))
    read = MarkdownRead(front, yaml_text, body_line, digest, len(body.strip()), problems)
    read.front_digest = hashlib.sha1(yaml_text.encode("utf-8") + b"\0" + repr(problems).encode("utf-8")).hexdigest()
    return read


def front_digest(read: MarkdownRead) -> str:
    """What the rest of a site may take from a Markdown file besides its body: the
    front matter text, and the problems found in the file (an edit that changes
    neither reaches only what shows the body; :mod:`govsite.pipeline.edit_record`).
    Empty for a file that could not be read as front matter and body."""
    return read.front_digest


def read_body(raw: bytes) -> tuple[str, int]:
    """The Markdown body of a file already known to be valid, and its first line."""
    split = split_front_matter(raw.decode("utf-8"))
    assert split is not None
    return split[1], split[2]


@dataclass
class YamlRead:
    """The outcome of reading one YAML data file."""

    data: Any
    yaml_text: str
    digest: str
    problems: list[Problem] = field(default_factory=list)


def read_yaml_file(rel: str, raw: bytes) -> YamlRead:
    """Parse a YAML file, reporting malformed YAML with its line."""
    digest = hashlib.sha1(raw).hexdigest()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return YamlRead(None, "", digest, [Problem("E-TYPE", Severity.ERROR, rel, None, None, f"byte {exc.start}", {"expected": "UTF-8 编码文本"})])
    if "\0" in text:
        return YamlRead(None, text, digest, nul_problems(rel, text))
    try:
        return YamlRead(parse_yaml(text), text, digest)
    except YamlError as exc:
        return YamlRead(None, text, digest, [Problem(exc.code, Severity.ERROR, rel, exc.line, None, None, exc.params)])
