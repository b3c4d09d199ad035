"""Numbers in the reader's own notation: 12.000 and 4,8 in Vietnamese, 12,000 and 4.8 in English."""

from __future__ import annotations

import numpy as np

from cchc.i18n import number, t


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
