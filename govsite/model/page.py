"""Free Markdown pages such as 政府信息公开指南 and 依申请公开 instructions."""
from __future__ import annotations

from typing import Optional

from pydantic import Field

from govsite.model.base import StrictDateTime, Strict


class PageFrontMatter(Strict):
    """The YAML header of ``content/pages/*.md``."""

    title: str = Field(min_length=1)
    column: Optional[str] = None
    """Column whose landing page shows this page (e.g. xxgkzn, ysqgk)."""
    org: Optional[str] = None
    """Organization the page belongs to (a 指南 per organization)."""
    updated: Optional[StrictDateTime] = None
    """最后更新 date shown on the page."""
