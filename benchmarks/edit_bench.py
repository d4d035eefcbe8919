"""Edit benchmark (issue 18): a one-item edit and a no-change build of an existing
corpus, each in a fresh ``govsite build --no-search`` process, alternated.

Usage::

    python benchmarks/edit_bench.py SITE [--out DIR] [--repeat 3] [--label before] [--article] [--bytecode]

The site must have been built once into ``--out`` (default ``SITE/output``). Each
round edits the item ``run.py`` chooses (its body, as ``run.py`` does), builds,
restores the file with its modification time, builds again unmeasured (the output
matches the corpus again), then measures a no-change build. Wall time is around
the whole process (interpreter start-up included); CPU time is user+sys of the
process and its children (``os.wait4``). The 1-minute load average is printed with
each run, since the machine is shared.

``--article`` (a site with a gazette, e.g. ``generate.py 10000 DIR --gazette-years 10
--issues-per-year 36 --articles-per-issue 20``) adds a third scenario, **one-article**:
the same sentence appended to the gazette article ``run.py --gazette`` chooses (one
with its own text), built, restored as the item is. ``--title`` adds **title-edit**:
「（修订）」 put before the chosen item's title (a front-matter edit, which takes the
page-by-page way). ``--bytecode`` runs the builds
without ``PYTHONDONTWRITEBYTECODE`` (as an installed govsite runs, its modules
compiled once); by default the environment is passed on as it is.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as bench  # noqa: E402


BYTECODE = False


def build(site: Path, out: Path) -> dict[str, float | str]:
    cmd = [sys.executable, "-m", "govsite.cli", "build", "--site", str(site), "--out", str(out),
           "--quiet", "--lang", "en", "--no-search"]
    env = {**os.environ, "GOVSITE_TODAY": bench.TODAY, "GOVSITE_LANG": "en"}
    if BYTECODE:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    stdout = proc.stdout.read().decode() if proc.stdout else ""
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"build failed:\n{stdout}\n{stderr[-3000:]}")
    match = bench.SUMMARY_RE.search(stdout)
    return {"wall_s": round(wall, 3), "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
            "load1": round(load, 2), "written": int(match[1]) if match else -1}


def retitled(original: bytes) -> bytes:
    """The item file with 「（修订）」 put before its title (a front-matter edit)."""
    text = original.decode("utf-8")
    start = text.index("\ntitle: ") + len("\ntitle: ")
    return (text[:start] + "（修订）" + text[start:]).encode("utf-8")


def appended(original: bytes) -> bytes:
    return original.rstrip(b"\n") + bench.APPENDED.encode("utf-8")


def edited(site: Path, out: Path, target: Path, edit=appended) -> dict[str, float | str]:  # type: ignore[no-untyped-def]
    """A build after ``edit`` of ``target`` (by default the sentence appended), which is
    restored (with its time) afterwards."""
    original, st = target.read_bytes(), target.stat()
    try:
        target.write_bytes(edit(original))
        time.sleep(2.1)  # older than the racy window, as an editor's save would be
        return build(site, out)
    finally:
        target.write_bytes(original)
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--label", default="")
    parser.add_argument("--article", action="store_true", help="also edit one gazette article (one-article)")
    parser.add_argument("--bytecode", action="store_true", help="run without PYTHONDONTWRITEBYTECODE")
    parser.add_argument("--title", action="store_true", help="also change the item's title (title-edit)")
    args = parser.parse_args()
    global BYTECODE
    BYTECODE = args.bytecode
    site = args.site.resolve()
    out = (args.out or site / "output").resolve()
    targets = {"one-item": bench.chosen_item(site, args.seed)}
    if args.article:
        targets["one-article"] = bench.chosen_article(site, args.seed)
    if args.title:
        targets["title-edit"] = targets["one-item"]
    runs: dict[str, list[dict[str, float | str]]] = {**{name: [] for name in targets}, "no-change": []}
    for _ in range(args.repeat):
        for name, target in targets.items():
            runs[name].append(edited(site, out, target, retitled if name == "title-edit" else appended))
            build(site, out)  # unmeasured: back to the corpus as generated
        runs["no-change"].append(build(site, out))
        for name in runs:
            print(f"{args.label} {name:<10} {runs[name][-1]}", file=sys.stderr)
    summary = {name: {"wall_s": statistics.median(float(r["wall_s"]) for r in rs),
                      "cpu_s": statistics.median(float(r["cpu_s"]) for r in rs), "runs": rs}
               for name, rs in runs.items()}
    print(json.dumps({"site": str(site), "label": args.label, **summary}, ensure_ascii=False))


if __name__ == "__main__":
    main()
