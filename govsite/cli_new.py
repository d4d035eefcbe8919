"""``govsite init``, ``govsite new …`` and ``govsite list`` (新建与查询): commands that make
a site or a content file, and the one that lists the codes a file may use."""
from __future__ import annotations

from pathlib import Path

import click

from govsite.cli_common import LANG_OPTION, SITE_OPTION, in_lang


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default="示例县人民政府", show_default=True, help="Site name.")
@click.option("--ci", type=click.Choice(["gitlab", "github", "gitee"]), default=None,
              help="Also write a CI pipeline: check, build, publish, daily rebuild (govsite ci-template).")
@LANG_OPTION
def init(directory: Path, name: str, ci: str | None, lang: str) -> None:
    """Create a new minimal site in DIRECTORY that builds at once."""
    from govsite.scaffold_site import create_site

    try:
        created = create_site(directory, name)
    except FileExistsError as exc:
        raise click.ClickException(in_lang(lang, f"{exc}（目录非空）", f"{exc} (directory not empty)")) from None
    for path in created:
        click.echo(in_lang(lang, f"已创建 {path}", f"created {path}"))
    if ci is not None:
        from govsite.publish.ci import write_pipeline
        from govsite.publish.command import echo_pipelines

        echo_pipelines(write_pipeline(directory, ci, root=directory), ci, lang)
    click.echo(in_lang(lang, f"下一步：govsite check --site {directory}（检查要填写的占位值），然后 govsite build --site {directory}",
                  f"next: govsite check --site {directory} (the placeholders to fill in), then govsite build --site {directory}"))


@click.group()
def new() -> None:
    """Create new content files."""


@new.command("item")
@SITE_OPTION
@click.option("--org", required=True, help="Issuing organization: id or name (发布机构, e.g. xzfb or 示例县人民政府办公室).")
@click.option("--column", "column", required=True, help="Column: id or name (栏目, e.g. gfxwj or 行政法规、规章和规范性文件).")
@click.option("--title", required=True, help="Title (标题).")
@click.option("--date", "publish_date", default=None, help="发布日期 YYYY-MM-DD (default: today).")
@LANG_OPTION
def new_item(site: Path, org: str, column: str, title: str, publish_date: str | None, lang: str) -> None:
    """Create an item file with complete front matter and a new 索引号."""
    from govsite.newitem import NewItemError, create_item

    try:
        path, index_no = create_item(site, org, column, title, publish_date)
    except NewItemError as exc:
        raise click.ClickException(exc.message(lang)) from None
    click.echo(in_lang(lang, f"已创建 {path}（索引号 {index_no}）", f"created {path} (index number {index_no})"))


@new.command("interpretation")
@SITE_OPTION
@click.option("--policy", "policy", required=True, help="索引号 of the policy it interprets (被解读的文件).")
@click.option("--org", default=None, help="Issuing organization id (default: the policy's issuer).")
@click.option("--column", "column", default=None, help="Column id (default: the interpretation column, 政策解读).")
@click.option("--title", default=None, help="Title (default: 《policy title》政策解读).")
@click.option("--date", "publish_date", default=None, help="发布日期 YYYY-MM-DD (default: today).")
@LANG_OPTION
def new_interpretation(site: Path, policy: str, org: str | None, column: str | None, title: str | None,
                       publish_date: str | None, lang: str) -> None:
    """Create a 政策解读 linked to its policy (the policy page lists it)."""
    from govsite.new.interpretation import create_interpretation
    from govsite.newitem import NewItemError

    try:
        path, index_no, policy_title = create_interpretation(site, policy, org, column, title, publish_date)
    except NewItemError as exc:
        raise click.ClickException(exc.message(lang)) from None
    click.echo(in_lang(lang, f"已创建 {path}（索引号 {index_no}），解读的文件：{policy_title}",
                  f"created {path} (index number {index_no}), interpreting {policy}"))


@new.command("gazette-issue")
@SITE_OPTION
@click.option("--year", type=int, required=True, help="Year of the issue (年份).")
@click.option("--number", type=int, required=True, help="Issue number within the year (期号).")
@click.option("--date", "issue_date", default=None, help="出版日期 YYYY-MM-DD (default: today).")
@click.option("--special", is_flag=True, help="A special edition (增刊): folder zkNN.")
@click.option("--item", "items", multiple=True, help="索引号 of a catalog item printed in the issue (repeatable).")
@click.option("--section", default=None, help="Section of those articles (default: 其他).")
@LANG_OPTION
def new_gazette_issue(site: Path, year: int, number: int, issue_date: str | None, special: bool,
                      items: tuple[str, ...], section: str | None, lang: str) -> None:
    """Create a gazette issue folder with its issue.yaml (and articles for --item)."""
    from govsite.new.gazette_issue import create_issue
    from govsite.newitem import NewItemError

    try:
        written = create_issue(site, year, number, issue_date, special, items, section)
    except NewItemError as exc:
        raise click.ClickException(exc.message(lang)) from None
    for path in written:
        click.echo(in_lang(lang, f"已创建 {path}", f"created {path}"))


@new.command("catalog-row")
@SITE_OPTION
@click.option("--catalog", "catalog_id", required=True, help="Standard catalog id (标准目录).")
@click.option("--stage", default=None, help="过程: 决策/执行/管理/服务/结果.")
@click.option("--item-l1", required=True, help="公开事项·一级事项.")
@click.option("--item-l2", required=True, help="公开事项·二级事项.")
@click.option("--content", "content_text", required=True, help="公开内容（要素）.")
@click.option("--basis", required=True, help="公开依据.")
@click.option("--time-limit", required=True, help="公开时限.")
@click.option("--subject", default=None, help="公开主体 (default: the catalog owner's name).")
@click.option("--channel", "channels", multiple=True, required=True, help="公开渠道和载体 (repeatable).")
@click.option("--channels-other", default="", help="Text after 其他.")
@click.option("--audience", multiple=True, default=("全社会",), show_default=True, help="公开对象 (repeatable).")
@click.option("--mode", multiple=True, default=("主动",), show_default=True, help="公开方式 (repeatable).")
@click.option("--level", multiple=True, help="公开层级 (repeatable, from the catalog's levels).")
@LANG_OPTION
def new_catalog_row(site: Path, catalog_id: str, stage: str | None, item_l1: str, item_l2: str, content_text: str,
                    basis: str, time_limit: str, subject: str | None, channels: tuple[str, ...], channels_other: str,
                    audience: tuple[str, ...], mode: tuple[str, ...], level: tuple[str, ...], lang: str) -> None:
    """Append a row with the next 序号 to a standard catalog file."""
    from govsite.new.catalog_row import append_row
    from govsite.newitem import NewItemError

    row = {"stage": stage, "item_l1": item_l1, "item_l2": item_l2, "content": content_text, "basis": basis,
           "time_limit": time_limit, "subject": subject, "channels": list(channels), "channels_other": channels_other,
           "audience": list(audience), "mode": list(mode), "level": list(level)}
    try:
        src, seq = append_row(site, catalog_id, row)
    except NewItemError as exc:
        raise click.ClickException(exc.message(lang)) from None
    click.echo(in_lang(lang, f"已在 {src} 追加第 {seq} 行", f"appended row {seq} to {src}"))


@click.command("list")
@SITE_OPTION
@click.argument("kind", type=click.Choice(["columns", "themes", "orgs", "genres"]))
@LANG_OPTION
def list_codes(site: Path, kind: str, lang: str) -> None:
    """List the codes with their names: columns (栏目), themes (主题分类, two levels),
    orgs (发布机构) or genres (体裁)."""
    from govsite.lists import list_lines

    try:
        lines = list_lines(site, kind)
    except ValueError:
        raise click.ClickException(in_lang(lang, f"{site} 中没有可读的 site.yaml，请先运行 govsite init 或 govsite check",
                                      f"no readable site.yaml in {site}; run govsite init or govsite check")) from None
    for line in lines:
        click.echo(line)
