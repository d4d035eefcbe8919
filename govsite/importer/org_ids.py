"""Readable ids for organizations an import creates, and splitting joint issuers.

An id is a URL segment (``xxgk/<id>/``) an editor reads and types, so it follows
the convention of hand-written ``orgs.yaml`` files and of real sites' paths
(DOMAIN §8.4): the pinyin initials of the name (统计局 → ``tjj``), without the
site's own region (测试县统计局 on the site of 测试县人民政府 is ``tjj``, like
``czj`` 县财政局). When that id is taken (another organization, a column, a
reserved segment), the initials of the full name are tried, then ``-2``, ``-3`` …
The result depends only on the name, the ids already taken and the order in
which the import meets new names, so a rerun of the same import gives the same ids.
"""
from __future__ import annotations

import re
from typing import Iterable

from pypinyin import Style, lazy_pinyin

from govsite.model.org import Organization

GOVERNMENT_SUFFIX = "人民政府"
JOINT_SEPARATORS = re.compile(r"[、，,;；\s\u3000]+")
"""Between the organizations of a joint issuer (联合发文): 国务院办公厅、中央军委办公厅."""


def split_issuers(value: str) -> list[str]:
    """The names in a joint 发布机构 value, in order, without repeats."""
    out: list[str] = []
    for part in JOINT_SEPARATORS.split(value):
        if part and part not in out:
            out.append(part)
    return out


def region_prefixes(orgs: Iterable[Organization]) -> list[str]:
    """Names of the site's governments without 人民政府 (测试县), longest first."""
    prefixes = {o.name[: -len(GOVERNMENT_SUFFIX)] for o in orgs
                if o.kind.value == "government" and o.name.endswith(GOVERNMENT_SUFFIX) and len(o.name) > len(GOVERNMENT_SUFFIX)}
    return sorted(prefixes, key=lambda p: (-len(p), p))


def initials(text: str) -> str:
    """Pinyin initials of the Chinese characters, ASCII letters and digits kept, lower case."""
    letters = lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")  # non-Han text kept as it is
    return re.sub(r"[^a-z0-9]", "", "".join(letters).lower())


def readable_id(name: str, taken: set[str], prefixes: list[str]) -> str:
    """A new id for ``name`` that is not in ``taken`` (the caller adds it)."""
    short = name
    for prefix in prefixes:
        if name.startswith(prefix) and len(name) > len(prefix):
            short = name[len(prefix):]
            break
    candidates = [c for c in (initials(short), initials(name)) if c] or ["org"]
    for candidate in candidates:
        if candidate not in taken:
            return candidate
    n = 2
    while f"{candidates[0]}-{n}" in taken:
        n += 1
    return f"{candidates[0]}-{n}"
