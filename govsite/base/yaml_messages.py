"""PyYAML's error messages in Chinese (YAML 语法错误的中文说明).

An editor who mistypes front matter used to read ``YAML 语法错误：mapping values are
not allowed in this context`` (issue 17 §4). PyYAML builds its messages from a small
set of phrases (its scanner and parser: "while scanning a simple key", "could not
find expected ':'", "expected <block end>, but found '<block sequence start>'" …);
each is translated here, with a hint at the usual cause. A phrase not in the table
is kept in English, so no message is ever lost.
"""
from __future__ import annotations

import re

_PHRASES: tuple[tuple[str, str], ...] = (
    (r"mapping values are not allowed (?:here|in this context)",
     "此处不能再出现“键: 值”（值里含有“: ”时请给整个值加引号，或检查缩进）"),
    (r"while scanning a simple key", "读取一个字段名时"),
    (r"could not find expected ':'", "找不到字段名后的冒号“:”"),
    (r"while parsing a block mapping", "读取一组“字段: 值”时"),
    (r"while parsing a block collection", "读取一个列表时"),
    (r"while parsing a flow sequence", "读取方括号列表 [ ] 时"),
    (r"while parsing a flow mapping", "读取花括号 { } 时"),
    (r"while parsing a flow node", "读取一个值时"),
    (r"while parsing a block node", "读取一个值时"),
    (r"while scanning a (?:double-|single-)?quoted scalar", "读取引号中的文字时"),
    (r"while scanning a block scalar", "读取多行文字（| 或 >）时"),
    (r"while scanning a plain scalar", "读取一个值时"),
    (r"while scanning for the next token", "读取下一项内容时"),
    (r"while scanning a directive", "读取 % 指令时"),
    (r"found unexpected end of stream", "文件在引号闭合之前就结束了（缺少结束的引号）"),
    (r"found unexpected ':'", "出现了多余的冒号“:”"),
    (r"found character '\\t' that cannot start any token", "出现了制表符（Tab）：YAML 中只能用空格"),
    (r"found character '(.)' that cannot start any token", r"字符“\1”不能出现在这里（请给整个值加引号）"),
    (r"found unknown escape character '?(.*?)'?$", r"引号中的转义字符 \1 无效"),
    (r"expected <block end>, but found", "缩进不一致：这一层应该结束，却遇到了"),
    (r"expected ',' or '\]', but got", "应为逗号或“]”，却遇到了"),
    (r"expected ',' or '}', but got", "应为逗号或“}”，却遇到了"),
    (r"expected <document start>, but found", "应为新文档的开始（---），却遇到了"),
    (r"did not find expected key", "缺少字段名"),
    (r"did not find expected '-' indicator", "缺少列表项的“-”"),
    (r"did not find expected node content", "缺少值"),
    (r"while constructing a mapping", "读取一组“字段: 值”时"),
    (r"found duplicate key", "字段名重复"),
)
_TOKENS: tuple[tuple[str, str], ...] = (
    ("'<block sequence start>'", "列表项“-”"),
    ("'<block mapping start>'", "新的一组“字段: 值”"),
    ("'<block end>'", "层级的结束"),
    ("'<stream end>'", "文件结尾"),
    ("'<document start>'", "文档开始标记 ---"),
    ("'<document end>'", "文档结束标记 ..."),
    ("'<scalar>'", "一个值"),
    ("'<flow sequence start>'", "“[”"),
    ("'<flow sequence end>'", "“]”"),
    ("'<flow mapping start>'", "“{”"),
    ("'<flow mapping end>'", "“}”"),
    ("'<block entry>'", "列表项“-”"),
    ("'<key>'", "字段名"),
    ("'<value>'", "“:”"),
    ("'<alias>'", "别名 *"),
    ("'<anchor>'", "锚点 &"),
    ("'<tag>'", "标签 !"),
    ("'?'", "字段名"),
    ("'-'", "列表项“-”"),
)
_COMPILED = tuple((re.compile(pattern), zh) for pattern, zh in _PHRASES)


def yaml_detail_zh(detail: str) -> str:
    """``detail`` (PyYAML's context and problem, joined by a space) in Chinese."""
    out = detail
    for pattern, zh in _COMPILED:
        out = pattern.sub(zh, out)
    for token, zh in _TOKENS:
        out = out.replace(token, zh)
    return re.sub(r"(时) ", r"\1，", out).replace("却遇到了 ", "却遇到了")
