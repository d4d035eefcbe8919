"""Search-index benchmark: the post-render step alone, full and after one change.

Usage::

    python benchmarks/search_index.py [--corpus benchmarks/corpus/n10000-s1] [--jobs N]
    python benchmarks/search_index.py --builds [--corpus DIR] [--repeat R] [--edits E]
        [--keep-output DIR] [--out-json PATH]

Builds the corpus once into a scratch folder (``govsite build``, not timed here:
see ``run.py``), then times :func:`govsite.search.indexer.run` in this process:

full
    every shard indexed into a fresh stage (no previous output);
one-change
    one item page (chosen deterministically) edited in a copy of that stage, the
    step run with the full run as the previous output: only its shard is rebuilt.

Memory: a sampler thread sums VmRSS over this process and its children (the
Pagefind processes) every 50 ms; the peak of the Pagefind processes alone is also
reported. Writes ``benchmarks/results-search.json`` and prints a Markdown table.

With ``--builds`` it times whole ``govsite build`` runs instead (each a fresh
interpreter, under ``/usr/bin/time -v``, with ``--base-url`` of the browser
benchmark so the search output can be served by ``search_browser.py --built``):

full-nosearch
    ``--no-search`` into a fresh folder, the site's ``.govsite-cache/`` deleted first;
full-search
    the same with search, into another fresh folder; R times each, alternated;
edit-body
    after the last full-search build, one sentence appended to the Markdown body
    of one item and the site rebuilt with search into the same folder: E edits,
    each of another item (chosen deterministically), one after the other, each
    preceded by an unmeasured build without a change (so a change to govsite's own
    source by other work, which re-indexes everything, is not counted as the edit's
    cost); the shards whose digest changed are recorded;
edit-title
    the same, with the item's ``title:`` line changed (``（修订）`` appended).

The edited files are restored afterwards, with their modification times. Memory:
the summed VmRSS over the whole process tree (the build, its render workers and the
Pagefind processes), sampled every 50 ms, and ``Maximum resident set size`` of
``/usr/bin/time`` (the largest single process). Medians per scenario are reported;
every run is kept in the JSON (default ``benchmarks/results-search-builds-<corpus>.json``).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from run import TreeSampler, _kib  # noqa: E402  (sibling script: the /proc sampler)

from govsite.pipeline.pages import load_and_validate  # noqa: E402
from govsite.base.manifest import MANIFEST  # noqa: E402
from govsite.problems import ProblemLog  # noqa: E402
from govsite.render.registry import PostRenderContext  # noqa: E402
from govsite.search import indexer  # noqa: E402
from govsite.search.docs import BUNDLE_DIR, collect_shards  # noqa: E402

MIB = 1024 * 1024
APPENDED = "<p>本文件自印发之日起施行，由县人民政府办公室负责解释。</p>"


class ChildSampler(TreeSampler):
    """Also tracks the peak summed RSS of the children only (Pagefind)."""

    def __init__(self, root: int, interval: float, pss: bool = False) -> None:
        super().__init__(root, interval)
        self.peak_children_kib = 0
        self.pss = pss

    def run(self) -> None:
        while not self._halt.is_set():
            pids = self.tree()
            rss = [_kib(f"/proc/{p}/status", "VmRSS:") for p in pids]
            self.peak_rss_kib = max(self.peak_rss_kib, sum(rss))
            if self.pss:
                pss = sum(_kib(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids)
                self.peak_pss_kib = max(self.peak_pss_kib, pss)
            self.max_procs = max(self.max_procs, len(pids))
            self.peak_children_kib = max(self.peak_children_kib, sum(rss[1:]))
            self._halt.wait(self.interval)


def link_tree(src: Path, dst: Path, skip: tuple[str, ...]) -> None:
    for dirpath, _dirs, files in os.walk(src):
        rel = Path(dirpath).relative_to(src).as_posix()
        if rel != "." and rel.split("/")[0] in skip:
            continue
        (dst / rel).mkdir(parents=True, exist_ok=True)
        for name in files:
            if rel == "." and name in skip:
                continue
            os.link(Path(dirpath) / name, dst / rel / name)


def measure(ctx: PostRenderContext) -> tuple[dict[str, str], dict]:
    sampler = ChildSampler(os.getpid(), 0.05)
    sampler.start()
    started = time.perf_counter()
    entries = indexer.run(ctx)
    seconds = time.perf_counter() - started
    sampler.stop()
    if ctx.problems.has_errors():
        raise SystemExit("\n".join(p.format() for p in ctx.problems.items))
    return entries, {"seconds": round(seconds, 2), "peak_rss_mib": round(sampler.peak_rss_kib / 1024),
                     "peak_pagefind_rss_mib": round(sampler.peak_children_kib / 1024)}


# --- whole builds (--builds) --------------------------------------------------------------------

BASE_URL = "https://www.example.gov.cn/xxgk-bench/"
TODAY = "2026-11-20"
BODY_SENTENCE = "\n本文件自印发之日起施行，由县人民政府办公室负责解释。\n"
TITLE_SUFFIX = "（修订）"
SUMMARY_RE = re.compile(r"Done: (\d+) written, (\d+) unchanged, (\d+) deleted in ([\d.]+)s")
TIME_RE = {"max_single_rss_kib": re.compile(r"Maximum resident set size \(kbytes\): (\d+)"),
           "user_s": re.compile(r"User time \(seconds\): ([\d.]+)"),
           "sys_s": re.compile(r"System time \(seconds\): ([\d.]+)")}


def timed_build(site: Path, out: Path, scenario: str, search: bool = True) -> dict[str, object]:
    """One ``govsite build`` under ``/usr/bin/time -v``, its process tree sampled."""
    cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "govsite.cli", "build", "--site", str(site), "--out", str(out),
           "--base-url", BASE_URL, "--quiet", "--lang", "en"] + ([] if search else ["--no-search"])
    env = {**os.environ, "GOVSITE_TODAY": TODAY, "GOVSITE_LANG": "en"}
    load = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    sampler = ChildSampler(proc.pid, 0.05, pss=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - started
    sampler.stop()
    match = SUMMARY_RE.search(stdout)
    if proc.returncode != 0 or not match:
        raise RuntimeError(f"build failed ({proc.returncode}):\n{stdout}\n{stderr[-3000:]}")
    t = {k: float(m[1]) if (m := r.search(stderr)) else 0.0 for k, r in TIME_RE.items()}
    run = {"scenario": scenario, "wall_s": round(wall, 2), "build_s": float(match[4]),
           "cpu_s": round(t["user_s"] + t["sys_s"], 1), "peak_rss_sum_mib": round(sampler.peak_rss_kib / 1024),
           "peak_pss_sum_mib": round(sampler.peak_pss_kib / 1024),
           "max_single_rss_mib": round(t["max_single_rss_kib"] / 1024), "processes": sampler.max_procs,
           "written": int(match[1]), "unchanged": int(match[2]), "deleted": int(match[3]),
           "loadavg_1m_before": round(load, 2)}
    print(f"  {scenario:<14} wall {run['wall_s']:8.2f} s  Σrss {run['peak_rss_sum_mib']:6} MiB  "
          f"Σpss {run['peak_pss_sum_mib']:6} MiB  max1 {run['max_single_rss_mib']:6} MiB  written {run['written']}  load {load:.1f}", file=sys.stderr)
    return run


def edited(path: Path, how: str) -> tuple[bytes, os.stat_result]:
    """Edit an item file (``body``: a sentence appended; ``title``: the title changed);
    returns what restores it."""
    original, st = path.read_bytes(), path.stat()
    text = original.decode("utf-8")
    if how == "body":
        text = text.rstrip("\n") + BODY_SENTENCE
    else:
        text, n = re.subn(r"^(title: .*?)(['\"]?)$", lambda m: m[1] + TITLE_SUFFIX + m[2], text, count=1, flags=re.M)
        assert n == 1, path
    path.write_bytes(text.encode("utf-8"))
    return original, st


def _shard_state(out: Path) -> dict[str, str]:
    """The digest of every shard, as the last build recorded it."""
    try:
        return dict(json.loads((out / BUNDLE_DIR / "govsite-shards.json").read_text(encoding="utf-8"))["shards"])
    except (OSError, ValueError, KeyError):
        return {}


def _median_run(runs: list[dict[str, object]]) -> dict[str, object]:
    ordered = sorted(runs, key=lambda r: r["wall_s"])  # type: ignore[arg-type, return-value]
    return {**ordered[(len(ordered) - 1) // 2], "wall_s_runs": [r["wall_s"] for r in runs],
            "peak_rss_sum_mib_runs": [r["peak_rss_sum_mib"] for r in runs]}


def builds(site: Path, repeat: int, edits: int, keep: Path | None, out_json: Path) -> None:
    files = sorted((site / "content" / "items").rglob("*.md"))
    chosen = random.Random("search-edit:1").sample(files, 2 * edits)
    runs: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="search-builds-") as tmp_name:
        tmp = Path(tmp_name)
        search_out = keep.resolve() if keep else tmp / "search"
        for _ in range(repeat):
            for scenario, out, search in (("full-nosearch", tmp / "nosearch", False),
                                          ("full-search", search_out, True)):
                shutil.rmtree(out, ignore_errors=True)
                shutil.rmtree(site / ".govsite-cache", ignore_errors=True)
                runs.append(timed_build(site, out, scenario, search))
        restore: list[tuple[Path, bytes, os.stat_result]] = []
        try:
            for how, targets in (("body", chosen[:edits]), ("title", chosen[edits:])):
                for target in targets:
                    # Unmeasured: takes in any change to govsite itself since the last build
                    # (other work on the package changes the index settings digest, which
                    # re-indexes every shard); nothing to do when there was none.
                    timed_build(site, search_out, "absorb")
                    before = _shard_state(search_out)
                    time.sleep(0.05)  # past the racy window of the read cache and the stamp
                    original, st = edited(target, how)
                    restore.append((target, original, st))
                    run = timed_build(site, search_out, f"edit-{how}")
                    after = _shard_state(search_out)
                    runs.append({**run, "item": target.relative_to(site).as_posix(),
                                 "shards_rebuilt": sorted(k for k in after if before.get(k) != after[k]),
                                 "shards": len(after)})
        finally:
            for target, original, st in restore:
                target.write_bytes(original)
                os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
        if keep:  # leave the kept output as the corpus says (the edits undone)
            timed_build(site, search_out, "restore")
    model, _ = load_and_validate(site)
    gazette = site / "content" / "gazette"
    scenarios = ["full-nosearch", "full-search", "edit-body", "edit-title"]
    medians = {s: _median_run([r for r in runs if r["scenario"] == s]) for s in scenarios}
    result = {"corpus": site.name, "items": len(model.items) if model else None,
              "gazette_articles": sum(1 for _ in gazette.rglob("*.md")) if gazette.is_dir() else 0,
              "nproc": os.cpu_count(), "repeat": repeat, "edits": edits, "medians": medians, "runs": runs}
    out_json.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\n{site.name}: {result['items']} items, {result['gazette_articles']} gazette articles")
    print("| scenario | wall s (median) | runs | peak RSS Σ tree MiB | max single RSS MiB | CPU s | files written |")
    print("|---|---:|---|---:|---:|---:|---:|")
    for s_name, r in medians.items():
        print(f"| {s_name} | {r['wall_s']} | {r['wall_s_runs']} | {r['peak_rss_sum_mib']} | {r['max_single_rss_mib']} "
              f"| {r['cpu_s']} | {r['written']} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus" / "n10000-s1")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--builds", action="store_true", help="time whole builds (with and without search, edits)")
    parser.add_argument("--repeat", type=int, default=2, help="--builds: full builds per scenario")
    parser.add_argument("--edits", type=int, default=3, help="--builds: edits of each kind (body, title)")
    parser.add_argument("--keep-output", type=Path, default=None, help="--builds: build the search output here")
    parser.add_argument("--out-json", type=Path, default=None)
    args = parser.parse_args()
    os.environ.setdefault("GOVSITE_TODAY", "2026-11-20")
    site = args.corpus.resolve()
    if args.builds:
        builds(site, args.repeat, args.edits, args.keep_output,
               args.out_json or HERE / f"results-search-builds-{site.name}.json")
        return
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp_name:
        tmp = Path(tmp_name)
        built = tmp / "built"
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "govsite.cli", "build", "--site", str(site), "--out", str(built),
                        "--quiet"], check=True)
        print(f"built the site in {time.perf_counter() - t0:.1f} s (search included)")
        model, problems = load_and_validate(site)
        assert model is not None and not problems.has_errors()
        shards = collect_shards(model)
        pages = sorted({p for s in shards for p in s.pages})

        full_stage, empty = tmp / "full", tmp / "empty"
        empty.mkdir()
        link_tree(built, full_stage, (BUNDLE_DIR, MANIFEST))
        ctx = PostRenderContext(model, full_stage, empty, set(pages), {}, ProblemLog(), args.jobs)
        entries, full = measure(ctx)

        item = model.items[len(model.items) // 2]
        one_stage = tmp / "one"
        link_tree(full_stage, one_stage, (BUNDLE_DIR,))
        page = one_stage / item.url
        text = page.read_text(encoding="utf-8")
        page.unlink()  # break the hard link before editing
        page.write_text(text.replace("</article>", APPENDED + "</article>", 1), encoding="utf-8")
        ctx = PostRenderContext(model, one_stage, full_stage, {item.url}, entries, ProblemLog(), args.jobs)
        _entries, one = measure(ctx)
        before = {p: d for p, d in entries.items()}
        rebuilt = sorted({indexer.shard_of(p) for p, d in _entries.items() if before.get(p) != d and p != indexer.STATE})

        size = sum((full_stage / p).stat().st_size for p in entries)
        per_shard: dict[str, int] = {}
        for p in entries:
            per_shard[indexer.shard_of(p)] = per_shard.get(indexer.shard_of(p), 0) + (full_stage / p).stat().st_size
        result = {
            "corpus": site.name, "items": len(model.items), "indexed_pages": len(pages), "jobs": args.jobs,
            "shards": len(shards), "largest_shard_pages": max(len(s.pages) for s in shards),
            "index_files": len(entries), "index_mib": round(size / MIB, 1),
            "largest_shard_mib": round(max(per_shard.values()) / MIB, 1),
            "full": full, "one_change": {**one, "item": item.url, "shards_rebuilt": rebuilt},
        }
    (args.out_json or HERE / "results-search.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))
    print("\n| scenario | wall s | peak RSS Σ MiB (step + Pagefind) | peak Pagefind MiB |")
    print("|---|---:|---:|---:|")
    for name in ("full", "one_change"):
        r = result[name]
        print(f"| {name} | {r['seconds']} | {r['peak_rss_mib']} | {r['peak_pagefind_rss_mib']} |")


if __name__ == "__main__":
    main()
