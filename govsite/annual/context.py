"""Rendering context of a report page: narrative HTML and the three tables as cells.

Tables are prepared here as rows of header and data cells, each with its
``id``/``headers`` (WCAG H43) and row/column spans, so the template stays a
plain loop and the output is deterministic.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govsite.annual.layout import (
    APPLICANTS, LEGAL_PERSONS, OUTCOME_GROUPS, RESULTS, SECTIONS, T2_ENTERED, T3_COLUMNS, T3_CORNER,
    T3_RESULTS_LABEL, T3_ROWS, T4_COLUMNS, T4_GROUPS, TOTAL, FEE_KEY,
)
from govsite.annual.link import AnnualReport
from govsite.markdown import render_markdown


@dataclass
class Cell:
    """One ``th`` or ``td``."""

    text: str
    header: bool = False
    id: str = ""
    headers: str = ""
    scope: str = ""
    rowspan: int = 1
    colspan: int = 1
    classes: str = ""


@dataclass
class Table:
    caption: str
    id: str
    head: list[list[Cell]] = field(default_factory=list)
    bodies: list[list[list[Cell]]] = field(default_factory=list)
    """Each ``tbody`` as rows of cells."""


def _th(text: str, id: str = "", headers: str = "", scope: str = "col", rowspan: int = 1, colspan: int = 1) -> Cell:
    return Cell(text, True, id, headers, scope, rowspan, colspan)


def _td(value: object, headers: str) -> Cell:
    return Cell(str(value), False, headers=headers, classes="num")


def table2(report: AnnualReport) -> Table:
    """二、主动公开政府信息情况: four stacked sub-tables (第二十条第（一）（五）（六）（八）项)."""
    t = Table("二、主动公开政府信息情况", "t2")
    g = "t2-g1"
    cols = [("本年制发件数", "issued"), ("本年废止件数", "repealed"), ("现行有效件数", "valid")]
    body = [[_th("第二十条第（一）项", g, scope="colgroup", colspan=4)],
            [_th("信息内容", f"{g}-c0", g), *(_th(label, f"{g}-{key}", g) for label, key in cols)]]
    for i, (label, counts) in enumerate(report.table2.items()):
        rid = f"{g}-r{i}"
        body.append([_th(label, rid, f"{g} {g}-c0", "row"),
                     *(_td(getattr(counts, key), f"{g} {rid} {g}-{key}") for _, key in cols)])
    t.bodies.append(body)
    groups: dict[str, tuple[str, list[str]]] = {}
    for key, art, column in T2_ENTERED:
        groups.setdefault(art, (column, []))[1].append(key)
    for n, (art, (column, keys)) in enumerate(groups.items(), start=2):
        g = f"t2-g{n}"
        body = [[_th(art, g, scope="colgroup", colspan=4)],
                [_th("信息内容", f"{g}-c0", g), _th(column, f"{g}-c1", g, colspan=3)]]
        for i, key in enumerate(keys):
            value = report.data.table2[key]
            shown = f"{value:.2f}" if key == FEE_KEY else value
            rid = f"{g}-r{i}"
            cell = _td(shown, f"{g} {rid} {g}-c1")
            cell.colspan = 3
            body.append([_th(key, rid, f"{g} {g}-c0", "row"), cell])
        t.bodies.append(body)
    return t


def table3(report: AnnualReport) -> Table:
    """三、收到和处理政府信息公开申请情况: 3 header rows, 25 data rows, 7 numeric columns."""
    t = Table("三、收到和处理政府信息公开申请情况", "t3")
    col_id = {c: f"t3-c{i}" for i, c in enumerate(T3_COLUMNS)}
    col_headers = {c: "t3-app " + ("t3-legal " if c in LEGAL_PERSONS else "") + col_id[c] for c in T3_COLUMNS}
    t.head = [
        [_th(T3_CORNER, "t3-corner", rowspan=3, colspan=3), _th("申请人情况", "t3-app", scope="colgroup", colspan=7)],
        [_th(APPLICANTS[0], col_id[APPLICANTS[0]], "t3-app", rowspan=2),
         _th("法人或其他组织", "t3-legal", "t3-app", "colgroup", colspan=5),
         _th(TOTAL, col_id[TOTAL], "t3-app", rowspan=2)],
        [_th(c, col_id[c], "t3-app t3-legal") for c in LEGAL_PERSONS],
    ]
    group_size = {key: len(subs) for key, _, subs in OUTCOME_GROUPS}
    results_rows = sum(1 for row in T3_ROWS if row.path[0] == RESULTS)
    rows: list[list[Cell]] = []
    seen_groups: set[str] = set()
    for i, row in enumerate(T3_ROWS):
        rid = f"t3-r{i}"
        heads: list[Cell] = []
        row_headers: list[str] = []
        if len(row.path) == 1:
            heads.append(_th(row.label, rid, scope="row", colspan=3))
        else:
            if not any(r.path[0] == RESULTS for r in T3_ROWS[:i]):
                heads.append(_th(T3_RESULTS_LABEL, "t3-res", scope="rowgroup", rowspan=results_rows))
            row_headers.append("t3-res")
            if len(row.path) == 2:
                heads.append(_th(row.label, rid, "t3-res", "row", colspan=2))
            else:
                gid = f"t3-g{[k for k, _, _ in OUTCOME_GROUPS].index(row.path[1])}"
                if row.path[1] not in seen_groups:
                    seen_groups.add(row.path[1])
                    heads.append(_th(row.group, gid, "t3-res", "rowgroup", rowspan=group_size[row.path[1]]))
                row_headers.append(gid)
                heads.append(_th(row.label, rid, f"t3-res {gid}", "row"))
        row_headers.append(rid)
        cells = report.data.table3[row.path]
        rows.append(heads + [_td(cells[c], " ".join(row_headers) + " " + col_headers[c]) for c in T3_COLUMNS])
    t.bodies.append(rows)
    return t


def table4(report: AnnualReport) -> Table:
    """四、政府信息公开行政复议、行政诉讼情况: 3 header rows, one row of 15 numbers."""
    t = Table("四、政府信息公开行政复议、行政诉讼情况", "t4")
    gid = {("行政复议",): "t4-a", ("行政诉讼", "未经复议直接起诉"): "t4-b1", ("行政诉讼", "复议后起诉"): "t4-b2"}
    parents = {("行政复议",): "t4-a", ("行政诉讼", "未经复议直接起诉"): "t4-b t4-b1", ("行政诉讼", "复议后起诉"): "t4-b t4-b2"}
    t.head = [
        [_th("行政复议", "t4-a", scope="colgroup", rowspan=2, colspan=5), _th("行政诉讼", "t4-b", scope="colgroup", colspan=10)],
        [_th("未经复议直接起诉", "t4-b1", "t4-b", "colgroup", colspan=5), _th("复议后起诉", "t4-b2", "t4-b", "colgroup", colspan=5)],
        [_th(c, f"{gid[g]}-c{i}", parents[g]) for g in T4_GROUPS for i, c in enumerate(T4_COLUMNS)],
    ]
    t.bodies.append([[_td(report.data.table4[g][c], f"{parents[g]} {gid[g]}-c{i}")
                      for g in T4_GROUPS for i, c in enumerate(T4_COLUMNS)]])
    return t


def annual_context(model: Any, report: AnnualReport) -> dict[str, Any]:
    """``annual`` for the template: preface, the six sections and their tables."""
    allow = model.config.options.allow_html
    narrative = report.narrative
    assert narrative is not None

    def html(text: str, line: int) -> str:
        return render_markdown(text, allow, line - 1).html if text.strip() else ""

    tables = {"二": table2(report), "三": table3(report), "四": table4(report)}
    sections = []
    for numeral, title in SECTIONS:
        text, line = narrative.sections.get(numeral, ("", 0))
        sections.append({"numeral": numeral, "title": f"{numeral}、{title}", "id": f"section-{SECTIONS.index((numeral, title)) + 1}",
                         "html": html(text, line), "table": tables.get(numeral)})
    return {"year": report.data.year, "preface_html": html(narrative.preface, narrative.preface_line),
            "sections": sections}
