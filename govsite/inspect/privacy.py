"""The personal-data rule (个人信息泄露): E-PII-ID, E-PII-MOBILE and E-PII-BANKCARD for
each number found in a published file, front matter and body.

The finding itself is :mod:`govsite.inspect.pii`, run once per changed file by the
per-document facts (:mod:`govsite.inspect.facts`); this module reports what they hold.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from govsite.inspect.facts import facts
from govsite.inspect.registry import rule
from govsite.problems import ProblemLog


@rule("E-PII-ID", family="privacy", codes=("E-PII-ID", "E-PII-MOBILE", "E-PII-BANKCARD"))
def personal_data(model: Any, today: date, problems: ProblemLog) -> None:
    """Each ID, mobile or bank card number in a published file (front matter and body)."""
    for source, found in facts(model).items():
        for line, code, masked, name in found.personal_data:
            problems.error(code, source, line, None, masked, name=name)
