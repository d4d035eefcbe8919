"""Search-index benchmark: the post-render step alone, full and after one change.

Usage::

    python benchmarks/search_index.py [--corpus benchmarks/corpus/n10000-s1] [--jobs N]

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
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from run import TreeSampler, _kib  # noqa: E402  (sibling script: the /proc sampler)

from govsite.build.build import load_and_validate  # noqa: E402
from govsite.build.output import MANIFEST  # noqa: E402
from govsite.problems import ProblemLog  # noqa: E402
from govsite.render.registry import PostRenderContext  # noqa: E402
from govsite.search import indexer  # noqa: E402
from govsite.search.docs import BUNDLE_DIR, collect_shards  # noqa: E402

MIB = 1024 * 1024
APPENDED = "<p>本文件自印发之日起施行，由县人民政府办公室负责解释。</p>"


class ChildSampler(TreeSampler):
    """Also tracks the peak summed RSS of the children only (Pagefind)."""

    def __init__(self, root: int, interval: float) -> None:
        super().__init__(root, interval)
        self.peak_children_kib = 0

    def run(self) -> None:
        while not self._halt.is_set():
            pids = self.tree()
            rss = [_kib(f"/proc/{p}/status", "VmRSS:") for p in pids]
            self.peak_rss_kib = max(self.peak_rss_kib, sum(rss))
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus" / "n10000-s1")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    os.environ.setdefault("GOVSITE_TODAY", "2026-11-20")
    site = args.corpus.resolve()
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
            "lookup_records": sum(len(s.lookups) for s in shards),
            "index_files": len(entries), "index_mib": round(size / MIB, 1),
            "largest_shard_mib": round(max(per_shard.values()) / MIB, 1),
            "full": full, "one_change": {**one, "item": item.url, "shards_rebuilt": rebuilt},
        }
    (HERE / "results-search.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))
    print("\n| scenario | wall s | peak RSS Σ MiB (step + Pagefind) | peak Pagefind MiB |")
    print("|---|---:|---:|---:|")
    for name in ("full", "one_change"):
        r = result[name]
        print(f"| {name} | {r['seconds']} | {r['peak_rss_mib']} | {r['peak_pagefind_rss_mib']} |")


if __name__ == "__main__":
    main()
