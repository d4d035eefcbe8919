"""``govsite check`` with the inspection rules (检查): load, validate, inspect, print.

A command, so it sits on the top floor with the other ``cli_*`` modules: it runs the
pipeline's phases 1–3 (:func:`govsite.pipeline.pages.check_site`) with the
inspection rules of :mod:`govsite.inspect`, which know nothing of the pipeline. Like
every command it imports them only when it runs."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from govsite.cli_common import LANG_OPTION, SITE_OPTION, in_lang, print_problems
from govsite.problems import ProblemLog


def run_check(site: Path, fmt: str, lang: str, since: str | None, strict: bool = False) -> ProblemLog:
    """Run the whole check, print the report (text or JSON) and return its findings.
    ``strict`` (``--strict``) reports init's placeholders as errors: a site that still shows
    them must not be published, whatever else a CI gate lets through."""
    from govsite.dates import today_beijing
    from govsite.inspect.placeholders import strict_placeholders
    from govsite.inspect.run import format_json, format_text, run_inspection, summarise
    from govsite.inspect.since import SinceError, changed_files, restrict
    from govsite.pipeline.pages import check_site

    today = today_beijing()
    changed: set[str] | None = None
    if since:
        try:
            changed = changed_files(site.resolve(), since)
        except SinceError as exc:
            raise click.ClickException(f"--since {since}: {exc}") from None
    models: list = []

    def inspect(model, problems: ProblemLog, planned: set[str]) -> None:
        models.append(model)
        run_inspection(model, problems, today, planned)

    problems = check_site(site, inspect=inspect)
    if changed is not None:
        problems = restrict(problems, changed)
    if strict:
        problems = strict_placeholders(problems)
    summary = summarise(models[0], problems, today, since) if models else None  # no model: site.yaml unusable
    if fmt == "json":
        click.echo(format_json(problems, summary, lang))
    else:
        click.echo("\n".join(format_text(problems, summary, lang)))
    return problems


@click.command()
@SITE_OPTION
@click.option("--strict", is_flag=True,
              help="Exit 1 on warnings too; placeholders left by govsite init or import are errors (E-PLACEHOLDER).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--since", "since", default=None, metavar="REV",
              help="Only files changed since git revision REV (plus untracked); site-wide rules still run.")
@click.option("--no-inspect", is_flag=True, help="Validation only (what the build refuses), no inspection rules.")
@LANG_OPTION
def check(site: Path, strict: bool, fmt: str, since: str | None, no_inspect: bool, lang: str) -> None:
    """Validate the site and run the inspection rules (巡检), without building anything."""
    from govsite.pipeline.pages import check_site

    if no_inspect:
        problems = check_site(site)
        if fmt == "json":
            click.echo(problems.to_json(lang))
        else:
            print_problems(problems, lang, stream=sys.stdout)
            if not problems.items:
                click.echo(in_lang(lang, "检查通过：未发现问题。", "Check passed: no problems found."))
    else:
        problems = run_check(site, fmt, lang, since, strict)
    if problems.errors or (strict and problems.warnings):
        sys.exit(1)
