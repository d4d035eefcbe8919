"""``govsite build``: config → files → model → plan → render → write.

Like MkDocs' ``build()``, each phase is named and everything is gathered and
validated before anything is written. A validation error stops the build with
the previous output untouched.
"""
from __future__ import annotations

import gc
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from jinja2 import Environment, TemplateError

from govsite.pipeline import edit_record, stamp
from govsite.render.assets import plan_files
from govsite.pipeline.guard import check_output
from govsite.pipeline.lock import Waiting, build_locks
from govsite.base.manifest import MANIFEST, read_manifest
from govsite.pipeline.render_pages import Progress, render_all
from govsite.pipeline.output import Staging
from govsite.content.loader import load_site
from govsite.dates import today_beijing
from govsite.model.site_model import SiteModel, build_model
from govsite.problems import ProblemLog
from govsite.redirects.check import check_urls, record_urls
from govsite.render import registry
from govsite.render.registry import PostRenderContext
from govsite.base.digests import sha1
from govsite.render.env import make_env, template_digest
from govsite.render.plan import PageSpec, plan_pages

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


def load_and_validate(site: Path, base_url: str | None = None,
                      fronts: dict[str, str] | None = None) -> tuple[SiteModel | None, ProblemLog]:
    """Phases 1–2, shared by ``build`` and ``check``: read every file, link the model,
    then link the features that hang data on it (annual reports: their data files and
    checks; a portal's members, read from their published output). The model imports
    no feature; the pipeline joins them here. ``fronts`` receives each item file's
    front-matter digest (for the edit record)."""
    from govsite.annual.link import link_annual  # not imported by the builds the stamp or an edit answers

    with collector_paused():
        loaded = load_site(site, base_url)
        if fronts is not None:
            fronts.update(loaded.fronts)
        model = build_model(loaded)
        if model is not None:
            model.annual = link_annual(model, loaded.problems)
            if model.config.portal is not None:
                from govsite.portal.link import link_portal  # only a portal's build needs it

                model.portal = link_portal(model.root, model.config.portal, today_beijing(), loaded.problems)
    return model, loaded.problems


def check_site(site: Path, base_url: str | None = None,
               inspect: Callable[[SiteModel, ProblemLog, set[str]], None] | None = None) -> ProblemLog:
    """Everything ``build`` would refuse, without rendering or writing: phases 1–3
    (files, model, plan: template syntax and clashing output paths). ``inspect``
    (``govsite check``'s inspection rules) gets the model, the log and the planned
    output paths."""
    model, problems = load_and_validate(site.resolve(), base_url)
    planned: set[str] = set()
    if model is not None and not problems.has_errors():
        specs, files = _plan(model, make_env(site.resolve()), problems, site.resolve() / "output")
        planned = {s.path for s in specs} | {f.path for f in files}
    if inspect is not None and model is not None:
        inspect(model, problems, planned)
    return problems


def build(site: Path, out: Path | None = None, base_url: str | None = None, jobs: int | None = None,
          progress: Progress | None = None, quick: bool = False, force_out: bool = False,
          waiting: Waiting | None = None) -> BuildResult:
    """Build ``site`` into ``out``. ``quick`` leaves the search index as it was (it is
    brought up to date by the next build without ``quick``).

    Raises :class:`~govsite.pipeline.guard.OutputRefused` before reading or writing
    anything when ``out`` is not safe to replace (``force_out``: a non-empty folder
    that is not a govsite output may be). Holds the site's and the output's build
    locks throughout; ``waiting`` is told when another build holds one."""
    site = site.resolve()
    out = (out or site / "output").resolve()
    if not (site / "site.yaml").is_file():  # not a site (a typo in --site): say so, make nothing there
        with collector_paused():
            return _build(site, out, base_url, jobs, progress, quick)
    check_output(site, out, force_out)
    with build_locks(site, out, waiting), collector_paused():
        check_output(site, out, force_out)  # again, now that no other build can change it
        return _build(site, out, base_url, jobs, progress, quick)


def _build(site: Path, out: Path, base_url: str | None, jobs: int | None,
           progress: Progress | None, quick: bool) -> BuildResult:
    started = time.perf_counter()

    # Phase 0: nothing changed since the last successful build? (see govsite.pipeline.stamp)
    today = today_beijing().isoformat()
    seen: dict[str, str] = {}
    inputs = stamp.fingerprint(site, out, base_url, today_beijing(), seen)
    answered = _answer_from_stamp(site, out, inputs, quick)
    if answered is not None:
        return _done(answered, started)
    stamp.forget_stamp(site, out)
    if quick:  # only item bodies changed? then only what they reach (govsite.pipeline.edits)
        from govsite.pipeline import edits  # not imported by a build the stamp answers

        followed = edits.follow(site, out, base_url, today, seen, inputs)
        if followed is not None:
            stamp.write_stamp(site, out, inputs, out / MANIFEST, followed.problems.items, followed.folders,
                              followed.total)
            return _done(BuildResult(followed.problems, len(followed.written_paths),
                                     followed.total - len(followed.written_paths), 0, total=followed.total,
                                     written_paths=followed.written_paths), started)

    # Phases 1–2: config, files and model; stop before writing on any error.
    walked: tuple[dict[str, tuple[int, int]], dict[str, str]] = ({}, {})  # for the edit record: files, folders
    trusted = inputs is not None and stamp.fingerprint(site, out, base_url, today_beijing(), walked[1], walked[0]) is not None
    fronts: dict[str, str] = {}
    model, problems = load_and_validate(site, base_url, fronts)
    result = BuildResult(problems)
    if model is None or problems.has_errors():
        return _done(result, started)
    if model.portal is not None:
        inputs = None  # a portal's members are inputs outside the site folder: no stamp may answer for them

    # Phase 3: plan every output file with the digest of its inputs.
    env = make_env(site)
    specs, files = _plan(model, env, problems, out)
    if problems.has_errors():
        return _done(result, started)
    steps = registry.post_render_steps()
    owned = tuple(step.prefix for step in steps)
    manifest = read_manifest(out) if out.is_dir() else {}
    previous = {p: d for p, d in manifest.items() if not p.startswith(owned)} if owned else manifest
    wanted = {s.path: s.deps for s in specs} | {f.path: f.deps for f in files}
    out_prefix = str(out) + os.sep
    stale_pages = [s for s in specs if previous.get(s.path) != s.deps or not os.path.isfile(out_prefix + s.path)]
    stale_files = [f for f in files if previous.get(f.path) != f.deps or not os.path.isfile(out_prefix + f.path)]
    removed = sorted(set(previous) - set(wanted))
    result.total = len(wanted)
    owned_present = all(os.path.isfile(out_prefix + p) for p in manifest if owned and p.startswith(owned))
    catching_up = not quick and any(step.pending is not None and step.pending(out) for step in steps)
    if not stale_pages and not stale_files and not removed and owned_present and not catching_up:
        result.unchanged = len(manifest)
        result.total = len(manifest)
        record_urls(model, specs)  # urls.txt: only after a successful build
        folders = stamp.output_folders(manifest)
        stamp.write_stamp(site, out, inputs, out / MANIFEST, problems.items, folders, len(manifest))
        edit_record.after_build(site, out, base_url, today, walked if trusted else None, model, fronts,
                                template_digest(env, "item.html"), tuple(problems.items), folders)
        return _done(result, started)

    # Phase 4: render changed pages into a staging folder.
    staging = Staging(out)
    try:
        statuses = render_all(model, env, stale_pages, staging.path, out, jobs, progress, problems)
        if problems.has_errors():
            staging.abort()
            return _done(result, started)
        for f in stale_files:
            statuses[f.path] = f.copy_to(staging.path, out)
        # Phase 5: carry over unchanged files, write the manifest, swap.
        keep = [p for p in wanted if statuses.get(p, "same") == "same"]
        staging.link_unchanged(keep)
        staging.remove(removed)
        changed = {p for p, st in statuses.items() if st == "new"} | set(removed)
        planned = frozenset(wanted)
        for step in steps:
            staging.clear_owned(step.prefix)
            before = {p: d for p, d in manifest.items() if p.startswith(step.prefix)}
            entries = step.run(PostRenderContext(model, staging.path, out, changed, before, problems,
                                                 jobs or os.cpu_count() or 1, quick, planned))
            statuses.update({p: "new" for p, d in entries.items() if before.get(p) != d})
            removed += sorted(set(before) - set(entries))
            wanted.update(entries)
        result.total = len(wanted)  # post-render outputs count too
        if problems.has_errors():
            _abort(staging, steps, out)
            return _done(result, started)
        staging.write_manifest(wanted)
        staging.differs = [p for p, st in statuses.items() if st == "new"] + removed
        staging.commit()
    except BaseException:
        _abort(staging, steps, out)
        raise
    for step in steps:  # what a step keeps outside the output (the private report), now that the swap is done
        if step.publish is not None:
            step.publish(out)
    record_urls(model, specs)  # urls.txt: only after a successful swap
    folders = stamp.output_folders(wanted)
    stamp.write_stamp(site, out, inputs, out / MANIFEST, problems.items, folders, len(wanted))
    edit_record.after_build(site, out, base_url, today, walked if trusted else None, model, fronts,
                                template_digest(env, "item.html"), tuple(problems.items), folders)
    result.written_paths = sorted(p for p, st in statuses.items() if st == "new")
    result.deleted_paths = removed
    result.written = len(result.written_paths)
    result.deleted = len(removed)
    result.unchanged = len(wanted) - result.written
    return _done(result, started)


def _abort(staging: Staging, steps: list[registry.PostRender], out: Path) -> None:
    """A build that stops before its swap: no staged file, and nothing a step prepared, is kept."""
    staging.abort()
    for step in steps:
        if step.discard is not None:
            step.discard(out)


def _answer_from_stamp(site: Path, out: Path, inputs: str | None, quick: bool) -> BuildResult | None:
    """The result of a build with nothing to do, when the stamp proves it; else None."""
    previous = stamp.read_stamp(site, out)
    if not stamp.unchanged_since(previous, site, inputs, out / MANIFEST):
        return None
    if not quick and any(step.pending is not None and step.pending(out) for step in registry.post_render_steps()):
        return None  # a quick build left work (the search index) for this one
    assert previous is not None
    problems = ProblemLog()
    problems.extend(previous.problems)
    there = stamp.outputs_unchanged(previous, out)
    if there is True:
        return BuildResult(problems, unchanged=previous.files, total=previous.files)
    if there is False:
        return None
    manifest = read_manifest(out)
    out_prefix = str(out) + os.sep
    if not manifest or not all(os.path.isfile(out_prefix + p) for p in manifest):
        return None
    return BuildResult(problems, unchanged=len(manifest), total=len(manifest))


def _done(result: BuildResult, started: float) -> BuildResult:
    result.seconds = time.perf_counter() - started
    return result


def _plan(model: SiteModel, env: Environment, problems: ProblemLog, out: Path | None = None) -> tuple[list[PageSpec], list]:
    tpl_digests: dict[str, str] = {}
    specs: list[PageSpec] = []
    for spec in plan_pages(model):
        if not spec.template:
            specs.append(spec)
            continue
        if spec.template not in tpl_digests:
            try:
                tpl_digests[spec.template] = template_digest(env, spec.template)
            except TemplateError as exc:
                problems.error("E-TEMPLATE", f"templates/{spec.template}", getattr(exc, "lineno", None), None,
                               spec.template, detail=str(exc))
                tpl_digests[spec.template] = ""
        specs.append(PageSpec(spec.path, spec.template, spec.kind, spec.args, sha1(spec.deps, tpl_digests[spec.template])))
    files = plan_files(model)
    specs = check_urls(model, specs, files, out, problems)  # redirects; published URLs still answered (E-URL-GONE)
    paths = [s.path for s in specs] + [f.path for f in files]
    if len(set(paths)) != len(paths):  # labels are made only when two outputs clash
        owners: dict[str, str] = {}
        for path, owner in [(s.path, s.kind + ":" + ",".join(map(str, s.args))) for s in specs] + [(f.path, f.source) for f in files]:
            if path in owners:
                problems.error("E-URL-CLASH", owner, None, None, path, other=owners[path])
            owners[path] = owner
    return specs, files
