"""Identifier rules: 文号 (GB/T 9704), organization codes (GB 32100 / GB 11714),
网站标识码 and 索引号 templates. Pure functions, no I/O."""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from typing import Any

DOC_NO_CANONICAL = re.compile(r"^(?P<code>[\u4e00-\u9fa5A-Za-z0-9（）]+?)〔(?P<year>\d{4})〕(?P<num>[1-9]\d*)号$")
"""代字〔YYYY〕N号 (DOMAIN §8.1)."""

DOC_NO_ORDER = re.compile(r"^[\u4e00-\u9fa5A-Za-z0-9（）]+?令(?:\d{4}年)?[（(]?第[1-9]\d*号[）)]?$")
"""令 forms such as 国务院令第711号 or 示例县人民政府令第3号, also acceptable."""

PLACEHOLDER_REGION = "000000"
"""Region (characters 3–8 of a 统一社会信用代码) of the placeholder codes govsite writes for
organizations it creates (``govsite import``) and of init's ``11000000000000000U``: no
registration authority has this code, so ``govsite check`` reports such a code (W-PLACEHOLDER)."""

_WRONG_BRACKETS = [("[", "]"), ("［", "］"), ("【", "】"), ("（", "）"), ("(", ")"), ("〈", "〉"), ("{", "}")]


@dataclass(frozen=True)
class DocNoFinding:
    """Why a 文号 is not canonical, and the fix when one is certain."""

    kind: str
    """``bracket`` (wrong year brackets), ``number`` (第 or leading zeros in the
    serial) — both with ``fix`` — or ``form`` (any other deviation, no fix)."""
    fix: str | None = None


def check_doc_no(value: str) -> DocNoFinding | None:
    """Return None for a canonical 文号, else what is wrong with it. Never rejects."""
    text = value.strip()
    if DOC_NO_CANONICAL.match(text) or DOC_NO_ORDER.match(text):
        return None
    for left, right in _WRONG_BRACKETS:
        pattern = re.compile(
            r"^(?P<code>[\u4e00-\u9fa5A-Za-z0-9（）]+?)\s*" + re.escape(left) + r"\s*(?P<year>\d{4})\s*"
            + re.escape(right) + r"\s*第?\s*(?P<num>\d+)\s*号$"
        )
        m = pattern.match(text)
        if m and int(m["num"]) > 0:
            fixed = f"{m['code']}〔{m['year']}〕{int(m['num'])}号"
            return DocNoFinding("bracket", fixed)
    m = re.match(r"^(?P<code>.+?)〔(?P<year>\d{4})〕\s*第?\s*0*(?P<num>\d+)\s*号$", text)
    if m and int(m["num"]) > 0:
        fixed = f"{m['code'].strip()}〔{m['year']}〕{int(m['num'])}号"
        return DocNoFinding("number", fixed)
    return DocNoFinding("form")


def normalize_doc_no(value: str) -> str:
    """The canonical 文号 when the fix is certain, else the input (for search keys)."""
    finding = check_doc_no(value)
    return finding.fix if finding and finding.fix else value.strip()


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def org_code_check_char(body8: str) -> str:
    """Check character of a 9-char 组织机构代码 (GB 11714) from its first 8 chars."""
    total = 0
    for ch, weight in zip(body8, _ORG_WEIGHTS):
        total += (int(ch) if ch.isdigit() else ord(ch) - 55) * weight
    c = 11 - total % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def uscc_check_char(body17: str) -> str:
    """Check character of an 18-char 统一社会信用代码 (GB 32100) from its first 17."""
    total = sum(USCC_CHARS.index(ch) * w for ch, w in zip(body17, _USCC_WEIGHTS))
    return USCC_CHARS[(31 - total % 31) % 31]


@dataclass(frozen=True)
class CodeCheck:
    """Result of checking an organization code."""

    kind: str
    """``uscc`` (18 chars), ``org`` (9 chars) or ``invalid`` (neither form)."""
    ok: bool
    expected: str | None = None
    """The correct check character when ``ok`` is False."""


def check_org_code(code: str) -> CodeCheck:
    """Validate the form and check digit of a USCC or 组织机构代码."""
    code = code.strip().upper()
    if re.fullmatch(r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}", code):
        expected = uscc_check_char(code[:17])
        return CodeCheck("uscc", code[17] == expected, None if code[17] == expected else code[:17] + expected)
    if re.fullmatch(r"[0-9A-Z]{8}[0-9X]", code):
        expected = org_code_check_char(code[:8])
        return CodeCheck("org", code[8] == expected, None if code[8] == expected else code[:8] + expected)
    return CodeCheck("invalid", False)


SITE_ID_CODE = re.compile(r"^(\d{10}|bm\d{8})$")
"""网站标识码"""


class _Org:
    def __init__(self, code: str, id: str) -> None:
        self.code = code
        self.id = id


def format_index_no(template: str, org_code: str, org_id: str, year: int, month: int, seq: int) -> str:
    """Fill the site's 索引号 template, e.g. ``{org.code}/{year}-{seq:05d}``."""
    return template.format(org=_Org(org_code, org_id), year=year, month=month, seq=seq)


def index_no_regex(template: str, org_code: str, org_id: str, year: int, month: int) -> re.Pattern[str]:
    """A regex matching 索引号 made from ``template`` for one org and period; group ``seq``."""
    out = ["^"]
    seen_seq = False
    for literal, field, spec, _conv in string.Formatter().parse(template):
        out.append(re.escape(literal))
        if field is None:
            continue
        if field == "seq":
            out.append(r"(?P<seq>\d+)" if not seen_seq else r"\d+")
            seen_seq = True
        else:
            value: Any = {"org.code": org_code, "org.id": org_id, "year": year, "month": month}.get(field)
            if value is None:
                out.append(r".+?")
            else:
                out.append(re.escape(format(value, spec or "")))
    out.append("$")
    return re.compile("".join(out))


def index_template_regex(template: str) -> re.Pattern[str]:
    """A loose regex for any 索引号 the template could produce (for format warnings)."""
    out = ["^"]
    for literal, field, spec, _conv in string.Formatter().parse(template):
        out.append(re.escape(literal))
        if field is None:
            continue
        if field in ("year",):
            out.append(r"\d{4}")
        elif field == "month":
            width = (spec or "").lstrip("0").rstrip("d")
            out.append(r"\d{%s}" % width if width.isdigit() else r"\d{1,2}")
        elif field == "seq":
            out.append(r"\d+")
        else:
            out.append(r"[0-9A-Za-z-]+")
    out.append("$")
    return re.compile("".join(out))
