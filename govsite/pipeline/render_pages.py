"""Phase 4 of a build (渲染): render the pages whose digest changed into the staging
folder, on every core.

Workers are forked with the model, the Jinja environment and the feature registry's
contexts and renderers already in memory (``init_worker``), render a chunk of pages
each and write them straight into the staging folder; a page whose bytes equal the
previous output's is not written. Small builds render in-process.

With ``jobs`` cores the main process is one of the renderers and forks ``jobs - 1``
workers: it only waited before, while every forked worker starts as a copy of its
memory. At 100,000 items (2 cores) the three processes peaked at 2,335 MiB of summed
RSS (main 675 MiB at the fork, each worker ≈ 900 MiB); main and one worker, with the
other memory changes of issue 18, 1,205 MiB (docs/performance.md, "Memory at scale").
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from pathlib import Path
from typing import Any, Callable, Iterable

from jinja2 import Environment, TemplateSyntaxError

from govsite.content.parallel_read import worker_pool
from govsite.model.site_model import SiteModel
from govsite.pipeline.twin import fresh_path
from govsite.problems import ProblemLog
from govsite.render import registry
from govsite.render.context import BUILDERS
from govsite.render.plan import PageSpec

Progress = Callable[[str, int, int], None]
"""Called as (phase, done, total)."""

_W: dict[str, Any] = {}
"""What a worker renders with, set before the fork (:func:`init_worker`)."""


def init_worker(model: SiteModel, env: Environment, stage: Path, out: Path, features: bool = True,
                extra: dict[str, Any] | None = None) -> None:
    """``features=False``: only the core page kinds (no feature module is imported) and
    the ``extra`` context builders a followed edit needs (a gazette article's)."""
    _W.update(model=model, env=env, stage=stage, out=out,
              contexts={**BUILDERS, **registry.contexts()} if features else {**BUILDERS, **(extra or {})},
              renderers=registry.renderers() if features else {})


def render_one(spec: PageSpec) -> tuple[str, str, str | None]:
    """Render one page into staging; returns (path, 'new'|'same', error)."""
    model: SiteModel = _W["model"]
    env: Environment = _W["env"]
    try:
        if spec.template:
            rendered: str | bytes = env.get_template(spec.template).render(_W["contexts"][spec.kind](model, spec))
        else:
            rendered = _W["renderers"][spec.kind](model, spec)
            if not isinstance(rendered, (str, bytes)):  # a large file, made piece by piece
                return spec.path, _write_pieces(spec.path, rendered), None
    except TemplateSyntaxError as exc:
        return spec.path, "error", f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}"
    except Exception as exc:  # noqa: BLE001 - reported as a build problem with the page named
        return spec.path, "error", f"{spec.template or spec.kind}: {type(exc).__name__}: {exc}"
    data = rendered.encode("utf-8") if isinstance(rendered, str) else rendered
    old = _W["out"] / spec.path
    try:
        if old.stat().st_size == len(data) and old.read_bytes() == data:
            return spec.path, "same", None
    except OSError:
        pass
    target = _W["stage"] / spec.path
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh_path(str(target))  # an adopted twin holds the output's file there: never written in place
    target.write_bytes(data)
    return spec.path, "new", None


STREAM_PART = ".govsite-part"
"""Suffix of a streamed output while it is written into the staging folder."""


def _write_pieces(path: str, pieces: Iterable[str | bytes]) -> str:
    """Write a renderer's output piece by piece (an open-data year file at 1,000,000
    items is ≈ 600 MB: held whole, with the records it is made from, it would take
    a worker gigabytes) beside its place in the staging folder, then compare it with
    the previous output's file: 'same' (the part is dropped, as an unchanged page is
    not written) or 'new' (the part takes the page's place)."""
    target = str(_W["stage"] / path)
    part = target + STREAM_PART
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        with open(part, "wb") as fh:
            for piece in pieces:
                fh.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
        if _same_file(part, str(_W["out"] / path)):
            return "same"
        fresh_path(target)  # an adopted twin holds the output's file there: never written in place
        os.replace(part, target)
        return "new"
    finally:
        if os.path.exists(part):
            os.unlink(part)


def _same_file(new: str, old: str, block: int = 1 << 20) -> bool:
    try:
        if os.path.getsize(new) != os.path.getsize(old):
            return False
        with open(new, "rb") as a, open(old, "rb") as b:
            while True:
                x, y = a.read(block), b.read(block)
                if x != y:
                    return False
                if not x:
                    return True
    except OSError:
        return False


def render_all(model: SiteModel, env: Environment, specs: list[PageSpec], stage: Path, out: Path,
                jobs: int | None, progress: Progress | None, problems: ProblemLog) -> dict[str, str]:
    statuses: dict[str, str] = {}
    jobs = jobs or os.cpu_count() or 1
    total = len(specs)

    def record(res: tuple[str, str, str | None], done: int) -> None:
        path, status, error = res
        if error:
            problems.error("E-TEMPLATE", path, None, None, path, detail=error)
        statuses[path] = status
        if progress:
            progress("render", done, total)

    if jobs == 1 or total < 64:
        init_worker(model, env, stage, out)
        for n, spec in enumerate(specs, 1):
            record(render_one(spec), n)
        return statuses
    ctx = multiprocessing.get_context("fork")
    init_worker(model, env, stage, out)  # inherited by forked workers
    gc.freeze()  # the model is shared read-only: workers' collections neither scan nor copy it
    chunks = SharedChunks(specs, max(1, min(64, total // (jobs * 8) or 1)))
    done = 0
    try:
        with worker_pool(ctx, jobs - 1) as pool:  # Ctrl+C: the main process reports it
            results = pool.imap_unordered(render_chunk, chunks, chunksize=1)
            gc.enable()  # this process renders too: its pages' garbage is collected as in a worker
            for part in chunks:  # the same chunks the workers take, whichever asks first
                for spec in part:
                    done += 1
                    record(render_one(spec), done)
                done = _drain(results, record, done, wait=False)
            gc.disable()
            _drain(results, record, done, wait=True)
    finally:
        gc.disable()
        gc.unfreeze()
    return statuses


class SharedChunks:
    """The pages to render in chunks, taken by the pool's task thread (for the workers)
    and by the main process's own loop, one chunk at a time under a lock."""

    def __init__(self, specs: list[PageSpec], size: int) -> None:
        self._specs, self._size, self._next = specs, size, 0
        self._lock = threading.Lock()

    def __iter__(self) -> "SharedChunks":
        return self

    def __next__(self) -> list[PageSpec]:
        with self._lock:
            start = self._next
            if start >= len(self._specs):
                raise StopIteration
            self._next = start + self._size
            return self._specs[start:start + self._size]


def render_chunk(part: list[PageSpec]) -> list[tuple[str, str, str | None]]:
    """In a worker: :func:`render_one` of each page of a chunk."""
    return [render_one(spec) for spec in part]


def _drain(results: Any, record: Callable[[tuple[str, str, str | None], int], None], done: int, wait: bool) -> int:
    """Record the workers' finished chunks: those ready now, or (``wait``) all of them."""
    while True:
        try:
            part = results.next() if wait else results.next(timeout=0)
        except StopIteration:
            return done
        except multiprocessing.TimeoutError:
            return done
        for res in part:
            done += 1
            record(res, done)
