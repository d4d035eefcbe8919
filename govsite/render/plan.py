"""Phase 3 of a build: decide every output page and what it depends on.

Each :class:`PageSpec` names its output path, template, the kind of context it
needs and the digest of its inputs. The plan is cheap to compute, so a no-change
rebuild compares digests and renders nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

from govsite.model.linked import Item
from govsite.model.site_model import SiteModel
from govsite.base.digests import sha1
from govsite.render.digests import Digests


@dataclass(frozen=True, slots=True)
class PageSpec:
    """One output page to render (slotted: a build plans one per page, 125,000 at
    100,000 items, all held until the manifest is written)."""

    path: str
    """Output path relative to the site root, e.g. xxgk/gfxwj/index_2.html."""
    template: str
    """Jinja template; empty for outputs made by a feature renderer (XML, CSV…)."""
    kind: str
    """Context builder name (see :mod:`govsite.render.context`)."""
    args: tuple
    """Arguments for the context builder: ids and page numbers only."""
    deps: str
    """Digest of the data inputs (templates are added by the planner)."""


def paged_path(base: str, page: int) -> str:
    """``xxgk/gfxwj/index.html`` → ``xxgk/gfxwj/index_2.html`` for page 2."""
    return base if page == 1 else base.replace("index.html", f"index_{page}.html")


def page_count(total: int, size: int) -> int:
    return max(1, -(-total // size))


def _listing(base: str, template: str, kind: str, key: object, items: Sequence[Item], size: int,
             extra: str, d: Digests) -> Iterator[PageSpec]:
    pages = page_count(len(items), size)
    for n in range(1, pages + 1):
        chunk = items[(n - 1) * size : n * size]
        yield PageSpec(paged_path(base, n), template, kind, (key, n), sha1(d.site, extra, pages, n, d.rows(chunk)), )


def plan_pages(model: SiteModel) -> list[PageSpec]:
    """Every page of the site, in a stable order."""
    d = Digests(model)
    cfg = model.config
    sec = cfg.section_path
    size = cfg.options.page_size
    specs: list[PageSpec] = []
    add = specs.append

    add(PageSpec("index.html", "home.html", "home", (), sha1(d.site, d.rows(model.items[: cfg.options.home_latest]))))
    counts = sha1(*(f"{k}:{len(v)}" for k, v in sorted(model.by_column.items())),
                  *(f"{k}:{len(v)}" for k, v in sorted(model.by_org.items())))
    add(PageSpec(f"{sec}/index.html", "section.html", "section", (), sha1(d.site, counts)))
    add(PageSpec("404.html", "404.html", "notfound", (), d.site))

    for col_id in model.columns:
        items = model.by_column.get(col_id, [])
        page = model.column_pages.get(col_id)
        extra = sha1(page.digest if page else "", counts)
        specs.extend(_listing(f"{sec}/{col_id}/index.html", "column.html", "column", col_id, items, size, extra, d))

    for org_id in model.orgs:
        items = model.by_org.get(org_id, [])
        extra = sha1(*(f"{c}:{n}" for c, n in model.org_column_counts(org_id).items()))
        specs.extend(_listing(f"{sec}/{org_id}/index.html", "org.html", "org", org_id, items, size, extra, d))

    theme_counts = sha1(*(f"{k}:{len(v)}" for k, v in sorted(model.by_theme.items())))
    add(PageSpec(f"{sec}/theme/index.html", "theme_index.html", "theme_index", (), sha1(d.site, theme_counts)))
    for code, items in sorted(model.by_theme.items(), key=lambda kv: int(kv[0])):
        specs.extend(_listing(f"{sec}/theme/{code}/index.html", "listing.html", "theme", code, items, size, "", d))

    year_counts = sha1(*(f"{k}:{len(v)}" for k, v in sorted(model.by_year.items())))
    add(PageSpec(f"{sec}/year/index.html", "year_index.html", "year_index", (), sha1(d.site, year_counts)))
    for year, items in sorted(model.by_year.items(), reverse=True):
        specs.extend(_listing(f"{sec}/year/{year}/index.html", "listing.html", "year", year, items, size, "", d))

    if model.catalogs:
        add(PageSpec(f"{sec}/catalog/index.html", "catalog_index.html", "catalog_index", (), d.site))
    for cat_id, catalog in model.catalogs.items():
        linked = [it for (cid, _seq), its in sorted(model.by_catalog_entry.items()) if cid == cat_id for it in its]
        add(PageSpec(f"{sec}/catalog/{cat_id}/index.html", "catalog.html", "catalog", (cat_id,),
                     sha1(d.site, catalog.model_dump_json(), d.rows(linked))))

    annual = model.annual.by_item if model.annual is not None else {}
    for item in model.items:
        if item.fm.index_no not in annual:  # a report page is planned by govsite.annual.plan
            add(PageSpec(item.url, "item.html", "item", (item.fm.index_no,), d.item_page(item)))

    for page in model.pages:
        if page.fm.column is None:
            add(PageSpec(page.url, "page.html", "page", (page.source,), sha1(d.site, page.digest)))

    from govsite.render.registry import features

    for feature in features():
        specs.extend(feature.plan(model, d))
    # Outputs that list the other pages (the sitemap) see the complete plan.
    for feature in features():
        plan_listing = getattr(feature, "plan_listing", None)
        if plan_listing is not None:
            specs.extend(plan_listing(model, d, tuple(specs)))
    return specs
