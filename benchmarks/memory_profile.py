"""Where a cold build's memory goes: the main process after each phase, and what holds it.

Usage::

    python benchmarks/memory_profile.py SITE OUT [--jobs 2] [--tracemalloc] [--no-search] [--json FILE]

Builds ``SITE`` cold into ``OUT`` in this process (``OUT``, the report
folder beside it and the site's ``.govsite-cache/`` are deleted first), wrapping the phase functions that
:mod:`govsite.pipeline.build` calls (nothing in the package is changed) and
recording after each phase the main process's resident memory (``VmRSS``) and its
high-water mark (``VmHWM``). Render workers are forked as in a real build; their
peaks are read from ``/proc`` while they run.

With ``--tracemalloc`` Python's allocations are traced in the main process (not in
the workers: tracing stops after the fork) and, after the phases that hold the
most, the top allocation sites and the object counts by type (``gc``) are
printed: what, at the peak, holds the memory. Tracing adds memory of its own (the
main process's high-water mark was 306 MiB against 213 MiB untraced at 10,000
items) and slows the build, so its figures are for the breakdown, not the totals.
"""
from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import shutil
import sys
import threading
import time
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
os.environ.setdefault("GOVSITE_TODAY", "2026-11-20")

from run import _kib  # noqa: E402
from govsite.pipeline import build as build_mod  # noqa: E402
from govsite.pipeline import pages as pages_mod  # noqa: E402
from govsite.render import registry  # noqa: E402

ROWS: list[dict[str, Any]] = []
SNAPSHOTS: list[dict[str, Any]] = []
WORKER_PEAKS: dict[int, int] = {}
TRACE = False
SNAP_AFTER = {"2 build_model", "3 plan", "4 render_all", "5 post-render search"}


def _mib(kib: int) -> float:
    return round(kib / 1024, 1)


def _status(key: str) -> int:
    return _kib("/proc/self/status", key)


def breakdown(label: str, top: int = 25) -> None:
    """Top allocation sites (file:line, grouped) and the most numerous object types now."""
    snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
    stats = snap.statistics("lineno")
    total = sum(s.size for s in stats)
    sites = [{"where": f"{s.traceback[0].filename.replace(str(HERE.parent) + '/', '')}:{s.traceback[0].lineno}",
              "mib": round(s.size / 2**20, 1), "count": s.count} for s in stats[:top]]
    types = Counter(type(o).__name__ for o in gc.get_objects())
    SNAPSHOTS.append({"after": label, "traced_mib": round(total / 2**20, 1), "sites": sites,
                      "gc_types": types.most_common(15)})


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            row: dict[str, Any] = {"phase": name, "s": round(time.perf_counter() - started, 2),
                                   "rss_mib": _mib(_status("VmRSS:")), "hwm_mib": _mib(_status("VmHWM:"))}
            if TRACE:
                current, peak = tracemalloc.get_traced_memory()
                row["traced_mib"], row["traced_peak_mib"] = round(current / 2**20, 1), round(peak / 2**20, 1)
                if name in SNAP_AFTER:
                    breakdown(name)
            ROWS.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)

    return wrapper


def instrument() -> None:
    """Wrap the phases as the page-by-page build (govsite.pipeline.pages) looks them up."""
    pages_mod.load_site = timed("1 load_site", pages_mod.load_site)
    pages_mod.build_model = timed("2 build_model", pages_mod.build_model)
    pages_mod._plan = timed("3 plan", pages_mod._plan)
    pages_mod.read_manifest = timed("3c read_manifest", pages_mod.read_manifest)
    pages_mod.render_all = timed("4 render_all", pages_mod.render_all)
    pages_mod.record_urls = timed("6 record_urls", pages_mod.record_urls)
    pages_mod.edit_record.after_build = timed("7 edit_record", pages_mod.edit_record.after_build)
    from dataclasses import replace

    steps = registry.post_render_steps()
    wrapped = [replace(s, run=timed(f"5 post-render {s.name}", s.run)) for s in steps]
    pages_mod.registry.post_render_steps = lambda: wrapped  # type: ignore[attr-defined]


def watch_workers(halt: threading.Event) -> None:
    """Peak VmRSS of every child of this process (the forked render workers)."""
    me = os.getpid()
    while not halt.is_set():
        for name in os.listdir("/proc"):
            if name.isdigit() and int(name) != me:
                try:
                    with open(f"/proc/{name}/stat") as fh:
                        stat = fh.read()
                except OSError:
                    continue
                if int(stat[stat.rindex(")") + 2:].split()[1]) == me:
                    WORKER_PEAKS[int(name)] = max(WORKER_PEAKS.get(int(name), 0), _kib(f"/proc/{name}/status", "VmRSS:"))
        halt.wait(0.2)


def main() -> None:
    global TRACE
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--tracemalloc", action="store_true")
    ap.add_argument("--no-search", action="store_true", help="a quick build: the search index is left as it was")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    shutil.rmtree(args.out, ignore_errors=True)
    shutil.rmtree(args.out.with_name(args.out.name + "-report"), ignore_errors=True)  # the inspection report beside it
    shutil.rmtree(args.site / ".govsite-cache", ignore_errors=True)
    TRACE = args.tracemalloc
    instrument()
    if TRACE:
        tracemalloc.start(1)
        os.register_at_fork(after_in_child=tracemalloc.stop)
    halt = threading.Event()
    watcher = threading.Thread(target=watch_workers, args=(halt,), daemon=True)
    watcher.start()
    started = time.perf_counter()
    result = build_mod.build(args.site, args.out, jobs=args.jobs, quick=args.no_search)
    halt.set()
    watcher.join()
    summary = {"site": str(args.site), "ok": result.ok, "files": result.total,
               "wall_s": round(time.perf_counter() - started, 1), "main_hwm_mib": _mib(_status("VmHWM:")),
               "worker_peaks_mib": sorted((_mib(v) for v in WORKER_PEAKS.values()), reverse=True),
               "tracemalloc": TRACE, "phases": ROWS, "snapshots": SNAPSHOTS}
    print(json.dumps({k: v for k, v in summary.items() if k not in ("phases", "snapshots")}, ensure_ascii=False))
    for snap in SNAPSHOTS:
        print(f"\n== after {snap['after']}: traced {snap['traced_mib']} MiB")
        for site in snap["sites"]:
            print(f"  {site['mib']:8.1f} MiB {site['count']:9d}  {site['where']}")
        print("  objects:", ", ".join(f"{t} {n}" for t, n in snap["gc_types"]))
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
