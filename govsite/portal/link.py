"""Reading every member of a portal (读取成员网站), called by the pipeline right after
the site's model is built (like the annual reports): the model imports no feature.

The ``portal:`` section's own mistakes (a duplicate id, ``merged_into`` naming no
member, a member without ``output``) are errors of ``site.yaml`` with their line, all
reported in one run. A member that is missing, unreadable or stale is a warning and a
row of the dashboard: one county's broken sync must never stop the province's portal.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from govsite.base.digests import sha1
from govsite.model.portal import PortalConfig, PortalMember
from govsite.model.source_lines import SourceLines
from govsite.portal.health import Health, judge
from govsite.portal.ledger import LEDGER, MemberSync, read_ledger
from govsite.portal.published import MemberSite, Missing, PublishedItem, Unreadable, read_member
from govsite.portal.yearcache import YearCache
from govsite.problems import Problem, ProblemLog, Severity

SITE_YAML = "site.yaml"


@dataclass
class Member:
    """A member as the portal shows it."""

    config: PortalMember
    health: Health
    site: MemberSite | None = None
    successor: PortalMember | None = None
    """The member it was merged into (撤并), when it was."""
    digest: str = ""
    """Everything the portal shows of the member (its pages' dependency)."""
    sync: MemberSync | None = None
    """What ``govsite portal sync`` last found at the member (None: never synced)."""

    @property
    def synced_by_govsite(self) -> bool:
        """Whether the member is fetched by ``govsite portal sync`` (it has ``sync_from``)."""
        return self.config.sync_from is not None and self.config.merged_into is None

    @property
    def id(self) -> str:
        return self.config.id

    @property
    def name(self) -> str:
        return self.site.name if self.site is not None else self.config.name

    @property
    def base_url(self) -> str:
        return self.site.base_url if self.site is not None else self.config.base_url


@dataclass
class Portal:
    """The members, read; what the portal's pages are made from."""

    config: PortalConfig
    members: list[Member] = field(default_factory=list)
    digest: str = ""
    years_read: list[str] = field(default_factory=list)
    """The year files this build opened (member address + path): the others came from the cache."""

    @property
    def readable(self) -> list[Member]:
        return [m for m in self.members if m.site is not None]

    def latest(self, count: int) -> list[tuple[Member, PublishedItem]]:
        """The newest ``count`` items of all members, newest first (ties: by member order, then URL)."""
        rows = [(m, it) for m in self.readable for it in m.site.items[:count]]  # type: ignore[union-attr]
        order = {m.id: n for n, m in enumerate(self.members)}
        rows.sort(key=lambda r: (-r[1].publish_date.timestamp(), order[r[0].id], r[1].url))
        return rows[:count]


def link_portal(root: Path, config: PortalConfig, today: date, problems: ProblemLog) -> Portal | None:
    """Read every member; None (and errors) when the ``portal:`` section is wrong."""
    line = SourceLines(root)
    ids = [m.id for m in config.members]
    ok = True
    for n, m in enumerate(config.members):
        where = ("portal", "members", n)
        if ids.index(m.id) != n:
            problems.error("E-PORTAL-MEMBER-DUP", SITE_YAML, line(SITE_YAML, *where, "id"), f"portal.members.{n}.id", m.id)
            ok = False
        if m.merged_into is not None and (m.merged_into not in ids or m.merged_into == m.id):
            problems.error("E-PORTAL-MERGED-INTO", SITE_YAML, line(SITE_YAML, *where, "merged_into"),
                           f"portal.members.{n}.merged_into", m.merged_into,
                           allowed=", ".join(i for i in ids if i != m.id))
            ok = False
        if m.merged_into is None and not m.output:
            problems.error("E-PORTAL-OUTPUT", SITE_YAML, line(SITE_YAML, *where), f"portal.members.{n}.output", m.id)
            ok = False
    if not ok:
        return None
    portal = Portal(config)
    by_id = {m.id: m for m in config.members}
    ledger = read_ledger(root)
    cache = YearCache(root)
    for m in config.members:
        member = _member(root, m, by_id, config, today, problems, cache)
        if member.synced_by_govsite:
            member.sync = ledger.get(m.id)
            _warn_sync(member, problems)
            member.digest = sha1(member.digest, repr(member.sync))
        portal.members.append(member)
    portal.digest = sha1(config.model_dump_json(), today.isoformat(), *(m.digest for m in portal.members))
    portal.years_read = cache.read
    if all(m.site is not None or m.health.status == "merged" for m in portal.members):
        cache.prune()  # an unreadable member keeps its entries for the next build
    return portal


def _member(root: Path, m: PortalMember, by_id: dict[str, PortalMember], config: PortalConfig, today: date,
            problems: ProblemLog, cache: YearCache) -> Member:
    if m.merged_into is not None:
        member = Member(m, Health("merged"), successor=by_id[m.merged_into])
        member.digest = sha1(m.model_dump_json())
        return member
    folder = (root / m.output).resolve()
    try:
        site = read_member(folder, cache)
    except Missing:
        shown = _shown(root, folder)
        return _unread(m, Problem("W-PORTAL-MISSING", Severity.WARNING, shown, None, None, shown, {"site": m.name}),
                       problems)
    except Unreadable as bad:
        return _unread(m, Problem("W-PORTAL-UNREADABLE", Severity.WARNING, _shown(root, bad.file), None, bad.field,
                                  bad.value, {"site": m.name, "expected": bad.expected, "expected_zh": bad.expected_zh}),
                                  problems)
    health = judge(site, today, config.stale_build_days)
    _warn(root, folder, m, site, health, config, problems)
    member = Member(m, health, site)
    member.digest = sha1(m.model_dump_json(), repr(health), site.name, site.base_url, repr(site.themes),
                         repr(sorted(site.column_urls.items())), repr([c.title for c in site.columns.values()]),
                         *(f"{it.url} {it.title} {it.org} {it.publish_date.isoformat()} {it.columns} {it.theme}"
                           for it in site.items))
    return member


def _unread(m: PortalMember, problem: Problem, problems: ProblemLog) -> Member:
    """A member that could not be read: its warning, and its row says why."""
    problems.add(problem)
    health = Health("unreadable", problem=problem.format())
    member = Member(m, health)
    member.digest = sha1(m.model_dump_json(), health.status, health.problem)
    return member


def _warn(root: Path, folder: Path, m: PortalMember, site: MemberSite, health: Health, config: PortalConfig,
          problems: ProblemLog) -> None:
    facts = _shown(root, folder / "data" / "site.json")
    if site.base_url != m.base_url:
        problems.warning("W-PORTAL-BASE-URL", facts, None, "base_url", site.base_url, site=m.name, configured=m.base_url)
    if health.build_days is not None and health.build_days > config.stale_build_days:
        problems.warning("W-PORTAL-STALE-BUILD", facts, None, "built", health.built.isoformat() if health.built else None,
                         site=m.name, days=health.build_days, limit=config.stale_build_days)
    if health.stale or health.home_days is not None:
        home = health.home_days
        problems.warning("W-PORTAL-MEMBER-STALE", facts, None, None, m.id, site=m.name, count=len(health.stale),
                         columns="、".join(c.title for c in health.stale) or "—",
                         home_zh=f"，首页 {home} 天未更新" if home is not None else "",
                         home_en=f", home page not updated for {home} days" if home is not None else "")
    for label, count, limit in health.vetoes:
        problems.warning("W-PORTAL-VETO-RISK", facts, None, None, label, site=m.name, count=count, limit=limit)


def _warn_sync(member: Member, problems: ProblemLog) -> None:
    """A member that did not answer at its last sync, or was never synced: a warning of the build."""
    sync = member.sync
    if sync is None:
        problems.warning("W-PORTAL-NEVER-SYNCED", SITE_YAML, None, "sync_from", f".govsite-cache/{LEDGER}",
                         site=member.config.name)
    elif not sync.last.answered:
        problems.warning("W-PORTAL-SYNC-FAILED", f".govsite-cache/{LEDGER}", None, member.id, sync.last.time,
                         site=member.config.name, time=sync.last.when.strftime("%Y-%m-%d %H:%M"), error=sync.last.error,
                         copy_zh=f"平台显示的是 {sync.copy_time:%Y-%m-%d %H:%M} 同步的副本" if sync.copy_time else "此前从未同步成功",
                         copy_en=f"the portal shows the copy of {sync.copy_time:%Y-%m-%d %H:%M}" if sync.copy_time
                         else "it never answered a sync before")


def _shown(root: Path, path: Path) -> str:
    """A member's file as a problem names it: relative to the portal's site folder when it can be."""
    try:
        return os.path.relpath(path, root).replace(os.sep, "/")
    except ValueError:
        return str(path)
