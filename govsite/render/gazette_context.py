"""Template contexts for the gazette pages."""
from __future__ import annotations

from typing import Any

from govsite.model.gazette_model import GAZETTE_PATH, STANDARD_TEXT_GENRES, GazetteModel, Issue
from govsite.model.site_model import SiteModel
from govsite.render.plan import PageSpec


def _gazette(model: SiteModel) -> GazetteModel:
    assert model.gazette is not None
    return model.gazette


def _crumbs(model: SiteModel, *more: tuple[str, str]) -> list[tuple[str, str]]:
    return [(_gazette(model).config.name, f"{GAZETTE_PATH}/index.html"), *more]


def _issue(model: SiteModel, year: int, slug: str) -> Issue:
    return _gazette(model).issue_at(year, slug)


def build_gazette_contexts(base) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Context builders, given the common ``_base(model, spec, title, crumbs, **extra)``."""

    def home(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
        g = _gazette(model)
        title = f"《{g.config.name}》"
        ctx = base(model, spec, title, [(g.config.name, spec.path)], gazette=g,
                   years=sorted(g.by_year().items(), reverse=True))
        ctx["meta"].update(ColumnName="政府公报", ColumnType="政府公报")
        return ctx

    def coverage(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
        g = _gazette(model)
        ctx = base(model, spec, "公报收录情况说明", _crumbs(model, ("收录情况", spec.path)), gazette=g,
                   cov=g.coverage, by_year=g.by_year())
        ctx["meta"].update(ColumnName="政府公报", ColumnType="政府公报")
        return ctx

    def year(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
        g = _gazette(model)
        y = spec.args[0]
        cov = next(c for c in g.coverage.years if c.year == y)
        ctx = base(model, spec, f"{g.config.name} {y}年", _crumbs(model, (f"{y}年", spec.path)), gazette=g,
                   year=y, issues=g.by_year()[y], year_cov=cov)
        ctx["meta"].update(ColumnName="政府公报", ColumnType="政府公报")
        return ctx

    def issue(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
        g = _gazette(model)
        iss = _issue(model, *spec.args)
        ctx = base(model, spec, f"{g.config.name} {iss.label}",
                   _crumbs(model, (f"{iss.fm.year}年", f"{GAZETTE_PATH}/{iss.fm.year}/index.html"), (iss.label, spec.path)),
                   gazette=g, issue=iss, toc=iss.sections(g.config))
        ctx["meta"].update(ColumnName="政府公报", ColumnType="政府公报")
        return ctx

    def article(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
        from govsite.render.context import _markdown_html

        g = _gazette(model)
        y, slug, n = spec.args
        iss = _issue(model, y, slug)
        art = next(a for a in iss.articles if a.number == n)
        if art.item is not None:
            body_html = _markdown_html(model, art.item.source)
        elif art.has_own_text:
            body_html = _markdown_html(model, art.source)
        else:
            body_html = ""
        ctx = base(model, spec, art.fm.title,
                   _crumbs(model, (f"{y}年", f"{GAZETTE_PATH}/{y}/index.html"), (iss.label, iss.url), (art.fm.title, spec.path)),
                   gazette=g, issue=iss, article=art, body_html=body_html,
                   standard_text=art.genre in STANDARD_TEXT_GENRES)
        ctx["meta"].update(ColumnName="政府公报", ColumnType="政府公报", ArticleTitle=art.fm.title,
                           PubDate=iss.fm.date, ContentSource=g.config.name,
                           Keywords=",".join(art.fm.keywords), Description=art.fm.title)
        return ctx

    return {"gazette_home": home, "gazette_coverage": coverage, "gazette_year": year,
            "gazette_issue": issue, "gazette_article": article}
