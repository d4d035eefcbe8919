"""The click commands ``govsite publish`` and ``govsite ci-template``.

They live here rather than in :mod:`govsite.cli` so that the command line stays a
list of registrations; ``cli.py`` adds them to the ``govsite`` group. Their options
are declared here too (the same ``--site`` and ``--lang`` as every command), so that
importing this module never imports :mod:`govsite.cli`.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from govsite.publish.errors import PublishError

_SITE = click.option("--site", "site", type=click.Path(file_okay=False, path_type=Path), default=".",
                     show_default=True, help="Site folder (contains site.yaml).")
_LANG = click.option("--lang", type=click.Choice(["zh", "en"]), default=lambda: os.environ.get("GOVSITE_LANG", "zh"),
                     show_default="zh", help="Language of messages (中文/English).")

EXIT_REFUSED = 2
"""The command could not run (docs/architecture.md, exit codes): a refusal before anything was sent (no
target, a secret in it, no build, a file written by hand) or a failed rclone step (the target then holds a
consistent mix that the next publish completes)."""


def _fail(exc: PublishError, lang: str) -> None:
    prefix = "错误：" if lang == "zh" else "Error: "
    click.echo(prefix + exc.message(lang), err=True)
    sys.exit(EXIT_REFUSED)


@click.command("publish")
@_SITE
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder to publish (default: <site>/output).")
@click.option("--target", default=None,
              help="rclone remote:path or local folder (default: publish.target in site.yaml). No secrets: "
                   "they stay in rclone's config or RCLONE_CONFIG_* variables.")
@click.option("--dry-run", is_flag=True, help="Print the plan (files per phase, first paths) and change nothing.")
@click.option("--full", is_flag=True,
              help="Ignore the target's publish record and compare every file on the target (after it was "
                   "changed by another tool).")
@_LANG
def publish(site: Path, out: Path | None, target: str | None, dry_run: bool, full: bool, lang: str) -> None:
    """Upload the built output to the publish target through rclone: only what changed,
    pages after the files they use, listings, feeds and search after the pages,
    deletions last. Never the private inspection report. Run govsite build first."""
    from govsite.publish.run import publish as run_publish
    from govsite.publish.show import plan_lines, progress_line, summary_line
    from govsite.publish.target import configured_target

    def progress(phase: str, count: int) -> None:
        click.echo(progress_line(phase, count, lang), err=True)

    def waiting(lock: Path) -> None:
        click.echo("另一个构建正在进行（{0}），等待其完成……".format(lock) if lang == "zh" else
                   f"A build is running ({lock}); waiting for it to finish…", err=True)

    site_arg = "" if site == Path(".") else f" --site {site}"
    try:
        chosen = configured_target(site, target)
        result = run_publish(out or site / "output", chosen, dry_run=dry_run, full=full, site_arg=site_arg,
                             progress=None if dry_run else progress, waiting=waiting)
    except PublishError as exc:
        _fail(exc, lang)
        return
    if dry_run:
        for line in plan_lines(result, chosen, lang):
            click.echo(line)
        return
    click.echo(summary_line(result, chosen, lang))


BRANCH_OPTION = click.option("--branch", default="main", show_default=True,
                             help="The branch that is built and published.")


def echo_pipelines(written: list[tuple[Path, str]], kind: str, lang: str) -> None:
    """One line per file (created, updated or unchanged) and what is left to set up in the CI service."""
    from govsite.publish.ci import next_steps

    verbs = {"created": ("已创建", "created"), "updated": ("已更新", "updated"), "unchanged": ("未变更", "unchanged")}
    for path, status in written:
        zh, en = verbs[status]
        click.echo(f"{zh if lang == 'zh' else en} {path}")
    for line in next_steps(kind, lang):
        click.echo(line)


@click.command("ci-template")
@click.argument("kind", type=click.Choice(["gitlab", "github", "gitee"]))
@_SITE
@BRANCH_OPTION
@click.option("--force", is_flag=True, help="Overwrite a pipeline file that govsite did not write.")
@_LANG
def ci_template(kind: str, site: Path, branch: str, force: bool, lang: str) -> None:
    """Write a CI pipeline (GitLab, GitHub or Gitee Go) at the root of the site's repository:
    govsite check --strict on every push and merge request, build and publish on the main
    branch, and a daily rebuild (docs/deploy.md). Never overwrites a file govsite did not write."""
    from govsite.publish.ci import write_pipeline

    try:
        written = write_pipeline(site, kind, force, branch)
    except PublishError as exc:
        _fail(exc, lang)
        return
    echo_pipelines(written, kind, lang)
