"""``govsite check --since REV``: report only what changed since a git revision.

The whole site is still loaded, so references into unchanged files resolve.
Kept findings:

- every finding in a file changed since ``REV`` (``git diff --name-only REV``,
  staged or not, plus untracked files that git does not ignore);
- every finding of a site-wide rule (stale and empty columns, home page, veto
  thresholds, footer): they are about the site, not about one file;
- every validation *error*, wherever it is: a change can break a file it does not
  touch (a deleted item still referenced), and the build refuses any error.

A change to ``site.yaml`` or ``content/orgs.yaml`` can affect every file, so then
nothing is filtered.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

from govsite.inspect.registry import rules, site_wide_codes
from govsite.problems import ProblemLog, Severity

GLOBAL_FILES = {"site.yaml", "content/orgs.yaml"}


class SinceError(Exception):
    """git could not list the changes (not a repository, unknown revision)."""


def _git(site: Path, *args: str) -> list[str]:
    try:
        run = subprocess.run(["git", *args], cwd=site, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise SinceError("git 未安装 / git is not installed") from exc
    if run.returncode != 0:
        raise SinceError(run.stderr.strip() or f"git {' '.join(args)} failed")
    return [line for line in run.stdout.splitlines() if line]


def changed_files(site: Path, rev: str) -> set[str]:
    """Paths relative to the site folder changed since ``rev``, plus untracked files. A
    ``rev`` that starts with ``-`` is refused: git would take it as an option (``--output=FILE``
    writes a file)."""
    if not rev or rev.startswith("-"):
        raise SinceError(f"{rev!r} 不是 git 版本 / is not a git revision")
    changed = _git(site, "diff", "--name-only", "--relative", rev, "--")
    changed += _git(site, "ls-files", "--others", "--exclude-standard")
    return {Path(p).as_posix() for p in changed}


def restrict(problems: ProblemLog, changed: set[str]) -> ProblemLog:
    """The findings ``--since`` reports (see the module docstring)."""
    if changed & GLOBAL_FILES:
        return problems
    keep_codes = site_wide_codes()
    rule_codes = {c for r in rules() for c in r.codes}
    out = ProblemLog()
    for p in problems.items:
        validation_error = p.severity is Severity.ERROR and p.code not in rule_codes
        if p.file in changed or p.code in keep_codes or validation_error:
            out.add(p)
    return out
