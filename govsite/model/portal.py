"""``site.yaml`` → ``portal:``: the member sites of a provincial portal (集约化平台).

A province (or a city over its counties) runs many govsite sites. A portal site
lists them here; ``govsite build`` on the portal reads what each member already
publishes (its build manifest, ``data/site.json``, the per-year open data and its
search bundle) from a local folder, which in production is a copy kept fresh by
``rclone sync`` (docs/portal.md). This module is only the configuration: reading
the members is :mod:`govsite.portal`.
"""
from __future__ import annotations

from typing import Optional

from pydantic import Field, field_validator

from govsite.model.base import SLUG_RE, Strict, StrictDate, site_address


class PortalMember(Strict):
    """One member site (成员网站) of the portal."""

    id: str = Field(pattern=SLUG_RE)
    """ASCII id, the URL segment of the member's pages on the portal."""
    name: str
    """网站名称 (usually the government's name, e.g. 东城县人民政府)."""
    base_url: str
    """The member's published address, as its own ``site.yaml`` says (links go there)."""
    output: str = ""
    """Where its published output is on this machine, relative to the portal's site
    folder or absolute: the folder ``rclone sync`` copies it into. Empty for a member
    that was merged (``merged_into``) and publishes nothing any more."""
    sync_from: Optional[str] = None
    """Where ``govsite portal sync`` fetches its published site from (同步来源): an rclone
    ``remote:path`` (``oss-dongcheng:bucket/xxgk``; secrets stay in rclone's config or
    environment, never here), a local folder, or ``base_url`` to fetch it from the
    member's published address through rclone's http backend. None: the folder is kept
    by other means and the dashboard says nothing of a sync."""
    merged_into: Optional[str] = None
    """撤并: the id of the member this site was merged into; its old addresses are kept by
    the successor's redirects (docs/urls.md, "A township folded into the county")."""
    merged_on: Optional[StrictDate] = None
    """The date of the merger (撤并日期), shown on the portal."""

    @field_validator("base_url")
    @classmethod
    def _check_base_url(cls, value: str) -> str:
        return site_address(value)


class PortalConfig(Strict):
    """The portal section of ``site.yaml`` (集约化平台设置)."""

    title: str = "政府网站集约化平台"
    """Heading of the portal's pages."""
    members: list[PortalMember] = Field(min_length=1)
    """成员网站, in the order the portal lists them."""
    latest: int = Field(default=50, ge=1, le=500)
    """Items on the combined 最新信息 page and in its feed."""
    stale_build_days: int = Field(default=7, ge=1)
    """A member whose last build (data/site.json ``built``) is older than this many days
    is shown as 未按时更新 on the dashboard: its daily rebuild has stopped."""
