"""``govsite portal sync`` (集约化平台同步): fetch each member's published site into the
portal's local copies through rclone and record whether each answered, for the
dashboard (docs/portal.md, "Running it")."""
from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import click

from govsite.cli_common import LANG_OPTION, SITE_OPTION, in_lang, print_problems, waiting_notice

EXIT_SOME_FAILED = 1
"""At least one member did not answer (each is recorded; the others were synced)."""


@click.group()
def portal() -> None:
    """Provincial portal (集约化平台) commands."""


@portal.command("sync")
@SITE_OPTION
@click.option("--member", "only", multiple=True, help="Sync only this member id (repeatable; default: every member with sync_from).")
@LANG_OPTION
def portal_sync(site: Path, only: tuple[str, ...], lang: str) -> None:
    """Fetch every member that has sync_from in site.yaml into its output folder through rclone
    (into a staging folder, swapped in only when complete and checked) and record in the sync
    ledger whether it answered. Then run govsite build on the portal. Exit 1 when a member did
    not answer (the others are synced), 2 for a mistake in site.yaml (nothing is fetched)."""
    from govsite.portal.ledger import ledger_path
    from govsite.portalsync.run import sync_all
    from govsite.portalsync.sources import load_sources
    from govsite.problems import ProblemLog
    from govsite.publish.errors import PublishError

    problems = ProblemLog()
    sources = load_sources(site.resolve(), only, problems)
    if problems.has_errors():
        print_problems(problems, lang)
        sys.exit(2)

    def done(source, entry) -> None:  # type: ignore[no-untyped-def]
        when = datetime.fromisoformat(entry.time).strftime("%Y-%m-%d %H:%M")
        if entry.answered:
            click.echo(in_lang(lang, f"{source.name}（{source.id}）：已同步 {when}，新增 {entry.added}、更新 {entry.changed}、删除 {entry.removed} 个文件",
                               f"{source.name} ({source.id}): synced {when}, {entry.added} added, {entry.changed} changed, {entry.removed} removed"))
        else:
            click.echo(in_lang(lang, f"{source.name}（{source.id}）：{when} 同步时没有应答，保留上次的副本：{entry.error}",
                               f"{source.name} ({source.id}): did not answer at {when}; the previous copy is kept: {entry.error}"), err=True)

    try:
        entries = sync_all(site.resolve(), sources, done, waiting_notice(lang))
    except PublishError as exc:  # rclone is not installed
        click.echo(in_lang(lang, "错误：", "Error: ") + exc.message(lang), err=True)
        sys.exit(2)
    failed = sum(not e.answered for e in entries)
    click.echo(in_lang(lang, f"同步记录：{ledger_path(site.resolve())}；{len(entries) - failed} 个成员网站已同步，{failed} 个没有应答",
                       f"sync ledger: {ledger_path(site.resolve())}; {len(entries) - failed} member(s) synced, {failed} did not answer"))
    if failed:
        sys.exit(EXIT_SOME_FAILED)
