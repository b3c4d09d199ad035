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


# Corrections are stamped in UTC; their readers work on Vietnam's clock (UTC+7, no summer time).
_VIETNAM = dt.timezone(dt.timedelta(hours=7))


def moment_text(value: object, lang: str = "vi") -> str:
    """A timestamp as its readers write it, "22/11/2026 14:37" (English "22 Nov 2026 14:37"),
    on Vietnam's clock when the stamp says its zone; a bare date or a non-date as ``date_text``."""
    if _missing(value) or len(str(value).strip()) <= 10:  # "2026-11-22": no time to show
        return date_text(value, lang)
    if isinstance(value, dt.datetime):  # pandas Timestamps too
        moment = value
    else:
        try:
            moment = dt.datetime.fromisoformat(str(value).strip())
        except ValueError:
            return date_text(value, lang)
    if moment.tzinfo is not None:
        moment = moment.astimezone(_VIETNAM)
    return f"{date_text(moment, lang)} {moment:%H:%M}"
