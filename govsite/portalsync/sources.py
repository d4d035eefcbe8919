"""Where each member is synced from (同步来源): the ``sync_from`` of each member in the
portal's ``site.yaml``, checked before anything is fetched.

``sync_from`` is an rclone ``remote:path`` (``oss-dongcheng:bucket/xxgk``), a local
folder, or ``base_url``: the member's published address through rclone's http
backend (``:http:`` with ``--http-url``), which needs no account at all. Credentials
never go into ``site.yaml``: the same check as ``govsite publish``'s target
(:func:`govsite.publish.target.parse_target`) refuses a connection string with a
secret, a ``user:password@`` URL or an access key id. Every mistake is reported in
one run with its file, line, field, value and what is allowed; a member without
``sync_from`` (its folder is kept by other means) and a merged member are skipped.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govsite.content.loader import load_config
from govsite.model.portal import PortalConfig
from govsite.model.source_lines import SourceLines
from govsite.problems import ProblemLog
from govsite.publish.errors import PublishError
from govsite.publish.target import masked, parse_target

SITE_YAML = "site.yaml"
FROM_BASE_URL = "base_url"
"""The ``sync_from`` value that fetches the member from its published address."""


@dataclass(frozen=True)
class Source:
    """One member to sync."""

    id: str
    name: str
    spec: str
    """What rclone reads: ``remote:path``, an absolute folder, or ``:http:`` (with ``http_url``)."""
    folder: Path
    """The member's local copy (its ``output``), which the portal's build reads."""
    http_url: str = ""

    def join(self, rel: str) -> str:
        if self.spec.endswith(":"):
            return self.spec + rel
        return self.spec.rstrip("/") + "/" + rel

    @property
    def shown(self) -> str:
        return self.http_url if self.http_url else masked(self.spec)


def load_sources(site: Path, only: tuple[str, ...], problems: ProblemLog) -> list[Source]:
    """The members to sync (``only``: these ids), in the order ``site.yaml`` lists them;
    mistakes go to ``problems`` as errors (then nothing may be synced)."""
    config, _digest = load_config(site, problems)
    if config is None:
        return []
    line = SourceLines(site)
    portal: PortalConfig | None = config.portal
    if portal is None:
        problems.error("E-PORTAL-SYNC-NO-PORTAL", SITE_YAML, 1, "portal", None)
        return []
    ids = [m.id for m in portal.members]
    for wanted in only:
        if wanted not in ids:
            problems.error("E-PORTAL-SYNC-MEMBER", "--member", None, "--member", wanted, allowed=", ".join(ids))
    found = []
    for n, m in enumerate(portal.members):
        if m.merged_into is not None or m.sync_from is None:
            continue
        where = f"portal.members.{n}.sync_from"
        at = line(SITE_YAML, "portal", "members", n, "sync_from")
        if not m.output:
            problems.error("E-PORTAL-OUTPUT", SITE_YAML, line(SITE_YAML, "portal", "members", n),
                           f"portal.members.{n}.output", m.id)
            continue
        folder = (site / m.output).resolve()
        if m.sync_from.strip() == FROM_BASE_URL:
            found.append(Source(m.id, m.name, ":http:", folder, m.base_url))
            continue
        try:
            target = parse_target(m.sync_from, f"{SITE_YAML}:{at} {where}", site.resolve())
        except PublishError as exc:
            code = "E-PORTAL-SYNC-SECRET" if exc.code == "E-PUBLISH-SECRET" else "E-PORTAL-SYNC-FROM"
            problems.error(code, SITE_YAML, at, where, masked(m.sync_from),
                           detail_zh=exc.params.get("detail_zh", ""), detail=exc.params.get("detail", ""))
            continue
        if target.local is not None and (target.local == folder or folder in target.local.parents
                                         or target.local in folder.parents):
            problems.error("E-PORTAL-SYNC-FROM", SITE_YAML, at, where, m.sync_from,
                           detail_zh=f"与该成员网站的本地目录 output（{folder}）重叠",
                           detail=f"it overlaps the member's local folder, output ({folder})")
            continue
        found.append(Source(m.id, m.name, target.spec, folder))
    if only:  # every member's sync_from is checked above: all mistakes in one run
        found = [s for s in found if s.id in only]
    if not found and not problems.has_errors():
        problems.error("E-PORTAL-SYNC-NONE", SITE_YAML, line(SITE_YAML, "portal", "members"), "portal.members", None)
    return found
