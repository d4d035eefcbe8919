"""The post-render step that owns ``pagefind/``: index the bundles whose input changed.

The bundles are the runtime (``core``), the title layer's tiers and the text shards of
:mod:`govsite.search.docs`. A bundle is re-indexed when its membership digest
differs from the previous build's (records added, removed or changed; index
settings or Pagefind version changed), when, for a text shard, one of its pages
was written or deleted by this build, or when one of its previous files is
missing. Every other bundle's files are hard-linked from the previous output, so
editing the body of one item re-indexes one year of text, and its title tier
only when a title, 文号, 索引号, organisation, date or filter value changed.

A re-indexed bundle is written by :func:`govsite.search.bundle_writer.write_bundle`
from the shard's records (:func:`govsite.search.records.record`): a title tier's
from the model, a text shard's from the pages this build rendered. Only the
runtime (``pagefind.js``, its worker and WebAssembly) comes from Pagefind's CLI,
run on a one-record placeholder and made byte-identical by
:func:`govsite.search.canonical.canonicalize`. Shards are written on forked
workers, one per core, largest first; a text shard holds at most
:data:`~govsite.search.docs.MAX_SHARD_PAGES` pages, which bounds memory.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import stat
import tempfile
from pathlib import Path

from govsite.content.parallel_read import worker_pool
from govsite.render.registry import PostRender, PostRenderContext
from govsite.search.bundle_writer import write_bundle
from govsite.search.docs import BUNDLE_DIR, CORE, TEXT_DIR, Shard, collect_shards, is_title_tier
from govsite.search import route as route_module
from govsite.search import record_cache
from govsite.search.route import ROUTE, route_files
from govsite.search.runtime import pagefind_version, write_runtime
from govsite.search.canonical import fragment_names

STATE = f"{BUNDLE_DIR}/govsite-shards.json"
"""Membership digest of every shard, read back by the next build."""
STALE = "stale"
"""State of a shard that a quick build left out of date."""
SCHEME = "6"
"""Bump when the way pages are turned into index input changes."""
DATA_DIRS = ("index", "fragment", "filter")


def settings_digest() -> str:
    """Everything besides the pages that shapes a bundle: Pagefind's version and the
    source of the modules that prepare its input, so a change to either re-indexes."""
    from govsite.search import bundle_writer, canonical, docs, fields, postings, records, runtime, tokens

    sources = [Path(m.__file__).read_bytes()  # type: ignore[arg-type]
               for m in (bundle_writer, canonical, docs, fields, postings, records, runtime, tokens)]
    return _sha1(SCHEME, pagefind_version(), *(hashlib.sha1(src).hexdigest() for src in sources))


def _sha1(*parts: object) -> str:
    h = hashlib.sha1()
    for part in parts:
        h.update(str(part).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def shard_digest(shard: Shard, settings: str) -> str:
    records = [(d.url, d.meta, d.filters) + ((d.fields, d.identifiers) if shard.is_title else ()) for d in shard.docs]
    return _sha1(settings, shard.name, json.dumps(records, ensure_ascii=False, sort_keys=True))


def shard_of(path: str) -> str:
    """Which shard an output path under ``pagefind/`` belongs to."""
    if path.startswith(f"{TEXT_DIR}/"):
        return path[len(TEXT_DIR) + 1:].partition("/")[0]
    first, _, rest = path[len(BUNDLE_DIR) + 1:].partition("/")
    return first if rest and (is_title_tier(first) or first == ROUTE) else CORE


def _read_state(ctx: PostRenderContext) -> dict[str, object]:
    return _state_file(ctx.out) if STATE in ctx.previous else {}


def _state_file(out: Path) -> dict[str, object]:
    """The previous build's state: ``shards`` (name → digest) and ``route`` (the map's digest)."""
    try:
        state = json.loads((out / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _shards_in(state: dict[str, object]) -> dict[str, str]:
    shards = state.get("shards")
    return {str(k): str(v) for k, v in shards.items()} if isinstance(shards, dict) else {}


def _state_in(out: Path) -> dict[str, str]:
    return _shards_in(_state_file(out))


def has_stale_shards(out: Path) -> bool:
    """Did a quick build leave a shard out of date?"""
    return STALE in _state_in(out).values()


def run(ctx: PostRenderContext) -> dict[str, str]:
    """Entry point of the step (see :class:`govsite.render.registry.PostRender`)."""
    settings = settings_digest()
    shards = collect_shards(ctx.model)
    digests = {s.name: shard_digest(s, settings) for s in shards}
    previous = _read_state(ctx)
    old_state = _shards_in(previous)
    old_files: dict[str, dict[str, str]] = {}
    for path, digest in ctx.previous.items():
        if path != STATE:
            old_files.setdefault(shard_of(path), {})[path] = digest

    out = str(ctx.out)

    def is_clean(shard: Shard) -> bool:
        files = old_files.get(shard.name) or {}
        return (bool(files) and old_state.get(shard.name) == digests[shard.name]
                and (shard.name == CORE or shard.is_title or not any(p in ctx.changed for p in shard.pages))
                and all(os.path.isfile(f"{out}/{p}") for p in files))

    entries: dict[str, str] = {}
    dirty: list[Shard] = []
    for shard in shards:
        if is_clean(shard):
            entries.update(old_files[shard.name])
        elif ctx.quick:
            # Carried forward as it was, and recorded as stale for the next full build.
            entries.update({p: d for p, d in old_files.get(shard.name, {}).items() if os.path.isfile(f"{out}/{p}")})
            digests[shard.name] = STALE
        else:
            dirty.append(shard)
    _link_all(ctx.out, ctx.stage, list(entries))
    if dirty:
        scratch = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=ctx.stage.parent))
        try:
            fresh: dict[str, str] = {}
            for shard, error, written in _index_all(dirty, ctx, scratch):
                if error:
                    ctx.problems.error("E-SEARCH-INDEX", shard.folder, None, None, shard.name, detail=error)
                fresh.update({shard.folder + path: digest for path, digest in written.items()})
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        for shard in dirty:
            if shard.name == CORE:  # Pagefind's runtime: the files its CLI wrote
                fresh.update(_hash_files(ctx.stage, shard))
        _keep_unchanged(ctx, fresh)
        entries.update(fresh)
    route_digest = _sha1(settings, Path(route_module.__file__).read_bytes())  # type: ignore[arg-type]
    fresh_route = previous.get("route") != route_digest
    entries.update(_route(ctx, [s for s in shards if s.is_title], dirty, {} if fresh_route else old_files.get(ROUTE, {})))
    state = {"scheme": SCHEME, "shards": dict(sorted(digests.items())), "route": route_digest}
    (ctx.stage / STATE).parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(state, ensure_ascii=False, indent=0, sort_keys=True).encode("utf-8")
    (ctx.stage / STATE).write_bytes(data)
    entries[STATE] = hashlib.sha1(data).hexdigest()
    _keep_unchanged(ctx, {STATE: entries[STATE]})
    return entries


def _route(ctx: PostRenderContext, tiers: list[Shard], dirty: list[Shard], old: dict[str, str]) -> dict[str, str]:
    """The route map (:mod:`govsite.search.route`): carried forward when no title tier
    was re-indexed (or a quick build left them) and the map's code is unchanged
    (``old`` is then the previous build's files), else written anew."""
    out = str(ctx.out)
    if old and (ctx.quick or not any(s.is_title for s in dirty)) and all(os.path.isfile(f"{out}/{p}") for p in old):
        _link_all(ctx.out, ctx.stage, list(old))
        return dict(old)
    fresh: dict[str, str] = {}
    try:
        names = {t.name: fragment_names(ctx.stage / t.folder) for t in tiers} if route_module.routed(tiers) else {}
    except (OSError, ValueError):
        return fresh  # a tier failed to index: the build stops with its error
    for path, data in route_files(tiers, names).items():
        target = ctx.stage / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        fresh[path] = hashlib.sha1(data).hexdigest()
    _keep_unchanged(ctx, fresh)
    return fresh


def _keep_unchanged(ctx: PostRenderContext, entries: dict[str, str]) -> None:
    """A re-indexed shard often reproduces some files byte for byte: keep the old file
    (a hard link) so that what changed on disk is exactly what the build reports.
    ``entries`` are the files a step wrote or linked (the writer links most of a
    re-indexed shard's files already: two ``os.stat`` of strings each, not pathlib's
    ``is_file`` and ``samefile``, which took 1.4 s of a title edit at 10,000 items)."""
    out, stage = str(ctx.out), str(ctx.stage)
    same: list[str] = []
    for path, digest in entries.items():
        if ctx.previous.get(path) != digest:
            continue
        try:
            old, new = os.stat(f"{out}/{path}"), os.stat(f"{stage}/{path}")
        except OSError:
            continue
        if stat.S_ISREG(old.st_mode) and (old.st_ino, old.st_dev) != (new.st_ino, new.st_dev):
            same.append(path)
    for path in same:
        os.unlink(f"{stage}/{path}")
    _link_all(ctx.out, ctx.stage, same)


def _link_all(src_root: Path, dst_root: Path, paths: list[str]) -> None:
    """Hard-link (or copy) many files, given relative to both roots. String paths and
    one ``makedirs`` per folder: tens of thousands of shard files per build."""
    src, dst = str(src_root), str(dst_root)
    made: set[str] = set()
    for rel in paths:
        folder = rel.rpartition("/")[0]
        if folder not in made:
            os.makedirs(f"{dst}/{folder}", exist_ok=True)
            made.add(folder)
        try:
            os.link(f"{src}/{rel}", f"{dst}/{rel}")
        except OSError:
            shutil.copy2(f"{src}/{rel}", f"{dst}/{rel}")


def _hash_files(stage: Path, shard: Shard) -> dict[str, str]:
    folder = stage / shard.folder
    out: dict[str, str] = {}
    if not folder.is_dir():
        return out
    names = [n for n in os.listdir(folder) if (folder / n).is_file()]
    files = [f"{shard.folder}{n}" for n in names if n != "govsite-shards.json"]
    for sub in DATA_DIRS:
        if (folder / sub).is_dir():
            files += [f"{shard.folder}{sub}/{n}" for n in os.listdir(folder / sub)]
    for rel in sorted(files):
        out[rel] = hashlib.sha1((stage / rel).read_bytes()).hexdigest()
    return out


_JOB: dict[str, object] = {}
"""The shards of a parallel run, inherited by forked workers."""


def _index_all(dirty: list[Shard], ctx: PostRenderContext, scratch: Path) -> list[tuple[Shard, str | None, dict[str, str]]]:
    """Index every dirty shard, on ``ctx.jobs`` forked workers when there are several,
    largest first; (shard, error or None, digests of the files written) for each."""
    previous: dict[str, dict[str, str]] = {}
    for path, digest in ctx.previous.items():
        previous.setdefault(shard_of(path), {})[path] = digest
    root = getattr(ctx.model, "root", None)
    kept = record_cache.folder(root, ctx.out) if isinstance(root, Path) else None
    _JOB.update(dirty=dirty, stage=ctx.stage, out=ctx.out, scratch=scratch, version=pagefind_version(), previous=previous,
                kept=kept, settings=settings_digest())
    order = sorted(range(len(dirty)), key=lambda i: -len(dirty[i].docs))
    try:
        if ctx.jobs <= 1 or len(dirty) == 1 or "fork" not in multiprocessing.get_all_start_methods():
            return [(dirty[i], *_index_one(i)) for i in order]
        with worker_pool(multiprocessing.get_context("fork"), min(ctx.jobs, len(dirty))) as pool:
            return [(dirty[i], *result) for i, result in zip(order, pool.imap(_index_one, order))]
    finally:
        _JOB.clear()


def _index_one(i: int) -> tuple[str | None, dict[str, str]]:
    shard: Shard = _JOB["dirty"][i]  # type: ignore[index]
    known = {path[len(shard.folder):]: digest
             for path, digest in _JOB["previous"].get(shard.name, {}).items()}  # type: ignore[attr-defined]
    try:
        return _index_shard(shard, _JOB["stage"], _JOB["scratch"], str(_JOB["version"]),  # type: ignore[arg-type]
                            _JOB["out"] / shard.folder, known, _JOB["kept"], str(_JOB["settings"]))  # type: ignore[operator, arg-type]
    except OSError as exc:
        return str(exc), {}


def _index_shard(shard: Shard, stage: Path, scratch: Path, version: str, previous: Path,
                 known: dict[str, str], kept: Path | None = None, settings: str = "") -> tuple[str | None, dict[str, str]]:
    """Build one bundle into the stage: (error message or None, digests of the files
    written, by path in the bundle). The runtime is Pagefind's own (its CLI on a
    one-record placeholder); every layer is written by
    :func:`govsite.search.bundle_writer.write_bundle`, which links the files of the
    shard's previous bundle (``previous``, digests ``known``) that did not change."""
    bundle = scratch / f"{shard.name}-bundle"
    digests: dict[str, str] = {}
    if shard.name == CORE:
        error = write_runtime(bundle, scratch / f"{shard.name}-records")
        if error:
            return error, {}
    else:
        found = record_cache.records(shard, stage, kept, settings)
        if not found:
            return "no pages to index", {}
        digests = write_bundle(found, bundle, version, previous=previous, known=known)
    target = stage / shard.folder
    target.mkdir(parents=True, exist_ok=True)
    for name in os.listdir(bundle):  # the core folder also holds the layers: move, never clear
        if (bundle / name).is_dir() and (target / name).is_dir():
            for inner in os.listdir(bundle / name):
                os.replace(bundle / name / inner, target / name / inner)
        else:
            os.replace(bundle / name, target / name)
    return None, digests


POST_RENDER = PostRender("search", f"{BUNDLE_DIR}/", run, pending=has_stale_shards)
