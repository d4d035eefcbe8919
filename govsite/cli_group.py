"""The ``govsite`` click group :func:`main` (the console entry point is :mod:`govsite.cli`).

Each group of commands lives in its own ``cli_*.py`` module (``cli_build``: build and
serve; ``cli_check``; ``cli_new``: init, new, list; ``cli_import``; ``cli_report``; ``cli_portal``: portal sync) and
is registered below with one line; their shared options are in :mod:`govsite.cli_common`.
The commands import what they run only when they run, so ``govsite --help`` stays quick.
"""
from __future__ import annotations

import os
import sys

import click

from govsite import __version__
from govsite.cli_build import build, serve
from govsite.cli_check import check
from govsite.cli_import import import_group
from govsite.cli_new import init, list_codes, new
from govsite.cli_portal import portal
from govsite.cli_report import report
from govsite.publish.command import ci_template, publish


class GovsiteGroup(click.Group):
    """The ``govsite`` group. A command stopped by its environment (no permission, a
    read-only or full disk, a busy mount point, a symlink loop, too many open files,
    an I/O error, too little memory, Ctrl+C…) ends with one line that names the path
    and says what to do, in the command's ``--lang`` (or ``GOVSITE_LANG``), and exit
    code 2, instead of a traceback (:mod:`govsite.environment_errors`). Catching it
    here serves both :func:`run` and click's test runner. ``GOVSITE_TRACEBACK=1``
    shows the traceback instead (for IT staff)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["govsite.argv"] = list(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        from govsite.environment_errors import EXIT_ENVIRONMENT, is_environment_error

        try:
            return super().invoke(ctx)
        except (OSError, MemoryError, KeyboardInterrupt) as exc:
            if not is_environment_error(exc) or os.environ.get("GOVSITE_TRACEBACK"):
                raise
            self._report_environment(ctx, exc)
            ctx.exit(EXIT_ENVIRONMENT)

    def _report_environment(self, ctx: click.Context, exc: BaseException) -> None:
        from govsite.environment_errors import describe

        argv: list[str] = ctx.meta.get("govsite.argv", [])
        lang = os.environ.get("GOVSITE_LANG", "zh")
        for n, arg in enumerate(argv):
            if arg == "--lang" and n + 1 < len(argv):
                lang = argv[n + 1]
            elif arg.startswith("--lang="):
                lang = arg.partition("=")[2]
        lang = "en" if lang == "en" else "zh"
        try:
            if isinstance(exc, KeyboardInterrupt) and sys.stderr.isatty():
                click.echo(file=sys.stderr)  # after the terminal's ^C
            click.echo(describe(exc, lang), err=True)
        except (OSError, ValueError):  # stderr closed: the exit code still tells
            pass


@click.group(cls=GovsiteGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="govsite")
def main() -> None:
    """govsite: 政府信息公开目录与政府公报静态网站生成器.

    A static site generator for Chinese government information-disclosure
    catalogs and gazettes.
    """


for _command in (build, check, serve, init, new, list_codes, report, import_group, publish, ci_template,
                 portal):
    main.add_command(_command)
