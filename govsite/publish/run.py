"""Carrying out a publish: plan, then upload phase by phase, delete, record.

The order of the target's writes is what keeps it consistent when anything fails:

1. the list of paths about to change (``.govsite-publishing.json``);
2. each batch of uploads (:mod:`govsite.publish.phases`), with
   ``rclone copy --files-from-raw LIST --ignore-times --no-traverse``: exactly the
   planned files, whatever their times, without listing the target;
3. the deletions, with ``rclone delete --files-from-raw LIST``;
4. the record (``.govsite-published.json``), then the list of step 1 is removed.

A failure at any step leaves the previous record and the list, so the next publish
uploads and deletes those paths again and completes the target
(:mod:`govsite.publish.state`). The output folder's build lock is held throughout, so
a build cannot swap the folder while its files are uploaded.
"""
from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from govsite.publish import rclone, state
from govsite.publish.local import output_files, output_locked
from govsite.publish.plan import Plan, make_plan
from govsite.publish.target import Target, check_not_overlapping


@dataclass
class Result:
    """What a publish did (or, with ``dry_run``, would do)."""

    plan: Plan
    copied: int = 0
    """Files rclone reports as copied."""
    deleted: int = 0
    seconds: float = 0.0
    state_unreadable: str = ""
    """Why the target's record could not be used (empty when it could, or there was none)."""


Progress = Callable[[str, int], None]
"""Told (phase, number of files) before each batch of uploads and the deletions."""


def publish(out: Path, target: Target, dry_run: bool = False, full: bool = False, site_arg: str = "",
            progress: Progress | None = None, waiting: Callable[[Path], None] | None = None) -> Result:
    """Publish the output folder ``out`` to ``target``; raises
    :class:`~govsite.publish.messages.PublishError` on a refusal or a failed step."""
    started = time.perf_counter()
    out = out.resolve()
    check_not_overlapping(target, out)
    rclone.binary()  # missing: say so before anything is read
    with output_locked(out, waiting):
        files = output_files(out, site_arg)
        published = state.read_published(target)
        plan = make_plan(out, files, published, target, full)
        result = Result(plan, state_unreadable=published.unreadable)
        if not dry_run and (not plan.empty or published.pending or plan.record != published.files):
            _carry_out(out, target, plan, published, result, progress)
    result.seconds = time.perf_counter() - started
    return result


def _carry_out(out: Path, target: Target, plan: Plan, published: state.Published, result: Result,
               progress: Progress | None) -> None:
    touched = set(plan.uploads) | set(plan.deletions)
    if touched:
        state.write_pending(target, touched | published.pending)
    with tempfile.TemporaryDirectory(prefix="govsite-publish-") as tmp:
        for n, (phase, paths) in enumerate(plan.batches):
            if progress is not None:
                progress(phase, len(paths))
            listing = _list_file(Path(tmp) / f"batch-{n}.txt", paths)
            outcome = rclone.run(["copy", str(out), target.spec, "--files-from-raw", str(listing), "--ignore-times",
                                  "--no-traverse"], phase, target.spec)
            result.copied += len(outcome.copied)
        if plan.deletions:
            if progress is not None:
                progress("delete", len(plan.deletions))
            listing = _list_file(Path(tmp) / "delete.txt", plan.deletions)
            outcome = rclone.run(["delete", target.spec, "--files-from-raw", str(listing)], "delete", target.spec,
                                 allowed=(0, *rclone.MISSING))
            result.deleted += len(outcome.deleted)
    state.write_state(target, plan.record)
    if touched or published.pending:
        state.remove_pending(target)


def _list_file(path: Path, paths: list[str]) -> Path:
    path.write_text("".join(p + "\n" for p in paths), encoding="utf-8")
    return path
