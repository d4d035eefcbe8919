"""The Jinja2 environment: built-in theme plus site overrides.

Lookup order (Pelican-style): the site's ``templates/`` folder first, then the
built-in theme. ``{% extends "theme/item.html" %}`` always reaches the built-in
template, so a site can override a block without copying the whole file.
"""
from __future__ import annotations

import hashlib
import json
import os
import weakref
from datetime import date, datetime
from pathlib import Path

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemBytecodeCache, FileSystemLoader, PrefixLoader, StrictUndefined, meta
from markupsafe import Markup

from govsite.dates import BEIJING, people_date
from govsite.render.qr import qr_svg

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"


BYTECODE_DIR = ".govsite-cache/jinja"
"""Compiled templates, keyed by Jinja on template name and source checksum."""


def make_env(site_root: Path) -> Environment:
    """Environment with autoescaping on and undefined variables as errors. Compiled
    templates are kept in the site's cache folder, so a rebuild that renders one
    page does not compile the theme again."""
    builtin = FileSystemLoader(str(THEME_DIR / "templates"))
    loaders: list[BaseLoader] = []
    override = site_root / "templates"
    if override.is_dir():
        loaders.append(FileSystemLoader(str(override)))
    loaders += [builtin, PrefixLoader({"theme": builtin})]
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(site_root),
    )
    env.filters.update(
        time_tag=format_time_tag,
        cn_date=format_cn_date,
        ymd=format_ymd,
        ymdhm=format_ymdhm,
        filesize=format_filesize,
        qr_svg=qr_svg,
    )
    return env


def _bytecode_cache(site_root: Path) -> FileSystemBytecodeCache | None:
    folder = site_root / BYTECODE_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # a read-only site folder builds without it
    return FileSystemBytecodeCache(str(folder))


def _as_beijing(value: date | datetime) -> date | datetime:
    return value.astimezone(BEIJING) if isinstance(value, datetime) else value


def format_time_tag(value: date | datetime | None) -> Markup:
    """A date shown to people: ``<time datetime="2024-03-05">2024年3月5日</time>``.

    The one way the theme prints a date (docs/architecture.md, "Dates"): the text in the
    people form of :func:`govsite.dates.people_date`, the ISO date in ``datetime`` for
    machines. Empty for no date (a template prints its own "—")."""
    if value is None:
        return Markup("")
    return Markup('<time datetime="{}">{}</time>').format(format_ymd(value), people_date(value))


def format_cn_date(value: date | datetime | None) -> str:
    """The people form alone (``2024年3月5日``), for a site template that needs the text
    without the ``<time>`` element; the theme uses ``time_tag``."""
    return people_date(value) if value is not None else ""


def format_ymd(value: date | datetime | None) -> str:
    """Machine form for attributes (``datetime=``, meta ``content=``): 2024-03-05.
    Never shown as text: people read ``time_tag``."""
    return _as_beijing(value).strftime("%Y-%m-%d") if value else ""


def format_ymdhm(value: date | datetime | None) -> str:
    """PubDate meta style: 2024-03-05 09:30."""
    if value is None:
        return ""
    if not isinstance(value, datetime):
        return value.strftime("%Y-%m-%d 00:00")
    return _as_beijing(value).strftime("%Y-%m-%d %H:%M")


def format_filesize(size: int) -> str:
    """Human file size in Chinese convention: 235 KB, 1.2 MB."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / 1024 / 1024:.1f} MB"


_DIGESTS: "weakref.WeakKeyDictionary[Environment, dict[str, str]]" = weakref.WeakKeyDictionary()


def template_digest(env: Environment, name: str) -> str:
    """Digest of a template and everything it extends, includes or imports.

    Each template is parsed once per environment (the digests are memoised on
    it), so the shared partials are not parsed again for every page template."""
    memo = _DIGESTS.setdefault(env, {})
    digest = _digest(env, name, frozenset(), memo)
    _save_references(env)
    return digest


def _digest(env: Environment, name: str, seen: frozenset[str], memo: dict[str, str]) -> str:
    if name in seen:
        return ""
    if name in memo:
        return memo[name]
    source, _filename, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
    h = hashlib.sha1(f"{name}\0{source}".encode())  # not the file's path: a moved site keeps its digests
    for ref in _references(env, h.hexdigest(), source):
        h.update(_digest(env, ref, seen | {name}, memo).encode())
    memo[name] = h.hexdigest()
    return memo[name]


_REFS: "weakref.WeakKeyDictionary[Environment, dict[str, list[str]]]" = weakref.WeakKeyDictionary()
_NEW_REFS: "weakref.WeakSet[Environment]" = weakref.WeakSet()
REFS_FILE = "references.json"
"""In the bytecode folder: the templates each template source refers to, by source digest."""


def _refs_file(env: Environment) -> Path | None:
    folder = getattr(env.bytecode_cache, "directory", None)
    return Path(folder, REFS_FILE) if folder else None


def _references(env: Environment, key: str, source: str) -> list[str]:
    """Templates ``source`` extends, includes or imports (sorted). Finding them means
    parsing the template, so they are remembered on disk by the source's digest."""
    known = _REFS.get(env)
    if known is None:
        known = {}
        path = _refs_file(env)
        try:
            loaded = json.loads(path.read_text(encoding="utf-8")) if path else {}
            known = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            pass
        _REFS[env] = known
    if key not in known:
        known[key] = sorted(filter(None, meta.find_referenced_templates(env.parse(source))))
        _NEW_REFS.add(env)
    return known[key]


def _save_references(env: Environment) -> None:
    """Write the references file when templates were parsed (best effort)."""
    path = _refs_file(env)
    if env not in _NEW_REFS or path is None:
        return
    _NEW_REFS.discard(env)
    tmp = path.with_name(f"{REFS_FILE}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(_REFS[env], sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
