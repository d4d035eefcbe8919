"""The lines ``govsite build`` prints after a good build (构建结果的提示行): problems, the
inspection notice and the summary, as text, without click.

A build that the stamp or the edit record answers (:mod:`govsite.cli`) prints them
before click is imported (click and the command modules took ≈ 0.05 s of a 0.3 s
no-change build); the click commands print the same lines through
:mod:`govsite.cli_common`.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govsite.pipeline.result import BuildResult
    from govsite.problems import ProblemLog


def in_lang(lang: str, zh: str, en: str) -> str:
    """The Chinese or the English text, as ``--lang`` asks."""
    return zh if lang == "zh" else en


def problem_lines(problems: ProblemLog, lang: str) -> list[str]:
    """Each problem, then the count (nothing when there is none)."""
    if not problems.items:
        return []
    return [p.format(lang) for p in problems.items] + [
        in_lang(lang, f"共 {len(problems.errors)} 个错误，{len(problems.warnings)} 个警告",
                f"{len(problems.errors)} error(s), {len(problems.warnings)} warning(s)")]


def inspection_line(out: Path, lang: str) -> str | None:
    """After a good build: how many problems ``govsite check`` reports (the inspection rules:
    stale columns, deadlines, links, personal data …) and how to see them."""
    from govsite.inspect.report_files import report_counts, report_page

    out = out.resolve()  # as the build does: the report sits beside the output folder itself
    counts = report_counts(out)
    if counts is None or counts == (0, 0):
        return None
    errors, warnings = counts
    return in_lang(lang, f"巡检：govsite check 会报告 {errors} 个错误、{warnings} 个警告（构建时的校验问题加上栏目更新、时限、链接等巡检规则）；运行 govsite check 查看，"
                         f"或打开 {report_page(out)}（内部页面，在输出目录之外，不会随 output/ 发布）",
                   f"Inspection: govsite check reports {errors} error(s) and {warnings} warning(s) (the build's validation plus the inspection rules: stale columns, deadlines, links …); run govsite check "
                   f"to see them, or open {report_page(out)} (internal, kept outside the output folder so that it is "
                   "never published with it)")


def done_line(result: BuildResult, lang: str) -> str:
    return in_lang(
        lang,
        f"完成：写入 {result.written} 个文件，跳过 {result.unchanged} 个未变更文件，删除 {result.deleted} 个，用时 {result.seconds:.2f} 秒",
        f"Done: {result.written} written, {result.unchanged} unchanged, {result.deleted} deleted in {result.seconds:.2f}s")
