"""URL paths of redirects and of the ledger of published URLs.

Every path is kept in one canonical form: relative to the site root (the
``base_url`` path is not part of it), without a leading ``/`` (``""`` is the home
page), percent-encoded the one way govsite writes URLs (UTF-8, upper-case hex,
spaces and non-ASCII encoded). ``政策/通知 1.html`` and ``%E6%94%BF%E7%AD%96/…``
are therefore the same path. Output file paths on disk are the decoded form.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, unquote_to_bytes, urlsplit

SAFE = "/:@!&'()*+,;=-._~"
"""Characters left unencoded in a path: RFC 3986 ``pchar`` and ``/``, except ``$``
(nginx would read it as a variable) and ``%`` (always the start of an escape)."""
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
"""Old paths with these endings (or folder-like ones) get a static redirect page;
others (.jsp, .asp, .php…) are served with a non-HTML type by static hosts, so
they are redirected by the server rules only."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f\\]")
_PAGED = re.compile(r"index_\d+\.html")
_PLAIN = re.compile(r"[A-Za-z0-9/:@!&'()*+,;=._~-]*")


class PathError(ValueError):
    """A location that cannot be a path of this site (``..``, ``//``, ``mailto:``…)."""


@dataclass(frozen=True)
class Location:
    """A location as written by an editor or recorded by the importer."""

    path: str
    """Canonical path (see the module docstring)."""
    query: str
    fragment: str
    host: str
    """Host of a full URL; empty for a path."""


def canonical(path: str) -> str:
    """The canonical percent-encoding of a decoded or encoded path (idempotent)."""
    if _PLAIN.fullmatch(path):
        return path  # nothing to encode: most paths
    return quote(unquote_to_bytes(path), safe=SAFE)


def canonical_fragment(fragment: str) -> str:
    return quote(unquote_to_bytes(fragment), safe=SAFE + "?")


def decoded(path: str) -> str | None:
    """The path as a file name (UTF-8 decoded); None when it is not valid UTF-8
    (e.g. a GBK-encoded legacy URL)."""
    try:
        return unquote_to_bytes(path).decode("utf-8")
    except UnicodeDecodeError:
        return None


def display(path: str) -> str:
    """How a path is shown to editors: ``/`` + decoded text where possible."""
    return "/" + (decoded(path) or path)


def parse_location(raw: str, base_paths: tuple[str, ...]) -> Location:
    """Read an old path or target: a path from the site root, with or without a
    leading ``/`` (``/art/2024/6/5/art_1_2.html``, ``xxgk/a.html``), or a full URL
    on any host, reduced to its path minus the site's ``base_url`` path when it
    starts with one of ``base_paths``."""
    text = raw.strip()
    if not text or _CONTROL.search(text):
        raise PathError(raw)
    parts = urlsplit(text)
    if parts.scheme and parts.scheme not in ("http", "https"):
        raise PathError(raw)
    if parts.scheme and not parts.netloc:
        raise PathError(raw)
    path = parts.path
    rooted = bool(parts.netloc) or path.startswith("/")
    if _CONTROL.search(unquote(path)):
        raise PathError(raw)
    segments = unquote(path).split("/")
    inner = segments[1:-1] if rooted else segments[:-1]
    if any(s in (".", "..") for s in segments) or any(s == "" for s in inner):
        raise PathError(raw)
    cpath = canonical(path)
    if parts.netloc:
        for base in sorted(base_paths, key=len, reverse=True):
            cbase = canonical(base)
            if cbase != "/" and (cpath == cbase[:-1] or cpath.startswith(cbase)):
                cpath = cpath[len(cbase):]
                break
    cpath = cpath.lstrip("/")
    return Location(cpath, parts.query, canonical_fragment(parts.fragment), parts.netloc.lower())


def read_old_path(raw: str, bases: tuple[str, ...], legacy: bool) -> tuple[Location | None, str | None]:
    """An old path as the redirect table reads it: (location, None), or (None, the code
    of the problem the build reports): ``E-REDIRECT-PATH`` when it cannot be a path
    of the site, a query string ``W-REDIRECT-QUERY`` for an item's ``legacy_url``
    (``legacy``, kept but not redirected) and ``E-REDIRECT-QUERY`` otherwise. Also
    used by ``govsite import items`` to refuse what the build would refuse."""
    try:
        loc = parse_location(raw, bases)
    except PathError:
        return None, "E-REDIRECT-PATH"
    if loc.query:
        return None, "W-REDIRECT-QUERY" if legacy else "E-REDIRECT-QUERY"
    return loc, None


def to_file(path: str) -> str:
    """Output file that answers ``path``: ``a/`` and ``a/b`` (no extension) → ``…/index.html``."""
    if path == "" or path.endswith("/"):
        return path + "index.html"
    last = path.rsplit("/", 1)[-1]
    return path if "." in last else path + "/index.html"


def pretty(file: str) -> str:
    """``xxgk/gfxwj/index.html`` → ``xxgk/gfxwj/`` (links point at folders)."""
    return file[: -len("index.html")] if file == "index.html" or file.endswith("/index.html") else file


def folder_variants(path: str) -> list[str]:
    """A folder-like path with and without its trailing slash (servers see both)."""
    if path == "":
        return [path]
    if path.endswith("/"):
        return [path, path[:-1]]
    return [path, path + "/"] if "." not in path.rsplit("/", 1)[-1] else [path]


def static_page(path: str) -> str | None:
    """Output file of the static redirect page for old path ``path`` (decoded), or
    None when the old path is not an HTML-like or folder-like URL."""
    file = to_file(path)
    name = decoded(file)
    if name is None or not name.lower().endswith(HTML_SUFFIXES):
        return None
    return name


def is_permanent(file: str, section: str) -> bool:
    """Whether an output file is a page whose URL is recorded as published: every
    HTML page except the 404 page, the private inspection report (``_report/``: where ``govsite serve``
    shows it, and where an output built by an older govsite still has it), listing pages after the first
    (``index_2.html``…) and the per-theme and per-year listings, which come and go
    with the items they list."""
    if not file.endswith(".html") or file == "404.html" or file.startswith(("files/", "assets/", "_report/")):
        return False
    if _PAGED.fullmatch(file.rsplit("/", 1)[-1]):
        return False
    parts = file.split("/")
    return not (len(parts) == 4 and parts[0] == section and parts[1] in ("theme", "year") and parts[3] == "index.html")


def ledger_entry(file: str) -> str:
    """Ledger line of an output file: ``xxgk/gfxwj/index.html`` → ``/xxgk/gfxwj/``."""
    return "/" + canonical(pretty(file))
