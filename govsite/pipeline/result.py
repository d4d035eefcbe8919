"""What a build did (:class:`BuildResult`), shared by the quick front of a build
(:mod:`govsite.pipeline.build`) and the page-by-page build (:mod:`govsite.pipeline.pages`)
without importing either's dependencies."""
from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from govsite.problems import ProblemLog


@dataclass
class BuildResult:
    """What a build did, for the summary line and for tests."""

    problems: ProblemLog
    written: int = 0
    """Files whose bytes changed (new or different)."""
    unchanged: int = 0
    """Files kept from the previous output."""
    deleted: int = 0
    seconds: float = 0.0
    total: int = 0
    written_paths: list[str] = field(default_factory=list)
    deleted_paths: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems.has_errors()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector in this process (a build, a check).

    Reading 10,000 files makes hundreds of thousands of long-lived objects, and
    each of the collector's passes over them finds nothing to free (≈ 0.2 s of a
    rebuild). Nested pauses are fine; the collector runs again after the outermost
    one (``govsite serve`` builds again and again in one process). Render workers
    collect as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def done(result: BuildResult, started: float) -> BuildResult:
    result.seconds = time.perf_counter() - started
    return result
