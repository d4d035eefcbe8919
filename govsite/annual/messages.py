"""Problem messages of the annual report (年度报告), merged into :data:`govsite.i18n.MESSAGES`."""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "E-ANNUAL-CELL": {
        "zh": "年报数据单元格 {field} 的值 {value} 无效；应为{expected}",
        "en": "annual report cell {field}: {value} is not valid; expected {expected}",
    },
    "E-ANNUAL-PATH": {
        "zh": "年报数据文件 {value} 的位置不对；应为 content/annual/<机构id>/<四位年份>.yaml，且文件中的 org 和 year 与之相同（{detail}）",
        "en": "annual report data file {value} is misplaced; it must be content/annual/<org id>/<yyyy>.yaml with the same org and year inside ({detail})",
    },
    "E-ANNUAL-ROW-SUM": {
        "zh": "表三 {field} 为 {value}，但本行各申请人之和（自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他）为 {expected}；总计应等于各申请人之和",
        "en": "table 3 {field} is {value} but the applicant columns of this row sum to {expected}; the total must equal that sum",
    },
    "E-ANNUAL-SUM": {
        "zh": "表三 {field} 为 {value}，但（一）至（六）各项办理结果之和为 {expected}；（七）总计应等于各项办理结果之和",
        "en": "table 3 {field} is {value} but the outcome rows (一) to (六) sum to {expected}; (七) 总计 must equal that sum",
    },
    "E-ANNUAL-BALANCE": {
        "zh": "表三“{column}”列不符合勾稽关系“第一项加第二项之和，等于第三项加第四项之和”：本年新收 {new} + 上年结转 {carried} = {left}，而办理结果总计 {done} + 结转下年度 {value} = {right}",
        "en": "table 3 column {column} breaks the rule 一 + 二 = 三（七）总计 + 四: new {new} + carried over {carried} = {left}, but total outcomes {done} + carried forward {value} = {right}",
    },
    "E-ANNUAL-CARRY": {
        "zh": "表三 {field} 为 {value}，但上一年度报告（{other}）的“四、结转下年度继续办理”为 {expected}；两者应相等",
        "en": "table 3 {field} is {value} but last year's report ({other}) carried {expected} forward; they must be equal",
    },
    "E-ANNUAL-T4-SUM": {
        "zh": "表四 {field} 为 {value}，但结果维持、结果纠正、其他结果、尚未审结四项之和为 {expected}；总计应等于四项之和",
        "en": "table 4 {field} is {value} but 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = {expected}; the total must equal that sum",
    },
    "E-ANNUAL-REPORT": {
        "zh": "年报数据的 report 索引号 {value} 无效：{detail}",
        "en": "the report index number {value} of the annual report data is not valid: {detail}",
    },
    "W-ANNUAL-NO-PAGE": {
        "zh": "{value} 年度报告数据尚无报告页面；请运行 govsite report annual --org {org} --year {year} 生成",
        "en": "the {value} annual report data has no report page yet; run govsite report annual --org {org} --year {year}",
    },
    "E-ANNUAL-SECTION": {
        "zh": "年度报告正文缺少“## {value}”一节；正文须有叙述部分 一、总体情况，五、存在的主要问题及改进情况，六、其他需要报告的事项（二至四的表格由数据生成）",
        "en": "the annual report body lacks the section '## {value}'; it needs the narrative sections 一, 五 and 六 (tables 二 to 四 come from the data file)",
    },
    "W-ANNUAL-MISSING": {
        "zh": "{org} 的 {value} 年政府信息公开工作年度报告尚未发布；{kind_zh}应于 {deadline} 前公布上一年度报告（《条例》第四十九条）。"
              "网站发布后，检查会发现本站缺少该报告：发布前请用 govsite report annual --org {org_id} --year {value} --init 编制，"
              "或导入原网站已发布的报告",
        "en": "{org} has not published its {value} annual report; a {kind_en} must publish last year's report by {deadline} (Regulations Art. 49). "
              "Once the site is published, an inspection finds it missing here: before publishing, prepare it with "
              "govsite report annual --org {org_id} --year {value} --init, or import the report published on the old site",
    },
}
"""Problem codes of :mod:`govsite.annual`, Chinese first."""
