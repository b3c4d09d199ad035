"""The province map in the running dashboard (AppTest): overview and compare, both languages."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from tests.apptest import open_page

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")


pytestmark = pytest.mark.usefixtures("app_on_seed_db")


def title_of(spec: dict) -> str:
    """A chart's title as read: a title too wide for the map comes in lines."""
    text = spec.get("title", {}).get("text", "")
    return " ".join(text) if isinstance(text, list) else text


def the_map(at: AppTest) -> tuple[dict, pd.DataFrame]:
    """The map's Vega-Lite spec and its tile rows (all datasets stacked)."""
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        if title_of(spec).startswith(("Bản đồ", "Map of")):
            frames = [convert_arrow_bytes_to_pandas_df(d.data.data) for d in chart.proto.datasets]
            return spec, pd.concat(frames, ignore_index=True)
    raise AssertionError("no map on the page")


def tiles(data: pd.DataFrame) -> pd.DataFrame:
    return data[data["role"].isna()].set_index("name") if "role" in data else data


@pytest.mark.parametrize(
    ("lang", "title", "islands"),
    [
        ("vi", "Bản đồ 63 tỉnh, thành phố", "Quần đảo Hoàng Sa (Đà Nẵng)"),
        ("en", "Map of 63 provinces", "Hoàng Sa archipelago (Đà Nẵng)"),
    ],
)
def test_overview_shows_the_map_in_both_languages(lang, title, islands):
    at = open_page(lang=lang)
    spec, data = the_map(at)
    assert title_of(spec).startswith(title)
    assert islands in set(data["name"])
    grid = tiles(data)
    assert grid.loc["Hà Giang", "status"] == "data"  # as issued: the 63 layout by default
    assert grid.loc["Hà Nội", "status"] == "nodata"
    assert at.query_params["mapv"] == "63" and at.query_params["mapm"] == "content_area"


def test_today_view_opens_the_34_layout_with_merged_names():
    at = open_page(view="today")
    spec, data = the_map(at)
    grid = tiles(data)
    assert title_of(spec).startswith("Bản đồ 34 tỉnh")
    assert grid.loc["Tuyên Quang", "tip_name"] == "Tuyên Quang (gồm Hà Giang)"
    assert grid.loc["Tuyên Quang", "tip_issued"] == "Hà Giang"
    assert "Hà Giang" not in grid.index


def test_measure_and_layout_follow_the_widgets_and_the_url():
    at = open_page(mapm="content_area:bo_may", mapv="34")
    assert at.selectbox(key="map_m").value == "content_area:bo_may"
    assert at.radio(key="map_era").value == "34"
    grid = tiles(the_map(at)[1])
    assert grid.loc["An Giang", "value"] == "0%"  # An Giang's plan leaves out the apparatus
    at.radio(key="map_era").set_value("63").run()
    assert at.query_params["mapv"] == "63"
    assert "Kiên Giang" in tiles(the_map(at)[1]).index


def test_sidebar_province_filter_outlines_instead_of_hiding():
    at = open_page(prov=["Sơn La"])
    grid = tiles(the_map(at)[1])
    assert bool(grid.loc["Sơn La", "selected"]) and grid["selected"].sum() == 1
    assert grid.loc["An Giang", "status"] == "data"  # other provinces are still on the map


def test_compare_page_outlines_the_chosen_provinces():
    at = open_page("pages/2_so_sanh.py", cmp=["An Giang", "Hà Giang"])
    grid = tiles(the_map(at)[1])
    assert set(grid.index[grid["selected"].astype(bool)]) == {"An Giang", "Hà Giang"}
    assert any("viền đậm" in c.value for c in at.caption)
