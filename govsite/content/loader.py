"""Phase 1 of a build: read every source file of a site and validate each one.

Gathers the site configuration, organizations, items, pages and catalogs, with
all problems found in single files. Cross-file checks live in
:mod:`govsite.model.site_model`.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterator, cast

from govsite.base.cache import ReadCache
from govsite.content.osread import links_to_ancestor, os_problem, read_bytes, unreadable
from govsite.content.pydantic_errors import validate_model
from govsite.content.parallel_read import read_many
from govsite.content.reader import MarkdownRead, front_digest, read_yaml_file
from govsite.base.safepath import report_url_names, resolve_inside
from govsite.model.catalog import Catalog
from govsite.model.gazette import ArticleFrontMatter, GazetteConfig, IssueFile
from govsite.model.item import ItemFrontMatter
from govsite.model.loaded import (
    CATALOGS_DIR,
    GAZETTE_DIR,
    GAZETTE_FILE,
    ITEMS_DIR,
    ORGS_FILE,
    PAGES_DIR,
    SITE_FILE,
    Front,
    LoadedSite,
    SourceDoc,
)
from govsite.model.org import Organization
from govsite.model.page import PageFrontMatter
from govsite.model.site import SiteConfig
from govsite.problems import Problem, ProblemLog

def iter_files(root: Path, rel_dir: str, suffix: str | tuple[str, ...],
               problems: ProblemLog) -> Iterator[tuple[str, os.DirEntry]]:
    """Files under ``rel_dir`` whose names end with ``suffix`` (or one of them), sorted. A symlink is followed only
    when it stays inside the site folder; one leading outside is reported, and so is a symlink loop (a link to
    itself or to a folder that contains it: ``E-PATH-LOOP``) and a folder or file that cannot be read
    (``E-READ``), each with its path, so that the editor sees them with every other problem."""
    base = os.path.join(root, rel_dir)
    if not os.path.isdir(base):
        return
    prefix_len = len(str(root)) + 1
    stack = [base]
    found: list[tuple[str, os.DirEntry]] = []
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            rel = folder[prefix_len:].replace(os.sep, "/")
            os_problem(problems, rel, exc)
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            rel = entry.path[prefix_len:].replace(os.sep, "/")
            try:
                if entry.is_symlink():
                    if links_to_ancestor(entry.path):
                        problems.error("E-PATH-LOOP", rel, None, None, rel)
                        continue
                    if resolve_inside(root, rel) is None:
                        problems.error("E-PATH-ESCAPE", rel, None, None, rel)
                        continue
                if entry.is_dir():
                    stack.append(entry.path)
                elif name.endswith(suffix) and entry.is_file():
                    found.append((rel, entry))
            except OSError as exc:
                os_problem(problems, rel, exc)
    found.sort(key=lambda pair: pair[0])
    yield from found


def read_inside(root: Path, rel: str, problems: ProblemLog) -> bytes | None:
    """Bytes of ``rel`` if it exists inside ``root``; a symlink leading outside is refused."""
    path = root / rel
    if not path.is_file():
        if os.path.islink(path) and links_to_ancestor(str(path)):
            problems.error("E-PATH-LOOP", rel, None, None, rel)
        elif rel == SITE_FILE:  # not a site folder: a wrong --site, or a command run in the wrong folder
            problems.error("E-MISSING", rel, None, rel, None, **_not_a_site(root))
        else:
            problems.error("E-MISSING", rel, None, rel, None)
        return None
    if resolve_inside(root, rel) is None:
        problems.error("E-PATH-ESCAPE", rel, None, None, rel)
        return None
    return read_bytes(rel, path, problems)


def _not_a_site(root: Path) -> dict[str, str]:
    return {"hint_zh": f"：{root} 不是站点文件夹（站点文件夹中有 site.yaml）；请在站点文件夹中运行，或用 --site 指定站点文件夹，"
                       "新站点用 govsite init 创建",
            "hint_en": f": {root} is not a site folder (a site folder holds site.yaml); run the command in the site "
                       "folder or name it with --site; create a new site with govsite init"}


def _read_inside(site: "LoadedSite", rel: str) -> bytes | None:
    return read_inside(site.root, rel, site.problems)


def load_config(root: Path, problems: ProblemLog, base_url: str | None = None) -> tuple[SiteConfig | None, str]:
    raw = read_inside(root, SITE_FILE, problems)
    if raw is None:
        return None, ""
    read = read_yaml_file(SITE_FILE, raw)
    problems.extend(read.problems)
    if read.problems:
        return None, read.digest
    data = read.data
    if isinstance(data, dict) and base_url:
        data = {**data, "base_url": base_url}
    local: list[Problem] = []
    config = validate_model(SiteConfig, data, SITE_FILE, read.yaml_text, 0, local)
    problems.extend(local)
    digest = hashlib.sha1(raw + (base_url or "").encode()).hexdigest()
    return config, digest  # type: ignore[return-value]


def load_site(root: Path, base_url: str | None = None, use_cache: bool = True) -> LoadedSite:
    """Read and validate every file of the site folder at ``root``."""
    root = root.resolve()
    problems = ProblemLog()
    config, config_digest = load_config(root, problems, base_url)
    site = LoadedSite(root, config, config_digest, problems=problems)
    allow_html = bool(config and config.options.allow_html)
    cache = ReadCache(root, f"html={allow_html}") if use_cache else None
    _load_orgs(site)
    site.items = _load_docs(site, ITEMS_DIR, ItemFrontMatter, allow_html, cache)
    site.pages = _load_docs(site, PAGES_DIR, PageFrontMatter, allow_html, cache)
    _load_catalogs(site)
    _load_gazette(site, allow_html, cache)
    if cache is not None:
        cache.save()
    return site


def _load_orgs(site: LoadedSite) -> None:
    raw = _read_inside(site, ORGS_FILE)
    if raw is None:
        site.orgs_readable = False
        return
    read = read_yaml_file(ORGS_FILE, raw)
    site.problems.extend(read.problems)
    if read.problems:
        site.orgs_readable = False
        return
    if not isinstance(read.data, list):
        site.problems.error("E-TYPE", ORGS_FILE, 1, None, type(read.data).__name__, expected="机构列表 / list of organizations")
        site.orgs_readable = False
        return
    for index, entry in enumerate(read.data):
        local: list[Problem] = []
        org = validate_model(Organization, entry, ORGS_FILE, read.yaml_text, 0, local, prefix=(index,))
        site.problems.extend(local)
        if org is not None:
            site.orgs.append((org, index))  # type: ignore[arg-type]


def _load_docs(site: LoadedSite, rel_dir: str, model: type[Front], allow_html: bool, cache: ReadCache | None,
               found: list[tuple[str, os.DirEntry]] | None = None) -> list[SourceDoc[Front]]:
    """Every ``.md`` file under ``rel_dir`` (or the ``found`` ones), read through the cache."""
    if found is None:
        found = list(iter_files(site.root, rel_dir, ".md", site.problems))
        report_url_names(rel_dir, (rel for rel, _entry in found), site.problems)  # their names become URLs
    files = [(rel, entry, entry.stat()) for rel, entry in found]
    reads: list[MarkdownRead | None] = [cache.lookup(rel, st) if cache else None for rel, _entry, st in files]
    misses = [n for n, read in enumerate(reads) if read is None]
    fresh = read_many([(files[n][0], files[n][1].path) for n in misses], model, allow_html)
    for n, fresh_read in zip(misses, fresh):
        reads[n] = fresh_read
        if cache and not unreadable(fresh_read.problems):  # may be readable next time with the same stat
            cache.put(files[n][0], files[n][2], fresh_read)
    docs: list[SourceDoc[Front]] = []
    fronts = site.fronts if rel_dir in (ITEMS_DIR, GAZETTE_DIR) else None  # item files and gazette articles
    for (rel, _entry, _st), read in zip(files, reads):
        assert read is not None
        site.problems.extend(read.problems)
        if fronts is not None:
            fronts[rel] = front_digest(read)
        if read.front is not None:
            docs.append(SourceDoc(cast(Front, read.front), rel, read.digest, read.body_chars))  # read as ``model``
    return docs


def _read_yaml_model(rel: str, raw: bytes, model: type) -> tuple[object | None, list[Problem]]:
    """A YAML data file validated as ``model``, and the problems found (cacheable)."""
    read = read_yaml_file(rel, raw)
    if read.problems:
        return None, read.problems
    problems: list[Problem] = []
    return validate_model(model, read.data, rel, read.yaml_text, 0, problems), problems


def _load_yaml_model(site: LoadedSite, rel: str, raw: bytes, model: type) -> object | None:
    obj, problems = _read_yaml_model(rel, raw, model)
    site.problems.extend(problems)
    return obj


def _load_catalogs(site: LoadedSite) -> None:
    for rel, entry in iter_files(site.root, CATALOGS_DIR, ".yaml", site.problems):
        raw = read_bytes(rel, entry.path, site.problems)
        catalog = _load_yaml_model(site, rel, raw, Catalog) if raw is not None else None
        if catalog is not None:
            site.catalogs.append((catalog, rel))  # type: ignore[arg-type]


def _load_gazette(site: LoadedSite, allow_html: bool, cache: ReadCache | None,
                  found: list[tuple[str, os.DirEntry]] | None = None) -> None:
    """The gazette, its issue.yaml files and article Markdown files, if the site has a gazette
    (only the ``found`` ones: a followed edit reads the issue folders it edits)."""
    if not (site.root / GAZETTE_DIR).is_dir():
        return
    raw = _read_inside(site, GAZETTE_FILE)
    if raw is not None:
        site.gazette = _load_yaml_model(site, GAZETTE_FILE, raw, GazetteConfig)  # type: ignore[assignment]
    if found is None:
        found = list(iter_files(site.root, GAZETTE_DIR, ("issue.yaml", ".md"), site.problems))  # one walk for both
    report_url_names(GAZETTE_DIR, (rel for rel, _entry in found), site.problems)  # issue folders become URLs
    for rel, entry in found:
        if not rel.endswith("issue.yaml"):
            continue

        def read_issue(path: str = entry.path, rel: str = rel) -> tuple[object | None, list[Problem]]:
            problems: list[Problem] = []
            raw = read_bytes(rel, path, problems)
            return (None, problems) if raw is None else _read_yaml_model(rel, raw, IssueFile)

        if cache is None:
            issue, problems = read_issue()
        else:
            st = entry.stat()
            cached = cache.lookup(rel, st)
            issue, problems = cached if cached is not None else read_issue()
            if cached is None and not unreadable(problems):
                cache.put(rel, st, (issue, problems))
        site.problems.extend(problems)
        if issue is not None:
            site.issues.append((issue, rel))  # type: ignore[arg-type]
    site.articles = _load_docs(site, GAZETTE_DIR, ArticleFrontMatter, allow_html, cache,
                               [(rel, entry) for rel, entry in found if rel.endswith(".md")])
