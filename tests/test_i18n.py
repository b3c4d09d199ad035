"""Numbers and dates in the reader's own notation: 12.000, 4,8 and 22/11/2026 in Vietnamese;
12,000, 4.8 and 22 Nov 2026 in English."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from cchc.export.captions import caption
from cchc.i18n import number, t
from cchc.i18n_dates import date_text, moment_text


def test_counts_in_sentences_carry_the_readers_thousands_separator() -> None:
    assert t("source", "vi", n=np.int64(12000), date="2026-11-22").startswith("Nguồn: 12.000 kế")
    assert t("source", "en", n=100_000, date="2026-11-22").startswith("Source: 100,000 plans")
    assert t("source", "vi", n=5, date="2026-11-22").startswith("Nguồn: 5 kế hoạch")


def test_years_in_sentences_are_never_split_into_thousands() -> None:
    line = t("change_up", "vi", year=2025, label="Thể chế", a=0.5, b=0.75, n=1200)
    assert line.startswith("2025: Thể chế") and "(1.200 kế hoạch)" in line


def test_decimals_use_a_comma_in_vietnamese_and_a_point_in_english() -> None:
    assert number(4.75, "vi", 1) == "4,8"
    assert number(12345.6, "vi", 1) == "12.345,6"
    assert number(12345.6, "en", 1) == "12,345.6"


def test_dates_are_written_as_their_readers_write_them() -> None:
    assert date_text("2026-11-22", "vi") == "22/11/2026"
    assert date_text("2026-11-22", "en") == "22 Nov 2026"
    assert date_text(dt.date(2026, 2, 5), "vi") == "05/02/2026"
    assert date_text(pd.Timestamp("2026-02-05 07:37"), "en") == "5 Feb 2026"
    assert date_text("2026-02-05T07:37:44+00:00", "vi") == "05/02/2026"  # a timestamp's day
    assert date_text("?", "vi") == "?" and date_text(None, "en") == ""  # no date: not invented
    assert date_text(pd.NaT, "vi") == ""


def test_a_correction_time_reads_as_a_date_and_a_time_on_vietnams_clock() -> None:
    """Corrections are stamped in UTC; their readers work in Vietnam (UTC+7)."""
    assert moment_text("2026-11-22T07:37:44+00:00", "vi") == "22/11/2026 14:37"
    assert moment_text("2026-11-22T20:37:44+00:00", "en") == "23 Nov 2026 03:37"  # next day there
    assert moment_text("2026-11-22 07:37:44", "vi") == "22/11/2026 07:37"  # no zone: as written
    assert moment_text("2026-11-22", "en") == "22 Nov 2026"  # a bare date: no invented midnight
    assert moment_text(None, "vi") == "" and moment_text(pd.NaT, "vi") == ""
    assert moment_text("?", "vi") == "?"


def test_a_caption_gives_the_data_date_in_the_readers_format() -> None:
    vi = caption("Tỷ lệ", "2025", 5, "2026-11-22", "vi")
    assert vi == "Tỷ lệ · 2025 · Nguồn: 5 kế hoạch · dữ liệu ngày 22/11/2026"
    assert caption("Share", "2025", 5, "2026-11-22", "en").endswith("data as of 22 Nov 2026")
