"""The fixed layout of the 2021-format tables (国办公开办函〔2021〕30号, DOMAIN §3.3–3.5).

One description drives the data file template (``--init``), its validation,
the cross-checks and the HTML tables, so they cannot drift apart. Keys are the
Chinese labels editors see in the YAML file; field paths in messages use them.
"""
from __future__ import annotations

from dataclasses import dataclass

APPLICANTS: tuple[str, ...] = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
"""申请人情况 columns before 总计; 商业企业…其他 are under 法人或其他组织."""
LEGAL_PERSONS: tuple[str, ...] = APPLICANTS[1:]
"""法人或其他组织 sub-columns."""
TOTAL = "总计"
T3_COLUMNS: tuple[str, ...] = APPLICANTS + (TOTAL,)
"""The 7 numeric columns of table 三."""

OUTCOMES: tuple[str, ...] = ("结果维持", "结果纠正", "其他结果", "尚未审结")
"""The four result cells of each table 四 group, before its 总计."""
T4_COLUMNS: tuple[str, ...] = OUTCOMES + (TOTAL,)
T4_GROUPS: tuple[tuple[str, ...], ...] = (("行政复议",), ("行政诉讼", "未经复议直接起诉"), ("行政诉讼", "复议后起诉"))
"""Paths of the three groups of table 四 in the data file."""

T2_ENTERED: tuple[tuple[str, str, str], ...] = (
    ("行政许可", "第二十条第（五）项", "本年处理决定数量"),
    ("行政处罚", "第二十条第（六）项", "本年处理决定数量"),
    ("行政强制", "第二十条第（六）项", "本年处理决定数量"),
    ("行政事业性收费", "第二十条第（八）项", "本年收费金额（单位：万元）"),
)
"""Table 二 rows entered in the data file: (key, Art. 20 item, column label)."""
FEE_KEY = "行政事业性收费"


@dataclass(frozen=True)
class T3Row:
    """One data row of table 三 (收到和处理政府信息公开申请情况)."""

    path: tuple[str, ...]
    """Keys under ``table3.rows`` in the data file."""
    label: str
    """Row label as printed in the official table."""
    group: str = ""
    """Merged label of a group of rows (（三）不予公开 …), empty when none."""


OUTCOME_GROUPS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("不予公开", "（三）不予公开", (
        ("属于国家秘密", "1.属于国家秘密"),
        ("其他法律行政法规禁止公开", "2.其他法律行政法规禁止公开"),
        ("危及三安全一稳定", "3.危及“三安全一稳定”"),
        ("保护第三方合法权益", "4.保护第三方合法权益"),
        ("属于三类内部事务信息", "5.属于三类内部事务信息"),
        ("属于四类过程性信息", "6.属于四类过程性信息"),
        ("属于行政执法案卷", "7.属于行政执法案卷"),
        ("属于行政查询事项", "8.属于行政查询事项"),
    )),
    ("无法提供", "（四）无法提供", (
        ("本机关不掌握相关政府信息", "1.本机关不掌握相关政府信息"),
        ("没有现成信息需要另行制作", "2.没有现成信息需要另行制作"),
        ("补正后申请内容仍不明确", "3.补正后申请内容仍不明确"),
    )),
    ("不予处理", "（五）不予处理", (
        ("信访举报投诉类申请", "1.信访举报投诉类申请"),
        ("重复申请", "2.重复申请"),
        ("要求提供公开出版物", "3.要求提供公开出版物"),
        ("无正当理由大量反复申请", "4.无正当理由大量反复申请"),
        ("要求确认或重新出具已获取信息", "5.要求行政机关确认或重新出具已获取信息"),
    )),
    ("其他处理", "（六）其他处理", (
        ("逾期不补正", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("逾期未缴费", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("其他", "3.其他"),
    )),
)
"""Outcome groups (三)–(六): (key, merged label, ((key, label), …))."""

RESULTS = "办理结果"
NEW, CARRIED_IN, CARRIED_OUT = ("本年新收",), ("上年结转",), ("结转下年度",)
RESULT_TOTAL: tuple[str, ...] = (RESULTS, TOTAL)
OUTCOME_ROWS: tuple[T3Row, ...] = (
    T3Row((RESULTS, "予以公开"), "（一）予以公开"),
    T3Row((RESULTS, "部分公开"), "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    *(T3Row((RESULTS, key, sub), label, group) for key, group, subs in OUTCOME_GROUPS for sub, label in subs),
)
"""Rows whose sum is （七）总计."""
T3_ROWS: tuple[T3Row, ...] = (
    T3Row(NEW, "一、本年新收政府信息公开申请数量"),
    T3Row(CARRIED_IN, "二、上年结转政府信息公开申请数量"),
    *OUTCOME_ROWS,
    T3Row(RESULT_TOTAL, "（七）总计"),
    T3Row(CARRIED_OUT, "四、结转下年度继续办理"),
)
"""All 25 data rows of table 三, in print order."""
T3_RESULTS_LABEL = "三、本年度办理结果"
T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

SECTIONS: tuple[tuple[str, str], ...] = (
    ("一", "总体情况"),
    ("二", "主动公开政府信息情况"),
    ("三", "收到和处理政府信息公开申请情况"),
    ("四", "政府信息公开行政复议、行政诉讼情况"),
    ("五", "存在的主要问题及改进情况"),
    ("六", "其他需要报告的事项"),
)
"""The six fixed sections (DOMAIN §3.2)."""
NARRATIVE: tuple[str, ...] = ("一", "五", "六")
"""Sections whose content is only narrative (required in the Markdown body)."""
