"""Problem codes of the 政府公报 (gazette) checks of phase 2 (:mod:`govsite.model.gazette_link`):
folders, order, articles, the one-copy rule, coverage gaps, overdue issues and 应登尽登,
Chinese first.

Plain data that imports nothing, so that :mod:`govsite.i18n`, on the ground floor,
can merge it with every other problem code (docs/architecture.md, "Layers").
"""
from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "E-GAZETTE-FOLDER": {
        "zh": "期号 {value} 与所在目录不符；该期应放在 {expected}/issue.yaml（网址由目录决定，不可改变）",
        "en": "issue {value} is in the wrong folder; it belongs in {expected}/issue.yaml (the folder fixes its permanent URL)",
    },
    "E-GAZETTE-ORDER": {
        "zh": "出版日期 {value} 早于前一期 {other}；各期出版日期应按期号先后排列",
        "en": "publish date {value} is before the previous issue {other}; dates must follow the issue numbers",
    },
    "E-GAZETTE-ORPHAN": {
        "zh": "公报文章 {value} 不在任何一期的目录中；文章应命名为 1.md、2.md…，放在含 issue.yaml 的期目录下",
        "en": "gazette article {value} belongs to no issue; name articles 1.md, 2.md… in a folder with an issue.yaml",
    },
    "E-GAZETTE-TWO-COPIES": {
        "zh": "文章已通过 item 关联信息 {value}（{other}），正文只能保存一份：请删除文章中的正文，由信息页面提供全文",
        "en": "the article is linked to item {value} ({other}); keep the text in one place: remove the article body, the item supplies it",
    },
    "W-GAZETTE-GAP": {
        "zh": "{value}年缺少 {numbers_zh}，未在网上公开（公报数据库应覆盖创刊以来全部期次）",
        "en": "{value}: issue(s) {numbers_en} missing online (the archive must cover every issue since the first)",
    },
    "W-GAZETTE-OVERDUE": {
        "zh": "下一期公报应不晚于 {value} 出版，今天（{today}）仍未上线；最近一期出版于 {last}",
        "en": "the next issue was due by {value} and is not online today ({today}); the latest appeared on {last}",
    },
    "W-GAZETTE-UNREGISTERED": {
        "zh": "应登尽登：规章/规范性文件《{title}》（索引号 {value}）发布已超过 {days} 天，仍未刊登在任何一期政府公报中",
        "en": "应登尽登: 《{title}》 (index number {value}) was published more than {days} days ago and is in no gazette issue",
    },
    "W-GAZETTE-LATE": {
        "zh": "应登尽登：规章/规范性文件《{title}》（索引号 {value}）发布 {days} 天后才刊登于 {issue}",
        "en": "应登尽登: 《{title}》 (index number {value}) appeared in {issue} more than {days} days after publication",
    },
}
