"""The briefing page and the download buttons, driven headless through AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apptest import open_page

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
BRIEFING = "pages/6_xuat_bao_cao.py"


pytestmark = pytest.mark.usefixtures("app_on_seed_db")


def test_overview_charts_and_table_have_download_buttons() -> None:
    at = open_page()
    labels = [b.label for b in at.download_button]
    # every chart (heatmap, channels, indices, and the map when present) gets PNG, SVG and PDF;
    # the heatmap's table gets CSV and XLSX
    n_charts = labels.count("Ảnh PNG (trình chiếu)")
    assert n_charts >= 3
    assert labels.count("PDF (in ấn)") == labels.count("SVG (chỉnh sửa được)") == n_charts
    assert labels.count("CSV (Excel, UTF-8)") == 1 and labels.count("Excel (.xlsx)") == 1
    assert len({b.key for b in at.download_button}) == len(labels)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_briefing_page_builds_a_pack_for_the_chosen_charts(lang: str) -> None:
    at = open_page(BRIEFING, lang=lang)
    assert at.title[0].value == ("Xuất báo cáo" if lang == "vi" else "Briefing")
    picker = at.pills(key="brief_charts")
    assert len(picker.value) == len(picker.options) >= 10  # every chart by default
    total = len(picker.options)
    assert at.main.caption[1].value == (
        f"Đã chọn {total}/{total} biểu đồ."
        if lang == "vi"
        else f"{total} of {total} charts chosen."
    )
    picker.set_value(["channel_mix", "coverage"]).run()
    assert ("2/" if lang == "vi" else "2 of") in at.main.caption[1].value
    at.button[0].click().run()
    assert not at.exception, [e.message for e in at.exception]
    keys = {b.key for b in at.download_button}
    assert {"brief_dl_pptx", "brief_dl_pdf"} <= keys
    assert ("2 biểu đồ" if lang == "vi" else "2 charts") in at.success[0].value


def test_briefing_page_shows_every_chart_as_its_own_choice() -> None:
    """Every chart title is a pill of its own, shown whole: a multiselect capped its height and
    hid the last row of chosen charts. Unchosen charts leave the pack; none chosen stops it."""
    at = open_page(BRIEFING)
    picker = at.pills(key="brief_charts")
    assert "Văn bản trung ương được trích dẫn (gộp các năm đã chọn)" in picker.options
    assert not at.main.multiselect
    picker.unselect("citations").run()
    assert "citations" not in at.pills(key="brief_charts").value
    at.pills(key="brief_charts").set_value([]).run()
    assert at.main.warning and not at.main.button


def test_briefing_page_with_no_matching_plan_says_so() -> None:
    at = open_page(BRIEFING, y0="2019", y1="2019")
    at.button[0].click().run()
    assert any("Không có kế hoạch nào" in i.value for i in at.info)
    assert not [b for b in at.download_button if b.key.startswith("brief_dl")]
