"""The ``govsite`` command line."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NoReturn

import click

from govsite import __version__
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


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def _waiting_notice(lang: str) -> Callable[[Path], None]:
    """What a build says once when it must wait for another build's lock."""
    def notice(lock: Path) -> None:
        click.echo(_t(lang, f"另一个构建正在进行（{lock}），等待其完成……",
                      f"Another build is running ({lock}); waiting for it to finish…"), err=True)
    return notice


def _refuse_output(exc: OutputRefused, lang: str) -> NoReturn:
    """An unsafe --out: one line, exit 2 (a usage error), nothing touched."""
    click.echo(_t(lang, f"错误：{exc.message('zh')}。未读取或写入任何文件。",
                  f"Error: {exc.message('en')}. Nothing was read or written."), err=True)
    sys.exit(2)


def _inspection_notice(out: Path, lang: str) -> None:
    """After a good build: how many problems ``govsite check`` reports (the inspection rules:
    stale columns, deadlines, links, personal data …) and how to see them."""
    from govsite.inspect.page import report_counts
    from govsite.inspect.report_files import report_page

    out = out.resolve()  # as the build does: the report sits beside the output folder itself
    counts = report_counts(out)
    if counts is None or counts == (0, 0):
        return
    errors, warnings = counts
    click.echo(_t(lang, f"巡检：govsite check 会报告 {errors} 个错误、{warnings} 个警告（构建时的校验问题加上栏目更新、时限、链接等巡检规则）；运行 govsite check 查看，"
                        f"或打开 {report_page(out)}（内部页面，在输出目录之外，不会随 output/ 发布）",
                  f"Inspection: govsite check reports {errors} error(s) and {warnings} warning(s) (the build's validation plus the inspection rules: stale columns, deadlines, links …); run govsite check "
                  f"to see them, or open {report_page(out)} (internal, kept outside the output folder so that it is "
                  "never published with it)"))


def print_problems(problems: ProblemLog, lang: str, stream=None) -> None:
    stream = stream or sys.stderr
    for p in problems.items:
        click.echo(p.format(lang), file=stream)
    if problems.items:
        click.echo(
            _t(lang, f"共 {len(problems.errors)} 个错误，{len(problems.warnings)} 个警告",
               f"{len(problems.errors)} error(s), {len(problems.warnings)} warning(s)"),
            file=stream,
        )


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


@main.command()
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
                               force_out=force_out, waiting=_waiting_notice(lang))
    except OutputRefused as exc:
        _refuse_output(exc, lang)
    print_problems(result.problems, lang)
    if not result.ok:
        target = out or site / "output"
        if target.is_dir():
            click.echo(_t(lang, f"构建失败：未写入任何文件，原有的 {target} 保持不变。",
                          f"Build failed: nothing was written; the previous {target} is unchanged."), err=True)
        else:
            click.echo(_t(lang, f"构建失败：未写入任何文件（{target} 尚不存在）。",
                          f"Build failed: nothing was written ({target} does not exist yet)."), err=True)
        sys.exit(1)
    _inspection_notice(out or site / "output", lang)
    click.echo(
        _t(lang,
           f"完成：写入 {result.written} 个文件，跳过 {result.unchanged} 个未变更文件，删除 {result.deleted} 个，用时 {result.seconds:.2f} 秒",
           f"Done: {result.written} written, {result.unchanged} unchanged, {result.deleted} deleted in {result.seconds:.2f}s")
    )


@main.command()
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
    from govsite.pipeline.build import check_site
    from govsite.cli_check import run_check

    if no_inspect:
        problems = check_site(site)
        if fmt == "json":
            click.echo(problems.to_json(lang))
        else:
            print_problems(problems, lang, stream=sys.stdout)
            if not problems.items:
                click.echo(_t(lang, "检查通过：未发现问题。", "Check passed: no problems found."))
    else:
        problems = run_check(site, fmt, lang, since, strict)
    if problems.errors or (strict and problems.warnings):
        sys.exit(1)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", default="示例县人民政府", show_default=True, help="Site name.")
@LANG_OPTION
def init(directory: Path, name: str, lang: str) -> None:
    """Create a new minimal site in DIRECTORY that builds at once."""
    from govsite.scaffold_site import create_site

    try:
        created = create_site(directory, name)
    except FileExistsError as exc:
        raise click.ClickException(_t(lang, f"{exc}（目录非空）", f"{exc} (directory not empty)")) from None
    for path in created:
        click.echo(_t(lang, f"已创建 {path}", f"created {path}"))
    click.echo(_t(lang, f"下一步：govsite check --site {directory}（检查要填写的占位值），然后 govsite build --site {directory}",
                  f"next: govsite check --site {directory} (the placeholders to fill in), then govsite build --site {directory}"))


@main.group()
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
    click.echo(_t(lang, f"已创建 {path}（索引号 {index_no}）", f"created {path} (index number {index_no})"))


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
    click.echo(_t(lang, f"已创建 {path}（索引号 {index_no}），解读的文件：{policy_title}",
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
        click.echo(_t(lang, f"已创建 {path}", f"created {path}"))


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
    click.echo(_t(lang, f"已在 {src} 追加第 {seq} 行", f"appended row {seq} to {src}"))


@main.group()
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
            click.echo(_t(lang, f"已创建 {rel}（表三“上年结转”取自 {year - 1} 年报告的“结转下年度”（没有则为 0），其余单元格为 0；"
                                f"请填写后运行 govsite report annual --org {org} --year {year}）",
                          f"created {rel} (table 3 上年结转 carried from {year - 1}'s 结转下年度, 0 without it; every other "
                          f"cell 0; fill it in, then run govsite report annual --org {org} --year {year})"))
            return
        result = create_or_refresh(site, org, year)
    except ReportError as exc:
        raise click.ClickException(str(exc)) from None
    for path in result.created:
        click.echo(_t(lang, f"已创建 {path}", f"created {path}"))
    for path in result.changed:
        if path not in result.created:
            click.echo(_t(lang, f"已更新 {path}", f"updated {path}"))
    for label, (issued, repealed, valid) in result.table2.items():
        click.echo(_t(lang, f"表二 {label}：本年制发 {issued}，本年废止 {repealed}，现行有效 {valid}",
                      f"table 2 {label}: issued {issued}, repealed {repealed}, valid {valid}"))
    for p in result.problems:
        click.echo(p.format(lang))
    if any(p.severity.value == "error" for p in result.problems):
        sys.exit(1)
    if not result.problems:
        click.echo(_t(lang, "检查通过：报告数据符合勾稽关系，报告页面完整。",
                      "Check passed: the report's numbers are consistent and its page is complete."))


@main.command("list")
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
        raise click.ClickException(_t(lang, f"{site} 中没有可读的 site.yaml，请先运行 govsite init 或 govsite check",
                                      f"no readable site.yaml in {site}; run govsite init or govsite check")) from None
    for line in lines:
        click.echo(line)


@main.group("import")
def import_group() -> None:
    """Import content from legacy CMS exports."""


@import_group.command("items")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@SITE_OPTION
@click.option("--org-default", default=None, help="Organization id for records without an issuer.")
@click.option("--column-default", default=None,
              help="Column (id or name) for records without a column that no column rule places; "
                   "overrides import_defaults.column in site.yaml.")
@click.option("--create-orgs", is_flag=True, default=False,
              help="Create organizations for unknown issuers (else each unknown issuer is an error).")
@LANG_OPTION
def import_items(file: Path, site: Path, org_default: str | None, column_default: str | None, create_orgs: bool,
                 lang: str) -> None:
    """Import items from CSV (UTF-8, BOM optional) or JSON Lines.

    Records without a column are placed by the column rules of docs/content.md."""
    from govsite.importer.run import run_import

    ok = run_import(site, file, org_default=org_default, column_default=column_default, lang=lang,
                    create_orgs=create_orgs)
    if not ok:
        sys.exit(1)


@import_group.command("gazette")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, exists=True, path_type=Path))
@SITE_OPTION
@LANG_OPTION
def import_gazette(files: tuple[Path, ...], site: Path, lang: str) -> None:
    """Import gazette issues (政府公报), one JSON file per issue.

    Each file holds {"gazette", "year", "number", "date", "volume", "cumulative_number",
    "pdf", "special", "sections": [{"title", "articles": [{"title", "doc_no", "issuer",
    "written_date", "genre", "keywords", "pages", "body_html", "body_md"}]}]}; see
    govsite/importer/gazette_json.py. All files are checked first; on any error nothing
    is written. Issues already imported from the same file are left unchanged.
    """
    from govsite.importer.gazette_run import run_gazette_import

    if not run_gazette_import(site, list(files), lang=lang):
        sys.exit(1)


@import_group.command("gazette-pdf")
@click.argument("pdf", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--year", type=int, required=True, help="Year of the issue (年份).")
@click.option("--number", type=int, required=True, help="Issue number within the year (期号).")
@click.option("--date", "issue_date", default=None,
              help="出版日期 YYYY-MM-DD (default: the PDF's creation date).")
@click.option("--special", is_flag=True, help="A special edition (增刊): folder zkNN.")
@SITE_OPTION
@LANG_OPTION
def import_gazette_pdf(pdf: Path, year: int, number: int, issue_date: str | None, special: bool, site: Path,
                       lang: str) -> None:
    """Make a gazette issue from its full-issue PDF.

    With a text layer the issue gets one searchable full-text article (section 其他);
    a scan without text becomes a scan-only issue.
    """
    from govsite.importer.gazette_run import run_gazette_pdf_import

    if not run_gazette_pdf_import(site, pdf, year, number, issue_date, special, lang=lang):
        sys.exit(1)


@main.command()
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
            _inspection_notice(out or site / "output", lang)
            click.echo(_t(lang, f"构建：写入 {result.written} 个文件，删除 {result.deleted} 个，用时 {result.seconds:.2f} 秒",
                          f"Built: {result.written} written, {result.deleted} deleted in {result.seconds:.2f}s"))
        else:
            click.echo(_t(lang, "构建失败：浏览器显示错误页，原有 output/ 保持不变。",
                          "Build failed: the browser shows the errors; the previous output is unchanged."), err=True)

    try:
        run(site, out or site / "output", port, lang, report, force_out=force_out, waiting=_waiting_notice(lang))
    except OutputRefused as exc:  # checked before the server makes the folder or builds into it
        _refuse_output(exc, lang)


_HARD_EXIT = {"build", "check"}
"""Commands after which the process ends without tearing the interpreter down."""


def run() -> None:
    """Console entry point (``govsite``, ``python -m govsite.cli``).

    After ``build`` and ``check`` the process exits at once, like mypy's
    ``hard_exit``: freeing a model of 10,000 items object by object and the
    interpreter's final collection take ≈ 0.2 s and have nothing left to do
    (files are written and closed, streams are flushed here). Other commands,
    such as ``serve`` with its threads, end normally, and so does any command under
    a profiler, coverage or a debugger. Tests call :func:`main`."""
    try:
        main()
    except SystemExit as exc:
        if not (len(sys.argv) > 1 and _HARD_EXIT.intersection(sys.argv[1:2])):
            raise
        if sys.getprofile() is not None or sys.gettrace() is not None:
            raise  # a profiler, coverage or a debugger writes its results at exit
        code = exc.code
        if isinstance(code, str):
            print(code, file=sys.stderr)
            code = 1
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:  # a closed pipe (govsite build | head): nothing more can be said
            code = code or 1
        os._exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    run()
