"""A long fuzzing run: the property-based tests of ``tests/fuzz`` with many more examples.

Usage::

    python benchmarks/fuzz.py [--examples 200000] [--seed N] [-k EXPR] [--jobs N]

CI runs the same tests with their budgets in ``tests/fuzz/fuzzing.py`` (BUDGETS,
about 10,000 examples in all, derandomized). This script scales every budget so
that the total is ``--examples`` (environment variable ``GOVSITE_FUZZ_EXAMPLES``),
and with ``--seed`` explores other examples than CI's: Hypothesis is then
seeded with N (``--hypothesis-seed``) instead of being derandomized. A failure
prints the smallest example Hypothesis found and a ``@reproduce_failure`` blob.
``--jobs`` runs the test files in that many pytest processes at once.

At the end it prints, per test, how many examples ran and how long they took
(Hypothesis' statistics).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FILES = ["tests/fuzz/test_fuzz_readers.py", "tests/fuzz/test_fuzz_import.py", "tests/fuzz/test_fuzz_site.py",
         "tests/fuzz/test_fuzz_cli.py"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=200_000, help="examples in all (default 200,000)")
    parser.add_argument("--seed", type=int, default=None, help="explore with this seed instead of CI's examples")
    parser.add_argument("-k", dest="keyword", default=None, help="only tests matching this pytest -k expression")
    parser.add_argument("--jobs", type=int, default=1, help="pytest processes at once (one per test file)")
    args = parser.parse_args()
    env = {**os.environ, "GOVSITE_FUZZ_EXAMPLES": str(args.examples), "GOVSITE_TODAY": "2026-11-20"}
    if args.seed is not None:
        env["GOVSITE_FUZZ_SEED"] = str(args.seed)
    python = str(REPO / ".venv/bin/python") if (REPO / ".venv/bin/python").exists() else sys.executable
    started = time.perf_counter()
    groups = [FILES[n::args.jobs] for n in range(max(1, args.jobs))]
    procs = []
    for group in groups:
        if not group:
            continue
        command = [python, "-m", "pytest", "-p", "no:cacheprovider", "--hypothesis-show-statistics", "-q", *group]
        if args.seed is not None:
            command.append(f"--hypothesis-seed={args.seed}")
        if args.keyword:
            command += ["-k", args.keyword]
        procs.append(subprocess.Popen(command, cwd=REPO, env=env))
    codes = [p.wait() for p in procs]
    print(f"fuzz: {args.examples} examples requested, {time.perf_counter() - started:.0f} s, "
          f"exit codes {codes}", flush=True)
    return max(codes)


if __name__ == "__main__":
    sys.exit(main())
