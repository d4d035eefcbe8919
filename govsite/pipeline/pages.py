"""The page-by-page build (phases 1–5): read the site, link the model, plan every
output with the digest of its inputs, render what changed into a staging folder and
swap. :mod:`govsite.pipeline.build` comes here only when neither the build stamp nor
the edit record can answer; importing this module (the model's pydantic classes,
Jinja, the reader, every feature) took 0.25 s of a 0.64 s no-change build at 100,000
items (docs/performance.md, "Edits: the fast path"), so nothing quicker imports it.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from jinja2 import Environment, TemplateError

from govsite.pipeline import edit_record, stamp
from govsite.render.assets import plan_files
from govsite.base.manifest import MANIFEST, read_manifest
from govsite.pipeline.render_pages import Progress, render_all
from govsite.pipeline.output import Staging
from govsite.pipeline.result import BuildResult, collector_paused, done as _done
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


def build_pages(site: Path, out: Path, base_url: str | None, jobs: int | None, progress: Progress | None,
                quick: bool, inputs: str | None, started: float) -> BuildResult:
    """Phases 1–5 of a build whose phase 0 (the stamp, the edit record) could not answer;
    ``inputs`` is phase 0's fingerprint, recorded in the new stamp."""
    today = today_beijing().isoformat()
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
                                _edit_templates(env), tuple(problems.items), folders)
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
                                _edit_templates(env), tuple(problems.items), folders)
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


def _edit_templates(env: Environment) -> dict[str, str]:
    """The digests of the templates of the pages a followed edit renders (the edit record's)."""
    found: dict[str, str] = {}
    for name in ("item.html", "gazette_article.html"):
        try:
            found[name] = template_digest(env, name)
        except TemplateError:  # reported where a page uses it; an edit of such a page is not followed
            continue
    return found
