"""Footer identity (网站标识): 主办单位, 网站标识码, ICP备案号, 公安机关备案号 (DOMAIN §5.4).

A key left out of ``site.yaml`` is already E-MISSING (the config model requires
all four); this rule catches values that are present but blank.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from govsite.inspect.registry import rule
from govsite.problems import ProblemLog

FOOTER_ITEMS: tuple[tuple[str, str, str], ...] = (
    ("host", "主办单位", "host organization"),
    ("site_id_code", "网站标识码", "site id code"),
    ("icp", "ICP备案号", "ICP record number"),
    ("psb", "公安机关备案号", "police record number"),
)


@rule("W-FOOTER-MISSING", family="footer", site_wide=True)
def footer_identity(model: Any, today: date, problems: ProblemLog) -> None:
    """Each footer identity item that is blank."""
    footer = model.config.footer
    for name, label, _label_en in FOOTER_ITEMS:
        if not str(getattr(footer, name, "") or "").strip():
            problems.warning("W-FOOTER-MISSING", "site.yaml", None, f"footer.{name}", name, label=label)
