"""Dates as plans write them (day, month, year as text) to ISO dates."""

from __future__ import annotations

from datetime import date


def iso_date(day: str | None, month: str | None, year: str | None) -> str | None:
    """ "19", "6", "2015" -> "2015-06-19"; None when a part is missing or the day does not exist."""
    if not (day and month and year):
        return None
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
