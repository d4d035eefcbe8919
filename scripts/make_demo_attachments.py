#!/usr/bin/env python3
"""Generate the demo site's attachments (small PDF and DOCX files) deterministically.

All documents are fictional: 示例县 / 示例市 and every organization, project,
figure and name in them are invented for the govsite demo site.

Usage::

    python scripts/make_demo_attachments.py            # writes content/attachments/**
    python scripts/make_demo_attachments.py --check    # verify files are up to date

Requirements: ``fpdf2`` and ``python-docx`` (pip), and a CJK font for the PDFs
(``fonts-noto-cjk``: /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc).
Output is byte-identical on every run: fixed creation dates and metadata in the
PDFs, fixed core properties and fixed ZIP timestamps in the DOCX files.

The figures of the 2025 annual report (``REPORT_2025_XZF``) are shared with the
demo item that publishes the same report as a web page.
"""
from __future__ import annotations

import argparse
import io
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ATTACH_DIR = ROOT / "content" / "attachments"

FONT_CANDIDATES = [
    # (path, collection index) — index 2 of the Noto CJK collections is the SC (简体) face.
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
]

FIXED_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


# ---------------------------------------------------------------------------------------------
# Document data (fictional)
# ---------------------------------------------------------------------------------------------

GTKJ_SUMMARY = {
    "file": "2024/gtkjzhgh-wbzy.pdf",
    "date": datetime(2024, 9, 20, 9, 0, tzinfo=timezone.utc),
    "title": "示例县国土空间总体规划（2021—2035年）",
    "subtitle": "规划文本摘要（公开版）",
    "sections": [
        ("一、规划范围和期限",
         "规划范围为示例县行政辖区全域，国土总面积1186平方公里，包括12个乡镇。规划期限为2021年至2035年，"
         "基期年为2020年，近期目标年为2025年，规划目标年为2035年，远景展望至2050年。"),
        ("二、发展定位",
         "示例市东部生态屏障、现代农业示范县、湖滨文旅休闲目的地。坚持生态优先、绿色发展，"
         "构建“一城两带三区”的国土空间开发保护总体格局。"),
        ("三、三条控制线",
         "落实上级下达的耕地保有量不低于62.35万亩、永久基本农田保护面积不低于53.18万亩；"
         "划定生态保护红线186.2平方公里；划定城镇开发边界28.6平方公里。"),
        ("四、中心城区规划",
         "中心城区规划范围41.3平方公里。优化老城功能，有序建设城东新区，"
         "规划城市绿道68公里，人均公园绿地面积不低于15平方米。"),
        ("五、实施保障",
         "建立“一张图”实施监督信息系统，编制乡镇级国土空间规划和实用性村庄规划，"
         "建立规划体检评估制度，每年开展一次规划实施评估。"),
    ],
    "table_head": ["指标", "2020年（基期）", "2035年（目标）", "属性"],
    "table": [
        ["耕地保有量（万亩）", "63.02", "≥62.35", "约束性"],
        ["永久基本农田保护面积（万亩）", "53.18", "≥53.18", "约束性"],
        ["生态保护红线面积（平方公里）", "—", "≥186.2", "约束性"],
        ["城镇开发边界面积（平方公里）", "—", "≤28.6", "约束性"],
        ["森林覆盖率（%）", "46.8", "≥48.0", "预期性"],
        ["常住人口城镇化率（%）", "49.6", "62.0", "预期性"],
    ],
    "footer": "示例县人民政府　2024年9月",
}

KYPF = {
    "file": "2024/cdwsc-kypf.pdf",
    "date": datetime(2024, 6, 14, 9, 0, tzinfo=timezone.utc),
    "doc_no": "示发改投资〔2024〕37号",
    "title": "示例县发展和改革局关于示例县城东污水处理厂扩建工程可行性研究报告的批复",
    "addressee": "示例县城市建设投资有限公司：",
    "paras": [
        "你公司《关于审批示例县城东污水处理厂扩建工程可行性研究报告的请示》及相关材料收悉。"
        "经研究，现批复如下：",
        "一、为提高县城污水收集处理能力，改善东湖流域水环境质量，同意建设示例县城东污水处理厂扩建工程。"
        "项目代码：2404-999921-04-01-000137。",
        "二、项目建设地点位于县城东区滨湖大道以南、现状污水处理厂东侧预留用地内。",
        "三、主要建设内容及规模：扩建污水处理规模2万立方米/日，扩建后总规模达到4万立方米/日；"
        "新建粗格栅及进水泵房、生化池、二沉池、深度处理车间、污泥脱水间等设施，配套建设厂区道路、"
        "绿化及在线监测系统。出水水质执行一级A标准。",
        "四、项目总投资12600万元，其中工程费用10150万元，工程建设其他费用1730万元，预备费720万元。"
        "资金来源：申请地方政府专项债券资金8000万元，其余4600万元由县级财政统筹安排。",
        "五、项目建设工期为24个月。",
        "六、请据此批复抓紧开展初步设计等前期工作，依法依规履行招标投标程序，"
        "严格执行项目法人责任制、招标投标制、工程监理制和合同管理制，确保工程质量和安全。",
        "七、本批复有效期为2年，自印发之日起计算。",
    ],
    "sign": ["示例县发展和改革局", "2024年6月14日"],
}

BUDGET_2025 = {
    "file": "2025/yusuan-2025-biao.pdf",
    "date": datetime(2025, 2, 18, 9, 0, tzinfo=timezone.utc),
    "title": "示例县2025年一般公共预算收支预算表",
    "unit": "单位：万元",
    "income_head": ["收入项目", "2024年执行数", "2025年预算数", "增长（%）"],
    "income": [
        ["税收收入", "83260", "85750", "3.0"],
        ["　其中：增值税", "31840", "32800", "3.0"],
        ["　　　　企业所得税", "9120", "9390", "3.0"],
        ["　　　　城市维护建设税", "6430", "6620", "3.0"],
        ["非税收入", "40240", "40250", "0.0"],
        ["一般公共预算收入合计", "123500", "126000", "2.0"],
    ],
    "spend_head": ["支出项目", "2024年执行数", "2025年预算数", "增长（%）"],
    "spend": [
        ["一般公共服务支出", "38260", "37900", "-0.9"],
        ["教育支出", "86420", "88600", "2.5"],
        ["社会保障和就业支出", "71350", "73200", "2.6"],
        ["卫生健康支出", "39870", "41100", "3.1"],
        ["农林水支出", "62530", "63800", "2.0"],
        ["城乡社区支出", "27640", "26500", "-4.1"],
        ["其他各项支出", "63930", "65700", "2.8"],
        ["一般公共预算支出合计", "390000", "396800", "1.7"],
    ],
    "note": "注：2025年预算经示例县第十八届人民代表大会第五次会议审查批准。",
}

# 2025 annual report of 示例县人民政府 (also rendered as the web item of the same report).
REPORT_2025_XZF = {
    "file": "2026/xxgknb-2025-xzf.pdf",
    "date": datetime(2026, 3, 24, 9, 0, tzinfo=timezone.utc),
    "title": "示例县人民政府2025年政府信息公开工作年度报告",
    # 第二十条第（一）项: (本年制发件数, 本年废止件数, 现行有效件数)
    "rules": (0, 0, 0),
    "normative": (9, 4, 66),
    "licensing": 4826,
    "penalty": 312,
    "coercion": 9,
    "fees": "186.42",
    # 申请情况: 7 columns 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计
    "new": (58, 6, 0, 1, 3, 0),
    "carried_in": (2, 0, 0, 0, 0, 0),
    "results": {
        "（一）予以公开": (24, 3, 0, 1, 1, 0),
        "（二）部分公开": (6, 1, 0, 0, 1, 0),
        "（三）不予公开": (3, 0, 0, 0, 0, 0),
        "（四）无法提供": (17, 1, 0, 0, 1, 0),
        "（五）不予处理": (5, 0, 0, 0, 0, 0),
        "（六）其他处理": (3, 1, 0, 0, 0, 0),
    },
    "carried_out": (2, 0, 0, 0, 0, 0),
    # 行政复议 (维持, 纠正, 其他, 尚未审结), 诉讼未经复议 (…), 诉讼复议后 (…)
    "review": (2, 0, 0, 1),
    "suit_direct": (1, 0, 0, 0),
    "suit_after": (0, 0, 0, 0),
}

TENDER_NOTE = "本表所列采购意向仅作为供应商了解初步采购安排的参考，采购项目实际情况以相关采购公告和采购文件为准。"

XZXK_LIST = {
    "file": "2024/xzxk-sxqd-2024.docx",
    "date": datetime(2024, 7, 10, 9, 0, tzinfo=timezone.utc),
    "title": "示例县行政许可事项清单（2024年版）",
    "head": ["序号", "主管部门", "许可事项名称", "实施机关", "设定和实施依据"],
    "rows": [
        ["1", "县发展改革局", "企业投资项目核准", "示例县发展和改革局", "《企业投资项目核准和备案管理条例》"],
        ["2", "县发展改革局", "固定资产投资项目节能审查", "示例县发展和改革局", "《中华人民共和国节约能源法》"],
        ["3", "县教育局", "民办学校设立、变更、终止审批", "示例县教育局", "《中华人民共和国民办教育促进法》"],
        ["4", "县教育局", "教师资格认定", "示例县教育局", "《中华人民共和国教师法》《教师资格条例》"],
        ["5", "县自然资源局", "建设项目用地预审与选址意见书核发", "示例县自然资源局", "《中华人民共和国土地管理法》《中华人民共和国城乡规划法》"],
        ["6", "县自然资源局", "建设用地规划许可证核发", "示例县自然资源局", "《中华人民共和国城乡规划法》"],
        ["7", "县自然资源局", "乡村建设规划许可证核发", "示例县自然资源局、乡镇人民政府", "《中华人民共和国城乡规划法》"],
        ["8", "县自然资源局", "采矿权新立、延续、变更登记发证", "示例县自然资源局", "《中华人民共和国矿产资源法》"],
        ["9", "县市场监管局", "食品生产经营许可", "示例县市场监督管理局", "《中华人民共和国食品安全法》"],
        ["10", "县市场监管局", "特种设备使用登记", "示例县市场监督管理局", "《中华人民共和国特种设备安全法》"],
        ["11", "县人社局", "人力资源服务许可", "示例县人力资源和社会保障局", "《人力资源市场暂行条例》"],
        ["12", "县应急局", "烟花爆竹经营（零售）许可", "示例县应急管理局", "《烟花爆竹安全管理条例》"],
        ["13", "县民政局", "社会团体成立、变更、注销登记", "示例县民政局", "《社会团体登记管理条例》"],
    ],
    "note": "本清单共13项，实行动态调整。清单之外，一律不得违法实施行政许可。",
}

GWY_2025 = {
    "file": "2025/gwy-2025-zhiweibiao.docx",
    "date": datetime(2025, 1, 22, 9, 0, tzinfo=timezone.utc),
    "title": "示例县2025年度考试录用公务员职位表",
    "head": ["职位代码", "招录机关", "职位名称", "人数", "学历", "专业", "其他条件"],
    "rows": [
        ["9921001", "示例县发展和改革局", "综合管理", "1", "本科及以上", "经济学类", "无"],
        ["9921002", "示例县财政局", "财务管理", "2", "本科及以上", "财政学、会计学", "无"],
        ["9921003", "示例县自然资源局", "规划管理", "1", "本科及以上", "城乡规划、人文地理与城乡规划", "无"],
        ["9921004", "示例县市场监督管理局", "执法岗位", "2", "本科及以上", "法学类、食品科学与工程类", "限男性，需值夜班"],
        ["9921005", "示例县应急管理局", "安全监管", "1", "本科及以上", "安全科学与工程类", "无"],
        ["9921006", "示例县东湖镇人民政府", "乡镇综合", "3", "大专及以上", "不限", "服务基层项目人员"],
        ["9921007", "示例县统计局", "统计调查", "1", "本科及以上", "统计学类", "无"],
        ["9921008", "示例县民政局", "社会救助", "1", "本科及以上", "社会学类", "无"],
    ],
    "note": "共8个职位，计划招录12名。报考人员须同时符合公告规定的资格条件和本表所列职位条件。",
}

CGYX_2026Q4 = {
    "file": "2026/cgyx-2026q4.docx",
    "date": datetime(2026, 10, 20, 9, 0, tzinfo=timezone.utc),
    "title": "示例县2026年第四季度政府采购意向汇总表",
    "head": ["序号", "采购单位", "采购项目名称", "采购需求概况", "预算金额（万元）", "预计采购时间"],
    "rows": [
        ["1", "示例县教育局", "县第二中学学生宿舍家具采购", "学生床、储物柜等约620套", "148.00", "2026年11月"],
        ["2", "示例县教育局", "乡镇中心小学直饮水设备采购", "直饮水机及滤芯36台", "42.50", "2026年11月"],
        ["3", "示例县自然资源局", "2026年度耕地保护动态监测服务", "遥感监测及外业核查", "96.00", "2026年11月"],
        ["4", "示例县应急管理局", "森林防火物资储备采购", "风力灭火机、防护服等", "65.80", "2026年11月"],
        ["5", "示例县市场监督管理局", "2027年食品安全抽检检验服务", "食品安全监督抽检约1200批次", "118.00", "2026年12月"],
        ["6", "示例县统计局", "统计数据采集终端更新", "便携式数据采集终端40台", "18.40", "2026年12月"],
        ["7", "示例县东湖镇人民政府", "集镇区环卫保洁服务", "集镇区道路清扫保洁1年", "86.00", "2026年12月"],
    ],
    "note": TENDER_NOTE,
}

BYBCF_2026 = {
    "file": "2026/bybcf-qingdan-2026.docx",
    "date": datetime(2026, 11, 3, 9, 0, tzinfo=timezone.utc),
    "title": "示例县市场监管领域轻微违法行为不予行政处罚清单",
    "head": ["序号", "违法行为", "法律依据", "不予处罚的适用条件"],
    "rows": [
        ["1", "未按规定公示营业执照", "《市场主体登记管理条例》", "首次被发现，责令改正后立即改正"],
        ["2", "未按规定报送年度报告且已补报", "《企业信息公示暂行条例》", "在责令期限内补报，未造成危害后果"],
        ["3", "价格标示不规范", "《中华人民共和国价格法》《明码标价和禁止价格欺诈规定》", "标价要素不全但未造成消费者损失，首次被发现"],
        ["4", "食品经营者未按规定张贴食品经营许可证", "《中华人民共和国食品安全法》", "持有有效许可证，首次被发现并立即改正"],
        ["5", "计量器具未按规定申请检定但经检定合格", "《中华人民共和国计量法》", "及时申请检定且结果合格"],
        ["6", "广告中使用“国家级”等用语但未造成误导", "《中华人民共和国广告法》", "发布范围小、时间短，未造成危害后果并及时改正"],
        ["7", "特种设备使用单位未按规定建立技术档案", "《中华人民共和国特种设备安全法》", "设备检验合格，首次被发现并按期改正"],
        ["8", "网络经营者未在首页显著位置公示营业执照信息", "《中华人民共和国电子商务法》", "首次被发现，在责令期限内改正"],
    ],
    "note": "适用本清单须同时满足“违法行为轻微、及时改正、没有造成危害后果”等条件，不予处罚的同时应当对当事人进行教育。",
}


def report_table3_rows(rep: dict) -> list[tuple[str, tuple[int, ...]]]:
    """Rows of 表三 with a 总计 column appended; 一+二 = 七+四 holds by construction."""
    def total(vals: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(vals) + (sum(vals),)

    results = rep["results"]
    seven = tuple(sum(v[i] for v in results.values()) for i in range(6))
    rows = [("一、本年新收政府信息公开申请数量", total(rep["new"])),
            ("二、上年结转政府信息公开申请数量", total(rep["carried_in"]))]
    rows += [("三、" + k if i == 0 else k, total(v)) for i, (k, v) in enumerate(results.items())]
    rows.append(("（七）总计", total(seven)))
    rows.append(("四、结转下年度继续办理", total(rep["carried_out"])))
    for i in range(6):
        assert rep["new"][i] + rep["carried_in"][i] == seven[i] + rep["carried_out"][i], "勾稽关系"
    return rows


# ---------------------------------------------------------------------------------------------
# PDF helpers (fpdf2)
# ---------------------------------------------------------------------------------------------

def _font() -> tuple[str, int]:
    for path, index in FONT_CANDIDATES:
        if Path(path).is_file():
            return path, index
    sys.exit("No CJK font found: install fonts-noto-cjk (NotoSansCJK-Regular.ttc).")


def _new_pdf(title: str, when: datetime):
    from fpdf import FPDF

    class Pdf(FPDF):
        def footer(self) -> None:  # 公文 style page number: — 1 —
            self.set_y(-15)
            self.set_font("cjk", size=9)
            self.cell(0, 8, f"— {self.page_no()} —", align="C")

    pdf = Pdf(format="A4")
    path, index = _font()
    pdf.add_font("cjk", fname=path, collection_font_number=index)
    pdf.set_creation_date(when)
    pdf.set_title(title)
    pdf.set_author("示例县人民政府（虚构演示）")
    pdf.set_creator("govsite scripts/make_demo_attachments.py")
    pdf.set_lang("zh-CN")
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    return pdf


def _pdf_title(pdf, title: str, subtitle: str = "") -> None:
    pdf.set_font("cjk", size=16)
    pdf.multi_cell(0, 10, title, align="C", new_x="LMARGIN", new_y="NEXT")
    if subtitle:
        pdf.set_font("cjk", size=12)
        pdf.multi_cell(0, 8, subtitle, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)


def _pdf_para(pdf, text: str, size: int = 11, indent: bool = True) -> None:
    pdf.set_font("cjk", size=size)
    # fpdf2 breaks lines after U+3000, so paragraphs are set flush left with a gap
    # instead of the two-character 公文 indent.
    pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2 if indent else 1)


def _pdf_heading(pdf, text: str) -> None:
    pdf.set_font("cjk", size=12)
    pdf.ln(1)
    pdf.multi_cell(0, 8, text, new_x="LMARGIN", new_y="NEXT")


def _pdf_table(pdf, head: list[str], rows: list[list[str]], size: int = 9, widths=None) -> None:
    from fpdf.fonts import FontFace

    pdf.set_font("cjk", size=size)
    heading = FontFace(emphasis="", fill_color=(232, 232, 232))
    align = ("LEFT",) + ("CENTER",) * (len(head) - 1)
    with pdf.table(col_widths=widths, text_align=align, line_height=6, headings_style=heading) as table:
        for row in [head] + rows:
            r = table.row()
            for cell in row:
                r.cell(cell)
    pdf.ln(3)


def _pdf_bytes(pdf) -> bytes:
    return bytes(pdf.output())


def make_gtkj() -> bytes:
    d = GTKJ_SUMMARY
    pdf = _new_pdf(d["title"] + d["subtitle"], d["date"])
    _pdf_title(pdf, d["title"], d["subtitle"])
    for heading, text in d["sections"]:
        _pdf_heading(pdf, heading)
        _pdf_para(pdf, text)
    _pdf_heading(pdf, "附表　规划主要控制指标")
    _pdf_table(pdf, d["table_head"], d["table"], widths=(60, 35, 35, 25))
    _pdf_para(pdf, d["footer"], indent=False)
    _pdf_para(pdf, "（本摘要为演示用虚构内容）", size=9, indent=False)
    return _pdf_bytes(pdf)


def make_kypf() -> bytes:
    d = KYPF
    pdf = _new_pdf(d["title"], d["date"])
    pdf.set_font("cjk", size=11)
    pdf.multi_cell(0, 8, d["doc_no"], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    _pdf_title(pdf, d["title"])
    _pdf_para(pdf, d["addressee"], indent=False)
    for p in d["paras"]:
        _pdf_para(pdf, p)
    pdf.ln(6)
    for line in d["sign"]:
        pdf.set_font("cjk", size=11)
        pdf.multi_cell(0, 7, line, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    _pdf_para(pdf, "（此件公开发布）", indent=True)
    return _pdf_bytes(pdf)


def make_budget() -> bytes:
    d = BUDGET_2025
    pdf = _new_pdf(d["title"], d["date"])
    _pdf_title(pdf, d["title"])
    pdf.set_font("cjk", size=9)
    pdf.multi_cell(0, 6, d["unit"], align="R", new_x="LMARGIN", new_y="NEXT")
    _pdf_heading(pdf, "表一　一般公共预算收入")
    _pdf_table(pdf, d["income_head"], d["income"], widths=(70, 30, 30, 25))
    _pdf_heading(pdf, "表二　一般公共预算支出")
    _pdf_table(pdf, d["spend_head"], d["spend"], widths=(70, 30, 30, 25))
    _pdf_para(pdf, d["note"], size=9, indent=False)
    return _pdf_bytes(pdf)


def make_report() -> bytes:
    d = REPORT_2025_XZF
    pdf = _new_pdf(d["title"], d["date"])
    _pdf_title(pdf, d["title"])
    _pdf_para(pdf, "本报告依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》"
                   "编制，所列数据统计期限为2025年1月1日至2025年12月31日。网页版全文见示例县人民政府门户网站"
                   "政府信息公开专栏“政府信息公开年报”栏目。")
    _pdf_heading(pdf, "二、主动公开政府信息情况")
    _pdf_table(pdf, ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
               [["规章", *map(str, d["rules"])], ["行政规范性文件", *map(str, d["normative"])]],
               widths=(55, 33, 33, 33))
    _pdf_table(pdf, ["信息内容", "本年处理决定数量"],
               [["行政许可", str(d["licensing"])], ["行政处罚", str(d["penalty"])], ["行政强制", str(d["coercion"])]],
               widths=(55, 99))
    _pdf_table(pdf, ["信息内容", "本年收费金额（单位：万元）"], [["行政事业性收费", d["fees"]]], widths=(55, 99))
    _pdf_heading(pdf, "三、收到和处理政府信息公开申请情况")
    head = ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    rows = [[label, *map(str, vals)] for label, vals in report_table3_rows(d)]
    _pdf_table(pdf, head, rows, size=8, widths=(50, 14, 14, 14, 16, 16, 12, 14))
    _pdf_heading(pdf, "四、政府信息公开行政复议、行政诉讼情况")
    review, direct, after = d["review"], d["suit_direct"], d["suit_after"]
    cells = [*review, sum(review), *direct, sum(direct), *after, sum(after)]
    _pdf_table(pdf, ["复议维持", "复议纠正", "复议其他", "复议未结", "复议总计",
                     "直诉维持", "直诉纠正", "直诉其他", "直诉未结", "直诉总计",
                     "复议后诉维持", "复议后诉纠正", "复议后诉其他", "复议后诉未结", "复议后诉总计"],
               [list(map(str, cells))], size=6)
    _pdf_para(pdf, "示例县人民政府办公室　2026年3月", indent=False)
    _pdf_para(pdf, "（本报告为演示用虚构内容）", size=9, indent=False)
    return _pdf_bytes(pdf)


# ---------------------------------------------------------------------------------------------
# DOCX helpers (python-docx)
# ---------------------------------------------------------------------------------------------

def _docx_fixed_zip(raw: bytes) -> bytes:
    """Rewrite a DOCX package with fixed entry timestamps and order."""
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            fixed = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)
    return out.getvalue()


def _set_east_asian(run_or_style, name: str) -> None:
    from docx.oxml.ns import qn

    element = run_or_style.element
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def _make_docx(d: dict, landscape: bool = False) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "FangSong"
    normal.font.size = Pt(11)
    _set_east_asian(normal, "仿宋")
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Mm(20))
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(d["title"])
    run.font.size = Pt(16)
    run.bold = True
    _set_east_asian(run, "黑体")
    table = doc.add_table(rows=1, cols=len(d["head"]))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, d["head"]):
        cell.text = ""
        r = cell.paragraphs[0].add_run(text)
        r.bold = True
    for row in d["rows"]:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    if d.get("note"):
        doc.add_paragraph()
        doc.add_paragraph(d["note"])
    doc.add_paragraph("（本文件为演示用虚构内容）")
    props = doc.core_properties
    props.title = d["title"]
    props.author = "示例县人民政府（虚构演示）"
    props.last_modified_by = "示例县人民政府（虚构演示）"
    props.comments = "govsite demo attachment"
    props.keywords = ""
    props.subject = ""
    props.category = ""
    props.revision = 1
    when = d["date"].replace(tzinfo=None)
    props.created = when
    props.modified = when
    props.last_printed = when
    buf = io.BytesIO()
    doc.save(buf)
    return _docx_fixed_zip(buf.getvalue())


# ---------------------------------------------------------------------------------------------

BUILDERS = [
    (GTKJ_SUMMARY["file"], make_gtkj),
    (KYPF["file"], make_kypf),
    (BUDGET_2025["file"], make_budget),
    (REPORT_2025_XZF["file"], make_report),
    (XZXK_LIST["file"], lambda: _make_docx(XZXK_LIST, landscape=True)),
    (GWY_2025["file"], lambda: _make_docx(GWY_2025, landscape=True)),
    (CGYX_2026Q4["file"], lambda: _make_docx(CGYX_2026Q4, landscape=True)),
    (BYBCF_2026["file"], lambda: _make_docx(BYBCF_2026)),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only verify that the files are up to date")
    args = parser.parse_args()
    stale = []
    for rel, build in BUILDERS:
        data = build()
        path = ATTACH_DIR / rel
        if args.check:
            if not path.is_file() or path.read_bytes() != data:
                stale.append(rel)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
        print(f"{len(data):>7}  content/attachments/{rel}")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
