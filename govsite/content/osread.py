"""Reading the site's files when the system refuses: the file is named in a problem.

A file or folder of ``content/`` that cannot be read (no permission, an I/O error)
or a symlink that loops is a problem of the site (``E-READ``, ``E-PATH-LOOP``),
reported with the path among all the others, not an exception that stops the run.
"""
from __future__ import annotations

import errno
import os
from pathlib import Path

from govsite.problems import Problem, ProblemLog


def links_to_ancestor(path: str) -> bool:
    """Whether the symlink at ``path`` leads back to itself or to a folder containing it
    (following it would never end); a chain of links that loops counts too."""
    try:
        target = os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    folder = os.path.dirname(path)
    while True:
        try:
            st = os.stat(folder)
        except OSError:
            return False
        if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
            return True
        parent = os.path.dirname(folder)
        if parent == folder:
            return False
        folder = parent


PROCESS_WIDE = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOMEM, errno.ENOBUFS, errno.EAGAIN, errno.EINTR})
"""Failures of the whole process, not of one file (too many open files, no memory): raised
again, for the command's one-line environment error (:mod:`govsite.environment_errors`)."""


def os_problem(problems: ProblemLog, rel: str, exc: OSError) -> None:
    """A file or folder of the site that the system would not let govsite read; a failure
    of the whole process (:data:`PROCESS_WIDE`) is raised again."""
    if exc.errno in PROCESS_WIDE:
        raise exc
    if exc.errno == errno.ELOOP:
        problems.error("E-PATH-LOOP", rel, None, None, rel)
    else:
        problems.error("E-READ", rel, None, None, rel, detail=os_reason(exc))


def os_reason(exc: OSError) -> str:
    """The system's reason, short and without the path (the problem names the file)."""
    name = errno.errorcode.get(exc.errno or 0, "")
    reason = exc.strerror or type(exc).__name__
    return f"{reason} ({name})" if name else reason


def read_bytes(rel: str, path: str | Path, problems: list[Problem] | ProblemLog) -> bytes | None:
    """The bytes of a site file, or None with an ``E-READ`` problem when the system refuses
    (permissions, an I/O error…) or ``E-PATH-LOOP`` for a symlink loop."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        log = ProblemLog()
        os_problem(log, rel, exc)
        problems.extend(log.items)
        return None


def unreadable(problems: list[Problem]) -> bool:
    """Whether a read failed for the system's reasons (not cacheable: a chmod keeps the mtime)."""
    return any(p.code in ("E-READ", "E-PATH-LOOP") for p in problems)
