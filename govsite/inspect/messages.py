"""Messages of the inspection rules (巡检), merged into :data:`govsite.i18n.MESSAGES`.

Personal-data messages only ever receive the masked value.
"""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "W-STALE-COLUMN": {
        "zh": "栏目“{title}”（{value}）不更新：最新信息日期 {newest}，已 {days} 天未更新，超过更新周期 {period} 天（{kind}）",
        "en": "column “{title}” ({value}) is stale: newest entry {newest}, {days} days ago, over its {period}-day period ({kind})",
    },
    "W-EMPTY-COLUMN": {
        "zh": "{count} 个空白栏目（没有任何信息，也没有栏目页面）：{columns}。网站发布后，空白栏目达到 {limit} 个即单项否决；"
              "发布前请为这些栏目添加信息或栏目页面",
        "en": "{count} empty column(s) (空白栏目: no items and no page): {columns}. Once the site is published, "
              "{limit} or more empty columns fail the inspection outright (单项否决); add items or a page to them "
              "before publishing",
    },
    "W-HOME-STALE": {
        "zh": "首页不更新：首页所列最新信息日期为 {value}，已 {days} 天未更新（监测 2 周无更新即单项否决）",
        "en": "home page not updated: the newest entry it lists is from {value}, {days} days ago (2 weeks is a veto)",
    },
    "W-VETO-RISK": {
        "zh": "单项否决风险：{value}（{count} 个，阈值 {limit} 个）",
        "en": "single-veto risk (单项否决): {value} ({count}, threshold {limit})",
    },
    "W-LATE-INTERPRETATION": {
        "zh": "政策解读发布于 {value}，晚于所解读的政策（{policy}，发布于 {policy_date}）{days} 个工作日；应在 3 个工作日内发布",
        "en": "policy interpretation published {value}, {days} working days after its policy ({policy}, published {policy_date}); the limit is 3 working days",
    },
    "W-LATE-PUBLICATION": {
        "zh": "主动公开信息发布于 {value}，距成文日期 {written} 已 {days} 个工作日；条例第二十六条要求 20 个工作日内公开",
        "en": "proactive item published {value}, {days} working days after its written date {written}; Art. 26 requires 20 working days",
    },
    "W-GENRE-MISSING": {
        "zh": "体裁未填写：信息公开要素中的体裁将显示为“—”，站内搜索的体裁筛选也找不到它；请填写 genre（可选值见 govsite list genres）",
        "en": "no genre (体裁): the metadata box would print “—” and the search page's genre filter would miss it; "
              "set genre (choices: govsite list genres)",
    },
    "W-EXTERNAL-IMAGE": {
        "zh": "正文图片 {value} 从其他网站加载：发布后页面会向该网站请求图片（内网访问时无法显示，原网站关闭后图片消失，"
              "https 页面上的 http 图片会被浏览器拦截）；请下载该图片，放入 content/attachments/ 并改为站内地址",
        "en": "the body's image {value} is loaded from another web site: the published page would request it from that "
              "host (it fails on an intranet, disappears when the old site is switched off, and an http image on an "
              "https page is blocked); download it into content/attachments/ and link it from there",
    },
    "W-CALENDAR-FALLBACK": {
        "zh": "{value} 年不在节假日表中，工作日按周一至周五计算；请在 site.yaml 的 inspection.working_days 中补充该年的节假日和调休上班日",
        "en": "{value} is not in the holiday table; working days were counted Monday–Friday. Add that year's holidays and make-up working days under inspection.working_days in site.yaml",
    },
    "W-EXPIRED-VALID": {
        "zh": "失效日期 {value} 已过（今天 {today}），但有效性仍为“有效”；请改为“失效”或“废止”",
        "en": "expiry date {value} has passed (today {today}) but validity is still 有效; set it to 失效 or 废止",
    },
    "E-LINK-BROKEN": {
        "zh": "正文链接 {value} 指向本站不存在的页面或文件（解析为 {target}）",
        "en": "body link {value} points to a page or file that does not exist on this site (resolved to {target})",
    },
    "E-LINK-ANCHOR": {
        "zh": "正文链接 {value} 的锚点 #{anchor} 在目标页面中不存在；已有锚点：{allowed}",
        "en": "body link {value}: anchor #{anchor} does not exist on the target page; anchors there: {allowed}",
    },
    "W-ATTACHMENT-TYPE": {
        "zh": "附件链接 {value} 未标明文件类型；请使用带扩展名的文件（如 .pdf）并在链接文字中注明类型（如“（PDF）”）",
        "en": "attachment link {value} does not state its file type; use a file with an extension (e.g. .pdf) and name the type in the link text (e.g. “(PDF)”)",
    },
    "W-FOOTER-MISSING": {
        "zh": "页脚缺少{label}（site.yaml 的 footer.{value}）；政府网站页脚须有主办单位、网站标识码、ICP备案号和公安机关备案号",
        "en": "the footer lacks {label} (footer.{value} in site.yaml); a government site footer needs host, site id code, ICP and police record numbers",
    },
    "W-PLACEHOLDER": {
        "zh": "{label_zh}仍是 {by} 写入的占位值 {value}，发布后会原样显示在网站上；请填写{label_zh}：{form_zh}",
        "en": "the {label_en} is still the placeholder {value} written by {by} and would be published as is; "
              "fill it in: {form_en}",
    },
    "E-PLACEHOLDER": {
        "zh": "{label_zh}仍是 {by} 写入的占位值 {value}，发布后会原样显示在网站上；请填写{label_zh}：{form_zh}",
        "en": "the {label_en} is still the placeholder {value} written by {by} and would be published as is; "
              "fill it in: {form_en}",
    },
    "E-PII-ID": {
        "zh": "正文含疑似居民身份证号 {value}{name}；发布前请删除或隐去（个人信息不得公开）",
        "en": "published text contains what looks like a resident ID number {value}{name}; remove or mask it before publishing",
    },
    "E-PII-MOBILE": {
        "zh": "正文含疑似手机号码 {value}{name}；如为公开的服务电话，请列入 site.yaml 的 inspection.public_numbers",
        "en": "published text contains what looks like a mobile number {value}{name}; if it is a public service number, list it under inspection.public_numbers in site.yaml",
    },
    "E-PII-BANKCARD": {
        "zh": "正文含疑似银行卡号 {value}{name}；发布前请删除或隐去",
        "en": "published text contains what looks like a bank card number {value}{name}; remove or mask it before publishing",
    },
    "E-WORKDAYS-YEAR": {
        "zh": "日期 {value} 不在 {year} 年内；inspection.working_days.{year} 只能列出该年的节假日和调休上班日",
        "en": "date {value} is not in {year}; inspection.working_days.{year} lists only that year's holidays and make-up working days",
    },
    "E-WORKDAYS-BOTH": {
        "zh": "日期 {value} 同时列为节假日（holidays）和调休上班日（workdays），只能二选一",
        "en": "date {value} is listed both as a holiday and as a make-up working day; keep one",
    },
}
