"""The private inspection report page ``_report/index.html`` (巡检报告).

A post-render step writes it after every build that renders, and whenever its
check date is not today (``pending``), so that it always shows today's findings:
the same findings as ``govsite check``, in an accessible table. The page has
``<meta name="robots" content="noindex">``, is not planned (so neither the
sitemap nor the feeds list it), has no ``data-pagefind-body`` and is not in any
search shard. Deployments skip it: ``rsync --exclude _report`` (docs/checks.md).
Unchanged bytes are hard-linked from the previous output (nothing written).
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from govsite.inspect.registry import FAMILIES
from govsite.inspect.run import family_of_problem, run_inspection, summarise
from govsite.model.site_model import today_beijing
from govsite.problems import ProblemLog
from govsite.render.digests import sha1
from govsite.render.registry import PostRender, PostRenderContext

REPORT_DIR = "_report/"
REPORT_PATH = REPORT_DIR + "index.html"
STALE_PATH = REPORT_DIR + "stale"
"""Marker: a quick build kept the previous report."""
KIND = "inspect_report"
DATE_RE = re.compile(r'<meta name="govsite-check-date" content="(\d{4}-\d{2}-\d{2})">')
COUNTS_RE = re.compile(r'<meta name="govsite-check-counts" content="(\d+) (\d+)">')


def plan(model, digests) -> tuple:
    """The report page is not planned: no sitemap, feed or search entry lists it."""
    return ()


def render_report(model, problems: ProblemLog, planned: frozenset[str] = frozenset()) -> str:
    """The report page's HTML for ``model`` with the build's own ``problems``."""
    from govsite.render.context import base_context
    from govsite.render.env import make_env
    from govsite.render.plan import PageSpec

    today = today_beijing()
    log = ProblemLog()
    log.extend(problems.items)
    run_inspection(model, log, today, set(planned))
    summary = summarise(model, log, today)
    rows = [{
        "severity": "错误" if p.severity.value == "error" else "警告",
        "error": p.severity.value == "error",
        "code": p.code,
        "family": FAMILIES[family_of_problem(p)][0],
        "file": p.file,
        "line": p.line or "",
        "message": p.message("zh"),
    } for p in log.items]
    spec = PageSpec(REPORT_PATH, "report.html", KIND, (), "")
    ctx = base_context(model, spec, "巡检报告", [("巡检报告", REPORT_PATH)], rows=rows,
                       summary_lines=summary.lines("zh"), check_date=today,
                       errors=len(log.errors), warnings=len(log.warnings), veto=summary.veto)
    return make_env(model.root).get_template("report.html").render(ctx)


def write_report(ctx: PostRenderContext) -> dict[str, str]:
    """Post-render step: write (or link, when unchanged) ``_report/index.html``.

    A quick build (``--no-search``, the preview server) keeps the previous report
    and leaves the marker ``_report/stale``; the next full build refreshes it
    (``pending``), as it does the search index."""
    target = ctx.stage / REPORT_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    old = ctx.out / REPORT_PATH
    if ctx.quick and REPORT_PATH in ctx.previous and old.is_file():
        _link(old, target)
        (ctx.stage / STALE_PATH).write_text("quick build: report not refreshed\n", encoding="utf-8")
        return {REPORT_PATH: ctx.previous[REPORT_PATH], STALE_PATH: "stale"}
    data = render_report(ctx.model, ctx.problems, ctx.planned).encode("utf-8")
    try:
        same = old.stat().st_size == len(data) and old.read_bytes() == data
    except OSError:
        same = False
    if same:
        _link(old, target)
    else:
        target.write_bytes(data)
    return {REPORT_PATH: sha1("inspect-report", data)}


def _link(old: Path, target: Path) -> None:
    try:
        os.link(old, target)
    except OSError:
        shutil.copy2(old, target)


def _current_head(out: Path) -> str | None:
    """The start of the report in ``out`` (its meta tags), or None when there is none or a
    quick build left it out of date."""
    if (out / STALE_PATH).is_file():
        return None
    try:
        with open(out / REPORT_PATH, "rb") as page:
            return page.read(4096).decode("utf-8", errors="ignore")
    except OSError:
        return None


def report_outdated(out: Path) -> bool:
    """Is the report missing, left stale by a quick build, or from another day than today?"""
    head = _current_head(out)
    found = DATE_RE.search(head) if head is not None else None
    return found is None or found.group(1) != today_beijing().isoformat()


def report_counts(out: Path) -> tuple[int, int] | None:
    """(errors, warnings) of ``govsite check`` as the report in ``out`` found them, or None
    when there is no report or a quick build left it out of date: what ``build`` and
    ``serve`` tell the editor after a build."""
    head = _current_head(out)
    found = COUNTS_RE.search(head) if head is not None else None
    return (int(found.group(1)), int(found.group(2))) if found else None


POST_RENDER = PostRender("inspection report", REPORT_DIR, write_report, pending=report_outdated)
