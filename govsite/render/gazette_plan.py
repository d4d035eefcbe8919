"""Pages of the gazette archive and what each depends on."""
from __future__ import annotations

from typing import Iterator

from govsite.model.gazette_model import GAZETTE_PATH, Article, GazetteModel, Issue
from govsite.base.digests import sha1
from govsite.render.digests import Digests
from govsite.render.plan import PageSpec


def issue_row(issue: Issue) -> str:
    """What a listing of issues shows of one issue."""
    pdf = issue.pdf
    return sha1(issue.label, issue.fm.date, issue.fm.cumulative_number, issue.fm.volume, issue.url,
                pdf.sha256 if pdf else "", pdf.size if pdf else "", len(issue.articles), issue.fm.scan_only)


def article_row(article: Article) -> str:
    """What a table of contents shows of one article."""
    fm = article.fm
    title = fm.title
    return sha1(title, fm.doc_no, fm.pages, fm.section, article.number, article.scan_only)


def plan(model, d: Digests) -> Iterator[PageSpec]:  # type: ignore[no-untyped-def]
    """Feature entry point (see :mod:`govsite.render.registry`)."""
    if model.gazette is not None:
        yield from plan_gazette(model.gazette, d)


def plan_gazette(gazette: GazetteModel, d: Digests) -> Iterator[PageSpec]:
    base = sha1(d.site, gazette.config.model_dump_json())
    all_rows = sha1(*(issue_row(i) for i in gazette.issues))
    yield PageSpec(f"{GAZETTE_PATH}/index.html", "gazette_home.html", "gazette_home", (),
                   sha1(base, all_rows, *(article_row(a) for a in (gazette.latest.articles if gazette.latest else []))))
    yield PageSpec(f"{GAZETTE_PATH}/coverage.html", "gazette_coverage.html", "gazette_coverage", (),
                   sha1(base, all_rows, repr(gazette.coverage)))
    for year, issues in sorted(gazette.by_year().items()):
        yield PageSpec(f"{GAZETTE_PATH}/{year}/index.html", "gazette_year.html", "gazette_year", (year,),
                       sha1(base, *(issue_row(i) for i in issues)))
    for issue in gazette.issues:
        neighbours = sha1(*(issue_row(i) for i in (issue.prev, issue.next) if i))
        toc = sha1(*(article_row(a) for a in issue.articles))
        yield PageSpec(issue.url, "gazette_issue.html", "gazette_issue", (issue.fm.year, issue.slug),
                       sha1(base, issue_row(issue), neighbours, toc, issue.fm.model_dump_json()))
        for art in issue.articles:
            item = art.item
            item_deps = sha1(d.item_page(item)) if item else ""
            yield PageSpec(art.url, "gazette_article.html", "gazette_article", (issue.fm.year, issue.slug, art.number),
                           sha1(base, issue_row(issue), art.digest, item_deps))


def __getattr__(name: str):  # CONTEXTS is built lazily: the context module imports this one
    if name == "CONTEXTS":
        from govsite.render.context import base_context
        from govsite.render.gazette_context import build_gazette_contexts

        return build_gazette_contexts(base_context)
    raise AttributeError(name)
