"""``govsite build``: config → files → model → plan → render → write.

Like MkDocs' ``build()``, each phase is named and everything is gathered and
validated before anything is written. A validation error stops the build with
the previous output untouched.

This module is the build's front: the guard, the locks, and phase 0 (the build
stamp, :mod:`govsite.pipeline.stamp`) and 0b (the edit record,
:mod:`govsite.pipeline.edits`), which answer a build with nothing to do or with
body edits only. It imports none of the page-by-page build
(:mod:`govsite.pipeline.pages`: the model, the reader, Jinja, every feature), so a
no-change build does not pay for it (0.25 s of 0.64 s at 100,000 items,
docs/performance.md "Edits: the fast path"); ``govsite build`` calls
:func:`answer` before click is even imported (:mod:`govsite.cli`).
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from govsite.base.manifest import MANIFEST, read_manifest
from govsite.dates import today_beijing
from govsite.pipeline import stamp
from govsite.pipeline.guard import check_output
from govsite.pipeline.lock import Waiting, build_locks
from govsite.pipeline.result import BuildResult, collector_paused, done

if TYPE_CHECKING:
    from govsite.pipeline.render_pages import Progress
    from govsite.render.registry import PostRender

__all__ = ["BuildResult", "answer", "build"]


def build(site: Path, out: Path | None = None, base_url: str | None = None, jobs: int | None = None,
          progress: Progress | None = None, quick: bool = False, force_out: bool = False,
          waiting: Waiting | None = None) -> BuildResult:
    """Build ``site`` into ``out``. ``quick`` leaves the search index as it was (it is
    brought up to date by the next build without ``quick``).

    Raises :class:`~govsite.pipeline.guard.OutputRefused` before reading or writing
    anything when ``out`` is not safe to replace (``force_out``: a non-empty folder
    that is not a govsite output may be). Holds the site's and the output's build
    locks throughout; ``waiting`` is told when another build holds one."""
    site = site.resolve()
    out = (out or site / "output").resolve()
    if not (site / "site.yaml").is_file():  # not a site (a typo in --site): say so, make nothing there
        with collector_paused():
            return _build(site, out, base_url, jobs, progress, quick, False)  # type: ignore[return-value]
    check_output(site, out, force_out)
    with build_locks(site, out, waiting), collector_paused():
        check_output(site, out, force_out)  # again, now that no other build can change it
        return _build(site, out, base_url, jobs, progress, quick, False)  # type: ignore[return-value]


def answer(site: Path, out: Path | None = None, base_url: str | None = None, quick: bool = False,
           force_out: bool = False, waiting: Waiting | None = None) -> BuildResult | None:
    """The build, when phase 0 or 0b can answer it (nothing changed, or only item
    bodies in a quick build); else None, having changed nothing (:func:`build` then
    does the whole build). Raises as :func:`build` does."""
    site = site.resolve()
    out = (out or site / "output").resolve()
    if not (site / "site.yaml").is_file():
        return None
    check_output(site, out, force_out)
    with build_locks(site, out, waiting), collector_paused():
        check_output(site, out, force_out)
        return _build(site, out, base_url, None, None, quick, True)


def _build(site: Path, out: Path, base_url: str | None, jobs: int | None,
           progress: Progress | None, quick: bool, front_only: bool) -> BuildResult | None:
    started = time.perf_counter()

    # Phase 0: nothing changed since the last successful build? (see govsite.pipeline.stamp)
    today = today_beijing().isoformat()
    seen: dict[str, str] = {}
    inputs = stamp.fingerprint(site, out, base_url, today_beijing(), seen)
    answered = _answer_from_stamp(site, out, inputs, quick)
    if answered is not None:
        return done(answered, started)
    if quick:  # only item bodies changed? then only what they reach (govsite.pipeline.edits)
        from govsite.pipeline import edits  # not imported by a build the stamp answers

        stamp.forget_stamp(site, out)
        followed = edits.follow(site, out, base_url, today, seen, inputs)
        if followed is not None:
            stamp.write_stamp(site, out, inputs, out / MANIFEST, followed.problems.items, followed.folders,
                              followed.total)
            return done(BuildResult(followed.problems, len(followed.written_paths),
                                    followed.total - len(followed.written_paths), 0, total=followed.total,
                                    written_paths=followed.written_paths), started)
    if front_only:
        return None
    stamp.forget_stamp(site, out)
    from govsite.pipeline.pages import build_pages  # the page-by-page way (phases 1–5)

    return build_pages(site, out, base_url, jobs, progress, quick, inputs, started)


def _post_render_steps() -> list[PostRender]:
    from govsite.render import registry

    return registry.post_render_steps()


def _answer_from_stamp(site: Path, out: Path, inputs: str | None, quick: bool) -> BuildResult | None:
    """The result of a build with nothing to do, when the stamp proves it; else None."""
    previous = stamp.read_stamp(site, out)
    if not stamp.unchanged_since(previous, site, inputs, out / MANIFEST):
        return None
    if not quick and any(step.pending is not None and step.pending(out) for step in _post_render_steps()):
        return None  # a quick build left work (the search index) for this one
    assert previous is not None
    from govsite.problems import ProblemLog  # i18n's catalogs: not for a build with nothing to do

    problems = ProblemLog()
    problems.extend(previous.problems)
    there = stamp.outputs_unchanged(previous, out)
    if there is True:
        return BuildResult(problems, unchanged=previous.files, total=previous.files)
    if there is False:
        return None
    manifest = read_manifest(out)
    out_prefix = str(out) + os.sep
    if not manifest or not all(os.path.isfile(out_prefix + p) for p in manifest):
        return None
    return BuildResult(problems, unchanged=len(manifest), total=len(manifest))


