"""Dates as plans write them (day, month, year as text) to ISO dates."""

from __future__ import annotations

from datetime import date

# "ngày 19 tháng 6 năm " or "ngày 19/6/": the day and month of a date, up to its year (callers
# add the year group, alone or beside other forms such as "năm 2015"). A space must follow
# "ngày": "ngày15/3/2024" is not how a plan dates anything. Lower case: callers that read
# unfolded text compile it with re.I.
DAY_MONTH = r"ngày\s+(?P<day>\d{1,2})\s*(?:/|tháng\s*)(?P<month>\d{1,2})\s*(?:/|năm\s*)"


def iso_date(day: str | None, month: str | None, year: str | None) -> str | None:
    """ "19", "6", "2015" -> "2015-06-19"; None when a part is missing or the day does not exist."""
    if not (day and month and year):
        return None
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
