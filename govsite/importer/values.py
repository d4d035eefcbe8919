"""Normalising single values: theme, genre, validity, 公开方式, keywords, columns, text."""
from __future__ import annotations

import html
import re

from govsite.model.taxonomy import Taxonomy

VALIDITY_MAP: dict[str, str] = {
    "有效": "有效", "现行有效": "有效",
    "失效": "失效", "已失效": "失效",
    "废止": "废止", "已废止": "废止",
    "已修改": "已修改", "部分失效": "已修改", "已修订": "已修改", "修改": "已修改", "修订": "已修改",
}
"""有效性 labels seen in exports → the model's four values."""

MODE_MAP: dict[str, str] = {"主动公开": "主动公开", "依申请公开": "依申请公开"}

_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_LAYOUT_SPACE = re.compile(r"[ \t\n\v\f]+")
"""Whitespace of an export's layout (not U+3000 or other characters of the text)."""


def clean_text(value: str | None, single_line: bool = True) -> str:
    """Strip stray HTML tags/entities from a plain-text field and tidy whitespace."""
    if not value:
        return ""
    text = _TAG.sub("", value) if _TAG.search(value) else value
    if _ENTITY.search(text):
        text = html.unescape(text)
    text = text.replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u200b\ufeff]", "", text)
    if single_line:
        # Only the export's own layout (line breaks, tabs, runs of ASCII spaces) is
        # collapsed; the published text keeps its characters: an ideographic space
        # (U+3000, which Python's \s would match), full-width digits, traditional
        # characters. An archive keeps a title, 文号 or body as published.
        return _LAYOUT_SPACE.sub(" ", text).strip()
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def as_text(value: str | list[str] | None) -> str:
    """A single string from a record value (lists are joined with ``；``)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "；".join(v.strip() for v in value if v.strip())
    return value.strip()


def split_list(value: str | list[str] | None, pattern: str) -> list[str]:
    """Split a cell into items; a JSON list is taken as it is."""
    if value is None:
        return []
    parts = value if isinstance(value, list) else re.split(pattern, value)
    out: list[str] = []
    for part in parts:
        part = clean_text(part)
        if part and part not in out:
            out.append(part)
    return out


def split_keywords(value: str | list[str] | None) -> list[str]:
    """主题词 are separated by commas, 顿号, semicolons or spaces."""
    return split_list(value, r"[,，、;；\s\u3000]+")


def resolve_theme(taxonomy: Taxonomy, value: str) -> str | None:
    """Theme code for a code, a ``一级\\二级`` label (any of \\ / ／ ＼ >), or a unique 二级 name."""
    text = re.sub(r"\s*([\\/／＼>＞])\s*", r"\\", value.strip())
    code = taxonomy.resolve_theme(text)
    if code is not None:
        return code
    if "\\" not in text and text != "其他":
        matches = [child.code for top in taxonomy.themes for child in top.children if child.name == text]
        if len(matches) == 1:
            return matches[0]
    return None


def _paren(text: str) -> str:
    return text.replace("(", "（").replace(")", "）")


def resolve_genre(genres: list[str], value: str) -> str | None:
    """The genre as listed, tolerating half-width brackets, ``命令``/``令`` for ``命令（令）`` and
    ``其它`` (the variant many CMSs use) for ``其他``."""
    text = _paren(re.sub(r"\s+", "", value))
    if text == "其它":
        text = "其他"
    if text in genres:
        return text
    for genre in genres:
        base, _, rest = genre.partition("（")
        if text == base or (rest and text == rest.rstrip("）")):
            return genre
    return None


def resolve_validity(value: str) -> str | None:
    return VALIDITY_MAP.get(re.sub(r"\s+", "", value))


def resolve_mode(value: str) -> str | None:
    return MODE_MAP.get(re.sub(r"\s+", "", value))


def split_columns(value: str | list[str] | None) -> list[str]:
    """Several columns may be given separated by ``;`` ``；`` or ``|``."""
    return split_list(value, r"[;；|]")
