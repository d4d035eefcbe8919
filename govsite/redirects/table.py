"""The redirect table: every old path of the site and the page it leads to now.

Old paths come from, in this order: ``redirects.yaml`` at the site root, each
item's ``legacy_url`` (原网址, recorded by ``govsite import``) and its
``previous_urls``. Chains collapse to their final target. Unusable paths,
duplicates and loops are kept as findings, reported with file, line and field
by :mod:`govsite.redirects.check` (the planner has no problem log).
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from govsite.content.reader import read_yaml_file
from govsite.base.safepath import resolve_inside
from govsite.base.yamlsource import locate, parse_yaml, split_front_matter
from govsite.model.site_model import SiteModel
from govsite.problems import Problem, ProblemLog, Severity
from govsite.redirects.paths import PathError, canonical, display, parse_location, read_old_path, to_file
from govsite.base.digests import sha1

REDIRECTS_FILE = "redirects.yaml"
_Composer = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL = "tag:yaml.org,2002:null"


@dataclass
class Origin:
    """Where an old path was declared; the line of an item field is found only when reported."""

    file: str
    line: int | None
    field: str | None
    keys: tuple[Any, ...] = ()
    """Front-matter path of the field (item files)."""

    def line_in(self, root: Path) -> int | None:
        if self.line is None and self.keys:
            try:
                split = split_front_matter((root / self.file).read_text(encoding="utf-8"))
            except OSError:
                split = None
            self.line = locate(split[0], self.keys, 1) if split else None
        return self.line

    def where(self, root: Path) -> str:
        line = self.line_in(root)
        return f"{self.file}:{line}" if line else self.file


@dataclass
class Finding:
    """A problem found while building the table."""

    code: str
    origin: Origin
    value: str
    params: dict[str, Any] = field(default_factory=dict)
    """Values may be :class:`Origin` (shown as file:line)."""

    def problem(self, root: Path) -> Problem:
        sev = Severity.WARNING if self.code.startswith("W-") else Severity.ERROR
        params = {k: (v.where(root) if isinstance(v, Origin) else v) for k, v in self.params.items()}
        return Problem(self.code, sev, self.origin.file, self.origin.line_in(root), self.origin.field, self.value, params)


@dataclass
class Rule:
    """One old location (possibly spelt several ways) and where it leads."""

    key: str
    """Output file that answered the old path (canonical), e.g. ``old/index.html``."""
    sources: set[str]
    """Canonical old paths (``old/`` and ``old/index.html`` share a key)."""
    direct: str
    """Output file of the target as written."""
    fragment: str
    raw_target: str
    origin: Origin
    target: str = ""
    """Output file of the final target, after following chains."""
    final_fragment: str = ""


@dataclass
class RedirectTable:
    rules: dict[str, Rule]
    retired: dict[str, Origin]
    """Old paths withdrawn on purpose (``old: ~`` in redirects.yaml): no redirect, not an error."""
    findings: list[Finding]

    @cached_property
    def digest(self) -> str:
        """Everything the server rule files show."""
        return sha1(*(f"{r.key}\t{' '.join(sorted(r.sources))}\t{r.target}#{r.final_fragment}" for r in self.sorted_rules()),
                    *sorted(self.retired))

    def sorted_rules(self) -> list[Rule]:
        return [self.rules[k] for k in sorted(self.rules)]

    def report(self, problems: ProblemLog, root: Path) -> None:
        for finding in self.findings:
            problems.add(finding.problem(root))


_CACHE: "weakref.WeakKeyDictionary[SiteModel, RedirectTable]" = weakref.WeakKeyDictionary()


def table_for(model: SiteModel) -> RedirectTable:
    """The model's redirect table, computed once (render workers inherit it)."""
    table = _CACHE.get(model)
    if table is None:
        table = _CACHE[model] = _Builder(model).build()
    return table


@dataclass
class _Entry:
    source: str
    target: str | None
    """Raw target; None: withdrawn on purpose."""
    origin: Origin
    kind: str
    """``file`` (redirects.yaml), ``legacy`` or ``previous``."""
    item_url: str = ""


class _Builder:
    def __init__(self, model: SiteModel) -> None:
        self.model = model
        self.root = model.root
        self.findings: list[Finding] = []
        self.rules: dict[str, Rule] = {}
        self.retired: dict[str, Origin] = {}
        cfg = model.config
        bases, hosts = {cfg.base_path}, {cfg.domain.lower()}
        production = _production_base_url(model.root)
        if production:
            parts = urlsplit(production)
            bases.add((parts.path or "/").rstrip("/") + "/")
            hosts.add(parts.netloc.lower())
        self.bases = tuple(sorted(bases))
        self.hosts = hosts

    def build(self) -> RedirectTable:
        entries = self._file_entries()
        for item in sorted(self.model.items, key=lambda it: it.source):
            fm = item.fm
            if fm.legacy_url:
                entries.append(_Entry(fm.legacy_url, None, Origin(item.source, None, "legacy_url", ("legacy_url",)),
                                      "legacy", item.url))
            # getattr: a read cache written before the field existed lacks it
            for i, url in enumerate(getattr(fm, "previous_urls", None) or ()):
                entries.append(_Entry(url, None, Origin(item.source, None, f"previous_urls.{i}", ("previous_urls", i)),
                                      "previous", item.url))
        for entry in entries:
            self._add(entry)
        self._collapse_chains()
        return RedirectTable(self.rules, self.retired, self.findings)

    def _find(self, code: str, origin: Origin, value: str, **params: Any) -> None:
        self.findings.append(Finding(code, origin, value, params))

    def _file_entries(self) -> list[_Entry]:
        """Entries of redirects.yaml, in file order, with the line of each key."""
        if not (self.root / REDIRECTS_FILE).is_file():
            return []
        if resolve_inside(self.root, REDIRECTS_FILE) is None:
            self._find("E-PATH-ESCAPE", Origin(REDIRECTS_FILE, None, None), REDIRECTS_FILE)
            return []
        read = read_yaml_file(REDIRECTS_FILE, (self.root / REDIRECTS_FILE).read_bytes())
        if read.problems:
            self.findings.extend(_as_finding(p) for p in read.problems)
            return []
        if read.data is None:
            return []
        if not isinstance(read.data, dict):
            self._find("E-NOT-MAPPING", Origin(REDIRECTS_FILE, 1, None), type(read.data).__name__)
            return []
        node = yaml.compose(read.yaml_text, Loader=_Composer)
        if node is None:  # not reached: the text read as a mapping
            return []
        entries = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self._find("E-REDIRECT-PATH", Origin(REDIRECTS_FILE, key_node.start_mark.line + 1, None), "…")
                continue
            origin = Origin(REDIRECTS_FILE, key_node.start_mark.line + 1, str(key_node.value))
            if isinstance(value_node, yaml.ScalarNode):
                target = None if value_node.tag == _NULL else str(value_node.value)
                entries.append(_Entry(str(key_node.value), target, origin, "file"))
            else:
                self._find("E-TYPE", origin, type(value_node).__name__.replace("Node", "").lower(),
                           expected="一个地址（页面路径、索引号）或 ~ / one location (page path, 索引号) or ~")
        return entries

    def _target(self, entry: _Entry) -> tuple[str, str] | None:
        """(output file, fragment) of a target as written, or None after a finding."""
        if entry.item_url:
            return canonical(entry.item_url), ""
        text = (entry.target or "").strip()
        item = self.model.items_by_index.get(text)
        if item is not None:
            return canonical(item.url), ""
        try:
            loc = parse_location(text, self.bases)
        except PathError:
            self._find("E-REDIRECT-PATH", entry.origin, text)
            return None
        if loc.query:
            self._find("E-REDIRECT-QUERY", entry.origin, text)
            return None
        if loc.host and loc.host not in self.hosts:
            self._find("E-REDIRECT-TARGET", entry.origin, text)
            return None
        return to_file(loc.path), loc.fragment

    def _add(self, entry: _Entry) -> None:
        loc, code = read_old_path(entry.source, self.bases, entry.kind == "legacy")
        if loc is None:
            self._find(code or "E-REDIRECT-PATH", entry.origin, entry.source)
            return
        key = to_file(loc.path)
        if entry.kind == "legacy" and key == canonical(entry.item_url):
            return  # the item kept its old URL
        target: tuple[str, str] | None = None
        if entry.target is not None or entry.item_url:
            target = self._target(entry)
            if target is None:
                return
        earlier = self.rules.get(key)
        if earlier is not None and target == (earlier.direct, earlier.fragment):
            earlier.sources.add(loc.path)
            return
        if key in self.retired and target is None:
            return
        if earlier is not None or key in self.retired:
            other = earlier.origin if earlier is not None else self.retired[key]
            self._find("E-REDIRECT-DUP", entry.origin, display(loc.path), other=other)
            return
        if target is None:
            self.retired[key] = entry.origin
        else:
            raw = entry.target if entry.target is not None else entry.item_url
            self.rules[key] = Rule(key, {loc.path}, target[0], target[1], raw, entry.origin)

    def _collapse_chains(self) -> None:
        """Point every rule at its final target; report loops (those rules are dropped)."""
        looped: list[str] = []
        for key in sorted(self.rules):
            rule = self.rules[key]
            seen = [key]
            current, fragment = rule.direct, rule.fragment
            while current in self.rules:
                if current in seen:
                    chain = " → ".join(display(min(self.rules[k].sources)) for k in seen + [current])
                    self._find("E-REDIRECT-LOOP", rule.origin, display(min(rule.sources)), chain=chain)
                    looped.append(key)
                    break
                seen.append(current)
                step = self.rules[current]
                current, fragment = step.direct, step.fragment or fragment
            rule.target, rule.final_fragment = current, fragment
        for key in looped:
            del self.rules[key]


def _as_finding(problem: Problem) -> Finding:
    return Finding(problem.code, Origin(problem.file, problem.line, problem.field), problem.value, dict(problem.params))


def _production_base_url(root: Path) -> str | None:
    """base_url as written in site.yaml (``--base-url`` may override it for a preview);
    legacy full URLs are production URLs."""
    try:
        data = parse_yaml((root / "site.yaml").read_text(encoding="utf-8"))
    except Exception:  # noqa: BLE001 - the loader has already reported a bad site.yaml
        return None
    url = data.get("base_url") if isinstance(data, dict) else None
    return url if isinstance(url, str) else None
