"""``feeds/portal.xml``: the members' newest items in one Atom feed (平台订阅源), each
entry linking to the member's own page, written by the feeds' Atom writer
(:func:`govsite.feeds.atom.write_feed`) so that it is escaped and dated as every other
feed of govsite."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from govsite.base.urls import absolute_url
from govsite.feeds.atom import write_feed
from govsite.feeds.catalog import Feed
from govsite.feeds.entries import Entry
from govsite.model.site_model import SiteModel
from govsite.portal import views
from govsite.render.plan import PageSpec


@dataclass(frozen=True)
class PortalFeed(Feed):
    """The feeds' :class:`Feed` at the portal's own path."""

    @property
    def path(self) -> str:
        return views.FEED_PATH


def render_feed(model: SiteModel, spec: PageSpec) -> bytes:
    portal = model.portal
    base = model.config.base_url
    feed = PortalFeed("portal", "", f"{portal.config.title}：最新信息", "各成员网站最新发布的政府信息", "平台最新信息",
                views.LATEST_PATH, model.config.name, views.LATEST_PATH)
    entries = []
    for member, item in portal.latest(portal.config.latest):
        parts = urlsplit(item.url)
        entries.append(Entry(
            id=f"tag:{parts.hostname},{item.publish_date.year}:{parts.path}",
            title=item.title, link=item.url, published=item.publish_date, updated=item.publish_date,
            summary=f"{member.name} · {item.org}", author=item.org, author_page="", categories=()))

    def link(path: str) -> str:  # an entry's link is the member's absolute URL; the portal's own paths are made absolute
        return path if "://" in path else absolute_url(base, path)

    return write_feed(feed, entries, link, model.config.language)
