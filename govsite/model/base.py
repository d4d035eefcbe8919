"""Shared pydantic base and field types for the content model."""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict

from govsite.dates import BEIJING

SLUG_RE = r"^[a-z0-9][a-z0-9-]*$"


class Strict(BaseModel):
    """Base for every content model: unknown fields are errors, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATETIME_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?$"
)


def parse_date(value: object) -> date:
    """Parse a strict ISO date ``YYYY-MM-DD``; reject impossible dates."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE_RE.match(value.strip()):
        raise ValueError("date")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError("date") from None


def parse_datetime(value: object) -> datetime:
    """Parse ``YYYY-MM-DD[ HH:MM[:SS][zone]]``; naive values are Beijing time."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=BEIJING)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=BEIJING)
    if not isinstance(value, str):
        raise ValueError("datetime")
    text = value.strip()
    m = _DATETIME_RE.match(text)
    if not m:
        raise ValueError("datetime")
    y, mo, d, hh, mm, ss, zone = m.groups()
    try:
        parsed = datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
        if zone:
            return datetime.fromisoformat(text.replace(" ", "T").replace("Z", "+00:00"))
    except ValueError:
        raise ValueError("datetime") from None
    return parsed.replace(tzinfo=BEIJING)


StrictDate = Annotated[date, BeforeValidator(parse_date)]
StrictDateTime = Annotated[datetime, BeforeValidator(parse_datetime)]


def as_list(value: object) -> object:
    """Accept a single string where a list of strings is expected."""
    if isinstance(value, str):
        return [value]
    return value


StrList = Annotated[list[str], BeforeValidator(as_list)]


def site_address(value: str) -> str:
    """A site's ``base_url`` (a site's own, or a portal member's): an absolute http(s)
    address, ending in ``/``; ValueError("base_url") otherwise."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError("base_url")
    return value if value.endswith("/") else value + "/"
