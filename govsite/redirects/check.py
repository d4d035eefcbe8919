"""URL checks shared by ``govsite check`` and ``govsite build``, and the ledger update.

Run at the end of planning, when every output path is known:

- each redirect's old path is not a live page, and its final target is one;
- no URL recorded as published (``urls.txt``, the previous build's manifest) has
  disappeared without a redirect (``E-URL-GONE``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

from govsite.base.manifest import MANIFEST
from govsite.model.site_model import SiteModel
from govsite.problems import ProblemLog
from govsite.redirects.ledger import LEDGER_FILE, manifest_published, read_ledger, update_ledger
from govsite.redirects.pages import REDIRECT_KIND
from govsite.redirects.paths import canonical, display, is_permanent, pretty, to_file
from govsite.redirects.table import table_for
from govsite.render.plan import PageSpec


def check_urls(model: SiteModel, specs: Sequence[PageSpec], files: Iterable, out: Path | None,
               problems: ProblemLog) -> list[PageSpec]:
    """Report redirect and lost-URL problems; returns ``specs`` without the redirect
    pages whose old path is a live page (reported here, not as a clash)."""
    root = model.root
    table = table_for(model)
    table.report(problems, root)
    live = {canonical(s.path) for s in specs if s.kind != REDIRECT_KIND} | {canonical(f.path) for f in files}
    clashing: set[str] = set()
    for rule in table.sorted_rules():
        other = _conflict(rule.key, live)
        if other is not None:
            clashing.add(rule.key)
            problems.error("E-REDIRECT-LIVE", rule.origin.file, rule.origin.line_in(root), rule.origin.field,
                           display(min(rule.sources)), other=display(pretty(other)))
        if rule.direct not in table.rules and rule.target not in live:
            problems.error("E-REDIRECT-TARGET", rule.origin.file, rule.origin.line_in(root), rule.origin.field,
                           rule.raw_target)
    for key, origin in sorted(table.retired.items()):
        if key in live:
            problems.error("E-REDIRECT-LIVE", origin.file, origin.line_in(root), origin.field, display(pretty(key)),
                           other=display(pretty(key)))
    served = live | set(table.rules) | set(table.retired)
    _check_gone(model, out, served, problems)
    return [s for s in specs if not (s.kind == REDIRECT_KIND and canonical(s.path) in clashing)]


def _conflict(key: str, live: set[str]) -> str | None:
    """The live output that an old path's page would replace or sit under, if any."""
    if key in live:
        return key
    parts = key.split("/")
    for n in range(1, len(parts)):
        folder = "/".join(parts[:n])
        if folder in live:
            return folder
    return None


def _check_gone(model: SiteModel, out: Path | None, served: set[str], problems: ProblemLog) -> None:
    """E-URL-GONE for every published URL that nothing answers any more."""
    root = model.root
    ledger = read_ledger(root)
    problems.extend(ledger.problems)
    for path, line in sorted(ledger.entries.items(), key=lambda kv: kv[1]):
        if to_file(path) not in served:
            problems.error("E-URL-GONE", LEDGER_FILE, line, None, display(path))
    label, previous = manifest_published(out, model.config.section_path)
    if previous and out is not None:
        try:
            label = (out.resolve() / MANIFEST).relative_to(root).as_posix()
        except ValueError:
            pass
    for path in sorted(previous):
        if path not in ledger.entries and to_file(path) not in served:
            problems.error("E-URL-GONE", label, None, None, display(path))


def published_paths(model: SiteModel, specs: Iterable[PageSpec]) -> set[str]:
    """Canonical paths a build publishes: its permanent pages and every redirect's old paths."""
    section = model.config.section_path
    paths = {canonical(pretty(s.path)) for s in specs if s.kind != REDIRECT_KIND and is_permanent(s.path, section)}
    for rule in table_for(model).rules.values():
        paths |= rule.sources
    return paths


def record_urls(model: SiteModel, specs: Iterable[PageSpec]) -> bool:
    """After a successful build: add its URLs to urls.txt (never removing any)."""
    return update_ledger(model.root, published_paths(model, specs))
