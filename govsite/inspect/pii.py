"""Finding personal data in text (个人信息): 居民身份证号 with a valid GB 11643 check
digit, mainland mobile numbers, bank card numbers passing Luhn, and a Chinese name
next to any of them. Findings carry only a masked value, never the number itself.
``site.yaml`` → ``inspection.public_numbers`` allow-lists published service numbers
(hotlines).

The detection only: the per-document facts (:mod:`govsite.inspect.facts`) run it once
per changed file, and the rule that reports it (:mod:`govsite.inspect.privacy`) reads
those facts, so neither imports the other's module in a circle.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Iterator


ID_RE = re.compile(r"(?<![0-9A-Za-z])(\d{6})((?:18|19|20)\d{2})(\d{2})(\d{2})(\d{3})([0-9Xx])(?![0-9A-Za-z])")
MOBILE_RE = re.compile(r"(?<![0-9A-Za-z])(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?![0-9A-Za-z])")
CARD_RE = re.compile(r"(?<![0-9A-Za-z])(\d{4}(?: ?\d{4}){2} ?\d{4,7})(?![0-9A-Za-z])")
CANDIDATE_RE = re.compile(r"\d{4}[- ]?\d{4}")
"""Eight digits with at most one separator: in every ID, mobile and card number."""
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
NAME_NEAR = re.compile(r"(?:姓名[:：]\s*)?([" + SURNAMES + r"][\u4e00-\u9fff]{1,2})(?=[\s,，:：、（(]*(?:身份证|手机|电话|"
                       r"联系电话|银行|卡号|账号|号码)?[\s:：号码为是（(]*$)")
IDENTIFIER_FIELDS = re.compile(r"^(index_no|interprets|superseded_by|catalog_entry|doc_no|legacy_url|previous_urls"
                               r"|attachments|file|issuer|columns?|-\s)\b")
"""Front-matter lines holding identifiers (索引号 contain 统一社会信用代码), not text."""
NAME_WINDOW = 12
"""Characters before a number searched for a name."""


def id_check_ok(digits17: str, check: str) -> bool:
    """GB 11643 ISO 7064 mod 11-2 check character."""
    total = sum(int(d) * w for d, w in zip(digits17, ID_WEIGHTS))
    return ID_CHECK[total % 11] == check.upper()


def luhn_ok(number: str) -> bool:
    """Luhn (mod 10) check, as on bank cards."""
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def mask(number: str, keep_head: int, keep_tail: int) -> str:
    """``110101********1234``: the middle digits replaced by ``*``."""
    return number[:keep_head] + "*" * (len(number) - keep_head - keep_tail) + number[-keep_tail:]


def _valid_birth(year: str, month: str, day: str) -> bool:
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _has_candidate(text: str, front_lines: int) -> bool:
    """Whether a run of digits that a finding needs occurs outside the front matter's
    identifier fields (索引号, 文号… hold such runs in every item)."""
    for m in CANDIDATE_RE.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if text.count("\n", 0, start) >= front_lines:
            return True
        end = text.find("\n", m.start())
        if not IDENTIFIER_FIELDS.match(text[start:end if end >= 0 else len(text)].lstrip()):
            return True
    return False


def find_personal_data(text: str, public: set[str], front_lines: int = 0) -> Iterator[tuple[int, str, str, str]]:
    """(line, code, masked value, masked name or '') for each finding in ``text``; of the
    first ``front_lines`` lines (the front matter) identifier fields are skipped."""
    if not _has_candidate(text, front_lines):
        return  # every finding holds such a run of digits; most files have none outside identifier fields
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1)
             if not (n <= front_lines and IDENTIFIER_FIELDS.match(line.lstrip()))]
    for lineno, line in lines:
        taken: list[tuple[int, int]] = []
        for m in ID_RE.finditer(line):
            number = "".join(m.groups())
            if _valid_birth(m.group(2), m.group(3), m.group(4)) and id_check_ok(number[:17], number[17]):
                taken.append(m.span())
                yield lineno, "E-PII-ID", mask(number.upper(), 6, 4), _name_before(line, m.start())
        for m in MOBILE_RE.finditer(line):
            number = "".join(m.groups())
            if _inside(m.span(), taken) or number in public:
                continue
            taken.append(m.span())
            yield lineno, "E-PII-MOBILE", mask(number, 3, 4), _name_before(line, m.start())
        for m in CARD_RE.finditer(line):
            number = m.group(1).replace(" ", "")
            if _inside(m.span(), taken) or number in public or not 16 <= len(number) <= 19 or not luhn_ok(number):
                continue
            yield lineno, "E-PII-BANKCARD", mask(number, 4, 4), _name_before(line, m.start())


def _inside(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in taken)


def _name_before(line: str, start: int) -> str:
    """A masked Chinese name (``张*``) right before a number, or ''."""
    m = NAME_NEAR.search(line[max(0, start - NAME_WINDOW):start])
    return "（附近有姓名 " + m.group(1)[0] + "*" * (len(m.group(1)) - 1) + "）" if m else ""


def public_numbers(model: Any) -> set[str]:
    """The allow-list, digits only."""
    return {re.sub(r"\D", "", n) for n in model.config.inspection.public_numbers}
