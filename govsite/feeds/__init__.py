"""Atom feeds and the 订阅 page (a feature module, see :mod:`govsite.render.registry`).

Outputs: ``feeds/latest.xml``, ``feeds/org/<id>.xml``, ``feeds/column/<id>.xml``,
``feeds/theme/<code>.xml``, ``feeds/gazette.xml`` and ``subscribe/index.html``.
A feed's digest covers exactly the entries it shows (at most
:data:`govsite.feeds.catalog.FEED_SIZE`, newest first) plus the site digest
(names, titles, ``base_url``), so adding an item rewrites only the feeds that
list it.
"""
from __future__ import annotations

from typing import Any, Iterator

from govsite.feeds.atom import write_feed
from govsite.feeds import catalog
from govsite.feeds.catalog import GROUPS, Feed, feed_issues, feed_items, make_feed, site_feeds
from govsite.feeds.entries import issue_entry, issue_entry_digest, item_entry, item_entry_digest
from govsite.model.site_model import SiteModel
from govsite.base.digests import sha1
from govsite.render.digests import Digests
from govsite.render.plan import PageSpec
from govsite.base.urls import absolute_url

FORMAT = "atom-1"
"""Part of every feed's digest: change it when the XML the renderer writes changes."""

SUBSCRIBE_PATH = "subscribe/index.html"


def feed_digest(model: SiteModel, d: Digests, feed: Feed) -> str:
    """The inputs of one feed: the site digest and each entry it shows."""
    if feed.kind == "gazette":
        assert model.gazette is not None
        shown = [issue_entry_digest(i) for i in feed_issues(model)]
        return sha1(FORMAT, d.site, model.gazette.config.model_dump_json(), *shown)
    return sha1(FORMAT, d.site, feed.kind, feed.key, *(item_entry_digest(it) for it in feed_items(model, feed)))


def plan(model: SiteModel, d: Digests) -> Iterator[PageSpec]:
    """Every feed, then the 订阅 page (which lists which feeds exist)."""
    feeds = site_feeds(model)
    for feed in feeds:
        yield PageSpec(feed.path, "", "feed", (feed.kind, feed.key), feed_digest(model, d, feed))
    yield PageSpec(SUBSCRIBE_PATH, "subscribe.html", "subscribe", (),
                   sha1(d.site, catalog.FEED_SIZE, *(f.path for f in feeds)))


def render_feed(model: SiteModel, spec: PageSpec) -> bytes:
    kind, key = spec.args
    feed = make_feed(model, kind, key)
    if kind == "gazette":
        entries = [issue_entry(model, issue) for issue in feed_issues(model)]
    else:
        entries = [item_entry(model, item) for item in feed_items(model, feed)]
    base_url = model.config.base_url
    return write_feed(feed, entries, lambda path: absolute_url(base_url, path), model.config.language)


def ctx_subscribe(model: SiteModel, spec: PageSpec) -> dict[str, Any]:
    from govsite.render.context import base_context

    feeds = site_feeds(model)
    groups = [(label, [f for f in feeds if f.kind == kind]) for kind, label in GROUPS]
    return base_context(model, spec, "订阅", [("订阅", spec.path)],
                        feed_groups=[(label, fs) for label, fs in groups if fs], feed_size=catalog.FEED_SIZE)


RENDERERS = {"feed": render_feed}
CONTEXTS = {"subscribe": ctx_subscribe}
