"""Progress bar for long builds (rich), silent with ``--quiet`` or without a terminal."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Iterator

from govsite.pipeline.render_pages import Progress


@contextmanager
def progress_reporter(enabled: bool, lang: str) -> Iterator[Progress | None]:
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn

    label = "渲染页面" if lang == "zh" else "Rendering"
    with Bar(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(phase: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update
