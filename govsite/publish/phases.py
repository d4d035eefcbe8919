"""The order of an upload: nothing published may point at a file that is not there yet.

A page links to its attachments, stylesheets and scripts; a listing links to pages; a
feed, the sitemap and the search index point at pages. So an upload goes in phases,
each one finished before the next starts:

1. ``files``: everything that is not a page, feed or search index: assets,
   attachments, gazette PDFs, open-data files;
2. ``pages``: item, article and report pages;
3. ``listings``: pages that list others (``index.html``, ``index_2.html``…), the home
   page, ``404.html``, redirect pages and the redirect rule files;
4. ``feeds``: Atom feeds, the sitemap, ``robots.txt`` and the open-data manifest
   (``data/manifest.json``, which lists the data files);
5. ``search``: the Pagefind bundles (``pagefind*/``): their data first, then their
   ``.pf_meta`` files, then the entry files (``*.json``) that name them, so that a
   search never loads a chunk that is not uploaded yet;
6. ``delete``: what the build removed, last, once nothing new links to it.

A failure therefore leaves the target serving the previous site, or old pages plus
new files: a consistent mix. Within a phase rclone uploads in parallel.
"""
from __future__ import annotations

import re

PHASES = ("files", "pages", "listings", "feeds", "search", "delete")
"""Every phase, in order."""

NAMES = {
    "files": ("文件（样式、附件、数据）", "files (assets, attachments, data)"),
    "pages": ("页面", "pages"),
    "listings": ("列表页和首页", "listings and home page"),
    "feeds": ("订阅源、站点地图", "feeds and sitemap"),
    "search": ("搜索索引", "search index"),
    "delete": ("删除已移除的文件", "deletion of removed files"),
    "state": ("发布记录", "publish record"),
    "read": ("读取目标", "reading the target"),
}
"""Chinese and English name of each phase (and of the steps around them), for the plan and errors."""

_LISTING = re.compile(r"(^|/)(index(_\d+)?\.html|404\.html)$")
_FEEDS = {"robots.txt", "data/manifest.json"}
_REDIRECT_RULES = {"_redirects", "redirects.nginx.conf"}
_REFRESH = re.compile(rb"<meta\s+http-equiv=[\"']?refresh", re.IGNORECASE)


def is_redirect_page(head: bytes) -> bool:
    """Whether an HTML file's first bytes are those of a redirect page (meta refresh)."""
    return _REFRESH.search(head) is not None


def phase_of(path: str, head: bytes = b"") -> tuple[str, int]:
    """(phase, step within the phase) of an output path; ``head`` is the first
    kilobyte of an HTML file (a redirect page goes with the listings)."""
    top = path.split("/", 1)[0]
    if top.startswith("pagefind"):
        name = path.rsplit("/", 1)[-1]
        return ("search", 2 if name.endswith(".json") else 1 if name.endswith(".pf_meta") else 0)
    if top == "feeds" or path.endswith(".xml") or path in _FEEDS:
        return ("feeds", 0)
    if path in _REDIRECT_RULES:
        return ("listings", 0)
    if path.endswith(".html"):
        if _LISTING.search(path) or is_redirect_page(head):
            return ("listings", 0)
        return ("pages", 0)
    return ("files", 0)
