"""YAML reading with line numbers recovered on demand.

Content is parsed with the fast C loader. Dates are kept as strings so that an
impossible date such as ``2024-02-30`` becomes a field error instead of a crash.
Line numbers are only needed when a problem is reported, so the slower node
composer runs only for files that have problems.

Anchors and aliases (``&name`` / ``*name``) are refused in content: no editor needs
them, and a few hundred bytes of nested aliases (a "billion laughs") expand into
gigabytes as soon as anything copies or prints the value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from govsite.base.yaml_messages import yaml_detail_zh

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ContentLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that leaves timestamps as plain strings and rejects duplicate keys."""

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        seen: dict = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:  # a mapping or a list as a key: the base constructor reports it (E-YAML)
                continue
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"字段 {key} 重复（首次出现在第 {seen[key]} 行之后的同一层级）/ duplicate key {key}", key_node.start_mark)
            try:
                seen[key] = key_node.start_mark.line + 1
            except TypeError:
                pass
        return super().construct_mapping(node, deep=deep)


ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.copy().items()
}


class YamlError(Exception):
    """Malformed YAML, with the 1-based line where the parser stopped, and the
    problem code to report it with (``E-YAML``, or ``E-YAML-ALIAS`` for an anchor or alias)."""

    def __init__(self, detail: str, line: int | None, code: str = "E-YAML") -> None:
        super().__init__(detail)
        self.detail = detail
        self.line = line
        self.code = code

    @property
    def params(self) -> dict[str, str]:
        """The problem's parameters: PyYAML's words and their Chinese (yaml_messages)."""
        return {"detail": self.detail, "detail_zh": yaml_detail_zh(self.detail)}


ALIAS_CODE = "E-YAML-ALIAS"

# An anchor or alias starts a token: at the start of the text or of a line (after a BOM
# there too), after white space, or right after a flow indicator or a flow-context ':'
# or '?'. Its name has at least one character, and libyaml and PyYAML accept only these.
# Text without such a match has neither, and is not scanned again (a URL's "?a=1&b=2"
# is not scanned either). The look-behind comes after the '&' or '*' so that the regex
# engine skips to those characters quickly (about 2 µs on an item's front matter).
_ANCHOR_OR_ALIAS = re.compile(r"[&*](?<![^\s\ufeff\[{,:?-].)[0-9A-Za-z_-]")


def _reject_anchors(text: str, line_offset: int) -> None:
    """Raise :class:`YamlError` (``E-YAML-ALIAS``) at the first alias of ``text``, or
    at its first anchor when it has no alias. The C parser's events are scanned before
    anything is composed, so an alias bomb is refused without being expanded."""
    if _ANCHOR_OR_ALIAS.search(text) is None:
        return
    anchor: yaml.NodeEvent | None = None
    for event in yaml.parse(text, Loader=ContentLoader):
        if isinstance(event, yaml.AliasEvent):
            raise _anchor_error("*", event, line_offset)
        if anchor is None and isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            anchor = event
    if anchor is not None:
        raise _anchor_error("&", anchor, line_offset)


def _anchor_error(sigil: str, event: yaml.NodeEvent, line_offset: int) -> YamlError:
    name = str(event.anchor or "")
    detail = sigil + (name if len(name) <= 40 else name[:39] + "…")
    line = event.start_mark.line + 1 + line_offset if event.start_mark is not None else None
    return YamlError(detail, line, ALIAS_CODE)


def parse_yaml(text: str, line_offset: int = 0) -> Any:
    """Parse YAML text; raise :class:`YamlError` with a file line number.

    Anchors and aliases are refused (``E-YAML-ALIAS``) before the text is loaded."""
    try:
        _reject_anchors(text, line_offset)
        return yaml.load(text, Loader=ContentLoader)  # noqa: S506 - safe loader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark is not None and "end of stream" in str(exc.problem or ""):
            mark = exc.context_mark  # an unclosed quote: point at where it was opened
        line = mark.line + 1 + line_offset if mark else None
        detail = " ".join(filter(None, [exc.context, exc.problem]))
        raise YamlError(detail or str(exc), line) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc), None) from None
    except ValueError:  # e.g. an unquoted integer of more than 4,300 digits (int() refuses it)
        digits = re.search(r"\d{4300,}", text)
        line = text.count("\n", 0, digits.start()) + 1 + line_offset if digits else None
        raise YamlError("数字超过 4300 位，请加引号写成文本 / a number of more than 4,300 digits: quote it as text",
                        line) from None


def safe_load(text: str) -> Any:
    """Plain YAML data (the built-in defaults): the safe loader, in C where PyYAML has
    it (the pure-Python one takes tens of ms on a small file). It accepts anchors and
    aliases: never give it a site's file, use :func:`parse_yaml`."""
    return yaml.load(text, Loader=_BaseLoader)  # noqa: S506 - the safe loader


def dump_yaml(data: Any) -> str:
    """Dump YAML the way editors write it: block style, unicode, key order kept."""
    return yaml.dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)


@dataclass(frozen=True)
class FrontMatter:
    """A Markdown file split into its YAML header and body."""

    data: Any
    body: str
    yaml_text: str
    body_line: int
    """1-based line number of the first body line in the file."""


_FENCE = re.compile(r"^---[ \t]*\r?$", re.M)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Return (yaml_text, body, body_line) or None when there is no header."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not (text.startswith("---\n") or text.startswith("---\r\n")):
        return None
    first_nl = text.index("\n") + 1
    match = _FENCE.search(text, first_nl)
    if match is None:
        return None
    yaml_text = text[first_nl : match.start()]
    rest_start = match.end()
    if text[rest_start : rest_start + 2] == "\r\n":
        rest_start += 2
    elif text[rest_start : rest_start + 1] == "\n":
        rest_start += 1
    body_line = text.count("\n", 0, rest_start) + 1
    return yaml_text, text[rest_start:], body_line


def locate(yaml_text: str, path: tuple[Any, ...], line_offset: int = 0, exact: bool = False) -> int | None:
    """Find the 1-based line of ``path`` (keys and list indexes) in ``yaml_text``.

    Falls back to the deepest existing ancestor (or returns None when ``exact``);
    returns None if the text cannot be composed.
    """
    try:
        node = yaml.compose(yaml_text, Loader=_BaseLoader)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    best = node.start_mark.line
    for step in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == str(step):
                    best = key_node.start_mark.line
                    child = value_node
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            child = node.value[step]
            best = child.start_mark.line
        if child is None:
            if exact:
                return None
            break
        node = child
    return best + 1 + line_offset
