"""Exports on a real database built from the bundled plans: images, tables, packs, the CLI."""

from __future__ import annotations

import html
import io
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

from cchc.export import briefing, captions, images, tables
from cchc.export.catalog import CHART_IDS, build_item, context, table_columns
from cchc.export.jobs import export_bytes
from cchc.store.db import Filters
from tests.conftest import AREAS_VI, query_runner

ROOT = Path(__file__).resolve().parents[1]
TITLE_VI = "Tỷ lệ kế hoạch cam kết tuyên truyền từng lĩnh vực cải cách"


@pytest.fixture(scope="module")
def run(seed_db: Path):
    with query_runner(seed_db) as run:
        yield run


@pytest.fixture(scope="module")
def coverage(run):
    return build_item(context(run, Filters(), "vi"), "coverage")


@pytest.fixture(scope="module")
def pack_vi(run):
    return briefing.build_pack(run, Filters(), "vi", ["coverage", "channel_mix", "indicator_focus"])


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_chart_caption_names_filters_source_and_data_date(coverage) -> None:
    spec = images.standalone(coverage.chart, coverage.caption)
    subtitle = " ".join(spec["title"]["subtitle"])
    assert spec["title"]["text"] == TITLE_VI
    assert "Nguồn: 5 kế hoạch" in subtitle and "dữ liệu ngày" in subtitle
    assert "2023–2025" in subtitle and spec["width"] == images.WIDTH


def test_a_chart_without_caption_gets_one_added() -> None:
    bare = {"mark": "bar", "data": {"values": [{"a": 1}]}}
    spec = images.standalone(bare, "Tỷ lệ · 2025 · Nguồn: 2 kế hoạch · dữ liệu ngày 2025-01-01")
    assert spec["title"]["text"] == "Tỷ lệ"
    assert "Nguồn: 2 kế hoạch" in " ".join(spec["title"]["subtitle"])


def _svg_subtitle(svg: bytes) -> str:
    group = re.search(r"role-title-subtitle.*?</g>", svg.decode("utf-8"), re.S).group(0)
    return " ".join(html.unescape(text) for text in re.findall(r">([^<>]+)<", group))


def test_the_page_shows_the_caption_once_and_downloads_still_carry_it(coverage) -> None:
    """The page prints the caption under each chart: the chart on screen keeps only its title,
    and the PNG/SVG/PDF buttons render the full spec, its caption lines as before."""
    spec, cap = coverage.chart.to_dict(), coverage.caption
    assert images.without_caption(spec, cap)["title"] == {"text": TITLE_VI, "anchor": "start"}
    assert images.standalone(spec, cap)["title"]["subtitle"] == textwrap.wrap(cap, 75)
    svg = images.render_spec(images.spec_json(spec, cap), "svg")  # what the SVG button gives
    assert _svg_subtitle(svg) == cap and re.search(r"dữ liệu ngày \d\d/\d\d/20\d\d\.", cap)
    # A chart that lacks its caption still gets it whole in the file.
    again = images.standalone(images.without_caption(spec, cap), cap)["title"]["subtitle"]
    assert " ".join(again) == cap


def test_png_is_rendered_at_twice_the_size_and_is_not_blank(coverage) -> None:
    png = images.render(coverage.chart, "png", coverage.caption)
    image = Image.open(io.BytesIO(png)).convert("L")
    assert image.width >= 2 * images.WIDTH
    dark = sum(image.histogram()[:128])
    assert dark > 0.05 * image.width * image.height  # dark cells and text, not a white sheet


def test_svg_keeps_the_vietnamese_title(coverage) -> None:
    svg = images.render(coverage.chart, "svg", coverage.caption).decode("utf-8")
    assert TITLE_VI in svg
    assert "DejaVu Sans" in svg


def test_pdf_text_has_the_title_with_diacritics(coverage, tmp_path: Path) -> None:
    text = pdf_text(images.render(coverage.chart, "pdf", coverage.caption), tmp_path)
    assert TITLE_VI in text
    assert "Nguồn: 5 kế hoạch" in text


def test_csv_has_a_bom_and_reads_back_with_diacritics(coverage) -> None:
    data, _ = tables.labelled(coverage.table, table_columns(), "vi")
    raw = tables.to_csv(data)
    assert raw.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig")
    assert list(back.columns) == ["Tỉnh", "Mục", "Số kế hoạch có", "Số kế hoạch", "Tỷ lệ"]
    assert "Cao Bằng" in set(back["Tỉnh"])
    row = back[(back["Tỉnh"] == "An Giang") & (back["Mục"] == "Cải cách tài chính công")]
    assert row["Tỷ lệ"].tolist() == [0.0]


def test_xlsx_has_title_source_vietnamese_headers_and_number_formats(coverage) -> None:
    data, percent = tables.labelled(coverage.table, table_columns(), "vi")
    raw = tables.to_xlsx(data, coverage.title, coverage.caption, percent)
    sheet = openpyxl.load_workbook(io.BytesIO(raw)).active
    assert sheet["A1"].value == TITLE_VI
    assert "Nguồn: 5 kế hoạch" in sheet["A2"].value and "dữ liệu ngày" in sheet["A2"].value
    headers = [c.value for c in sheet[4]]
    assert headers == ["Tỉnh", "Mục", "Số kế hoạch có", "Số kế hoạch", "Tỷ lệ"]
    assert sheet["A5"].value == "An Giang"
    assert sheet["E5"].number_format == "0%" and sheet["E5"].value == 1.0
    assert sheet["D5"].number_format == "#,##0" and sheet["D5"].value == 1
    assert sheet["A4"].font.b


def test_coverage_finding_names_missing_areas(coverage) -> None:
    """Each seed province has one plan: named with the heatmap's small-sample mark."""
    finding = coverage.finding
    assert "Cao Bằng †, Hà Giang †" in finding.split(".")[0]  # all six areas
    assert "An Giang † thiếu Bộ máy, Tài chính công" in finding
    assert "Sơn La † thiếu Thể chế" in finding


def test_pptx_has_a_title_slide_and_one_slide_per_chart(pack_vi) -> None:
    prs = Presentation(io.BytesIO(briefing.to_pptx(pack_vi)))
    assert len(prs.slides) == 4
    assert prs.slide_width / prs.slide_height == pytest.approx(16 / 9, rel=0.01)
    texts = [
        " ".join(s.text_frame.text for s in sl.shapes if s.has_text_frame) for sl in prs.slides
    ]
    assert "5 kế hoạch" in texts[0] and re.search(r"dữ liệu ngày \d\d/\d\d/20\d\d ", texts[0])
    assert TITLE_VI in texts[1] and "An Giang † thiếu Bộ máy, Tài chính công" in texts[1]
    assert "Tỷ lệ kế hoạch dùng từng hình thức tuyên truyền" in texts[2]
    assert "Dùng nhiều nhất" in texts[2] and "Chỉ số được nêu nhiều nhất" in texts[3]
    assert all(any(s.shape_type == 13 for s in sl.shapes) for sl in list(prs.slides)[1:])


def test_english_pack_has_english_titles_and_findings(run) -> None:
    pack = briefing.build_pack(run, Filters(), "en", ["coverage", "trend_channel"])
    prs = Presentation(io.BytesIO(briefing.to_pptx(pack)))
    texts = [
        " ".join(s.text_frame.text for s in sl.shapes if s.has_text_frame) for sl in prs.slides
    ]
    assert "provinces compared" in texts[0] and "5 plans" in texts[0]
    assert "Share of plans committing to each content area" in texts[1]
    assert re.search(r"data as of \d{1,2} [A-Z][a-z]{2} 20\d\d ", texts[0])  # "22 Nov 2026"
    assert "An Giang † lacks Apparatus, Public finance" in texts[1]
    assert "Channels: share of plans by year" in texts[2]


def test_pdf_pack_has_a_title_page_and_one_page_per_chart(pack_vi, tmp_path: Path) -> None:
    data = briefing.to_pdf(pack_vi)
    assert len(PdfReader(io.BytesIO(data)).pages) == 1 + 3
    text = " ".join(pdf_text(data, tmp_path).split())  # the finding wraps in its column
    assert TITLE_VI in text and "An Giang † thiếu Bộ máy, Tài chính công" in text


def test_every_catalogue_chart_builds_with_a_finding(run) -> None:
    ctx = context(run, Filters(), "vi")
    for chart_id in CHART_IDS:
        item = build_item(ctx, chart_id)
        assert item.title and item.finding and "Nguồn: 5 kế hoạch" in item.caption, chart_id
        assert not item.table.empty, chart_id


def test_trend_chart_gives_each_area_its_own_panel_and_the_plans_behind_each_year(run) -> None:
    # Six lines on one plot hid each other where shares were equal; panels cannot.
    item = build_item(context(run, Filters(), "vi"), "trend_content_area")
    assert item.chart.to_dict()["columns"] == 3
    svg = images.render(item.chart, "svg").decode("utf-8")
    for area in AREAS_VI:
        assert f">{area}</text>" in svg, area
    # One 2023 plan, four in 2025: a reader sees how few plans each point stands for.
    assert "Số kế hoạch theo năm: 2023:\u00a01\u00a0· 2025:\u00a04" in html.unescape(svg)


def test_filters_reach_the_pack_and_an_empty_selection_is_an_error(run) -> None:
    data = export_bytes(run, Filters(provinces=("Sơn La",)), "vi", "table", "csv", ["coverage"])
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert set(back["Tỉnh"]) == {"Sơn La"}
    with pytest.raises(briefing.ExportError):
        export_bytes(run, Filters(2019, 2019), "vi", "pack", "pdf")


def test_cli_export_writes_files(seed_db: Path, tmp_path: Path) -> None:
    for what, fmt, extra in [("pack", "pptx", ["--chart", "coverage"]),
                             ("chart", "png", ["--chart", "channel_mix"]),
                             ("table", "xlsx", ["--chart", "coverage", "--lang", "en"])]:  # fmt: skip
        out = tmp_path / f"out.{fmt}"
        cmd = [sys.executable, "-m", "cchc", "export", "--what", what, "--format", fmt,
               "--out", str(out), "--db", str(seed_db), "--param", "year_from=2025", *extra]  # fmt: skip
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 1000
    assert openpyxl.load_workbook(tmp_path / "out.xlsx").active["A4"].value == "Province"


def test_pooled_note_names_every_former_province_over_all_years_and_stays_short() -> None:
    rows = pd.DataFrame(
        {"province": ["Tuyên Quang", "Tuyên Quang"], "year": [2024, 2026],
         "issued_as": ["Hà Giang", "Tuyên Quang"]}
    )  # fmt: skip
    note = captions.pooled_note(rows, "today", "vi")
    assert note == (
        "Tuyên Quang (gồm Hà Giang) gộp kế hoạch của các tỉnh cũ "
        "(kế hoạch ở đây ban hành dưới tên: Hà Giang, Tuyên Quang)."
    )
    many = pd.DataFrame(
        {"province": ["Tuyên Quang", "An Giang", "Đắk Lắk", "Bắc Ninh"], "year": 2025,
         "issued_as": ["Hà Giang", "Kiên Giang", "Phú Yên", "Bắc Giang"]}
    )  # fmt: skip
    assert captions.pooled_note(many, "today", "vi") == (
        "4 tỉnh hiện nay gộp kế hoạch của các tỉnh cũ (ghi trong ngoặc sau tên tỉnh)."
    )
