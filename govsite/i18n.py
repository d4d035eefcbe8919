"""Message catalog for problems and CLI output: Chinese (default) and English.

Editors are Chinese civil servants, so every message exists in Chinese first; the
English text is for IT staff and logs (``--lang en``).
"""
from __future__ import annotations

from typing import Any

from govsite.valuetext import value_text

MESSAGES: dict[str, dict[str, str]] = {
    "E-YAML": {
        "zh": "YAML 语法错误：{detail_zh}。请检查缩进、冒号和引号",
        "en": "malformed YAML: {detail}. Check indentation, colons and quotes",
    },
    "E-YAML-ALIAS": {
        "zh": "YAML 锚点和别名（{detail_zh}）不可使用：请把值完整写出来，不要用 &名称 标记一个值、再用 *名称 引用它",
        "en": "YAML anchors and aliases ({detail}) are not allowed: write the value out in full instead of marking it with &name and repeating it with *name",
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
        "zh": "缺少必填字段 {field}{hint_zh}",
        "en": "required field {field} is missing{hint_en}",
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
        "zh": "值 {value} 不是有效日期；应为真实存在的日期，格式 YYYY-MM-DD（如 2024-03-05）{fix_zh}",
        "en": "value {value} is not a valid date; use a real date in the form YYYY-MM-DD (e.g. 2024-03-05){fix_en}",
    },
    "E-DATETIME": {
        "zh": "值 {value} 不是有效的日期时间；应为 YYYY-MM-DD 或 YYYY-MM-DD HH:MM（如 2024-03-05 09:30）{fix_zh}",
        "en": "value {value} is not a valid date-time; use YYYY-MM-DD or YYYY-MM-DD HH:MM (e.g. 2024-03-05 09:30){fix_en}",
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
    "E-PATH-LOOP": {
        "zh": "符号链接 {value} 形成循环（指向自身或其上级目录），已跳过；请删除或修正该链接",
        "en": "symlink {value} loops (it points to itself or to a folder containing it) and was skipped; remove or fix the link",
    },
    "E-READ": {
        "zh": "无法读取 {value}：{detail}；请检查该文件或目录的权限（ls -l）和磁盘",
        "en": "cannot read {value}: {detail}; check the permissions of the file or folder (ls -l) and the disk",
    },
    "E-FILENAME": {
        "zh": "文件名 {value} 含有不能用于网址的字符 {chars}；文件名和文件夹名会成为网址的一部分，"
              "可以使用汉字、字母、数字、空格和 - _ . ( ) 等符号，但不能含 # ? % 或控制字符（如制表符、换行）；请重命名",
        "en": "file name {value} contains {chars}, which cannot be used in a URL; file and folder names become part "
              "of the page address: Chinese characters, letters, digits, spaces and - _ . ( ) are fine, "
              "but not # ? % or control characters (tab, line break); rename it",
    },
    "E-NUL": {
        "zh": "此行第 {column} 个字符是空字符（NUL，\\x00），常见于文件损坏或从其他软件复制；请删除该字符",
        "en": "character {column} of this line is a NUL (\\x00), usually from a damaged file or a copy from "
              "another program; delete it",
    },
    "W-DATE-EARLY": {
        "zh": "日期 {value} 早于 {earliest}，可能录入有误；请核对。确有更早的文件（如历史公报）时，"
              "可在 site.yaml 的 options.earliest_date 中调低该界限",
        "en": "date {value} is before {earliest}, which is probably a typing error; check it. If the site really "
              "holds older documents (e.g. historical gazettes), lower options.earliest_date in site.yaml",
    },
    "E-YEAR-RANGE": {
        "zh": "年份 {value} 超出范围；{what}的年份应为 {low}–{high} 年",
        "en": "year {value} is out of range; {what_en} must be from {low} to {high}",
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
    "E-SEARCH-INDEX": {
        "zh": "搜索索引分片 {value} 生成失败：{detail}",
        "en": "the search index shard {value} could not be built: {detail}",
    },
    "E-URL-CLASH": {
        "zh": "输出路径 {value} 冲突：{other} 也会生成该页面；请修改文件名或标识",
        "en": "output path {value} clashes: {other} produces the same page; rename the file or id",
    },
    "E-IMPORT-RECORD": {
        "zh": "第 {record} 条记录无法导入：{detail}",
        "en": "record {record} cannot be imported: {detail}",
    },
    "E-IMPORT-RECORDS": {
        "zh": "{count} 条记录无法导入（{records}）：{detail}",
        "en": "{count} record(s) cannot be imported ({records}): {detail}",
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
    "E-IMPORT-GAZETTE": {
        "zh": "公报无法导入：{detail}",
        "en": "the gazette issue cannot be imported: {detail}",
    },
    "W-IMPORT-GAZETTE-NEW": {
        "zh": "站点还没有公报，已新建 content/gazette/gazette.yaml：刊名 {value}，主办 {publisher}，创刊年份 {first_year}，刊期 {frequency}；请核对（刊期无法从导入的各期判断时为 irregular 不定期）",
        "en": "the site had no gazette; created content/gazette/gazette.yaml: name {value}, publisher {publisher}, first year {first_year}, frequency {frequency}; please check (irregular when the imported issues do not show the frequency)",
    },
    "W-IMPORT-GAZETTE-SECTION": {
        "zh": "栏目 {value} 不在 content/gazette/gazette.yaml 的 sections 中，已追加到末尾；如顺序不对请调整",
        "en": "section {value} was not in the sections of content/gazette/gazette.yaml; appended at the end (reorder if needed)",
    },
    "W-IMPORT-GAZETTE-ORG": {
        "zh": "发文机关 {value} 为新机构，已创建机构 {org}（占位代码，请在 content/orgs.yaml 中改为真实的统一社会信用代码）",
        "en": "issuer {value} is new; created organization {org} (placeholder code: enter the real one in content/orgs.yaml)",
    },
}

from govsite.annual.messages import MESSAGES as _ANNUAL_MESSAGES  # noqa: E402  (年度报告)

MESSAGES.update(_ANNUAL_MESSAGES)

from govsite.new.messages import MESSAGES as _NEW_MESSAGES  # noqa: E402  (govsite new)

MESSAGES.update(_NEW_MESSAGES)

from govsite.inspect.messages import MESSAGES as _INSPECTION_MESSAGES  # noqa: E402  (rules of govsite check)

MESSAGES.update(_INSPECTION_MESSAGES)

from govsite.publish.messages import MESSAGES as _PUBLISH_MESSAGES  # noqa: E402  (govsite publish, ci-template)

MESSAGES.update(_PUBLISH_MESSAGES)

from govsite.redirects.messages import MESSAGES as _REDIRECT_MESSAGES  # noqa: E402  (permanent URLs)

MESSAGES.update(_REDIRECT_MESSAGES)

from govsite.model.gazette_messages import MESSAGES as _GAZETTE_MESSAGES  # noqa: E402  (政府公报 checks)

MESSAGES.update(_GAZETTE_MESSAGES)

from govsite.portal.messages import MESSAGES as _PORTAL_MESSAGES  # noqa: E402  (集约化平台)

MESSAGES.update(_PORTAL_MESSAGES)


def render_message(code: str, lang: str, **params: Any) -> str:
    """Render the message for ``code`` in ``lang`` ("zh" or "en")."""
    entry = MESSAGES.get(code)
    if entry is None:
        return f"{code}: {value_text(params, _PARAM_LIMIT)}"
    template = entry.get(lang) or entry["zh"]
    safe = _Defaults({key: value_text(v, _PARAM_LIMIT) if isinstance(v, _CONTAINERS) else v for key, v in params.items()})
    return template.format_map(safe)


_PARAM_LIMIT = 1000
_CONTAINERS = (list, tuple, dict, set, frozenset)
"""Parameters of these types are shown cut to ``_PARAM_LIMIT`` characters: a value read from a
file (e.g. the bad value of ``govsite new``) is never printed in full (see :mod:`govsite.valuetext`)."""


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return ""
