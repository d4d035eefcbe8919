"""The private inspection report page (巡检报告), ``output-report/index.html``.

A post-render step writes it after every build that renders, and whenever its
check date is not today (``pending``), so that it always shows today's findings:
the same findings as ``govsite check``, in an accessible table. It is written
*beside* the output, never into it (:mod:`govsite.inspect.report_files`), so a
plain copy of ``output/`` never publishes it; ``govsite serve`` shows it at
``_report/`` under the site's sub-path, as before. Its links point into the output
folder (``../output/assets/style.css``), so it also works opened from disk. The page
has ``<meta name="robots" content="noindex">``, is not planned (so neither the
sitemap nor the feeds list it), has no ``data-pagefind-body`` and is not in any
search shard. Unchanged bytes are not rewritten.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from govsite.inspect import report_files
from govsite.inspect.registry import FAMILIES
from govsite.inspect.run import family_of_problem, run_inspection, summarise
from govsite.dates import today_beijing
from govsite.problems import ProblemLog
from govsite.render.registry import PostRender, PostRenderContext
from govsite.base.urls import relative_url

REPORT_DIR = "_report/"
"""Where ``govsite serve`` shows the report, under the site's sub-path (and a prefix
no planned page may use)."""
REPORT_PATH = REPORT_DIR + "index.html"
KIND = "inspect_report"
DATE_RE = re.compile(r'<meta name="govsite-check-date" content="(\d{4}-\d{2}-\d{2})">')


def plan(model, digests) -> tuple:
    """The report page is not planned: no sitemap, feed or search entry lists it."""
    return ()


def output_link_prefix(out_name: str) -> str:
    """How the report page's links reach the output folder from the report folder beside it."""
    return f"../{quote(out_name)}/"


def render_report(model, problems: ProblemLog, planned: frozenset[str] = frozenset(),
                  out_name: str = "output") -> str:
    """The report page's HTML for ``model`` with the build's own ``problems``, its links
    pointing into the output folder ``out_name`` beside the report folder."""
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
    into_output = output_link_prefix(out_name)
    ctx["url"] = lambda target: ("./" if target.startswith(REPORT_DIR) else  # the page itself (breadcrumb)
                                 into_output + relative_url("index.html", target).removeprefix("./"))
    return make_env(model.root).get_template("report.html").render(ctx)


def write_report(ctx: PostRenderContext) -> dict[str, str]:
    """Post-render step: prepare the report beside the output (published after the
    swap, see :mod:`govsite.inspect.report_files`); it has no file in the output.

    A quick build (``--no-search``, the preview server) keeps the previous report
    and marks it ``stale``; the next full build refreshes it (``pending``), as it
    does the search index."""
    old = report_files.report_page(ctx.out)
    if ctx.quick and old.is_file():
        report_files.prepare(ctx.out, None, stale=True)
        return {}
    data = render_report(ctx.model, ctx.problems, ctx.planned, ctx.out.name).encode("utf-8")
    try:
        same = old.stat().st_size == len(data) and old.read_bytes() == data
    except OSError:
        same = False
    report_files.prepare(ctx.out, None if same else data, stale=False)
    return {}


def report_outdated(out: Path) -> bool:
    """Is the report missing, left stale by a quick build, or from another day than today?
    Or is there still a ``_report/`` inside the output, written by an older govsite? (The
    next full build then runs, and takes it out: the step no longer puts files there.)"""
    if (out / REPORT_DIR).exists():
        return True
    head = report_files.current_head(out)
    found = DATE_RE.search(head) if head is not None else None
    return found is None or found.group(1) != today_beijing().isoformat()


POST_RENDER = PostRender("inspection report", REPORT_DIR, write_report, pending=report_outdated,
                         publish=report_files.publish, discard=report_files.discard)
