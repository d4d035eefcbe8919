"""``govsite import …`` (导入): items from legacy CMS exports, gazette issues from JSON
or from a full-issue PDF. All is checked first; on any error nothing is written."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from govsite.cli_common import LANG_OPTION, SITE_OPTION


@click.group("import")
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
