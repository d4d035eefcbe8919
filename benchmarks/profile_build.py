"""Profile one build in-process: phase timings plus cProfile top functions.

Usage::

    python benchmarks/profile_build.py SITE {cold,no-change,one-item,one-article} [--jobs 1] [--top 30] [--prof FILE] [--no-search]

``cold`` deletes ``output/`` and ``.govsite-cache/`` first; ``no-change`` builds as is
(run a build first); ``one-item`` appends a sentence to the same item as
``run.py`` chooses and restores it afterwards; ``one-article`` does the same to
the gazette article ``run.py --gazette`` chooses (SITE must have a gazette). With
``--jobs 1`` every page is rendered in this process, so cProfile sees the whole build. Phase timings come
from wrapping the phase functions that :mod:`govsite.pipeline.build` calls; nothing
in the package is changed.
"""
from __future__ import annotations

import argparse
import cProfile
import functools
import io
import os
import pstats
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("GOVSITE_TODAY", "2026-11-20")

import run as bench  # noqa: E402
from govsite.pipeline import build as build_mod  # noqa: E402
from govsite.pipeline import pages as pages_mod  # noqa: E402

PHASES: dict[str, float] = {}


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap ``fn`` so its total time is added to ``PHASES[name]``."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            PHASES[name] = PHASES.get(name, 0.0) + time.perf_counter() - started

    return wrapper


def instrument() -> None:
    """Time the phases as build() looks them up in its module namespace."""
    pages_mod.load_site = timed("1 load_site (read+validate files)", pages_mod.load_site)
    pages_mod.build_model = timed("2 build_model (link, indexes)", pages_mod.build_model)
    pages_mod.make_env = timed("3a make_env", pages_mod.make_env)
    pages_mod._plan = timed("3b plan (specs, digests, files)", pages_mod._plan)
    pages_mod.read_manifest = timed("3c read_manifest", pages_mod.read_manifest)
    pages_mod.render_all = timed("4 render_all", pages_mod.render_all)
    staging = pages_mod.Staging
    staging.link_unchanged = timed("5a link_unchanged", staging.link_unchanged)
    staging.write_manifest = timed("5b write_manifest", staging.write_manifest)
    staging.commit = timed("5c commit (swap, rmtree old)", staging.commit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("scenario", choices=["cold", "no-change", "one-item", "one-article"])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--prof", type=Path, default=None, help="also dump pstats here")
    parser.add_argument("--no-cprofile", action="store_true", help="phase timings only (no profiler overhead)")
    parser.add_argument("--no-search", action="store_true", help="a quick build, as `govsite build --no-search`")
    args = parser.parse_args()
    site: Path = args.site.resolve()
    if args.scenario == "cold":
        shutil.rmtree(site / "output", ignore_errors=True)
        shutil.rmtree(site / ".govsite-cache", ignore_errors=True)
    edited = args.scenario in ("one-item", "one-article")
    target = bench.chosen_article(site, args.seed) if args.scenario == "one-article" else bench.chosen_item(site, args.seed)
    original = target.read_bytes()
    if edited:
        target.write_bytes(original.rstrip(b"\n") + bench.APPENDED.encode("utf-8"))
    instrument()
    profiler = None if args.no_cprofile else cProfile.Profile()
    started = time.perf_counter()
    try:
        if profiler:
            profiler.enable()
        result = build_mod.build(site, jobs=args.jobs, quick=args.no_search)
        if profiler:
            profiler.disable()
    finally:
        if edited:
            target.write_bytes(original)
    total = time.perf_counter() - started
    print(f"{args.scenario}: written {result.written}, unchanged {result.unchanged}, total {total:.2f} s"
          f"{' (under cProfile)' if profiler else ''}")
    for name, seconds in sorted(PHASES.items()):
        print(f"  {name:<36} {seconds:7.2f} s")
    if profiler:
        if args.prof:
            profiler.dump_stats(args.prof)
        for key in ("cumulative", "tottime"):
            buf = io.StringIO()
            pstats.Stats(profiler, stream=buf).strip_dirs().sort_stats(key).print_stats(args.top)
            print(f"--- top {args.top} by {key} ---")
            print(buf.getvalue())


if __name__ == "__main__":
    main()
