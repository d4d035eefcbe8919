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
    "IMPORT-FILE-JSON-ARRAY": {
        "zh": "文件是一个 JSON 数组（以 [ 开头），govsite 读取的是 JSON Lines：每行一个 JSON 对象 {…}，不带外层的 [ ]；"
              "请转换后再导入（如 jq -c '.[]' 导出.json > 导出.jsonl），或另存为 CSV",
        "en": "the file is a JSON array (it starts with [); govsite reads JSON Lines: one JSON object {…} per line, "
              "without the enclosing [ ]; convert it first (e.g. jq -c '.[]' export.json > export.jsonl) or save it as CSV",
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
    "IMPORT-NO-COLUMN": {
        "zh": "没有栏目，也没有适用的栏目规则（见 docs/content.md 的“Column rules”），且未指定默认栏目"
              "（--column-default 或 site.yaml 的 import_defaults.column）；请在导入文件中填写栏目，或指定默认栏目。"
              "可用栏目（填写标识或栏目名称）：{allowed}",
        "en": "no column, no column rule applies (see docs/content.md, \"Column rules\") and no default column "
              "(--column-default or import_defaults.column in site.yaml); give the column in the file or a default. "
              "Columns (id or title): {allowed}",
    },
    "IMPORT-UNKNOWN-ISSUER": {
        "zh": "发布机构 {value} 不在 content/orgs.yaml 中；{close}。请改正导入文件中的名称或在 content/orgs.yaml 中添加该机构；"
              "确属新机构时，加 --create-orgs 由导入创建（全部机构见 govsite list orgs）",
        "en": "issuer {value} is not in content/orgs.yaml; {close_en}. Correct the name in the file or add the "
              "organization to content/orgs.yaml; if it is a new organization, pass --create-orgs to create it "
              "(all organizations: govsite list orgs)",
    },
    "IMPORT-NEAR-DUPLICATE-ISSUER": {
        "zh": "发布机构 {value} 与已有机构 {twin}几乎相同，--create-orgs 不会为它新建机构（否则同一机关会有两个机构页面）。"
              "如是笔误或简称，请在导入文件中改为已有机构的名称或标识；如确为另一机构，请先在 content/orgs.yaml 中添加它",
        "en": "issuer {value} nearly repeats the existing organization {twin}; --create-orgs does not create it (the "
              "same body would get two organization pages). If it is a typo or a short form, use the existing "
              "organization's name or id in the file; if it really is another organization, add it to content/orgs.yaml first",
    },
    "IMPORT-CLOSEST-ORGS": {
        "zh": "最接近的机构：{orgs}",
        "en": "closest organizations: {orgs}",
    },
    "IMPORT-NO-CLOSE-ORG": {
        "zh": "没有名称相近的机构",
        "en": "no organization has a similar name",
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
    "IMPORT-READ-NUL": {
        "zh": "{label}第 {column} 个字符是空字符（NUL，\\x00），常见于文件损坏或从其他软件复制；请在导出文件中删除该字符",
        "en": "character {column} of {field} is a NUL (\\x00), usually from a damaged file or a copy from another "
              "program; delete it in the export file",
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
    "IMPORT-PLACED": {
        "zh": "按规则归入栏目：{placed}",
        "en": "Placed in columns by rule: {placed}",
    },
    "IMPORT-PLACED-DEFAULT": {
        "zh": "归入默认栏目 {column}（{source}）：{count} 条",
        "en": "Placed in the default column {column} ({source}): {count}",
    },
    "IMPORT-NOTE-KEPT": {
        "zh": "提示：未识别的主题分类、体裁未写入 theme/genre 字段，原值以注释形式保留在该行末尾，请改为分类表中的值",
        "en": "Note: unknown themes/genres were left out of theme/genre; the original value is kept as a comment on that line",
    },
    "IMPORT-SUMMARY": {
        "zh": "导入完成：共 {records} 条记录，新建 {created} 条信息，{unchanged} 条此前已导入（未改动），新建机构 {orgs} 个，警告 {warnings} 个",
        "en": "Import done: {records} record(s); {created} item(s) created, {unchanged} already imported (unchanged), {orgs} new organization(s), {warnings} warning(s)",
    },
    # govsite import gazette / gazette-pdf
    "IMPORT-GAZETTE-TYPE": {
        "zh": "{label}的值 {value} 类型错误，应为{expected}",
        "en": "{field} has the wrong type ({value}); expected {expected_en}",
    },
    "IMPORT-GAZETTE-RANGE": {
        "zh": "{label} {value} 超出范围；应为 {allowed} 的整数",
        "en": "{field} {value} is out of range; use an integer {allowed}",
    },
    "IMPORT-GAZETTE-ENUM": {
        "zh": "{label} {value} 不是允许的值；允许的值：{allowed}",
        "en": "{field} {value} is not allowed; allowed values: {allowed}",
    },
    "IMPORT-GAZETTE-PAGES": {
        "zh": "页码 {value} 格式不对；应为一页或一个页码范围，如 3 或 \"3-5\"（起始页不大于结束页）",
        "en": "pages {value} is not a page or page range; use e.g. 3 or \"3-5\" (first page not after the last)",
    },
    "IMPORT-GAZETTE-ENCODING": {
        "zh": "文件不是 UTF-8 编码（第 {position} 字节）；请将 JSON 文件转换为 UTF-8 后再导入",
        "en": "the file is not UTF-8 (byte {position}); convert the JSON file to UTF-8",
    },
    "IMPORT-GAZETTE-BAD-JSON": {
        "zh": "不是有效的 JSON：第 {at_line} 行第 {column} 列，{reason}（该行内容：{value}）",
        "en": "not valid JSON: line {at_line}, column {column}: {reason} (the line reads: {value})",
    },
    "IMPORT-GAZETTE-NOT-OBJECT": {
        "zh": "文件内容应为一个 JSON 对象 {{\"gazette\": …, \"year\": …, \"number\": …, \"sections\": […]}}（每期一个文件），实际为 {value}",
        "en": "the file must hold one JSON object {{\"gazette\": …, \"year\": …, \"number\": …, \"sections\": […]}} (one issue per file); got {value}",
    },
    "IMPORT-GAZETTE-UNREADABLE": {
        "zh": "无法读取文件 {value}：{reason}",
        "en": "cannot read {value}: {reason}",
    },
    "IMPORT-GAZETTE-PDF-ESCAPE": {
        "zh": "PDF 路径 {value} 不可用：路径须相对于导入文件所在目录（{folder}），不得为绝对路径，也不得含 ..；请把 PDF 放在该目录或其子目录中",
        "en": "PDF path {value} is not allowed: it must be relative to the import file's folder ({folder}), not absolute and without ..; put the PDF in that folder or below",
    },
    "IMPORT-GAZETTE-PDF-MISSING": {
        "zh": "PDF 文件 {value} 不存在（路径相对于导入文件所在目录 {folder}）；没有 PDF 时请写 null",
        "en": "PDF file {value} does not exist (paths are relative to the import file's folder {folder}); write null when there is no PDF",
    },
    "IMPORT-GAZETTE-NOT-PDF": {
        "zh": "文件 {value} 不是 PDF：应为扩展名 .pdf、以 %PDF- 开头的文件",
        "en": "{value} is not a PDF: the file must end in .pdf and start with %PDF-",
    },
    "IMPORT-GAZETTE-PDF-UNREADABLE": {
        "zh": "无法读取 PDF {value}（{reason}）；文件可能已损坏或加密",
        "en": "cannot read the PDF {value} ({reason}); the file may be damaged or encrypted",
    },
    "IMPORT-GAZETTE-PDF-NO-DATE": {
        "zh": "PDF 中没有创建日期，无法确定出版日期；请用 --date YYYY-MM-DD 指定",
        "en": "the PDF has no creation date to take the publish date from; give it with --date YYYY-MM-DD",
    },
    "IMPORT-GAZETTE-FUTURE": {
        "zh": "出版日期 {value} 晚于今天 {today}；请填写实际出版日期",
        "en": "publish date {value} is after today ({today}); use the actual publish date",
    },
    "IMPORT-GAZETTE-DATE-ORDER": {
        "zh": "成文日期 {value} 晚于本期出版日期 {other}",
        "en": "written date {value} is after the issue's publish date {other}",
    },
    "IMPORT-GAZETTE-DUP-SECTION": {
        "zh": "栏目 {value} 在本文件中出现两次（另见 {other}）；请把该栏目的文章合并到一处",
        "en": "section {value} appears twice in the file (see also {other}); put its articles in one place",
    },
    "IMPORT-GAZETTE-NAME": {
        "zh": "刊名 {value} 与 content/gazette/gazette.yaml 中的刊名 {other} 不同；一个站点只有一种公报",
        "en": "gazette name {value} differs from {other} in content/gazette/gazette.yaml; a site has one gazette",
    },
    "IMPORT-GAZETTE-NAME-MIXED": {
        "zh": "刊名 {value} 与同批导入的 {other_file} 中的刊名 {other} 不同；一个站点只有一种公报",
        "en": "gazette name {value} differs from {other} in {other_file} of the same import; a site has one gazette",
    },
    "IMPORT-GAZETTE-EXISTS": {
        "zh": "{issue}已存在（{folder}），且与本次导入的内容不同；未覆盖。如确需重新导入，请先删除该目录",
        "en": "{issue} already exists ({folder}) with different content; it was not overwritten. Delete that folder first to import it again",
    },
    "IMPORT-GAZETTE-DUP": {
        "zh": "{issue}在本次导入中出现两次，内容不同（另见 {other}）",
        "en": "{issue} is imported twice with different content (see also {other})",
    },
    "IMPORT-GAZETTE-ORDER": {
        "zh": "出版日期 {value} 与 {other}的先后和期号不符；各期出版日期应按期号先后排列",
        "en": "publish date {value} is out of order with {other}; dates must follow the issue numbers",
    },
    "IMPORT-GAZETTE-INVALID": {
        "zh": "生成的 {file} 不符合要求：{field_name} 的值 {value} {reason}",
        "en": "the generated {file} is not valid: {field_name} value {value}: {reason}",
    },
    "IMPORT-GAZETTE-SITE-BROKEN": {
        "zh": "站点配置（site.yaml、content/orgs.yaml 或 content/gazette/gazette.yaml）有错误，请先修正后再导入；未写入任何文件",
        "en": "the site configuration (site.yaml, content/orgs.yaml or content/gazette/gazette.yaml) has errors; fix them before importing. Nothing was written",
    },
    "IMPORT-GAZETTE-YAML": {
        "zh": "无法在 content/gazette/gazette.yaml 的 sections 中追加栏目 {sections}（{detail}）；请手工添加后再导入。未写入任何文件",
        "en": "cannot add the sections {sections} to content/gazette/gazette.yaml ({detail}); add them by hand and import again. Nothing was written",
    },
    "IMPORT-GAZETTE-FAILED": {
        "zh": "导入失败：{files} 个文件有错误（共 {errors} 个错误），未写入任何文件",
        "en": "Import failed: {files} file(s) have errors ({errors} in all); nothing was written",
    },
    "IMPORT-GAZETTE-SUMMARY": {
        "zh": "导入完成：共 {files} 个文件，新建 {created} 期（文章 {articles} 篇），{unchanged} 期此前已导入（未改动），新建机构 {orgs} 个，警告 {warnings} 个",
        "en": "Import done: {files} file(s); {created} issue(s) created ({articles} article(s)), {unchanged} already imported (unchanged), {orgs} new organization(s), {warnings} warning(s)",
    },
    "IMPORT-GAZETTE-PDF-TEXT": {
        "zh": "已导入{issue}（{folder}）：PDF 共 {pages} 页，已提取文字层（{chars} 字）为全文文章 {article}",
        "en": "imported {issue} ({folder}): {pages} page(s); the PDF text layer ({chars} characters) is the full-text article {article}",
    },
    "IMPORT-GAZETTE-PDF-SCAN": {
        "zh": "已导入{issue}（{folder}）：PDF 共 {pages} 页，没有文字层，已标记为仅有扫描件（scan_only），待数字化",
        "en": "imported {issue} ({folder}): {pages} page(s) without a text layer; marked scan-only for digitization",
    },
    "IMPORT-GAZETTE-PDF-UNCHANGED": {
        "zh": "{issue}此前已由同一 PDF 导入（{folder}），未改动",
        "en": "{issue} was already imported from the same PDF ({folder}); nothing changed",
    },
    "IMPORT-GAZETTE-PDF-DATE": {
        "zh": "出版日期取自 PDF 的创建日期：{date}；如不准确，请修改 {file} 中的 date",
        "en": "the publish date {date} was taken from the PDF's creation date; correct date in {file} if needed",
    },
}


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return ""


def text(key: str, lang: str, **params: Any) -> str:
    """Render importer text ``key`` in ``lang`` ("zh" or "en")."""
    entry = TEXTS[key]
    return (entry.get(lang) or entry["zh"]).format_map(_Defaults(params))
