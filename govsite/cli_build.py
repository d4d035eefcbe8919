"""``govsite build`` and ``govsite serve`` (构建与预览): the commands that run the pipeline
and write an output folder, with their progress, refusals and summary lines."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from govsite.cli_lines import done_line
from govsite.cli_common import (
    FORCE_OUT_OPTION,
    LANG_OPTION,
    SITE_OPTION,
    in_lang,
    inspection_notice,
    print_problems,
    refuse_output,
    waiting_notice,
)


@click.command()
@SITE_OPTION
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: <site>/output).")
@click.option("--base-url", default=None, help="Override base_url from site.yaml (previews, staging).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; only problems and the summary line.")
@click.option("--jobs", "-j", type=int, default=None, help="Worker processes (default: all cores).")
@click.option("--no-search", is_flag=True,
              help="Do not update the search index this time (quick previews); the next build catches up.")
@FORCE_OUT_OPTION
@LANG_OPTION
def build(site: Path, out: Path | None, base_url: str | None, quiet: bool, jobs: int | None, no_search: bool,
          force_out: bool, lang: str) -> None:
    """Build the site into output/ (only what changed is rewritten)."""
    from govsite.pipeline.build import build as run_build
    from govsite.pipeline.guard import OutputRefused
    from govsite.cli_progress import progress_reporter

    try:
        with progress_reporter(enabled=not quiet, lang=lang) as progress:
            result = run_build(site, out=out, base_url=base_url, jobs=jobs, progress=progress, quick=no_search,
                               force_out=force_out, waiting=waiting_notice(lang))
    except OutputRefused as exc:
        refuse_output(exc, lang)
    print_problems(result.problems, lang)
    if not result.ok:
        target = out or site / "output"
        if target.is_dir():
            click.echo(in_lang(lang, f"构建失败：未写入任何文件，原有的 {target} 保持不变。",
                          f"Build failed: nothing was written; the previous {target} is unchanged."), err=True)
        else:
            click.echo(in_lang(lang, f"构建失败：未写入任何文件（{target} 尚不存在）。",
                          f"Build failed: nothing was written ({target} does not exist yet)."), err=True)
        sys.exit(1)
    inspection_notice(out or site / "output", lang)
    click.echo(done_line(result, lang))


@click.command()
@SITE_OPTION
@click.option("--port", default=8000, show_default=True, type=int, help="Port on 127.0.0.1 (0: any free port).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: <site>/output).")
@FORCE_OUT_OPTION
@LANG_OPTION
def serve(site: Path, port: int, out: Path | None, force_out: bool, lang: str) -> None:
    """Build, serve on 127.0.0.1 under the base_url sub-path, and rebuild and reload
    the open pages on every save (实时预览). Errors show in the browser."""
    from govsite.pipeline.guard import OutputRefused
    from govsite.serve.server import run

    def report(result) -> None:  # type: ignore[no-untyped-def]
        print_problems(result.problems, lang)
        if result.ok:
            inspection_notice(out or site / "output", lang)
            click.echo(in_lang(lang, f"构建：写入 {result.written} 个文件，删除 {result.deleted} 个，用时 {result.seconds:.2f} 秒",
                          f"Built: {result.written} written, {result.deleted} deleted in {result.seconds:.2f}s"))
        else:
            click.echo(in_lang(lang, "构建失败：浏览器显示错误页，原有 output/ 保持不变。",
                          "Build failed: the browser shows the errors; the previous output is unchanged."), err=True)

    try:
        run(site, out or site / "output", port, lang, report, force_out=force_out, waiting=waiting_notice(lang))
    except OutputRefused as exc:  # checked before the server makes the folder or builds into it
        refuse_output(exc, lang)
