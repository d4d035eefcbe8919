"""``govsite check`` with the inspection rules (检查): load, validate, inspect, print.

A command, so it sits on the top floor with the other ``cli_*`` modules: it runs the
pipeline's phases 1–3 (:func:`govsite.pipeline.build.check_site`) with the
inspection rules of :mod:`govsite.inspect`, which know nothing of the pipeline."""
from __future__ import annotations

from pathlib import Path

import click

from govsite.inspect.placeholders import strict_placeholders
from govsite.inspect.run import format_json, format_text, run_inspection, summarise
from govsite.inspect.since import SinceError, changed_files, restrict
from govsite.dates import today_beijing
from govsite.pipeline.build import check_site
from govsite.problems import ProblemLog


def run_check(site: Path, fmt: str, lang: str, since: str | None, strict: bool = False) -> ProblemLog:
    """Run the whole check, print the report (text or JSON) and return its findings.
    ``strict`` (``--strict``) reports init's placeholders as errors: a site that still shows
    them must not be published, whatever else a CI gate lets through."""
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
