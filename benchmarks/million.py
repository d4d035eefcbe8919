"""The million-item benchmark (issue 18): generate a corpus, build it cold, edit one item.

Usage::

    python benchmarks/million.py [--items 1000000] [--dir DIR] [--seed 1] [--jobs N]
        [--search] [--sample-ms 200] [--clean] [--json FILE]

Not run in CI: at 1,000,000 items the corpus is ≈ 7 GB and the output 20–40 GB,
and the cold build takes the better part of an hour on 2 cores. Steps:

1. refuse to start when the disk holding ``DIR`` has less room than the corpus and
   its output need (≈ 7.5 KB + 30 KB an item, measured at 100,000);
2. generate ``N`` items into ``DIR`` (default ``benchmarks/corpus/n<N>-s<S>``) with
   ``benchmarks/generate.py``, unless its marker says it is already there;
3. a cold build (``output/``, the report beside it and ``.govsite-cache/`` deleted
   first), ``--no-search`` unless ``--search``: at this size the search index is a
   step of its own, measured by ``benchmarks/search_index.py``;
4. a build with nothing changed;
5. one sentence appended to one item's body (the item ``run.py`` would choose for
   the seed), built, and the file restored with its modification time.

Each build runs ``python -m govsite.cli build`` in a fresh interpreter and is
measured as ``benchmarks/run.py`` measures it: wall and CPU time (user+sys of the
process and its reaped workers), the largest single process (``ru_maxrss``), and
the peaks of RSS and of PSS summed over the whole process tree, sampled from
``/proc``. The sum of RSS counts the pages a forked worker shares with the main
process once per process (an upper bound); the sum of PSS splits them (the
physical memory the build uses). The 1-minute load average is recorded before
and after each build: the machine may be shared. Results go to
``benchmarks/results-million-n<N>.json``; ``--clean`` deletes the corpus and its
output afterwards (the results are kept).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (sibling script)
import run as bench  # noqa: E402

INPUT_BYTES_PER_ITEM = 7_500
"""The generated corpus: 729 MB for 100,000 items."""
OUTPUT_BYTES_PER_ITEM = 30_000
"""A build's output with its cache, upper end (2–3 GB at 100,000 items)."""
TARGET_PEAK_MIB = 4096.0
TARGET_EDIT_S = 3.0


def load() -> float:
    return os.getloadavg()[0]


def need_bytes(n: int, have_corpus: bool) -> int:
    return n * (OUTPUT_BYTES_PER_ITEM + (0 if have_corpus else INPUT_BYTES_PER_ITEM))


def corpus(n: int, seed: int, folder: Path) -> tuple[Path, float | None]:
    """The corpus in ``folder`` and the seconds its generation took (None: reused)."""
    try:
        if json.loads((folder / generate.MARKER).read_text()) == generate.marker(n, seed):
            return folder, None
    except (OSError, ValueError):
        pass
    print(f"generating {n:,} items into {folder} …", file=sys.stderr, flush=True)
    started = time.perf_counter()
    generate.generate(n, folder, seed)
    took = time.perf_counter() - started
    time.sleep(bench.RACY_S)  # files younger than this are not trusted by the read cache and the stamp
    return folder, round(took, 1)


def measured(label: str, action: Any) -> dict[str, Any]:
    before = load()
    result = action()
    row = {**asdict(result), "scenario": label, "load_before": round(before, 2), "load_after": round(load(), 2)}
    print(f"  {label:<10} wall {row['wall_s']:8.1f} s  CPU {row['cpu_s']:8.1f} s  "
          f"Σ RSS {row['peak_rss_mib']:8.0f} MiB  Σ PSS {row['peak_pss_mib']:8.0f} MiB  "
          f"largest {row['max_single_rss_mib']:7.0f} MiB  load {before:.1f}→{row['load_after']:.1f}",
          file=sys.stderr, flush=True)
    return row


def disk_bytes(path: Path) -> int:
    res = subprocess.run(["du", "-sb", str(path)], capture_output=True, text=True)
    return int(res.stdout.split()[0]) if res.returncode == 0 and res.stdout else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=1_000_000)
    ap.add_argument("--dir", type=Path, help="corpus folder (default benchmarks/corpus/n<N>-s<S>)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--search", action="store_true", help="build the search index too (default: --no-search)")
    ap.add_argument("--sample-ms", type=float, default=200)
    ap.add_argument("--clean", action="store_true", help="delete the corpus and its output afterwards")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    n = args.items
    folder = (args.dir or bench.CORPUS / f"n{n}-s{args.seed}").resolve()
    folder.parent.mkdir(parents=True, exist_ok=True)
    have = (folder / generate.MARKER).is_file()
    free = shutil.disk_usage(folder.parent).free
    if free < need_bytes(n, have):
        sys.exit(f"not enough disk for {n:,} items at {folder.parent}: {free / 1e9:.1f} GB free, "
                 f"≈ {need_bytes(n, have) / 1e9:.1f} GB needed (corpus and output)")
    bench.BUILD_FLAGS[:] = [] if args.search else ["--no-search"]
    site, generated_s = corpus(n, args.seed, folder)
    for stale in (site / "output", site / "output-report", site / ".govsite-cache"):
        shutil.rmtree(stale, ignore_errors=True)
    rows = [measured("cold", lambda: bench.build_once(site, n, "cold", args.jobs, args.sample_ms))]
    rows.append(measured("no-change", lambda: bench.build_once(site, n, "no-change", args.jobs, args.sample_ms)))
    target = bench.chosen_item(site, args.seed)
    rows.append(measured("one-item", lambda: bench.edited_build(site, target, n, "one-item", args.jobs,
                                                                 args.sample_ms, "")))
    cold, edit = rows[0], rows[2]
    results = {
        "items": n, "seed": args.seed, "search": args.search, "jobs": args.jobs, "corpus": str(site),
        "generated_s": generated_s, "corpus_bytes": disk_bytes(site / "content"),
        "output_bytes": disk_bytes(site / "output"), "edited_item": str(target.relative_to(site)),
        "machine": bench.machine_info(), "runs": rows,
        "targets": [
            {"target": "cold build peak memory ≤ 4 GiB (Σ RSS of all processes)", "value": cold["peak_rss_mib"],
             "limit": TARGET_PEAK_MIB, "met": cold["peak_rss_mib"] <= TARGET_PEAK_MIB},
            {"target": "cold build peak memory ≤ 4 GiB (Σ PSS of all processes)", "value": cold["peak_pss_mib"],
             "limit": TARGET_PEAK_MIB, "met": cold["peak_pss_mib"] <= TARGET_PEAK_MIB},
            {"target": "one-item edit ≤ 3 s (wall)", "value": edit["wall_s"], "limit": TARGET_EDIT_S,
             "met": edit["wall_s"] <= TARGET_EDIT_S},
        ],
    }
    out = args.json or HERE / f"results-million-n{n}.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    for t in results["targets"]:
        print(f"{'met' if t['met'] else 'NOT met'}: {t['target']}: {t['value']:,}", file=sys.stderr)
    print(f"results: {out}", file=sys.stderr)
    if args.clean:
        shutil.rmtree(site, ignore_errors=True)  # the output and its report are inside it


if __name__ == "__main__":
    main()
