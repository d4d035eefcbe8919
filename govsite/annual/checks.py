"""Cross-checks of tables 三 and 四 (勾稽关系, DOMAIN §3.4–3.5).

Each failed check is an error naming the cell (file, line, field path such as
``table3.rows.办理结果.总计.自然人``) with the value found and the value expected.
"""
from __future__ import annotations

from govsite.annual.data import AnnualData
from govsite.annual.layout import (
    APPLICANTS, CARRIED_IN, CARRIED_OUT, NEW, OUTCOME_ROWS, OUTCOMES, RESULT_TOTAL, T3_COLUMNS, T3_ROWS, T4_GROUPS,
    TOTAL,
)
from govsite.problems import ProblemLog


def _t3_cell(data: AnnualData, path: tuple[str, ...], column: str) -> tuple[str, int | None]:
    full = ("table3", "rows", *path, column)
    return ".".join(full), data.line(*full)


def check_report(data: AnnualData, last_year: AnnualData | None, problems: ProblemLog) -> None:
    """Run every cross-check on one year's data (``last_year``: the previous file, if any)."""
    t3 = data.table3
    for row in T3_ROWS:
        cells = t3[row.path]
        expected = sum(cells[c] for c in APPLICANTS)
        if cells[TOTAL] != expected:
            field, line = _t3_cell(data, row.path, TOTAL)
            problems.error("E-ANNUAL-ROW-SUM", data.source, line, field, cells[TOTAL], expected=expected)
    for column in T3_COLUMNS:
        outcomes = sum(t3[row.path][column] for row in OUTCOME_ROWS)
        done = t3[RESULT_TOTAL][column]
        if done != outcomes:
            field, line = _t3_cell(data, RESULT_TOTAL, column)
            problems.error("E-ANNUAL-SUM", data.source, line, field, done, expected=outcomes)
        new, carried, out = t3[NEW][column], t3[CARRIED_IN][column], t3[CARRIED_OUT][column]
        if new + carried != done + out:
            field, line = _t3_cell(data, CARRIED_OUT, column)
            problems.error("E-ANNUAL-BALANCE", data.source, line, field, out, column=column, new=new,
                           carried=carried, left=new + carried, done=done, right=done + out)
        if last_year is not None:
            before = last_year.table3[CARRIED_OUT][column]
            if carried != before:
                field, line = _t3_cell(data, CARRIED_IN, column)
                where = f"{last_year.source}:{last_year.line('table3', 'rows', *CARRIED_OUT, column)}"
                problems.error("E-ANNUAL-CARRY", data.source, line, field, carried, expected=before, other=where)
    for group in T4_GROUPS:
        cells = data.table4[group]
        expected = sum(cells[c] for c in OUTCOMES)
        if cells[TOTAL] != expected:
            path = ("table4", *group, TOTAL)
            problems.error("E-ANNUAL-T4-SUM", data.source, data.line(*path), ".".join(path), cells[TOTAL],
                           expected=expected)
