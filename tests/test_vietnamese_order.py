"""Provinces are listed in Vietnamese alphabetical order wherever a user sees them: the queries,
the sidebar filter, the overview table, the heatmap rows, the exported table and the captions
naming former provinces ("Bạc Liêu" before "Bình Dương", every "Đ…" between D and E)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc import charts
from cchc.export.captions import label_provinces, pooled_note
from cchc.export.catalog import build_item, context
from cchc.export.findings import coverage as coverage_finding
from cchc.geo.provinces import merged_label
from cchc.small_samples import MARK
from cchc.store.build import build_database
from cchc.store.db import Filters, connect, run_query
from cchc.ui.insights import coverage_table
from tests.apptest import open_page
from tests.builders import PLAN_BODY

ISSUED = ["An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bình Dương", "Đà Nẵng", "Đắk Lắk",
          "Điện Biên", "Gia Lai", "Yên Bái"]  # fmt: skip
# One plan per province: every heatmap row and table row carries the small-sample mark.
ISSUED_MARKED = [f"{p} {MARK}" for p in ISSUED]
TODAY = ["An Giang", "Cà Mau", "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Gia Lai", "Hồ Chí Minh",
         "Lào Cai"]  # fmt: skip


def _plan(province: str) -> str:
    return f"""ỦY BAN NHÂN DÂN TỈNH {province.upper()}
KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2025
Ủy ban nhân dân tỉnh {province} xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2025 \
trên địa bàn tỉnh {province}, cụ thể như sau:{PLAN_BODY}"""


@pytest.fixture(scope="module")
def order_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One 2025 plan per province, written in code point order (the order to be undone)."""
    plans = tmp_path_factory.mktemp("plans")
    for i, province in enumerate(sorted(ISSUED)):
        (plans / f"{i:02d}.txt").write_text(_plan(province), encoding="utf-8")
    db = plans.parent / "order.duckdb"
    assert build_database(plans, db, progress=False).count("added") == len(ISSUED)
    return db


@pytest.fixture(scope="module")
def run(order_db: Path):
    con = connect(order_db)
    yield lambda name, params: run_query(con, name, params)
    con.close()


def _provinces(df) -> list[str]:
    return list(dict.fromkeys(df["province"]))


def test_province_queries_list_provinces_in_vietnamese_order(run) -> None:
    issued = Filters().params()
    for name in ["coverage_by_province_year", "channel_mix", "plans_list", "coverage_by_plan"]:
        assert _provinces(run(name, issued)) == ISSUED, name
    assert _provinces(run("plan_picker", {**issued, "limit": 100})) == ISSUED
    assert _provinces(run("province_measure", {**issued, "family": "channel"})) == ISSUED
    today = Filters(view_by="today").params()
    assert _provinces(run("coverage_by_province_year", today)) == TODAY


def test_filter_options_offer_provinces_in_vietnamese_order(run) -> None:
    options = run("filter_options", {})
    assert options.loc[options["dimension"] == "province", "value"].tolist() == ISSUED
    assert options.loc[options["dimension"] == "province_2025", "value"].tolist() == TODAY


def test_former_provinces_are_named_in_vietnamese_order(run) -> None:
    today = Filters(view_by="today")
    rows = run("coverage_by_province_year", today.params()).set_index("province")
    assert rows.loc["Hồ Chí Minh", "issued_as"].iloc[0] == "Bà Rịa - Vũng Tàu, Bình Dương"
    measure = run("province_measure", {**today.params(), "family": "channel"})
    assert measure.set_index("province").loc["Hồ Chí Minh", "issued_as"].iloc[0] == (
        "Bà Rịa - Vũng Tàu, Bình Dương"
    )
    assert merged_label("Hồ Chí Minh") == "Hồ Chí Minh (gồm Bà Rịa - Vũng Tàu, Bình Dương)"
    few = rows.loc[["Hồ Chí Minh", "Cà Mau"]].reset_index()  # few enough to be named one by one
    assert "ban hành dưới tên: Bà Rịa - Vũng Tàu, Bình Dương)" in pooled_note(few, "today", "vi")


def test_heatmap_rows_and_the_table_beside_it_follow_vietnamese_order(run) -> None:
    df = label_provinces(run("coverage_by_province_year", Filters().params()), "issued", "vi")
    df = df.iloc[::-1]  # the chart must not rely on the query's order
    spec = charts.heatmap(df, "vi", "Nguồn: 9 kế hoạch", "Lĩnh vực").to_dict()
    assert spec["layer"][0]["encoding"]["y"]["sort"] == ISSUED_MARKED
    assert coverage_table(df, "vi")["Tỉnh"].tolist() == ISSUED_MARKED
    finding = coverage_finding(df, "vi")
    assert finding.index("Bạc Liêu") < finding.index("Bình Dương") < finding.index("Đà Nẵng")


def test_exported_province_table_follows_vietnamese_order(run) -> None:
    item = build_item(context(run, Filters(), "vi"), "channel_by_province")
    assert list(dict.fromkeys(item.table["place"])) == ISSUED


def test_sidebar_filter_and_overview_table_list_provinces_in_vietnamese_order(
    order_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CCHC_DB", str(order_db))
    at = open_page()
    assert list(at.sidebar.multiselect(key="f_prov").options) == ISSUED
    assert at.dataframe[0].value["Tỉnh"].tolist() == ISSUED_MARKED
    at = open_page(view="today")
    shown = [merged_label(p) for p in TODAY]
    assert list(at.sidebar.multiselect(key="f_prov").options) == shown
