"""Build benchmarks: cold build, no-change rebuild and one-item rebuild.

Usage::

    python benchmarks/run.py [--sizes 1000 10000] [--jobs N] [--seed S] [--repeat R]
    python benchmarks/run.py --gazette [--gazette-years 10 --issues-per-year 36 --articles-per-issue 20]

For each size a corpus is generated into ``benchmarks/corpus/n<N>-s<S>/`` (reused
when its marker matches N, seed and the generator source), then each scenario
runs ``python -m govsite.cli build --site DIR --quiet --lang en`` in a fresh
subprocess with ``GOVSITE_TODAY=2026-11-20``:

cold
    ``output/`` and ``.govsite-cache/`` deleted first (the OS page cache stays warm).
no-change
    a second build with nothing changed (answered by the build stamp, see
    ``govsite/pipeline/stamp.py``).
no-change-unstamped
    the same with the build stamp deleted first: the page-by-page path (read
    cache, model, plan, manifest comparison) that any change goes through.
one-item
    one sentence appended to the body of one deterministically chosen item; the
    file is restored afterwards, with its modification time, so the corpus stays
    reusable.

With ``--gazette`` the corpus also has a 政府公报 (default 10 years × 36 issues ×
20 articles; ``benchmarks/corpus/n<N>-s<S>-g<Y>x<P>x<A>/``), ``--sizes`` defaults
to 10000, results go to ``benchmarks/results-gazette.json``, and there is a
fourth scenario:

one-article
    one sentence appended to the body of one deterministically chosen gazette
    article that has its own text (not one linked to an item, whose body must
    stay empty), restored afterwards.

Measured per build:

* wall time around the subprocess (includes interpreter start-up and imports)
  and the build's own "in S s" from its summary line;
* CPU time (user+sys) from ``os.wait4`` of the child: the kernel folds in every
  reaped descendant, so the multiprocessing render workers are included;
* memory, two ways: ``ru_maxrss`` from ``os.wait4`` (largest single process of
  the tree, workers included once reaped), and a sampler thread that walks
  ``/proc`` every ``--sample-ms`` and sums VmRSS and PSS (``smaps_rollup``) over
  the child and all its descendants. The sum of RSS counts copy-on-write pages
  shared by forked workers more than once (an upper bound); PSS splits shared
  pages between processes (the best estimate of real memory use). The 1 GiB
  target is judged on the RSS sum, the conservative figure.

Prints Markdown tables and writes ``benchmarks/results.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (sibling script)

CORPUS = HERE / "corpus"
TODAY = "2026-11-20"
SUMMARY_RE = re.compile(r"Done: (\d+) written, (\d+) unchanged, (\d+) deleted in ([\d.]+)s")
APPENDED = "\n本文件自印发之日起施行，由县人民政府办公室负责解释。\n"
MIB = 1024 * 1024
RACY_S = 2.1
"""Just over govsite's racy window (``govsite.base.cache.RACY_NS``)."""
TARGETS: list[tuple[str, str, float, str]] = [
    # (label, scenario, limit, metric)
    ("cold build < 20 s", "cold", 20.0, "wall_s"),
    ("no-change rebuild < 1.5 s", "no-change", 1.5, "wall_s"),
    ("no-change rebuild without the stamp < 1.5 s", "no-change-unstamped", 1.5, "wall_s"),
    ("one-item rebuild < 2 s", "one-item", 2.0, "wall_s"),
    ("one-article rebuild < 2 s", "one-article", 2.0, "wall_s"),
    ("peak RSS < 1 GiB", "*", 1024.0, "peak_rss_mib"),
]
TARGET_SIZE = 10_000


# --- memory sampling ----------------------------------------------------------------------------


def _ppid(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat[stat.rindex(")") + 2 :].split()[1])


def _kib(path: str, key: str) -> int:
    """A ``key: N kB`` value from a /proc file; 0 when the process is gone."""
    try:
        with open(path) as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeSampler(threading.Thread):
    """Samples the summed RSS and PSS of a process and all its descendants."""

    def __init__(self, root: int, interval: float) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.interval = interval
        self.peak_rss_kib = 0
        self.peak_pss_kib = 0
        self.max_procs = 0
        self._halt = threading.Event()

    def tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for name in os.listdir("/proc"):
            if name.isdigit():
                parent = _ppid(int(name))
                if parent is not None:
                    children.setdefault(parent, []).append(int(name))
        found, stack = [], [self.root]
        while stack:
            pid = stack.pop()
            found.append(pid)
            stack.extend(children.get(pid, []))
        return found

    def run(self) -> None:
        while not self._halt.is_set():
            pids = self.tree()
            rss = sum(_kib(f"/proc/{p}/status", "VmRSS:") for p in pids)
            pss = sum(_kib(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids)
            self.peak_rss_kib = max(self.peak_rss_kib, rss)
            self.peak_pss_kib = max(self.peak_pss_kib, pss)
            self.max_procs = max(self.max_procs, len(pids))
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


# --- one build ----------------------------------------------------------------------------------


@dataclass
class Run:
    """Measurements of one build subprocess."""

    items: int
    scenario: str
    wall_s: float
    build_s: float
    cpu_s: float
    user_s: float
    sys_s: float
    peak_rss_mib: float
    """Peak of the summed VmRSS over the process tree (sampled); falls back to max_single_rss_mib."""
    peak_pss_mib: float
    max_single_rss_mib: float
    """ru_maxrss from wait4: the largest single process of the tree."""
    processes: int
    written: int
    unchanged: int
    deleted: int
    gazette: str = ""
    """Gazette shape (e.g. g10x36x20) or empty when the corpus has none."""


BUILD_FLAGS: list[str] = []
"""Extra ``govsite build`` flags for every measured build (``--no-search``)."""


def build_once(site: Path, items: int, scenario: str, jobs: int | None, sample_ms: float, gazette: str = "") -> Run:
    """Run one ``govsite build`` in a fresh interpreter and measure it."""
    cmd = [sys.executable, "-m", "govsite.cli", "build", "--site", str(site), "--quiet", "--lang", "en", *BUILD_FLAGS]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    env = {**os.environ, "GOVSITE_TODAY": TODAY, "GOVSITE_LANG": "en"}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        sampler = TreeSampler(proc.pid, sample_ms / 1000) if sample_ms > 0 else None
        if sampler:
            sampler.start()
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if sampler:
            sampler.stop()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    match = SUMMARY_RE.search(stdout)
    if proc.returncode != 0 or not match:
        raise RuntimeError(f"build failed ({proc.returncode}) for {site}:\n{stdout}\n{stderr[-3000:]}")
    single = usage.ru_maxrss / 1024  # KiB on Linux
    return Run(
        items=items, scenario=scenario, wall_s=round(wall, 3), build_s=float(match[4]),
        cpu_s=round(usage.ru_utime + usage.ru_stime, 3), user_s=round(usage.ru_utime, 3),
        sys_s=round(usage.ru_stime, 3),
        peak_rss_mib=round(sampler.peak_rss_kib / 1024 if sampler else single, 1),
        peak_pss_mib=round(sampler.peak_pss_kib / 1024 if sampler else 0.0, 1),
        max_single_rss_mib=round(single, 1), processes=sampler.max_procs if sampler else 0,
        written=int(match[1]), unchanged=int(match[2]), deleted=int(match[3]), gazette=gazette,
    )


# --- scenarios ----------------------------------------------------------------------------------


def corpus_for(n: int, seed: int, gazette: "generate.GazetteSpec | None" = None) -> Path:
    """The corpus folder for ``n`` items (and ``gazette``), generated unless a matching one exists."""
    site = CORPUS / (f"n{n}-s{seed}" + (f"-{gazette.label}" if gazette else ""))
    marker = site / generate.MARKER
    try:
        if json.loads(marker.read_text()) == generate.marker(n, seed, gazette):
            return site
    except (OSError, ValueError):
        pass
    print(f"generating {n} items{f' and gazette {gazette.label}' if gazette else ''} into {site} …", file=sys.stderr)
    generate.generate(n, site, seed, gazette)
    time.sleep(RACY_S)  # files younger than this are not trusted by the read cache and the stamp
    return site


def chosen_item(site: Path, seed: int) -> Path:
    """The item edited in the one-item scenario: fixed by the seed and the corpus."""
    files = sorted((site / "content" / "items").rglob("*.md"))
    return random.Random(f"one-item:{seed}").choice(files)


def has_own_text(path: Path) -> bool:
    """Whether a Markdown file has a non-empty body after its front matter."""
    parts = path.read_text(encoding="utf-8").split("---\n", 2)
    return len(parts) == 3 and bool(parts[2].strip())


def chosen_article(site: Path, seed: int) -> Path:
    """The gazette article edited in the one-article scenario: one with its own text."""
    files = [p for p in sorted((site / "content" / "gazette").rglob("*.md")) if has_own_text(p)]
    return random.Random(f"one-article:{seed}").choice(files)


def gazette_size(site: Path) -> tuple[int, int]:
    """(issues, articles) of the corpus's gazette."""
    root = site / "content" / "gazette"
    return len(list(root.rglob("issue.yaml"))), len(list(root.rglob("*.md")))


def edited_build(site: Path, target: Path, n: int, scenario: str, jobs: int | None, sample_ms: float,
                 gazette: str) -> Run:
    """A build after appending :data:`APPENDED` to ``target``, which is restored afterwards."""
    original, st = target.read_bytes(), target.stat()
    try:
        target.write_bytes(original.rstrip(b"\n") + APPENDED.encode("utf-8"))
        return build_once(site, n, scenario, jobs, sample_ms, gazette)
    finally:
        target.write_bytes(original)
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))  # the corpus as it was, times included


def run_size(n: int, seed: int, jobs: int | None, repeat: int, sample_ms: float,
             gazette: "generate.GazetteSpec | None" = None) -> list[Run]:
    site = corpus_for(n, seed, gazette)
    label = gazette.label if gazette else ""
    target = chosen_item(site, seed)
    article = chosen_article(site, seed) if gazette else None
    runs: list[Run] = []
    for _ in range(repeat):
        shutil.rmtree(site / "output", ignore_errors=True)
        shutil.rmtree(site / ".govsite-cache", ignore_errors=True)
        done = len(runs)
        runs.append(build_once(site, n, "cold", jobs, sample_ms, label))
        runs.append(build_once(site, n, "no-change", jobs, sample_ms, label))
        for stamp in (site / ".govsite-cache").glob("build-stamp.pickle*"):
            stamp.unlink()
        runs.append(build_once(site, n, "no-change-unstamped", jobs, sample_ms, label))
        runs.append(edited_build(site, target, n, "one-item", jobs, sample_ms, label))
        if article is not None:
            build_once(site, n, "restore", jobs, 0, label)  # unmeasured: output matches the corpus again
            runs.append(edited_build(site, article, n, "one-article", jobs, sample_ms, label))
        for r in runs[done:]:
            print(f"  {n:>6}{'+' + label if label else ''} {r.scenario:<11} wall {r.wall_s:7.2f} s  "
                  f"rss {r.peak_rss_mib:7.1f} MiB  written {r.written}", file=sys.stderr)
    return runs


def median_runs(runs: list[Run]) -> list[Run]:
    """One run per (items, gazette, scenario): the one with the median wall time."""
    groups: dict[tuple[int, str, str], list[Run]] = {}
    for r in runs:
        groups.setdefault((r.items, r.gazette, r.scenario), []).append(r)
    out = []
    for group in groups.values():
        group.sort(key=lambda r: r.wall_s)
        out.append(group[(len(group) - 1) // 2])
    return out


# --- report -------------------------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    mem = re.search(r"^MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text(), re.M)

    def git(*args: str) -> str:
        res = subprocess.run(["git", *args], cwd=HERE.parent, capture_output=True, text=True)
        return res.stdout.strip()

    from govsite import __version__

    return {
        "nproc": os.cpu_count(),
        "affinity": len(os.sched_getaffinity(0)),
        "cpu_model": model[1].strip() if model else platform.processor(),
        "ram_gib": round(int(mem[1]) / MIB, 1) if mem else None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "govsite": __version__,
        "git_commit": git("rev-parse", "--short", "HEAD"),
        "git_dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
        "time_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def check_targets(runs: list[Run]) -> list[dict[str, Any]]:
    """PASS/FAIL of each target at :data:`TARGET_SIZE` items (empty when that size was not run)."""
    at = [r for r in runs if r.items == TARGET_SIZE]
    rows = []
    for label, scenario, limit, metric in TARGETS if at else []:
        values = [getattr(r, metric) for r in at if scenario in ("*", r.scenario)]
        if not values:
            continue
        value = max(values)
        rows.append({"target": label, "measured": value, "limit": limit, "metric": metric,
                     "result": "PASS" if value < limit else "FAIL"})
    return rows


def markdown(runs: list[Run], targets: list[dict[str, Any]], info: dict[str, Any], jobs: int | None) -> str:
    lines = [
        f"Machine: {info['nproc']} CPUs ({info['cpu_model']}), {info['ram_gib']} GiB RAM, Python {info['python']}, "
        f"govsite {info['govsite']} @ {info['git_commit']}{' (dirty)' if info['git_dirty'] else ''}, "
        f"jobs={jobs or 'default (all cores)'}, 1-min load avg at start {info['loadavg_1m_at_start']}",
        "",
        "| items | scenario | wall s | build s | CPU s | peak RSS Σ MiB | peak PSS Σ MiB | max 1-proc RSS MiB "
        "| written | unchanged | deleted |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        lines.append(f"| {r.items:,}{' + ' + r.gazette if r.gazette else ''} | {r.scenario} | {r.wall_s:.2f} | {r.build_s:.2f} | {r.cpu_s:.2f} | "
                     f"{r.peak_rss_mib:.0f} | {r.peak_pss_mib:.0f} | {r.max_single_rss_mib:.0f} | {r.written:,} | "
                     f"{r.unchanged:,} | {r.deleted:,} |")
    if targets:
        lines += ["", f"Targets at {TARGET_SIZE:,} items:", "", "| target | measured | result |", "|---|---:|---|"]
        for t in targets:
            unit = "MiB" if t["metric"] == "peak_rss_mib" else "s"
            lines.append(f"| {t['target']} | {t['measured']:.2f} {unit} | {t['result']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=None,
                        help="item counts (default: 1000 10000; with --gazette: 10000)")
    parser.add_argument("--jobs", type=int, default=None, help="passed to govsite build --jobs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="runs per scenario; the median is reported")
    parser.add_argument("--sample-ms", type=float, default=50, help="/proc sampling interval; 0 disables")
    parser.add_argument("--out", type=Path, default=None,
                        help="default: benchmarks/results.json, with --gazette benchmarks/results-gazette.json")
    parser.add_argument("--gazette", action="store_true", help="corpus with a gazette; adds the one-article scenario")
    parser.add_argument("--gazette-years", type=int, default=10)
    parser.add_argument("--issues-per-year", type=int, default=36)
    parser.add_argument("--articles-per-issue", type=int, default=20)
    parser.add_argument("--no-search", action="store_true",
                        help="build with --no-search (the issue #2 targets exclude the search index); "
                             "default output then benchmarks/results-nosearch.json")
    args = parser.parse_args()
    if args.no_search:
        BUILD_FLAGS.append("--no-search")
    gazette = (generate.GazetteSpec(args.gazette_years, args.issues_per_year, args.articles_per_issue)
               if args.gazette else None)
    sizes = args.sizes or ([TARGET_SIZE] if gazette else [1000, TARGET_SIZE])
    out = args.out or HERE / (("results-gazette" if gazette else "results") + ("-nosearch" if args.no_search else "")
                              + ".json")

    load = os.getloadavg()[0]
    if load > 0.5:
        print(f"warning: load average {load:.2f} before start; timings may be inflated by other processes",
              file=sys.stderr)
    all_runs: list[Run] = []
    corpora = {}
    for n in sizes:
        all_runs += run_size(n, args.seed, args.jobs, args.repeat, args.sample_ms, gazette)
        if gazette:
            issues, articles = gazette_size(corpus_for(n, args.seed, gazette))
            corpora[f"n{n}-s{args.seed}-{gazette.label}"] = {"items": n, "issues": issues, "articles": articles}
    runs = median_runs(all_runs)
    targets = check_targets(runs)
    info = machine_info() | {"loadavg_1m_at_start": round(load, 2)}
    print(markdown(runs, targets, info, args.jobs))
    for name, size in corpora.items():
        print(f"\n{name}: {size['items']:,} items, {size['issues']:,} issues, {size['articles']:,} articles")
    payload = {"machine": info, "jobs": args.jobs, "build_flags": BUILD_FLAGS, "seed": args.seed, "repeat": args.repeat,
               "results": [asdict(r) for r in runs], "all_runs": [asdict(r) for r in all_runs], "targets": targets}
    if corpora:
        payload["corpora"] = corpora
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
