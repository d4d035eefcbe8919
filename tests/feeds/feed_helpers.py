"""Helpers for the feed tests: parse built feeds, map their URLs back to files."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from posixpath import dirname, normpath
from urllib.parse import unquote, urlsplit

import feedparser

from govsite.pipeline.build import BuildResult, build
from tests.conftest import SiteFolder


def build_ok(site: SiteFolder, **kwargs) -> BuildResult:  # type: ignore[no-untyped-def]
    result = build(site.root, **kwargs)
    assert result.ok, [p.format() for p in result.problems.items]
    return result


def feed_files(out: Path) -> list[str]:
    """Every built feed, as output paths."""
    return sorted(p.relative_to(out).as_posix() for p in (out / "feeds").rglob("*.xml"))


def parse(out: Path, rel: str) -> feedparser.FeedParserDict:
    """A built feed, parsed strictly (bozo must stay 0)."""
    parsed = feedparser.parse((out / rel).read_bytes())
    assert not parsed.bozo, (rel, parsed.get("bozo_exception"))
    return parsed


def url_to_file(out: Path, base_url: str, url: str) -> Path:
    """The output file an absolute URL under ``base_url`` is served from."""
    assert url.startswith(base_url), (url, base_url)
    rel = unquote(url[len(base_url):])
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return out / rel


def resolve(page: str, href: str) -> str:
    """Output path a relative link on output page ``page`` points at."""
    target = normpath(f"{dirname(page)}/{unquote(urlsplit(href).path)}".lstrip("/"))
    return target + "/index.html" if href.endswith("/") else target


class FeedLinks(HTMLParser):
    """<link rel=alternate type=application/atom+xml> in <head>, and <a type=application/atom+xml>."""

    def __init__(self) -> None:
        super().__init__()
        self.discovery: list[tuple[str, str]] = []
        self.anchors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and a.get("rel") == "alternate" and a.get("type") == "application/atom+xml":
            self.discovery.append((a.get("title", ""), a["href"]))
        if tag == "a" and a.get("type") == "application/atom+xml":
            self.anchors.append(a["href"])


def feed_links(html: str) -> FeedLinks:
    parser = FeedLinks()
    parser.feed(html)
    return parser
