"""Build locks: one build at a time per output folder and per site cache.

Two builds of one site into one output folder used to interleave their staging
folders and swaps and publish a site that matched neither (issue 15: 7 of 8
trials). Each build now holds two exclusive locks for its whole run, taken in a
fixed order so that two builds can never wait for each other:

1. the site's cache, ``<site>/.govsite-cache/build.lock`` (the read cache, the
   stamp and ``urls.txt`` belong to the site);
2. the output folder, ``<parent>/.<name>.lock`` beside it (not inside: the
   folder itself is swapped).

A second build *waits*, as ``cargo`` does ("Blocking waiting for file lock"),
after saying so once; ``govsite serve``'s rebuilds and a manual ``build`` queue
the same way. The locks are ``flock(2)`` locks on open files, so the kernel
releases them when a process ends for any reason, ``kill -9`` included: there is
never a stale lock to delete by hand. (``flock`` on NFS is emulated with POSIX
locks on Linux ≥ 2.6.12 and still excludes across machines.)
"""
from __future__ import annotations

import errno
import fcntl
import os
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Callable, Iterator

from govsite.base.cache import CACHE_DIR

CACHE_LOCK = "build.lock"

Waiting = Callable[[Path], None]
"""Called with the lock file's path when a lock is held by another process."""


def output_lock_path(out: Path) -> Path:
    return out.parent / f".{out.name}.lock"


def cache_lock_path(site: Path) -> Path:
    return site / CACHE_DIR / CACHE_LOCK


@contextmanager
def exclusive(path: Path, waiting: Waiting | None = None) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if missing) for the block;
    if another process holds it, call ``waiting`` once and wait for it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting is not None:
                waiting(path)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the last descriptor releases the lock


@contextmanager
def build_locks(site: Path, out: Path | None, waiting: Waiting | None = None) -> Iterator[None]:
    """The cache lock of ``site``, then the lock of ``out`` (None: a check, no output).

    A site folder this process cannot write (a read-only checkout or mount, another
    user's folder) is built without the cache lock: the lock guards what a build
    writes into the site (read cache, stamp, ``urls.txt``), and such a build writes
    none of it (the caches are best effort), while another writer replaces those
    files atomically."""
    with ExitStack() as stack:
        try:
            stack.enter_context(exclusive(cache_lock_path(site), waiting))
        except OSError as exc:
            if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise
        if out is not None:
            stack.enter_context(exclusive(output_lock_path(out), waiting))
        yield
