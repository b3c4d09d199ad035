"""Provinces of fewer than three plans: marked on every grid and in its caption, never ranked.

A province with one plan showed 1/1 = 100 % at full colour beside provinces of 15 plans, and the
pack could name it as the province with the fewest channels on the strength of that one plan.
"""

from __future__ import annotations

import pandas as pd
import pytest

from cchc import charts, charts_compare
from cchc.export import findings
from cchc.export.captions import caption, heatmap_note
from cchc.small_samples import MARK, MIN_PLANS, counts_note
from cchc.ui.insights import coverage_table
from tests.apptest import open_page

AREAS = ["the_che", "tthc", "bo_may"]


def _grid(plans: dict[str, int], used: dict[str, int]) -> pd.DataFrame:
    """Query-shaped rows (one year): each province's plans, and how many areas its plans use."""
    rows = [
        {"province": p, "province_label": p, "year": 2025, "category_id": c, "label_vi": c,
         "label_en": c, "n_plans": n, "n_plans_once": n,
         "n_with": n if i < used[p] else 0, "n_with_once": n if i < used[p] else 0}
        for p, n in plans.items() for i, c in enumerate(AREAS)
    ]  # fmt: skip
    df = pd.DataFrame(rows)
    return df.assign(share=df["n_with"] / df["n_plans"])


# Bắc Kạn's single plan uses one area: it would be "the fewest" without the rule.
PLANS = {"An Giang": 15, "Bắc Kạn": 1, "Cà Mau": MIN_PLANS}
USED = {"An Giang": 3, "Bắc Kạn": 1, "Cà Mau": 2}


def test_heatmap_rows_and_compare_columns_mark_provinces_of_few_plans() -> None:
    df = _grid(PLANS, USED)
    rows = charts.heatmap(df, "vi", "cap").to_dict()["layer"][0]["encoding"]["y"]["sort"]
    assert rows == ["An Giang", f"Bắc Kạn {MARK}", "Cà Mau"]  # three plans are enough
    spec = charts_compare.province_columns(df, "vi", "cap", "Lĩnh vực").to_dict()
    assert spec["layer"][0]["encoding"]["x"]["sort"] == ["An Giang", f"Bắc Kạn {MARK}", "Cà Mau"]
    assert coverage_table(df, "vi")["Tỉnh"].tolist() == rows  # the table beside the grid too


def test_the_caption_explains_the_mark_only_when_a_row_carries_it() -> None:
    note = heatmap_note(_grid(PLANS, USED), "issued", "vi")
    assert note == f"{MARK}\u00a0dưới 3 kế hoạch: tỷ lệ dễ dao động."  # "†" never ends a line
    text = caption("Tỷ lệ", "2025", 19, "2026-11-22", "vi", note)
    assert text.endswith("dữ liệu ngày 22/11/2026. †\u00a0dưới 3 kế hoạch: tỷ lệ dễ dao động.")
    en = heatmap_note(_grid(PLANS, USED), "issued", "en")
    assert en == f"{MARK}\u00a0fewer than 3 plans: shares are unstable."
    assert heatmap_note(_grid({"An Giang": 3, "Cà Mau": 4}, USED), "issued", "vi") == ""


def test_breadth_finding_ranks_only_provinces_of_enough_plans() -> None:
    finding = findings.breadth(_grid(PLANS, USED), "vi")
    assert finding.startswith("An Giang có nhiều mục nhất (3 mục); Cà Mau ít nhất (2 mục).")
    assert "Bắc Kạn" not in finding and "Tỉnh dưới 3 kế hoạch không được xếp hạng." in finding
    few = findings.breadth(_grid({"Bắc Kạn": 1, "Cà Mau": 2}, USED), "en")
    assert few == "No province has 3 or more plans: no ranking."


def test_coverage_finding_marks_a_province_of_few_plans_like_its_row() -> None:
    finding = findings.coverage(_grid(PLANS, USED), "vi")
    assert finding.startswith("Có đủ cả 6 lĩnh vực: An Giang.")
    assert f"Bắc Kạn {MARK} thiếu Thủ tục hành chính, Bộ máy." in finding
    assert "Cà Mau thiếu Bộ máy." in finding


def test_the_map_caption_explains_the_mark_only_when_a_tile_carries_it() -> None:
    assert (
        counts_note([15, 1, MIN_PLANS], "vi") == f"{MARK}\u00a0dưới 3 kế hoạch: tỷ lệ dễ dao động."
    )
    assert counts_note([15, 7, MIN_PLANS], "vi") == ""  # no marked tile: no note


@pytest.mark.usefixtures("app_on_seed_db")
@pytest.mark.parametrize(
    ("lang", "star", "note"),
    [
        ("vi", "(đánh dấu *)", "†\u00a0dưới 3 kế hoạch: tỷ lệ dễ dao động."),
        ("en", "(marked *)", "†\u00a0fewer than 3 plans: shares are unstable."),
    ],
)
def test_the_map_caption_explains_both_marks_of_its_tiles(lang, star, note) -> None:
    """The seed plans are one per province: every tile is marked, and the caption under the map
    (the exported image's subtitle too) says what "†" means beside what "*" means."""
    at = open_page(lang=lang)
    caption = next(c.value for c in at.caption if c.value.startswith(("Mức bao phủ", "Mean cov")))
    assert star in caption and caption.endswith(note)
