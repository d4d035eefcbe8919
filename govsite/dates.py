"""Dates in the forms people read and write: the one display form, and lenient parsing.

Display (:func:`people_date`): every date a page shows a person is ``2024年9月26日``,
Arabic numerals without leading zeros: the form GB/T 9704 prescribes for 成文日期, the
form the documents themselves print, and one a screen reader reads naturally as a date
(``2024-09-26`` is numbers and dashes to it). One form on every page. Pages put it
inside ``<time datetime="2024-09-26">`` so machines keep the ISO date (the ``time_tag``
filter, :mod:`govsite.render.env`); meta tags, feeds, exports, the sitemap and the
search sort key keep their own machine formats.

Parsing (:func:`parse_legacy_date`): the date forms of legacy exports.

The importer reads them; front matter keeps one form (``YYYY-MM-DD[ HH:MM]``), and its
date errors give the exact value to write for a date in one of these forms
(``content/pydantic_errors.py``), so both use this one parser.

Accepted forms (optionally followed by a time ``HH:MM`` or ``HH:MM:SS``)::

    2019-01-27   2019-1-27   2019/1/27   2019/01/27   2019年1月27日   2019年01月27日

An ISO form with ``T`` and a zone (``2019-01-27T10:30:00+08:00``) is accepted too
and converted to Beijing time. Anything else, and impossible dates such as
2019-02-30, raise :class:`DateFormatError`.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")
"""China Standard Time (+08:00); dates without a zone are read in it."""

ACCEPTED_FORMS = "2019-01-27、2019/1/27、2019年1月27日、2019年01月27日（可带时间，如 2019-01-27 10:30）"
ACCEPTED_FORMS_EN = "2019-01-27, 2019/1/27, 2019年1月27日, 2019年01月27日 (optionally with a time, e.g. 2019-01-27 10:30)"

_DATE = r"(?P<y>\d{4})(?:(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})|\s*年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日)"
_TIME = r"(?:(?:\s+|T)(?P<hh>\d{1,2})[:：](?P<mm>\d{2})(?:[:：](?P<ss>\d{2})(?:\.\d+)?)?(?P<zone>Z|[+-]\d{2}:?\d{2})?)?"
_RX = re.compile(rf"^{_DATE}{_TIME}$")


class DateFormatError(ValueError):
    """The value is not one of the accepted forms, or not a real date/time."""


@dataclass(frozen=True)
class LegacyDate:
    """A parsed date with an optional time of day (Beijing time)."""

    day: date
    time: tuple[int, int, int] | None = None

    def front_value(self) -> str:
        """The front-matter form: ``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM[:SS]``."""
        if self.time is None:
            return self.day.isoformat()
        hh, mm, ss = self.time
        clock = f"{hh:02d}:{mm:02d}" + (f":{ss:02d}" if ss else "")
        return f"{self.day.isoformat()} {clock}"

    def as_datetime(self) -> datetime:
        hh, mm, ss = self.time or (0, 0, 0)
        return datetime(self.day.year, self.day.month, self.day.day, hh, mm, ss, tzinfo=BEIJING)


def _zone(text: str) -> timezone:
    if text == "Z":
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def parse_legacy_date(value: str) -> LegacyDate:
    """Parse one of the accepted forms; raise :class:`DateFormatError` otherwise."""
    text = value.strip()
    m = _RX.match(text)
    if not m:
        raise DateFormatError(text)
    year = int(m["y"])
    month = int(m["m"] or m["m2"])
    day = int(m["d"] or m["d2"])
    try:
        when = date(year, month, day)
    except ValueError:
        raise DateFormatError(text) from None
    if m["hh"] is None:
        return LegacyDate(when)
    hh, mm, ss = int(m["hh"]), int(m["mm"]), int(m["ss"] or 0)
    if hh > 23 or mm > 59 or ss > 59:
        raise DateFormatError(text)
    if m["zone"]:
        local = datetime(year, month, day, hh, mm, ss, tzinfo=_zone(m["zone"])).astimezone(BEIJING)
        return LegacyDate(local.date(), (local.hour, local.minute, local.second))
    return LegacyDate(when, (hh, mm, ss))


def people_date(value: date | datetime) -> str:
    """The display form of a date: ``2024年9月26日`` (a date-time: its day in Beijing time)."""
    if isinstance(value, datetime):
        value = value.astimezone(BEIJING)
    return f"{value.year}年{value.month}月{value.day}日"


def today_beijing() -> date:
    """Today in China; ``GOVSITE_TODAY=YYYY-MM-DD`` pins it (tests, reproducible checks)."""
    pinned = os.environ.get("GOVSITE_TODAY")
    if pinned:
        return date.fromisoformat(pinned)
    return datetime.now(BEIJING).date()
