"""The province tile map: pooled numbers, 'no data' tiles, archipelagos, both layouts.

The 63 → 34 mapping itself is tested in tests/test_provinces.py
(test_every_old_province_maps_to_exactly_one_current_province); here the two map layouts must
agree with it and the built database must carry it.
"""

from __future__ import annotations

import json
import re

import duckdb
import pandas as pd
import pytest

from cchc.charts_map import pool_measure, text_frame, tile_frame, tile_map, tile_name
from cchc.export import images
from cchc.geo.provinces import current_province, mapping_63_to_34
from cchc.geo.tilegrid import tile_layout
from cchc.small_samples import MARK, MIN_PLANS, mark_note
from cchc.store.db import Filters, connect, run_query
from cchc.ui.maps import era_names, measure_options, split_measure

AREAS = ["the_che", "tthc", "bo_may", "cong_vu", "tai_chinh_cong", "chinh_quyen_so"]
MEASURES = [
    ("content_area", None),
    ("content_area", "tthc"),
    ("content_area", "bo_may"),
    ("channel", "mang_xa_hoi"),
    ("indicator", "par_index"),
]


def _rows(db, view_by: str, family: str) -> pd.DataFrame:
    with connect(db) as con:
        return run_query(
            con, "province_measure", Filters(view_by=view_by).params() | {"family": family}
        )


def _chart_rows(chart) -> list[dict]:
    return [row for rows in chart.to_dict()["datasets"].values() for row in rows]


def _tile(chart, name: str) -> dict:
    return next(r for r in _chart_rows(chart) if r["name"] == name and "role" not in r)


def test_every_tile_of_the_63_layout_lands_on_exactly_one_tile_of_the_34_layout():
    old = [str(t["name"]) for t in tile_layout("63")]
    new = {str(t["name"]) for t in tile_layout("34")}
    assert len(old) == 63 and len(new) == 34
    assert {mapping_63_to_34()[n] for n in old} == new


def test_seed_plans_get_todays_province_in_the_built_database(seed_db):
    with duckdb.connect(str(seed_db), read_only=True) as con:
        rows = dict(con.execute("SELECT province, province_2025 FROM plans").fetchall())
    assert rows["Hà Giang"] == "Tuyên Quang"
    assert rows["An Giang"] == "An Giang"
    assert rows["Cao Bằng"] == "Cao Bằng" and rows["Sơn La"] == "Sơn La"
    assert rows["Hà Tĩnh"] == "Hà Tĩnh"
    assert all(current_province(old) == new for old, new in rows.items())


@pytest.mark.parametrize(("family", "category"), MEASURES)
def test_34_layout_values_equal_the_pooled_counts_of_the_issued_provinces(
    seed_db, family, category
):
    today = pool_measure(_rows(seed_db, "today", family), category).set_index("province")
    issued = pool_measure(_rows(seed_db, "issued", family), category)
    issued["province"] = [current_province(p) for p in issued["province"]]
    parts = issued.groupby("province")[["n_with", "n_total", "n_plans"]].sum()
    assert set(today.index) == set(parts.index) == {
        "Tuyên Quang", "An Giang", "Cao Bằng", "Sơn La", "Hà Tĩnh"
    }  # fmt: skip
    for col in ("n_with", "n_total", "n_plans"):
        assert (today.loc[parts.index, col] == parts[col]).all(), col
    assert (today["share"] == today["n_with"] / today["n_total"]).all()
    assert today.loc["Tuyên Quang", "issued_as"] == "Hà Giang"


def test_years_are_pooled_by_counts_each_plan_once_never_by_averaging_shares():
    # Sơn La: a 2024–2025 plan naming TTHC, a 2024 plan, and two 2025 plans (one naming Bộ máy).
    # The 2024–2025 plan counts in 2024 only (its first selected year): three plans, not four.
    rows = pd.DataFrame(
        {
            "province": ["Sơn La"] * 4, "year": [2024, 2024, 2025, 2025],
            "category_id": ["tthc", "bo_may"] * 2, "n_plans": [2, 2, 3, 3],
            "n_with": [1, 0, 1, 1], "n_with_once": [1, 0, 0, 1],
            "n_plans_total": 4, "issued_as": "Sơn La", "n_after_merger": 0,
        }
    )  # fmt: skip
    one = pool_measure(rows, "tthc").iloc[0]
    assert (one["n_with"], one["n_total"]) == (1, 4) and one["share"] == 0.25  # not 2 of 5
    mean = pool_measure(rows).iloc[0]  # mean of the two categories: 2 of 2 × 4 plans
    assert (mean["n_with"], mean["n_total"]) == (2, 8)
    assert mean["n_plans"] == 4


def test_a_province_without_plans_is_no_data_not_zero(seed_db):
    values = pool_measure(_rows(seed_db, "today", "indicator"), "par_index")
    chart = tile_map(values, "34", "PAR INDEX", "vi", "chú thích")
    hanoi = _tile(chart, "Hà Nội")
    assert hanoi["status"] == "nodata" and hanoi["share"] is None and hanoi["value"] == "–"
    assert hanoi["tip_value"] == "Không có dữ liệu"
    with_plans = [_tile(chart, p) for p in ("Tuyên Quang", "An Giang", "Cao Bằng", "Sơn La")]
    assert all(r["status"] == "data" and r["share"] is not None for r in with_plans)
    spec = json.dumps(chart.to_dict(), ensure_ascii=False)
    assert "Không có dữ liệu" in spec  # legend entry of the no-data layer


def test_a_zero_share_stays_a_coloured_zero(seed_db):
    values = pool_measure(_rows(seed_db, "issued", "content_area"), "bo_may")
    frame = tile_frame(values, "63", "vi").set_index("name")
    assert frame.loc["An Giang", "status"] == "data" and frame.loc["An Giang", "share"] == 0.0
    assert frame.loc["An Giang", "value"] == "0%"
    assert frame.loc["Kiên Giang", "status"] == "nodata"


@pytest.mark.parametrize("era", ["34", "63"])
@pytest.mark.parametrize(
    ("lang", "names"),
    [
        ("vi", ["Quần đảo Hoàng Sa (Đà Nẵng)", "Quần đảo Trường Sa (Khánh Hòa)"]),
        ("en", ["Hoàng Sa archipelago (Đà Nẵng)", "Trường Sa archipelago (Khánh Hòa)"]),
    ],
)
def test_archipelago_tiles_are_drawn_and_labelled(era, lang, names):
    chart = tile_map(pd.DataFrame(columns=["province"]), era, "x", lang, "caption")
    rows = _chart_rows(chart)
    for name in names:
        tile = _tile(chart, name)
        assert tile["kind"] == "archipelago" and tile["status"] == "island"
    lines = {r["text"] for r in rows if r.get("role") == "island"}
    assert {"Hoàng Sa", "Trường Sa", "(Đà Nẵng)", "(Khánh Hòa)"} <= lines


@pytest.mark.parametrize("era", ["34", "63"])
def test_every_province_of_the_era_has_one_tile_with_a_label(era):
    frame = tile_frame(pd.DataFrame(columns=["province"]), era, "vi")
    provinces = frame[frame["kind"] == "province"]
    assert len(provinces) == int(era) and provinces["name"].is_unique
    assert (provinces["status"] == "nodata").all()


def test_34_layout_tooltips_name_the_merged_provinces():
    frame = tile_frame(pd.DataFrame(columns=["province"]), "34", "vi").set_index("name")
    assert frame.loc["Tuyên Quang", "tip_name"] == "Tuyên Quang (gồm Hà Giang)"
    assert frame.loc["Cao Bằng", "tip_name"] == "Cao Bằng"


def test_63_layout_marks_plans_issued_after_the_merger_under_a_new_name():
    values = pd.DataFrame(
        [{"province": "Tuyên Quang", "n_with": 2, "n_total": 3, "share": 2 / 3, "n_plans": 3,
          "issued_as": "Tuyên Quang", "n_after_merger": 2}]
    )  # fmt: skip
    old = tile_frame(values, "63", "en").set_index("name").loc["Tuyên Quang"]
    assert old["value"] == "67%*" and "not split back" in old["tip_note"]
    new = tile_frame(values, "34", "en").set_index("name").loc["Tuyên Quang"]
    assert new["value"] == "67%"  # today's layout pools them anyway


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Huế", "Huế"),
        ("Sơn La", "Sơn La"),
        ("Quảng Ninh", "Quảng\nNinh"),
        ("Hồ Chí Minh", "Hồ Chí\nMinh"),
        ("Bà Rịa - Vũng Tàu", "BR-VT"),
    ],
)
def test_tile_names_are_short_and_keep_diacritics(name, label):
    assert tile_name(name) == label


@pytest.mark.parametrize("era", ["34", "63"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_map_names_provinces_as_the_grids_and_sidebar_do(era, lang):
    """Tiles and tooltips write "Hồ Chí Minh", never "TP.HCM". Only "Bà Rịa - Vũng Tàu", too wide
    for a tile, is shortened on the tile, and its tooltip (on the tile and its text) says it whole.
    """
    values = pd.DataFrame(columns=["province"])
    frame = tile_frame(values, era, lang)
    tiles = frame[frame["kind"] == "province"]
    shortened = tiles[tiles["label"].str.replace("\n", " ") != tiles["name"]]
    assert set(shortened["name"]) <= {"Bà Rịa - Vũng Tàu"}
    for _, tile in tiles.iterrows():
        assert tile["tip_name"].startswith(tile["name"]), tile["tip_name"]
    chart = json.dumps(tile_map(values, era, "m", lang, "c").to_dict(), ensure_ascii=False)
    assert "TP.HCM" not in chart and "Hồ Chí Minh" in chart
    if era == "63":
        texts = text_frame(frame)
        brvt = texts[texts["name"] == "Bà Rịa - Vũng Tàu"]
        assert set(brvt["tip_name"]) == {"Bà Rịa - Vũng Tàu"}


def test_all_tile_names_fit_two_short_lines():
    for era in ("34", "63"):
        for tile in tile_layout(era):
            lines = tile_name(str(tile["name"])).split("\n")
            assert len(lines) <= 2 and max(len(line) for line in lines) <= 7, tile["name"]


def test_selected_provinces_are_translated_to_the_layout_and_outlined():
    assert era_names(["Hà Giang", "An Giang"], "issued", "34") == ["An Giang", "Tuyên Quang"]
    assert era_names(["Tuyên Quang"], "today", "63") == ["Hà Giang", "Tuyên Quang"]
    assert era_names(["Sơn La"], "issued", "63") == ["Sơn La"]
    frame = tile_frame(pd.DataFrame(columns=["province"]), "34", "vi", ["Tuyên Quang"])
    assert frame.set_index("name").loc["Tuyên Quang", "selected"]
    assert frame["selected"].sum() == 1


def test_measure_options_cover_the_mean_and_every_area_channel_and_index():
    options = measure_options("vi")
    assert next(iter(options)) == "content_area"
    assert {f"content_area:{a}" for a in AREAS} <= set(options)
    assert split_measure("channel:mang_xa_hoi") == ("channel", "mang_xa_hoi")
    assert split_measure("content_area") == ("content_area", None)
    assert any(k.startswith("indicator:") for k in options)


@pytest.mark.parametrize("era", ["34", "63"])
def test_the_map_renders_to_png_for_exports(era):
    vl_convert = pytest.importorskip("vl_convert")
    chart = tile_map(pd.DataFrame(columns=["province"]), era, "x", "vi", "caption")
    png = vl_convert.vegalite_to_png(chart.to_dict(), scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000


@pytest.mark.parametrize("era", ["34", "63"])
def test_a_map_with_every_province_covered_still_downloads(era):
    """With no grey tile the "no data" legend had nothing to show and vl-convert drew an SVG of
    infinite size ("SVG has an invalid size"): the download failed on a full database."""
    names = [str(tile["name"]) for tile in tile_layout(era)]
    values = pd.DataFrame(
        {"province": names, "n_with": 1, "n_total": 2, "share": 0.5, "n_plans": 1,
         "issued_as": names, "n_after_merger": 0}
    )  # fmt: skip
    spec = images.spec_json(tile_map(values, era, "m", "vi", "c"), "c")
    svg = images.render_spec(spec, "svg").decode()
    width = float(re.search(r'<svg[^>]* width="([^"]+)"', svg).group(1))
    assert 300 < width < 5000
    assert "Không có dữ liệu" in svg  # grey is always explained, even with no grey tile


def _values(plans: dict[str, int], after: dict[str, int] | None = None) -> pd.DataFrame:
    """Pooled values (as pool_measure gives them): each province covers every area it counts."""
    return pd.DataFrame(
        [{"province": p, "n_with": 6 * n, "n_total": 6 * n, "share": 1.0, "n_plans": n,
          "issued_as": p, "n_after_merger": (after or {}).get(p, 0)} for p, n in plans.items()]
    )  # fmt: skip


_TIP_NAME = r"(?:Tỉnh, thành phố|Province): ([^;]+);"


def _drawn(chart, caption: str) -> tuple[dict[str, list[str]], set[str], str]:
    """What the exported map shows: each province tile's texts, the dog-eared tiles (their cut
    corner is the one gradient fill), and the texts outside the tiles (title, caption, legend).
    Each drawn tile item carries its tooltip as an aria-label, which names the province."""
    svg = images.render_spec(images.spec_json(chart, caption), "svg").decode()
    texts: dict[str, list[str]] = {}
    others = []
    for label, text in re.findall(r"<text([^>]*)>([^<]*)</text>", svg):
        if name := re.search(_TIP_NAME, label):
            texts.setdefault(name.group(1), []).append(text)
        else:
            others.append(text)
    cut = re.findall(rf'<path aria-label="[^"]*?{_TIP_NAME}[^>]*fill="url\(#', svg)
    return texts, set(cut), " ".join(others)


def test_a_province_of_one_plan_is_marked_and_dog_eared_on_the_exported_map():
    """1/1 = 100 % would read as full colour beside 7 plans: the tile carries the heatmaps' mark
    in a cut corner, the caption says why; 7 plans, or exactly MIN_PLANS, carry neither."""
    values = _values({"Bắc Kạn": 1, "An Giang": 7, "Cà Mau": MIN_PLANS, "Sơn La": 2})
    caption = "Share · 2025 · Source: 13 plans. " + mark_note("en")
    texts, cut, others = _drawn(tile_map(values, "63", "m", "en", caption), caption)
    assert texts["Bắc Kạn"] == ["Bắc", "Kạn", "100%", MARK]
    assert texts["Sơn La"] == ["Sơn La", "100%", MARK]
    assert texts["An Giang"] == ["An", "Giang", "100%"] and texts["Cà Mau"] == ["Cà Mau", "100%"]
    assert cut == {"Bắc Kạn", "Sơn La"}
    assert f"{MARK}\u00a0fewer than 3 plans: shares are unstable." in others
    tiles = tile_frame(values, "63", "en").set_index("name")
    assert tiles.loc["Bắc Kạn", "tip_plans"] == "1"  # the tooltip names the count and the mark
    assert (
        tiles.loc["Bắc Kạn", "tip_note"] == f"{MARK}\u00a0fewer than 3 plans: shares are unstable."
    )
    assert tiles.loc["An Giang", "tip_plans"] == "7" and tiles.loc["An Giang", "tip_note"] == ""


def test_the_merger_star_and_the_small_sample_mark_stay_distinct_on_one_tile():
    """A 63-layout tile can carry both: "*" after the value (issued after the merger), "†" in
    the corner (one plan); its tooltip explains both."""
    values = _values({"Tuyên Quang": 1}, after={"Tuyên Quang": 1})
    texts, cut, _ = _drawn(tile_map(values, "63", "m", "vi", "c"), "c")
    assert texts["Tuyên Quang"] == ["Tuyên", "Quang", "100%*", MARK]
    assert cut == {"Tuyên Quang"}
    notes = tile_frame(values, "63", "vi").set_index("name").loc["Tuyên Quang", "tip_note"]
    merger, small = notes.split("; ")
    assert merger.startswith("gồm 1 kế hoạch ban hành từ 1/7/2025")
    assert small == f"{MARK}\u00a0dưới 3 kế hoạch: tỷ lệ dễ dao động."


@pytest.mark.parametrize(
    ("lang", "entry"), [("vi", "†\u00a0dưới 3 kế hoạch"), ("en", "†\u00a0fewer than 3 plans")]
)
@pytest.mark.parametrize("era", ["34", "63"])
def test_the_legend_explains_the_cut_corner_when_a_tile_is_small(era, lang, entry):
    """The mark is explained on the map itself, under "no data", in the reader's language (the
    caption "c" does not say it here); a map with no small tile has no such entry, and the file
    keeps its size either way (the entry sits in the sea)."""
    province = "Cao Bằng"  # a tile of both layouts
    sizes = []
    for plans, shown in ((1, True), (MIN_PLANS, False)):
        chart = tile_map(_values({province: plans}), era, "m", lang, "c")
        svg = images.render_spec(images.spec_json(chart, "c"), "svg").decode()
        legend = [text for label, text in re.findall(r"<text([^>]*)>([^<]*)</text>", svg)
                  if not re.search(_TIP_NAME, label)]  # fmt: skip
        assert (entry in legend) is shown
        assert ("Không có dữ liệu" if lang == "vi" else "No data") in legend
        sizes.append(re.search(r'<svg[^>]* width="([^"]+)" height="([^"]+)"', svg).groups())
    assert sizes[0] == sizes[1]
