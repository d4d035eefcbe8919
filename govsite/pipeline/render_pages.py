"""Phase 4 of a build (渲染): render the pages whose digest changed into the staging
folder, on every core.

Workers are forked with the model, the Jinja environment and the feature registry's
contexts and renderers already in memory (``init_worker``), render a chunk of pages
each and write them straight into the staging folder; a page whose bytes equal the
previous output's is not written. Small builds render in-process.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
from pathlib import Path
from typing import Any, Callable

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
    try:
        with worker_pool(ctx, jobs) as pool:  # Ctrl+C: the main process reports it
            chunk = max(1, min(64, total // (jobs * 8) or 1))
            for n, res in enumerate(pool.imap_unordered(render_one, specs, chunksize=chunk), 1):
                record(res, n)
    finally:
        gc.unfreeze()
    return statuses
