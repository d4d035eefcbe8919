"""Which Atom feeds a site has, where they live and what they are called.

A feed exists for the whole site (always), for every organization, column
(parent columns include their descendants' items, like the listings) and
first-level 主题分类 that has at least one item, and for the 政府公报 when the
site has one. The discovery links in ``partials/feed_links.html`` follow the
same rules and the same titles (``tests/feeds/test_discovery.py`` checks both).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from govsite.model.gazette_model import GAZETTE_PATH, Issue
from govsite.model.linked import Item
from govsite.model.site_model import SiteModel

FEED_SIZE = 50
"""Entries per feed: the newest ones."""

FEED_DIR = "feeds"

GROUPS: tuple[tuple[str, str], ...] = (
    ("latest", "全站"),
    ("org", "按机构"),
    ("column", "按栏目"),
    ("theme", "按主题"),
    ("gazette", "政府公报"),
)
"""Feed kinds in the order the 订阅 page groups them, with the group heading."""


@dataclass(frozen=True)
class Feed:
    """One feed: its identity and the text that describes it."""

    kind: str
    """latest, org, column, theme or gazette."""
    key: str
    """Organization id, column id or theme code; empty for latest and gazette."""
    title: str
    subtitle: str
    label: str
    """Short name on the 订阅 page, e.g. 政策文件 › 规范性文件."""
    alternate: str
    """Output path of the HTML page listing the same entries."""
    author: str
    author_page: str
    """Output path of the author's page ('' for none)."""

    @property
    def path(self) -> str:
        """Output path, e.g. feeds/column/gfxwj.xml."""
        if self.kind in ("latest", "gazette"):
            return f"{FEED_DIR}/{self.kind}.xml"
        return f"{FEED_DIR}/{self.kind}/{self.key}.xml"


def feed_path(kind: str, key: str = "") -> str:
    """Output path of a feed without building its description."""
    return Feed(kind, key, "", "", "", "", "", "").path


def _column_label(model: SiteModel, col_id: str) -> str:
    chain: list[str] = []
    current: str | None = col_id
    while current:
        chain.append(model.columns[current].title)
        current = model.column_parent.get(current)
    return " › ".join(reversed(chain))


def make_feed(model: SiteModel, kind: str, key: str = "") -> Feed:
    """The description of one feed (raises KeyError for an unknown key)."""
    cfg = model.config
    site, sec = cfg.name, cfg.section_path
    if kind == "latest":
        return Feed(kind, "", f"{site} 最新信息", f"{site}最新发布的政府信息", "全站最新信息", "index.html",
                    site, "index.html")
    if kind == "org":
        org = model.orgs[key]
        page = f"{sec}/{org.id}/index.html"
        return Feed(kind, key, f"{org.name} 公开信息", f"{org.name}主动公开的政府信息", org.name, page, org.name, page)
    if kind == "column":
        col = model.columns[key]
        return Feed(kind, key, f"{site} {col.title}", f"{site}政府信息公开“{col.title}”栏目（含下级栏目）的信息",
                    _column_label(model, key), f"{sec}/{key}/index.html", site, "index.html")
    if kind == "theme":
        theme, _parent = model.taxonomy.theme_by_code[key]
        return Feed(kind, key, f"{site} 主题分类：{theme.name}", f"主题分类为“{theme.name}”的政府信息",
                    theme.name, f"{sec}/theme/{key}/index.html", site, "index.html")
    if kind == "gazette":
        gazette = model.gazette
        if gazette is None:
            raise KeyError("gazette")
        name = gazette.config.name
        publisher = gazette.publisher
        author_page = f"{sec}/{publisher.id}/index.html" if publisher else ""
        return Feed(kind, "", name, gazette.config.description or f"《{name}》各期目录", name,
                    f"{GAZETTE_PATH}/index.html", publisher.name if publisher else name, author_page)
    raise KeyError(kind)


def site_feeds(model: SiteModel) -> list[Feed]:
    """Every feed of the site, in 订阅-page order."""
    return [make_feed(model, kind, key) for kind, key in _feed_keys(model)]


def _feed_keys(model: SiteModel) -> Iterator[tuple[str, str]]:
    yield "latest", ""
    for org_id in model.orgs:
        if model.by_org.get(org_id):
            yield "org", org_id
    for col_id in model.columns:
        if model.by_column.get(col_id):
            yield "column", col_id
    for code in sorted(model.by_theme, key=_code_key):
        yield "theme", code
    if model.gazette is not None:
        yield "gazette", ""


def _code_key(code: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in code.split("."))


def feed_items(model: SiteModel, feed: Feed) -> list[Item]:
    """The items a catalog feed shows, newest first (at most FEED_SIZE)."""
    source = {
        "latest": model.items,
        "org": model.by_org.get(feed.key, []),
        "column": model.by_column.get(feed.key, []),
        "theme": model.by_theme.get(feed.key, []),
    }[feed.kind]
    return source[:FEED_SIZE]


def feed_issues(model: SiteModel) -> list[Issue]:
    """The gazette issues the gazette feed shows, newest first (at most FEED_SIZE)."""
    gazette = model.gazette
    return list(reversed(gazette.issues))[:FEED_SIZE] if gazette else []
