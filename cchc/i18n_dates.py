"""Dates as their readers write them: 22/11/2026 in Vietnamese, 22 Nov 2026 in English.

Only for text people read (the sidebar, captions, the pack, tables on screen); machine formats
(``cchc extract`` JSON, ``issued_on`` columns, CSV values) keep ISO dates.
"""

from __future__ import annotations

import datetime as dt

# Fixed names, not strftime("%b"): the server's locale must not change what readers see.
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _missing(value: object) -> bool:
    return value is None or value != value  # NaN and NaT are the values unequal to themselves


def _as_date(value: object) -> dt.date | None:
    if _missing(value):
        return None
    if isinstance(value, dt.datetime):  # pandas Timestamps too
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:  # "2026-11-22", or a timestamp "2026-11-22T07:37:44+00:00" / "2026-11-22 07:37:44"
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def date_text(value: object, lang: str = "vi") -> str:
    """``value`` (a date, datetime or ISO text) as its readers write it; anything that is not a
    date ("?", "", None) comes back as text unchanged, so a missing date stays visible."""
    day = _as_date(value)
    if day is None:
        return "" if _missing(value) else str(value)
    if lang == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.day:02d}/{day.month:02d}/{day.year}"
