"""Report pages in the build plan (feature module, see :mod:`govsite.render.registry`).

A report page replaces the ordinary item page of its item (same URL, so it is
listed under the 年报 column, on its organization's page and in feeds like any
item). Its digest covers the item page's inputs, the data file and the
metadata of every item that feeds table 二.
"""
from __future__ import annotations

from typing import Any, Iterator

from govsite.base.digests import sha1
from govsite.render.digests import Digests
from govsite.render.plan import PageSpec

TEMPLATE = "annual_report.html"


def plan(model: Any, d: Digests) -> Iterator[PageSpec]:
    """One page per report that has its page item."""
    if model.annual is None:
        return
    for index_no, report in sorted(model.annual.by_item.items()):
        item = report.item
        deps = sha1(d.item_page(item), report.data.digest, report.table2_digest)
        yield PageSpec(item.url, TEMPLATE, "annual_report", (index_no,), deps)


def ctx_annual_report(model: Any, spec: PageSpec) -> dict[str, Any]:
    """The item page context plus ``annual`` (sections and tables)."""
    from govsite.annual.context import annual_context
    from govsite.render.context import ctx_item

    ctx = ctx_item(model, spec)
    ctx["annual"] = annual_context(model, model.annual.by_item[spec.args[0]])
    return ctx


CONTEXTS = {"annual_report": ctx_annual_report}
