"""Message catalog for problems and CLI output: Chinese (default) and English.

Editors are Chinese civil servants, so every message exists in Chinese first; the
English text is for IT staff and logs (``--lang en``).
"""
from __future__ import annotations

from typing import Any

MESSAGES: dict[str, dict[str, str]] = {
    "E-YAML": {
        "zh": "YAML 语法错误：{detail}。请检查缩进、冒号和引号",
        "en": "malformed YAML: {detail}. Check indentation, colons and quotes",
    },
    "E-FRONTMATTER": {
        "zh": "缺少 YAML 头部（文件须以 --- 开头并以 --- 结束头部）",
        "en": "missing YAML front matter (the file must start with --- and close it with ---)",
    },
    "E-NOT-MAPPING": {
        "zh": "内容应为“字段: 值”的映射，实际为 {value}",
        "en": "expected a mapping of field: value, got {value}",
    },
    "E-MISSING": {
        "zh": "缺少必填字段 {field}",
        "en": "required field {field} is missing",
    },
    "E-UNKNOWN-FIELD": {
        "zh": "未知字段 {field}（值 {value}）；允许的字段：{allowed}",
        "en": "unknown field {field} (value {value}); allowed fields: {allowed}",
    },
    "E-TYPE": {
        "zh": "值 {value} 类型错误，应为{expected}",
        "en": "value {value} has the wrong type; expected {expected}",
    },
    "E-DATE": {
        "zh": "值 {value} 不是有效日期；应为真实存在的日期，格式 YYYY-MM-DD（如 2024-03-05）",
        "en": "value {value} is not a valid date; use a real date in the form YYYY-MM-DD (e.g. 2024-03-05)",
    },
    "E-DATETIME": {
        "zh": "值 {value} 不是有效的日期时间；应为 YYYY-MM-DD 或 YYYY-MM-DD HH:MM（如 2024-03-05 09:30）",
        "en": "value {value} is not a valid date-time; use YYYY-MM-DD or YYYY-MM-DD HH:MM (e.g. 2024-03-05 09:30)",
    },
    "E-ENUM": {
        "zh": "值 {value} 不在允许范围内；允许的值：{allowed}",
        "en": "value {value} is not allowed; allowed values: {allowed}",
    },
    "E-PATTERN": {
        "zh": "值 {value} 格式不正确；应为{expected}",
        "en": "value {value} has the wrong format; expected {expected}",
    },
    "E-EMPTY": {
        "zh": "字段 {field} 不能为空",
        "en": "field {field} must not be empty",
    },
    "E-REF-ORG": {
        "zh": "发布机构 {value} 不存在；已定义的机构：{allowed}",
        "en": "organization {value} does not exist; defined organizations: {allowed}",
    },
    "E-REF-COLUMN": {
        "zh": "栏目 {value} 不存在；已定义的栏目：{allowed}",
        "en": "column {value} does not exist; defined columns: {allowed}",
    },
    "E-REF-ITEM": {
        "zh": "引用的索引号 {value} 不存在于本站任何信息中",
        "en": "referenced index number {value} does not exist on this site",
    },
    "E-REF-THEME": {
        "zh": "主题分类 {value} 不存在；应为分类代码（如 2.1）或“一级\\二级”名称，一级分类：{allowed}",
        "en": "theme {value} does not exist; use a code (e.g. 2.1) or a 'level1\\level2' label; top level: {allowed}",
    },
    "E-REF-GENRE": {
        "zh": "体裁 {value} 不存在；允许的体裁：{allowed}",
        "en": "genre {value} does not exist; allowed genres: {allowed}",
    },
    "E-REF-CATALOG": {
        "zh": "标准目录条目 {value} 不存在；格式为“目录标识#序号”，已有目录：{allowed}",
        "en": "catalog entry {value} does not exist; use 'catalog-id#seq'; catalogs: {allowed}",
    },
    "E-REF-PARENT": {
        "zh": "上级 {value} 不存在；已定义：{allowed}",
        "en": "parent {value} does not exist; defined: {allowed}",
    },
    "E-DUP-INDEX": {
        "zh": "索引号 {value} 重复，已用于 {other}；索引号在全站必须唯一",
        "en": "index number {value} is duplicated; already used by {other}; index numbers must be unique",
    },
    "E-RESERVED-ID": {
        "zh": "标识 {value} 与保留的网址路径冲突；不能使用：{allowed}",
        "en": "id {value} clashes with a reserved URL segment; not allowed: {allowed}",
    },
    "E-DUP-ID": {
        "zh": "标识 {value} 重复，已在 {other} 中定义",
        "en": "id {value} is duplicated; already defined in {other}",
    },
    "E-FUTURE-DATE": {
        "zh": "发布日期 {value} 晚于今天 {today} 超过允许的 {days} 天；请填写实际发布日期",
        "en": "publish date {value} is more than {days} days after today ({today}); use the actual publish date",
    },
    "E-ATTACHMENT-MISSING": {
        "zh": "附件文件 {value} 不存在（相对于 content/ 目录）",
        "en": "attachment file {value} does not exist (relative to content/)",
    },
    "E-PATH-ESCAPE": {
        "zh": "路径 {value} 指向站点目录之外；只允许站点目录内的相对路径",
        "en": "path {value} points outside the site folder; only relative paths inside the site are allowed",
    },
    "E-IMG-ALT": {
        "zh": "图片 {value} 缺少替代文本（alt）；请写成 ![图片说明](地址)",
        "en": "image {value} has no alt text; write it as ![description](src)",
    },
    "E-SELF-REF": {
        "zh": "字段 {field} 引用了本条信息自身（{value}）",
        "en": "field {field} refers to the item itself ({value})",
    },
    "E-SUPERSEDED-VALIDITY": {
        "zh": "已填写 superseded_by（{value}），但有效性为“有效”；应为 废止、失效 或 已修改",
        "en": "superseded_by is set ({value}) but validity is 有效; use 废止, 失效 or 已修改",
    },
    "E-DATE-ORDER": {
        "zh": "日期 {value} 早于 {other}；{field} 不能早于该日期",
        "en": "date {value} is before {other}; {field} cannot be earlier",
    },
    "W-DOCNO-BRACKET": {
        "zh": "文号 {value} 的年份括号不规范，应使用六角括号〔〕：{fix}",
        "en": "document number {value} uses the wrong year brackets; use 〔〕: {fix}",
    },
    "W-DOCNO-NUMBER": {
        "zh": "文号 {value} 的发文顺序号不规范（不加“第”字、不编虚位）；应为 {fix}",
        "en": "document number {value}: the serial takes no 第 and no leading zeros; use {fix}",
    },
    "W-DOCNO-FORM": {
        "zh": "文号 {value} 不符合 GB/T 9704 规范形式“机关代字〔年份〕序号号”（如 示政办发〔2024〕12号）",
        "en": "document number {value} is not in the GB/T 9704 form 代字〔YYYY〕N号 (e.g. 示政办发〔2024〕12号)",
    },
    "W-ORG-CODE-CHECK": {
        "zh": "机构代码 {value} 校验位不正确（{kind}）；应为 {expected}",
        "en": "organization code {value} fails its check digit ({kind}); expected {expected}",
    },
    "E-ORG-CODE-FORM": {
        "zh": "机构代码 {value} 既不是18位统一社会信用代码，也不是9位组织机构代码",
        "en": "organization code {value} is neither an 18-char unified social credit code nor a 9-char organization code",
    },
    "W-INDEX-FORMAT": {
        "zh": "索引号 {value} 与本站索引号模板 {template} 不一致",
        "en": "index number {value} does not follow the site template {template}",
    },
    "E-TEMPLATE": {
        "zh": "模板错误：{detail}",
        "en": "template error: {detail}",
    },
    "E-URL-CLASH": {
        "zh": "输出路径 {value} 冲突：{other} 也会生成该页面；请修改文件名或标识",
        "en": "output path {value} clashes: {other} produces the same page; rename the file or id",
    },
    "E-IMPORT-RECORD": {
        "zh": "第 {record} 条记录无法导入：{detail}",
        "en": "record {record} cannot be imported: {detail}",
    },
    "W-IMPORT-THEME": {
        "zh": "第 {record} 条记录的主题分类 {value} 未在分类表中，已原样保留",
        "en": "record {record}: theme {value} is not in the taxonomy; kept as is",
    },
    "W-IMPORT-ORG": {
        "zh": "第 {record} 条记录的发布机构 {value} 为新机构，已创建机构 {org}",
        "en": "record {record}: issuer {value} is new; created organization {org}",
    },
    "W-IMPORT-GENRE": {
        "zh": "第 {record} 条记录的体裁 {value} 未在体裁表中，已原样保留（文件头部 genre 行的注释）",
        "en": "record {record}: genre {value} is not in the genre list; kept as a comment on the genre line",
    },
    "W-IMPORT-FIELD": {
        "zh": "导入文件中的列 {value} 无法识别，已忽略；可识别的列：{allowed}（或对应的中文名称，如 标题、发布日期）",
        "en": "column {value} of the import file is not recognised and was ignored; known columns: {allowed} (or their Chinese labels)",
    },
    "W-IMPORT-DUP": {
        "zh": "第 {record} 条记录的索引号 {value} 已被 {other} 使用，但标题不同；该记录未导入，请核对",
        "en": "record {record}: index number {value} is already used by {other} with a different title; the record was not imported, please check",
    },
    "E-IMPORT-FILE": {
        "zh": "无法读取导入文件：{detail}",
        "en": "cannot read the import file: {detail}",
    },
    "E-IMPORT-OPTION": {
        "zh": "选项 --{field} 的值 {value} 不存在；可用的值：{allowed}",
        "en": "option --{field}: {value} does not exist; available: {allowed}",
    },
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


def render_message(code: str, lang: str, **params: Any) -> str:
    """Render the message for ``code`` in ``lang`` ("zh" or "en")."""
    entry = MESSAGES.get(code)
    if entry is None:
        return f"{code}: {params}"
    template = entry.get(lang) or entry["zh"]
    safe = _Defaults(params)
    return template.format_map(safe)


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return ""
