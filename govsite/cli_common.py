"""What every ``govsite`` command shares (命令的公共部分): the ``--site``, ``--lang`` and
``--force-out`` options, the bilingual one-line messages, and how problems are printed.

The commands live in ``cli_*.py`` modules by group; :mod:`govsite.cli` holds the click
group that registers them. A new command imports its options from here.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NoReturn

import click

from govsite.cli_lines import in_lang, inspection_line, problem_lines
from govsite.problems import ProblemLog

if TYPE_CHECKING:
    from govsite.pipeline.guard import OutputRefused

SITE_OPTION = click.option(
    "--site", "site", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
    help="Site folder (contains site.yaml).",
)
LANG_OPTION = click.option(
    "--lang", type=click.Choice(["zh", "en"]), default=lambda: os.environ.get("GOVSITE_LANG", "zh"),
    show_default="zh", help="Language of messages (中文/English).",
)


FORCE_OUT_OPTION = click.option(
    "--force-out", is_flag=True,
    help="Replace the output folder even if it is not empty and was not made by govsite (its files are deleted).",
)


def waiting_notice(lang: str) -> Callable[[Path], None]:
    """What a build says once when it must wait for another build's lock."""
    def notice(lock: Path) -> None:
        click.echo(in_lang(lang, f"另一个构建正在进行（{lock}），等待其完成……",
                      f"Another build is running ({lock}); waiting for it to finish…"), err=True)
    return notice


def refuse_output(exc: OutputRefused, lang: str) -> NoReturn:
    """An unsafe --out: one line, exit 2 (a usage error), nothing touched."""
    click.echo(in_lang(lang, f"错误：{exc.message('zh')}。未读取或写入任何文件。",
                  f"Error: {exc.message('en')}. Nothing was read or written."), err=True)
    sys.exit(2)


def inspection_notice(out: Path, lang: str) -> None:
    """After a good build: how many problems ``govsite check`` reports, and how to see them."""
    line = inspection_line(out, lang)
    if line is not None:
        click.echo(line)


def print_problems(problems: ProblemLog, lang: str, stream=None) -> None:
    stream = stream or sys.stderr
    for line in problem_lines(problems, lang):
        click.echo(line, file=stream)
