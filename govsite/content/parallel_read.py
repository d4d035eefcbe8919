"""Read many Markdown files on all cores (a cold build or a fresh clone).

Parsing YAML headers and validating them is CPU work in Python (PyYAML's C
scanner still builds Python objects one by one), ≈ 0.15 ms a file. When many
files miss the read cache, forked workers read them in chunks and send the
results back in order; a few misses (the usual rebuild) are read in-process,
where starting workers would cost more than it saves.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from contextlib import contextmanager
from typing import Any, Iterator

from pydantic import BaseModel

from govsite.content.osread import read_bytes
from govsite.content.reader import MarkdownRead, read_markdown_file
from govsite.problems import Problem

PARALLEL_FROM = 400
"""Fewest files worth starting worker processes for."""
CHUNK = 256
"""Most files a worker reads before it sends their results back. A worker's memory
grows with its chunk: with chunks of an eighth of each worker's share (18,750 files
at 300,000 items) each read worker peaked at 573 MiB, against 235 MiB at 100,000;
with 256, 202 MiB at 100,000."""

_JOB: dict = {}


def init_worker() -> None:
    """In a forked worker: collect garbage as usual, and leave Ctrl+C to the main process,
    which stops the pool and reports the interruption in one line (a worker that took
    the signal itself would print a traceback of its own)."""
    gc.enable()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked by worker_pool while forking


@contextmanager
def worker_pool(ctx: Any, processes: int) -> Iterator[Any]:
    """A pool of forked workers running :func:`init_worker`, terminated when the block
    ends (as ``with Pool()`` does). SIGINT is blocked in this thread while the workers
    are forked, so a Ctrl+C that arrives before a worker has set it aside reaches the
    main process, once the pool exists and will be terminated, instead of a starting
    worker or a pool that nobody would stop; and while the workers are stopped, so
    that a second Ctrl+C cannot leave them running."""
    can_block = hasattr(signal, "pthread_sigmask")
    old: set[int | signal.Signals] = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if can_block else set()
    pool = None
    try:
        pool = ctx.Pool(processes, initializer=init_worker)
        if can_block:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)  # a Ctrl+C that came meanwhile is raised here
        yield pool
    finally:
        if can_block:  # a second Ctrl+C waits until every worker is stopped (else they outlive us)
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            if pool is not None:
                pool.terminate()
        finally:
            if can_block:
                signal.pthread_sigmask(signal.SIG_SETMASK, old)


def read_one(job: tuple[str, str]) -> MarkdownRead:
    """Read and validate one file: (path relative to the site, absolute path)."""
    rel, path = job
    problems: list[Problem] = []
    raw = read_bytes(rel, path, problems)
    if raw is None:  # unreadable (permissions, an I/O error): reported with the file named
        return MarkdownRead(None, "", 1, "", 0, problems)
    read = read_markdown_file(rel, raw, _JOB["model"], _JOB["allow_html"])
    read.yaml_text = ""  # not needed after validation; lines are recomputed on demand
    return read


def read_many(jobs: list[tuple[str, str]], model: type[BaseModel], allow_html: bool,
              workers: int | None = None) -> list[MarkdownRead]:
    """:func:`read_one` of every job, in order."""
    _JOB.update(model=model, allow_html=allow_html)
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return [read_one(job) for job in jobs]
    with worker_pool(multiprocessing.get_context("fork"), workers) as pool:
        return list(pool.imap(read_one, jobs, chunksize=max(16, min(CHUNK, len(jobs) // (workers * 8)))))
