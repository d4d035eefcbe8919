"""Helpers shared by the content and model tests: run a check, pick problems, read lines.

Not a test module (no ``test_`` prefix); imported as ``tests.content.problem_helpers``.
"""
from __future__ import annotations

from govsite.pipeline.pages import load_and_validate
from govsite.problems import Problem, ProblemLog, Severity
from tests.conftest import SiteFolder

ITEM = "content/items/xzfb/2025/{:05d}.md"
"""Path of the item ``SiteFolder.write_item(n)`` writes."""

# Lines of the front matter written by ``SiteFolder.write_item`` (yaml.safe_dump keeps
# the order of ``default_item``): fields added by a test start at line 12.
LINE = {
    "index_no": 2, "title": 3, "doc_no": 4, "issuer": 5, "written_date": 6, "publish_date": 7,
    "theme": 8, "genre": 9, "columns": 10, "extra": 12,
}


def item(n: int) -> str:
    return ITEM.format(n)


def check(site: SiteFolder) -> ProblemLog:
    """Phases 1–2 of a build, exactly as ``govsite check`` runs them."""
    _model, log = load_and_validate(site.root)
    return log


def find(log: ProblemLog, code: str, file: str | None = None) -> list[Problem]:
    return [p for p in log.items if p.code == code and (file is None or p.file == file)]


def only(log: ProblemLog, code: str, file: str | None = None) -> Problem:
    """The single problem with ``code`` (in ``file``); fails with everything found otherwise."""
    found = find(log, code, file)
    assert len(found) == 1, f"expected one {code} in {file}, got:\n" + "\n".join(p.format() for p in log.items)
    return found[0]


def codes(log: ProblemLog, file: str | None = None) -> list[str]:
    return [p.code for p in log.items if file is None or p.file == file]


def line_text(site: SiteFolder, problem: Problem) -> str:
    """The text of the line a problem points at, so a test shows what the editor is sent to."""
    assert problem.line is not None, problem.format()
    lines = (site.root / problem.file).read_text(encoding="utf-8").splitlines()
    assert 1 <= problem.line <= len(lines), f"line {problem.line} is outside {problem.file} ({len(lines)} lines)"
    return lines[problem.line - 1]


def assert_clean(log: ProblemLog) -> None:
    assert not log.items, "\n".join(p.format() for p in log.items)


def is_error(problem: Problem) -> bool:
    return problem.severity is Severity.ERROR
