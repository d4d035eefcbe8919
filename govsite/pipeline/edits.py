"""A quick build after body edits: only what the edited bodies reach is read, planned
and written (issue 18).

Profiled at 10,000 items (docs/performance.md, 2026-12-07), a one-item edit spent
1.1 s reading the site through the read cache, 0.2 s linking the model and 1.7 s
planning all 12,642 outputs (under cProfile) to rewrite 4 files; at 100,000 items
the same took 11.7 s. When the build stamp finds changes, a quick build
(``--no-search``, the preview server) first asks the edit record
(:mod:`govsite.pipeline.edit_record`) what changed since the last build: when only
item files changed, each keeping its front matter and reader problems, and no
feed, annual report or gazette issue shows its body, the build reads those files
and the site-wide files (a slice of the site, :mod:`govsite.content.slice`),
renders each item's page, splices its record into its year's open-data files,
updates the data manifest, marks its search shard stale and the inspection report
out of date, patches the output manifest, and swaps through the twin. A gazette
article with its own text is followed the same way (its page and its search shard:
2.3 s of CPU by the page-by-page way at 10,000 items and 7,200 articles, 0.36 s
followed); its issue folder is read for it. Anything
else (an added or removed file, a template, site.yaml, a title, a racy record)
returns None, and the build takes the page-by-page way, whose output this path
must equal byte for byte (tests/pipeline/test_edits.py).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from govsite.base.cache import RACY_NS
from govsite.base.digests import sha1
from govsite.base.manifest import MANIFEST, read_manifest
from govsite.content.reader import front_digest, read_markdown_file
from govsite.content.slice import load_slice
from govsite.exports import opendata_edit, records
from govsite.inspect import report_files
from govsite.model.gazette import ArticleFrontMatter
from govsite.model.item import ItemFrontMatter
from govsite.model.site_model import SiteModel, build_model
from govsite.pipeline import edit_record, manifest_patch
from govsite.pipeline.edit_record import ARTICLE, EditRecord, Folder, ItemFacts, scan
from govsite.pipeline.output import Staging
from govsite.pipeline.render_pages import init_worker, render_one
from govsite.problems import ProblemLog
from govsite.redirects.ledger import LEDGER_FILE
from govsite.render.digests import Digests
from govsite.render.env import make_env
from govsite.render.plan import PageSpec
from govsite.pipeline.search_state import mark_stale

MAX_EDITS = 64
"""More changed files than this take the page-by-page way (it renders on all cores)."""


@dataclass
class Followed:
    """What a build that followed body edits did."""

    problems: ProblemLog
    written_paths: list[str] = field(default_factory=list)
    total: int = 0
    folders: list[str] = field(default_factory=list)
    """The output's folders that hold files (for the build stamp)."""


def changed_items(site: Path, record: EditRecord, seen: dict[str, str]
                  ) -> tuple[list[str], dict[str, Folder], dict[str, tuple[int, int]]] | None:
    """The item files changed since the record, when nothing else changed: (their
    paths, their folders as recorded, each one's size and time now)."""
    if seen.keys() != record.folders.keys():  # a folder or an input file added or removed
        return None
    labels = [label for label, digest in seen.items() if record.folders[label] != digest]
    changed: list[str] = []
    folders: dict[str, Folder] = {}
    now: dict[str, tuple[int, int]] = {}
    for label in labels:
        folder = record.folder(label)
        found = scan(site, label) if folder is not None else None
        if folder is None or found is None or found.keys() != folder.files.keys():
            return None  # not a folder of items, or a file added or removed
        folders[label] = folder
        for rel, sig in found.items():
            if folder.files[rel] != sig:
                if rel not in folder.items or not ItemFacts(*folder.items[rel]).own_only:
                    return None
                changed.append(rel)
                now[rel] = sig
    if not changed or len(changed) > MAX_EDITS:
        return None
    return sorted(changed), folders, now


def follow(site: Path, out: Path, base_url: str | None, today: str, seen: dict[str, str],
           fingerprint: str | None) -> Followed | None:
    """Build by following body edits, or None when the page-by-page build is needed."""
    record = edit_record.read(site, out)
    if (record is None or record.context != edit_record.context_key(out, base_url, today)
            or record.manifest != edit_record.signature(out / MANIFEST)
            or record.ledger != edit_record.signature(site / LEDGER_FILE)
            or not report_files.report_page(out).is_file()):
        return None
    found = changed_items(site, record, seen)
    if found is None:
        return None
    changed, folders, now = found
    facts = [ItemFacts(*folders[rel.rpartition("/")[0]].items[rel]) for rel in changed]
    problems = record.problems()
    if problems is None:
        return None
    issues = tuple(sorted({rel.rpartition("/")[0] for rel, f in zip(changed, facts) if f.kind == ARTICLE}))
    items = {rel for rel, f in zip(changed, facts) if f.kind != ARTICLE}
    loaded = load_slice(site, base_url, sorted(items | {r for f in facts for r in f.related}), issues)
    if loaded is None or loaded.config is None:
        return None
    allow_html = loaded.config.options.allow_html
    for rel, fact in zip(changed, facts):
        front_model = ArticleFrontMatter if fact.kind == ARTICLE else ItemFrontMatter
        try:
            read = read_markdown_file(rel, (site / rel).read_bytes(), front_model, allow_html)
        except OSError:
            return None
        if read.front is None or front_digest(read) != fact.front:
            return None
    model = build_model(loaded)  # its problems are the slice's (links to items not read): not the site's
    specs = _specs(model, record, facts) if model is not None else None
    if model is None or specs is None:
        return None
    env = make_env(site)
    staging = Staging(out)
    try:
        done = _write(record, model, env, specs, facts, staging, out)
        if done is None:
            staging.abort()
            return None
        entries, written, years = done
        if not staging.adopted:  # no twin (the last build wrote nothing): carry every other file over
            fresh = set(written)
            staging.link_unchanged([p for p in read_manifest(out) if p not in fresh])
        if not manifest_patch.write(out, staging.path, entries):
            staging.abort()
            return None
        staging.differs = written
        staging.commit()
    except BaseException:
        staging.abort()
        raise
    report_files.publish(out)
    log = ProblemLog()
    log.extend(problems)
    _remember(record, out, seen, folders, now, years)
    return Followed(log, sorted(written), record_total(out), record.output_folders)


def _specs(model: SiteModel, record: EditRecord, facts: list[ItemFacts]) -> list[PageSpec] | None:
    """The page of each edited file with the digest the planner would give it; None
    when the slice does not give it (an item or article not linked as recorded)."""
    digests = Digests(model)
    specs: list[PageSpec] = []
    planned: dict[str, PageSpec] = {}
    if any(f.kind == ARTICLE for f in facts):
        from govsite.render.gazette_plan import plan_gazette

        if model.gazette is None or "gazette_article.html" not in record.templates:
            return None
        planned = {spec.path: spec for spec in plan_gazette(model.gazette, digests)}
        own = {a.url for issue in model.gazette.issues for a in issue.articles if a.item is None and a.has_own_text}
    for fact in facts:
        if fact.kind == ARTICLE:
            spec = planned.get(fact.page)
            if spec is None or fact.page not in own:
                return None
            specs.append(PageSpec(spec.path, spec.template, spec.kind, spec.args,
                                  sha1(spec.deps, record.templates["gazette_article.html"])))
            continue
        item = model.items_by_index.get(fact.index_no)
        if item is None or "item.html" not in record.templates:
            return None
        specs.append(PageSpec(fact.page, "item.html", "item", (fact.index_no,),
                              sha1(digests.item_page(item), record.templates["item.html"])))
    return specs


def _write(record: EditRecord, model: SiteModel, env: Environment, specs: list[PageSpec], facts: list[ItemFacts],
           staging: Staging, out: Path) -> tuple[dict[str, str], list[str], dict[int, list[str]]] | None:
    """Write every output the edits reach into the staging folder: (manifest entries,
    written paths, the open-data digest parts of the years it rewrote)."""
    extra = {}
    if any(f.kind == ARTICLE for f in facts):
        from govsite.render import gazette_plan

        extra = {"gazette_article": gazette_plan.CONTEXTS["gazette_article"]}
    init_worker(model, env, staging.path, out, features=False, extra=extra)  # no other feature's context
    entries: dict[str, str] = {}
    written: list[str] = []
    for spec in specs:
        path, status, error = render_one(spec)
        if error:
            return None
        entries[path] = spec.deps
        if status == "new":
            written.append(path)
    rewritten: dict[str, tuple[int, str]] = {}
    years: dict[int, list[str]] = {}
    for year in sorted({f.year for f in facts if f.kind != ARTICLE}):
        parts = record.year_parts(year)
        if parts is None:
            return None
        for fact in (f for f in facts if f.year == year and f.kind != ARTICLE):
            item = model.items_by_index[fact.index_no]
            if fact.position >= len(parts):
                return None
            parts[fact.position] = records.item_digest_part(model, item)
            source = staging.path if f"data/items-{year}.json" in rewritten else out
            result = opendata_edit.follow_body(model, item, year, source, staging.path)
            if result is None:
                return None
            rewritten.update((p, new) for p, new in result.items() if new is not None)
        digest = opendata_edit.year_digest(model, parts)
        entries.update({f"data/items-{year}.json": digest, f"data/items-{year}.csv": digest})
        years[year] = parts
    if rewritten:
        data = opendata_edit.follow_manifest(out, staging.path, rewritten)
        if data is None:
            return None
        entries[opendata_edit.MANIFEST_PATH] = opendata_edit.manifest_digest(data)
        written += sorted([*rewritten, opendata_edit.MANIFEST_PATH])
    shards = sorted({f.shard for f in facts if f.page in written and f.shard})
    if shards:
        state = mark_stale(staging.path, out, record.search[0], record.search[1], shards)
        if state is None:
            return None
        entries[state[0]] = state[1]
        if state[2]:
            written.append(state[0])
    report_files.prepare(out, None, stale=True)  # a quick build leaves the report out of date, as always
    return entries, written, years


def record_total(out: Path) -> int:
    try:
        with open(out / MANIFEST, "rb") as fh:
            return max(0, fh.read().count(b"\n") - 4)
    except OSError:
        return 0


def _remember(record: EditRecord, out: Path, seen: dict[str, str], folders: dict[str, Folder],
              now: dict[str, tuple[int, int]], years: dict[int, list[str]]) -> None:
    """The record after the swap: the edited files' new sizes and times (unless too
    new to trust, so that the next build looks at them again), their folders' digests,
    their years' open-data parts, and the output's new manifest last (a record whose
    head names another manifest is not used)."""
    for year, parts in years.items():
        record.save_year_parts(year, parts)
    trusted = time.time_ns() - RACY_NS
    for label, folder in folders.items():
        racy = False
        for rel, sig in now.items():
            if rel.rpartition("/")[0] == label:
                if sig[1] <= trusted:
                    folder.files[rel] = sig
                else:
                    racy = True
        record.save_folder(label, folder)
        if not racy:
            record.folders[label] = seen[label]
    record.manifest = edit_record.signature(out / MANIFEST)
    record.save_head()
