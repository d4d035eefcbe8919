"""The data file ``govsite report annual --init`` writes: every cell 0 except 上年结转, which
is last year's 结转下年度 when last year's file exists; every label in Chinese.

Keys are the labels themselves; each line also carries the full official row
label as a comment, so the file reads like the printed tables.
"""
from __future__ import annotations

from govsite.annual.layout import (
    CARRIED_IN, CARRIED_OUT, FEE_KEY, OUTCOME_GROUPS, RESULTS, T2_ENTERED, T3_COLUMNS, T3_CORNER, T3_ROWS, T4_COLUMNS, TOTAL,
)


def _cells(columns: tuple[str, ...], values: dict[str, int] | None = None) -> str:
    return "{" + ", ".join(f"{c}: {(values or {}).get(c, 0)}" for c in columns) + "}"


def init_text(org_id: str, org_name: str, year: int, carried_in: dict[str, int] | None = None) -> str:
    """The complete YAML text of a new data file for ``org_id`` and ``year``; ``carried_in``:
    last year's 结转下年度, written as this year's 上年结转 (the rest is left at 0 for the editor)."""
    out = [
        f"# {org_name}{year}年政府信息公开工作年度报告 · 数据（2021 年格式，国办公开办函〔2021〕30号）",
        f"# 统计期限：{year}年1月1日至{year}年12月31日。所有单元格为不小于 0 的整数（收费金额除外）。",
        "# 表二中“规章”“行政规范性文件”三列（本年制发、本年废止、现行有效）由本机构信息的体裁和有效性自动计算，不在此填写。",
        f"org: {org_id}  # 机构",
        f"year: {year}  # 报告年度",
        "report: null  # 报告页面的索引号（由 govsite report annual 填写）",
        "table2:  # 二、主动公开政府信息情况",
    ]
    for key, art, column in T2_ENTERED:
        value = "0.00" if key == FEE_KEY else "0"
        out.append(f"  {key}: {value}  # {art}，{column}")
    out += [
        "table3:  # 三、收到和处理政府信息公开申请情况",
        f"  # {T3_CORNER}",
        f"  # 列：{'、'.join(T3_COLUMNS[:1])}，法人或其他组织（{'、'.join(T3_COLUMNS[1:6])}），{TOTAL}；总计 = 各申请人之和",
        "  rows:",
    ]
    groups = {key: label for key, label, _ in OUTCOME_GROUPS}
    opened: set[str] = set()
    for row in T3_ROWS:
        if len(row.path) == 1:
            # Last year's 结转下年度 comes in as 上年结转 and, until the editor enters this year's
            # results, goes out again as 结转下年度: the file balances from the start.
            carried = carried_in if row.path in (CARRIED_IN, CARRIED_OUT) else None
            note = ""
            if carried is not None:
                note = (f"（{year - 1}年报告的“结转下年度”）" if row.path == CARRIED_IN
                        else "（初始为上年结转，录入本年办理结果后请更正）")
            out.append(f"    {row.path[0]}: {_cells(T3_COLUMNS, carried)}  # {row.label}{note}")
            continue
        if RESULTS not in opened:
            opened.add(RESULTS)
            out.append(f"    {RESULTS}:  # 三、本年度办理结果")
        if len(row.path) == 2:
            out.append(f"      {row.path[1]}: {_cells(T3_COLUMNS)}  # {row.label}")
            continue
        if row.path[1] not in opened:
            opened.add(row.path[1])
            out.append(f"      {row.path[1]}:  # {groups[row.path[1]]}")
        out.append(f"        {row.path[2]}: {_cells(T3_COLUMNS)}  # {row.label}")
    out += [
        "table4:  # 四、政府信息公开行政复议、行政诉讼情况；每组总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
        f"  行政复议: {_cells(T4_COLUMNS)}",
        "  行政诉讼:",
        f"    未经复议直接起诉: {_cells(T4_COLUMNS)}",
        f"    复议后起诉: {_cells(T4_COLUMNS)}",
    ]
    return "\n".join(out) + "\n"
