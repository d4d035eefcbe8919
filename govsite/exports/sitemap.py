"""``sitemap.xml`` and ``robots.txt``: every HTML page with its absolute URL and
the newest content date it shows.

The URL list is taken from the build's own plan: the planner
(:func:`govsite.render.plan.plan_pages`) hands the complete list of planned
pages, those of every feature included, to ``plan_listing`` once all features
have planned. Redirect stubs and the 404 page are left out.

Above :data:`MAX_URLS` URLs (the protocol's limit) ``sitemap.xml`` becomes a
sitemap index pointing at ``sitemap-1.xml``, ``sitemap-2.xml``…
"""
from __future__ import annotations

import weakref
from typing import Iterable, Iterator
from xml.sax.saxutils import escape

from govsite.exports.lastmod import LastModified, w3c
from govsite.model.site_model import SiteModel
from govsite.base.digests import sha1
from govsite.render.digests import Digests
from govsite.render.plan import PageSpec
from govsite.base.urls import absolute_url

MAX_URLS = 50_000
"""URLs per sitemap file (sitemaps.org limit); above it sitemap.xml is an index."""
EXCLUDED_KINDS = frozenset({"notfound", "redirect"})
"""Page kinds never listed: the 404 page and redirect stubs."""
FORMAT = "sitemap-1"
"""Bumped when the output format changes, so every sitemap is rewritten."""
XMLNS = "http://www.sitemaps.org/schemas/sitemap/0.9"

SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"

Entry = tuple[str, str]
"""(absolute URL, W3C lastmod or "")."""

_last: tuple["weakref.ref[SiteModel] | None", list[Entry]] = (None, [])


def part_path(number: int) -> str:
    return f"sitemap-{number}.xml"


def sitemap_entries(model: SiteModel, specs: Iterable[PageSpec]) -> list[Entry]:
    """Listed pages in plan order: HTML outputs except the 404 page and redirect stubs."""
    lastmod = LastModified(model)
    base = model.config.base_url
    out: list[Entry] = []
    for spec in specs:
        if not spec.path.endswith(".html") or spec.kind in EXCLUDED_KINDS or spec.path == "404.html":
            continue
        stamp = lastmod(spec)
        out.append((absolute_url(base, spec.path), w3c(stamp) if stamp else ""))
    return out


def _entries(model: SiteModel) -> list[Entry]:
    """The entries computed while planning (inherited by forked render workers), else anew."""
    ref, found = _last
    if ref is None or ref() is not model:
        from govsite.render.plan import plan_pages

        plan_pages(model)  # calls plan_listing, which keeps the entries
        ref, found = _last
    return found


def _parts(entries: list[Entry]) -> list[list[Entry]]:
    return [entries[i : i + MAX_URLS] for i in range(0, len(entries), MAX_URLS)] or [[]]


def _entries_digest(entries: list[Entry]) -> str:
    return sha1(*(f"{loc} {mod}" for loc, mod in entries))


def plan(model: SiteModel, d: Digests) -> Iterator[PageSpec]:
    """Feature entry point: nothing until the whole site is planned (see :func:`plan_listing`)."""
    return iter(())


def plan_listing(model: SiteModel, d: Digests, specs: tuple[PageSpec, ...]) -> Iterator[PageSpec]:
    """robots.txt and the sitemap file(s), given every other planned page."""
    global _last
    entries = sitemap_entries(model, specs)
    _last = (weakref.ref(model), entries)
    base = model.config.base_url
    yield PageSpec(ROBOTS, "", "exports_robots", (), sha1(FORMAT, base))
    if len(entries) <= MAX_URLS:
        yield PageSpec(SITEMAP, "", "exports_sitemap", (0,), sha1(FORMAT, base, _entries_digest(entries)))
        return
    parts = _parts(entries)
    index = []
    for number, part in enumerate(parts, 1):
        yield PageSpec(part_path(number), "", "exports_sitemap", (number,), sha1(FORMAT, base, _entries_digest(part)))
        index.append(f"{number} {_part_lastmod(part)}")
    yield PageSpec(SITEMAP, "", "exports_sitemap_index", (), sha1(FORMAT, base, *index))


def _part_lastmod(part: list[Entry]) -> str:
    """The newest lastmod of a part. All stamps are written in +08:00, so the
    strings sort in time order (a whole day before any time of that day)."""
    return max((mod for _, mod in part if mod), default="")


def render_urlset(model: SiteModel, spec: PageSpec) -> str:
    entries = _entries(model)
    number = spec.args[0]
    chunk = entries if number == 0 else _parts(entries)[number - 1]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{XMLNS}">']
    for loc, mod in chunk:
        lastmod = f"<lastmod>{mod}</lastmod>" if mod else ""
        lines.append(f"<url><loc>{escape(loc)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def render_index(model: SiteModel, spec: PageSpec) -> str:
    base = model.config.base_url
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{XMLNS}">']
    for number, part in enumerate(_parts(_entries(model)), 1):
        mod = _part_lastmod(part)
        lastmod = f"<lastmod>{mod}</lastmod>" if mod else ""
        lines.append(f"<sitemap><loc>{escape(absolute_url(base, part_path(number)))}</loc>{lastmod}</sitemap>")
    lines.append("</sitemapindex>")
    return "\n".join(lines) + "\n"


def render_robots(model: SiteModel, spec: PageSpec) -> str:
    """Allow everything under the site's path and point at the sitemap."""
    cfg = model.config
    return (
        "User-agent: *\n"
        f"Allow: {cfg.base_path}\n"
        "\n"
        f"Sitemap: {absolute_url(cfg.base_url, SITEMAP)}\n"
    )


RENDERERS = {
    "exports_robots": render_robots,
    "exports_sitemap": render_urlset,
    "exports_sitemap_index": render_index,
}
