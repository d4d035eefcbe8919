"""Texts the importer prints that are not problem codes: reasons inside
``E-IMPORT-RECORD``/``E-IMPORT-FILE`` messages, and the summary lines.

Problem codes themselves (``E-IMPORT-RECORD``, ``W-IMPORT-THEME`` …) live in
:data:`govsite.i18n.MESSAGES` with every other problem code.
"""
from __future__ import annotations

from typing import Any

TEXTS: dict[str, dict[str, str]] = {
    "IMPORT-FILE-ENCODING": {
        "zh": "文件不是 UTF-8 编码（第 {position} 字节）；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或用编辑器转换为 UTF-8",
        "en": "the file is not UTF-8 (byte {position}); save it as 'CSV UTF-8' or convert it to UTF-8",
    },
    "IMPORT-FILE-NO-HEADER": {
        "zh": "CSV 文件没有可识别的表头；第一行应为列名，如 标题、发布日期、发布机构（或 title、publish_date、issuer）",
        "en": "the CSV file has no recognisable header; the first row must name the columns, e.g. title, publish_date, issuer",
    },
    "IMPORT-BAD-DATE": {
        "zh": "{label} {value} 不是有效日期（格式无法识别或日期不存在）；可用格式：{forms}",
        "en": "{label} {value} is not a valid date (unknown form or no such day); accepted forms: {forms_en}",
    },
    "IMPORT-MISSING": {
        "zh": "缺少{label}（{field}）",
        "en": "{field} is missing",
    },
    "IMPORT-MISSING-ISSUER": {
        "zh": "缺少发布机构，且未指定 --org-default；已有机构：{allowed}",
        "en": "no issuer and no --org-default given; organizations: {allowed}",
    },
    "IMPORT-MISSING-COLUMN": {
        "zh": "缺少栏目，且未指定 --column-default；可用栏目：{allowed}",
        "en": "no column and no --column-default given; columns: {allowed}",
    },
    "IMPORT-BAD-COLUMN": {
        "zh": "栏目 {value} 不存在；可用栏目（填写标识或栏目名称）：{allowed}",
        "en": "column {value} does not exist; columns (id or title): {allowed}",
    },
    "IMPORT-AMBIGUOUS-COLUMN": {
        "zh": "栏目名称 {value} 对应多个栏目（{ids}），请改填栏目标识",
        "en": "column title {value} matches several columns ({ids}); use the column id",
    },
    "IMPORT-BAD-VALIDITY": {
        "zh": "有效性 {value} 无法识别；允许的值：有效、失效、废止、已修改（也可写 现行有效、已失效、已废止、部分失效、已修订）",
        "en": "validity {value} is not recognised; allowed: 有效, 失效, 废止, 已修改 (also 现行有效, 已失效, 已废止, 部分失效, 已修订)",
    },
    "IMPORT-BAD-MODE": {
        "zh": "公开方式 {value} 无法导入；允许的值：主动公开、依申请公开",
        "en": "disclosure mode {value} cannot be imported; allowed: 主动公开, 依申请公开",
    },
    "IMPORT-FUTURE-DATE": {
        "zh": "发布日期 {value} 晚于今天 {today}；请填写实际发布日期",
        "en": "publish date {value} is after today ({today}); use the actual publish date",
    },
    "IMPORT-DATE-ORDER": {
        "zh": "成文日期 {value} 晚于发布日期 {other}",
        "en": "written date {value} is after the publish date {other}",
    },
    "IMPORT-DUP-RECORD": {
        "zh": "{label} {value} 与第 {other} 条记录重复",
        "en": "{label} {value} duplicates record {other}",
    },
    "IMPORT-IMG-ALT": {
        "zh": "正文中的图片 {value} 缺少替代文本（alt）；请写成 ![图片说明](地址)",
        "en": "image {value} in the body has no alt text; write it as ![description](src)",
    },
    "IMPORT-HTML": {
        "zh": "正文 HTML 无法转换：{reason}",
        "en": "the HTML body cannot be converted: {reason}",
    },
    "IMPORT-INVALID": {
        "zh": "{label}（{field}）的值 {value} 不符合要求：{reason}",
        "en": "{field} value {value} is not valid: {reason}",
    },
    "IMPORT-READ-EXTRA-CELLS": {
        "zh": "该行的单元格比表头多（多出的值 {value}）；请检查是否有未加引号的逗号",
        "en": "the row has more cells than the header (extra value {value}); check for unquoted commas",
    },
    "IMPORT-READ-BAD-JSON": {
        "zh": "不是有效的 JSON：{reason}（{value}）",
        "en": "not valid JSON: {reason} ({value})",
    },
    "IMPORT-READ-NOT-OBJECT": {
        "zh": "每行应为一个 JSON 对象 {{...}}，实际为 {value}",
        "en": "each line must be a JSON object {{...}}; got {value}",
    },
    "IMPORT-READ-BAD-VALUE": {
        "zh": "字段 {field} 的值 {value} 类型不支持；应为文本、数字或文本列表",
        "en": "field {field} has an unsupported value {value}; use text, a number or a list of texts",
    },
    "IMPORT-SITE-BROKEN": {
        "zh": "站点配置（site.yaml 或 content/orgs.yaml）有错误，请先修正后再导入；未写入任何文件",
        "en": "the site configuration (site.yaml or content/orgs.yaml) has errors; fix them before importing. Nothing was written",
    },
    "IMPORT-ORGS-YAML": {
        "zh": "无法在 content/orgs.yaml 末尾追加新机构（{detail}）；该文件应为“- id: …”形式的列表。未写入任何文件",
        "en": "cannot append new organizations to content/orgs.yaml ({detail}); it must be a block list of '- id: …' entries. Nothing was written",
    },
    "IMPORT-FAILED": {
        "zh": "导入失败：{records} 条记录有错误（共 {errors} 个错误），未写入任何文件",
        "en": "Import failed: {records} record(s) have errors ({errors} in all); nothing was written",
    },
    "IMPORT-ORG-CREATED": {
        "zh": "新建机构 {id}：{name}（占位代码 {uscc}，请在 content/orgs.yaml 中改为真实的统一社会信用代码）",
        "en": "created organization {id}: {name} (placeholder code {uscc}; enter the real code in content/orgs.yaml)",
    },
    "IMPORT-NOTE-KEPT": {
        "zh": "提示：未识别的主题分类、体裁未写入 theme/genre 字段，原值以注释形式保留在该行末尾，请改为分类表中的值",
        "en": "Note: unknown themes/genres were left out of theme/genre; the original value is kept as a comment on that line",
    },
    "IMPORT-SUMMARY": {
        "zh": "导入完成：共 {records} 条记录，新建 {created} 条信息，{unchanged} 条此前已导入（未改动），新建机构 {orgs} 个，警告 {warnings} 个",
        "en": "Import done: {records} record(s); {created} item(s) created, {unchanged} already imported (unchanged), {orgs} new organization(s), {warnings} warning(s)",
    },
}


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return ""


def text(key: str, lang: str, **params: Any) -> str:
    """Render importer text ``key`` in ``lang`` ("zh" or "en")."""
    entry = TEXTS[key]
    return (entry.get(lang) or entry["zh"]).format_map(_Defaults(params))
