"""``govsite report annual`` (政府信息公开工作年度报告): the data file (``--init``) and the
report page, with the table 二 counts and the 勾稽关系 checks."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from govsite.cli_common import LANG_OPTION, SITE_OPTION, in_lang


@click.group()
def report() -> None:
    """Generate reports (年度报告)."""


@report.command("annual")
@SITE_OPTION
@click.option("--org", required=True, help="Organization id (公开主体).")
@click.option("--year", type=int, required=True, help="Reported year (报告年度).")
@click.option("--init", "init_file", is_flag=True,
              help="Create content/annual/<org>/<year>.yaml with every cell 0 and Chinese labels.")
@LANG_OPTION
def report_annual(site: Path, org: str, year: int, init_file: bool, lang: str) -> None:
    """Create or refresh the 政府信息公开工作年度报告 page of ORG for YEAR (--init: its data file)."""
    from govsite.annual.command import ReportError, create_or_refresh, init_data

    try:
        if init_file:
            rel = init_data(site, org, year)
            click.echo(in_lang(lang, f"已创建 {rel}（表三“上年结转”取自 {year - 1} 年报告的“结转下年度”（没有则为 0），其余单元格为 0；"
                                f"请填写后运行 govsite report annual --org {org} --year {year}）",
                          f"created {rel} (table 3 上年结转 carried from {year - 1}'s 结转下年度, 0 without it; every other "
                          f"cell 0; fill it in, then run govsite report annual --org {org} --year {year})"))
            return
        result = create_or_refresh(site, org, year)
    except ReportError as exc:
        raise click.ClickException(str(exc)) from None
    for path in result.created:
        click.echo(in_lang(lang, f"已创建 {path}", f"created {path}"))
    for path in result.changed:
        if path not in result.created:
            click.echo(in_lang(lang, f"已更新 {path}", f"updated {path}"))
    for label, (issued, repealed, valid) in result.table2.items():
        click.echo(in_lang(lang, f"表二 {label}：本年制发 {issued}，本年废止 {repealed}，现行有效 {valid}",
                      f"table 2 {label}: issued {issued}, repealed {repealed}, valid {valid}"))
    for p in result.problems:
        click.echo(p.format(lang))
    if any(p.severity.value == "error" for p in result.problems):
        sys.exit(1)
    if not result.problems:
        click.echo(in_lang(lang, "检查通过：报告数据符合勾稽关系，报告页面完整。",
                      "Check passed: the report's numbers are consistent and its page is complete."))
