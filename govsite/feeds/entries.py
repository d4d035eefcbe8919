"""Feed entries: what a feed shows of an item or a gazette issue, and the
digest of exactly that (so a feed is rewritten only when one of its entries
changes)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

from govsite.content.reader import read_body
from govsite.markdown import render_markdown
from govsite.dates import BEIJING
from govsite.model.gazette_model import GAZETTE_PATH, Issue
from govsite.model.item import DisclosureMode
from govsite.model.linked import Item
from govsite.model.site_model import SiteModel
from govsite.base.digests import sha1
from govsite.render.gazette_plan import article_row, issue_row

EXCERPT_CHARS = 160
"""Length of the plain-text excerpt used when an item has no 内容概述."""


@dataclass(frozen=True)
class Category:
    term: str
    scheme: str
    """Output path of the page that explains the scheme (the column tree, the theme index)."""
    label: str


@dataclass(frozen=True)
class Entry:
    """One entry, independent of the XML that carries it."""

    id: str
    title: str
    link: str
    """Output path of the page."""
    published: datetime
    updated: datetime
    summary: str
    author: str
    author_page: str
    categories: tuple[Category, ...]


def tag_uri(model: SiteModel, year: int, path: str) -> str:
    """A permanent ``tag:`` id (RFC 4151) under the site's host and base path."""
    parts = urlsplit(model.config.base_url)
    return f"tag:{parts.hostname},{year}:{quote(parts.path + path, safe='/-._~')}"


def _has_own_summary(item: Item) -> bool:
    return bool(item.fm.summary.strip())


def _shows_body(item: Item) -> bool:
    """依申请公开 items publish no body, so a feed must not show an excerpt of it."""
    return item.fm.disclosure_mode is DisclosureMode.PROACTIVE


def entry_shows_body(item: Item) -> bool:
    """Whether the item's feed entry shows an excerpt of its body (no 内容概述 of its own)."""
    return not _has_own_summary(item) and _shows_body(item)


def item_entry_digest(item: Item) -> str:
    """Everything an item's entry shows; the file digest only when the excerpt comes from the body."""
    fm = item.fm
    body = item.digest if entry_shows_body(item) else ""
    return sha1(fm.index_no, fm.title, item.url, fm.publish_date.isoformat(), fm.summary, fm.issuer,
                ",".join(fm.columns), item.theme_code, fm.disclosure_mode.value, body)


_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li dt dd td th tr caption blockquote pre div figcaption".split())


class _Text(HTMLParser):
    """Collects the text of rendered HTML, one space between blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCKS:
            self.parts.append(" ")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "hr"):
            self.parts.append(" ")


def plain_excerpt(html: str, limit: int = EXCERPT_CHARS) -> str:
    """The first ``limit`` characters of the text of ``html``, whitespace collapsed, … when cut."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    text = re.sub(r"\s+", " ", "".join(parser.parts)).strip()
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


@lru_cache(maxsize=4096)
def _body_excerpt(path: str, digest: str, allow_html: bool) -> str:
    """Excerpt of an item's body; keyed by the file digest so an edit is seen."""
    with open(path, "rb") as fh:
        body, _line = read_body(fh.read())
    return plain_excerpt(render_markdown(body, allow_html).html)


def item_summary(model: SiteModel, item: Item) -> str:
    """内容概述, else a plain-text excerpt of the published body, else the title."""
    if _has_own_summary(item):
        return item.fm.summary.strip()
    if _shows_body(item):
        excerpt = _body_excerpt(str(model.root / item.source), item.digest, model.config.options.allow_html)
        if excerpt:
            return excerpt
    return item.fm.title


def item_entry(model: SiteModel, item: Item) -> Entry:
    fm = item.fm
    sec = model.config.section_path
    when = fm.publish_date.astimezone(BEIJING)
    categories = [Category(c, f"{sec}/index.html", model.columns[c].title) for c in fm.columns]
    if item.theme_code:
        categories.append(Category(item.theme_code, f"{sec}/theme/index.html",
                                   model.taxonomy.theme_label(item.theme_code)))
    return Entry(tag_uri(model, when.year, f"items/{fm.index_no}"), fm.title, item.url, when, when,
                 item_summary(model, item), item.org.name, f"{sec}/{item.org.id}/index.html", tuple(categories))


def issue_entry_digest(issue: Issue) -> str:
    """Everything an issue's entry shows: its row and its articles' titles."""
    return sha1(issue_row(issue), *(article_row(a) for a in issue.articles))


def issue_summary(issue: Issue) -> str:
    titles = [a.fm.title for a in issue.articles]
    if not titles:
        return f"{issue.label}（暂无目录）"
    return f"{issue.label}，共{len(titles)}篇：" + "；".join(titles)


def issue_entry(model: SiteModel, issue: Issue) -> Entry:
    gazette = model.gazette
    assert gazette is not None
    when = datetime(issue.fm.date.year, issue.fm.date.month, issue.fm.date.day, tzinfo=BEIJING)
    publisher = gazette.publisher
    author = publisher.name if publisher else gazette.config.name
    author_page = f"{model.config.section_path}/{publisher.id}/index.html" if publisher else ""
    return Entry(tag_uri(model, issue.fm.year, f"gazette/{issue.fm.year}/{issue.slug}"),
                 f"{gazette.config.name} {issue.label}", issue.url, when, when, issue_summary(issue), author,
                 author_page, (Category(GAZETTE_PATH, f"{GAZETTE_PATH}/index.html", "政府公报"),))
