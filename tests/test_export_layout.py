"""Exports that stay readable, on real databases and real files: nothing cut off the edge of an
image, a heatmap of 60 provinces split over slides, category names whole with their acronym,
and one year-on-year comparison behind both the overview's lines and the pack's finding."""

from __future__ import annotations

import html
import io
import re
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

from benchmarks.corpus import generate_specs
from cchc import charts
from cchc.chart_labels import wrap_label
from cchc.export import briefing, findings, images
from cchc.export.catalog import ROWS_PER_PART, build_item, context, split_rows
from cchc.i18n import FAMILIES
from cchc.parse.codebook import load_codebook
from cchc.small_samples import MARK
from cchc.store.build import build_database
from cchc.store.db import Filters
from cchc.ui.insights import year_changes
from tests.conftest import query_runner

N_PROVINCES = 60
ACRONYMS = ("(PAR INDEX)", "(SIPAS)", "(PAPI)", "(PCI)", "(DDCI)", "(DTI)", "(POBI)")


@pytest.fixture(scope="module")
def sixty_db(tmp_path_factory) -> Path:
    """One generated plan in each of 60 provinces, 2021–2025: a heatmap of 60 rows, and shares
    that move between years."""
    folder = tmp_path_factory.mktemp("sixty")
    plans = folder / "plans"
    plans.mkdir()
    seen: set[str] = set()
    for name, data, spec in generate_specs(2000, seed=7):
        if spec.year_to <= 2025 and spec.province not in seen and len(seen) < N_PROVINCES:
            seen.add(spec.province)
            (plans / name).write_bytes(data)
    build_database(plans, folder / "cchc.duckdb", progress=False)
    return folder / "cchc.duckdb"


@pytest.fixture(scope="module")
def sixty(sixty_db: Path):
    with query_runner(sixty_db) as run:
        yield run


@pytest.fixture(scope="module")
def seeds(seed_db: Path):
    with query_runner(seed_db) as run:
        yield run


def _first(node: object, key: str) -> object:
    """The first value of ``key`` anywhere in a spec (layers nest their encodings)."""
    if isinstance(node, dict):
        if key in node:
            return node[key]
        node = list(node.values())
    if isinstance(node, list):
        for child in node:
            found = _first(child, key)
            if found is not None:
                return found
    return None


def _white_border(png: bytes, px: int = 4) -> bool:
    """True when a ``px`` wide band along every edge is white: nothing was cut at the edge."""
    image = Image.open(io.BytesIO(png)).convert("L")
    w, h = image.size
    strips = [(0, 0, w, px), (0, h - px, w, h), (0, 0, px, h), (w - px, 0, w, h)]
    return all(image.crop(box).getextrema()[0] >= 250 for box in strips)


# --- 1. Nothing cut off ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("chart_id", ["coverage", "channel_by_province"])
def test_heatmap_png_keeps_headers_and_legend_inside_the_image(
    seeds, sixty, lang: str, chart_id: str
) -> None:
    # One row (legend taller than the grid) and 60 rows; twelve channel headers on the right.
    for run, filters in [(seeds, Filters(provinces=("Sơn La",))), (sixty, Filters())]:
        item = build_item(context(run, filters, lang), chart_id)
        spec = images.standalone(item.chart, item.caption)
        assert spec["autosize"]["type"] == "pad"  # the image grows to hold every label
        png = images.render_spec(spec, "png")
        assert _white_border(png), (chart_id, lang, filters.provinces)


def test_a_wide_heatmap_gets_columns_wide_enough_for_its_headers(seeds) -> None:
    item = build_item(context(seeds, Filters(), "en"), "channel_by_province")
    spec = images.standalone(item.chart, item.caption)
    assert spec["width"] >= 12 * 96  # twelve channels, "loudspeakers" fits a column


# --- 2. Long heatmaps split over slides ----------------------------------------------------------


def test_rows_are_split_into_even_parts_of_at_most_twenty() -> None:
    sizes = {n: [len(p) for p in split_rows(list(range(n)))] for n in (20, 21, 34, 60, 63)}
    assert sizes == {20: [20], 21: [11, 10], 34: [17, 17], 60: [20, 20, 20],
                     63: [16, 16, 16, 15]}  # fmt: skip


def test_a_heatmap_of_sixty_provinces_takes_three_slides_with_one_scale(sixty) -> None:
    pack = briefing.build_pack(sixty, Filters(), "vi", ["coverage"])
    item = pack.items[0]
    specs = [images.standalone(part.chart, item.caption) for part in item.parts]
    rows = [_first(spec, "y")["sort"] for spec in specs]
    assert [len(r) for r in rows] == [20, 20, 20]
    assert sum(rows, []) == _first(item.chart.to_dict(), "y")["sort"]  # same order, no row lost
    assert len({str(_first(spec, "x")["sort"]) for spec in specs}) == 1  # same columns
    assert all(_first(spec, "scale")["domain"] == [0, 1] for spec in specs)  # same colours
    for i, spec in enumerate(specs, start=1):
        subtitle = " ".join(spec["title"]["subtitle"])
        assert spec["title"]["text"].endswith(f"({i}/3)")
        assert "Nguồn: 60 kế hoạch" in subtitle and "dữ liệu ngày" in subtitle
        assert "2021–2025" in subtitle
    prs = Presentation(io.BytesIO(briefing.to_pptx(pack)))
    slides = list(prs.slides)[1:]
    assert len(slides) == 3 and all(any(s.shape_type == 13 for s in sl.shapes) for sl in slides)
    titles = [next(s for s in sl.shapes if s.has_text_frame).text_frame.text for sl in slides]
    assert titles == [f"{item.title} ({i}/3)" for i in (1, 2, 3)]


def test_each_part_names_only_its_own_provinces(sixty) -> None:
    item = build_item(context(sixty, Filters(), "vi"), "coverage")
    rows = [_first(part.chart.to_dict(), "y")["sort"] for part in item.parts]
    for part, mine in zip(item.parts, rows, strict=True):
        others = {p for r in rows for p in r} - set(mine)
        assert not [p for p in others if f"{p} thiếu" in part.finding], part.title


def test_pdf_pack_splits_long_heatmaps_and_keeps_short_ones_whole(sixty, seeds) -> None:
    pack = briefing.build_pack(sixty, Filters(), "en", ["coverage", "channel_mix"])
    pages = PdfReader(io.BytesIO(briefing.to_pdf(pack))).pages
    assert len(pages) == 1 + 3 + 1
    assert "(3/3)" in pages[3].extract_text() and "(1/3)" not in pages[4].extract_text()
    short = build_item(context(seeds, Filters(), "en"), "coverage")
    assert len(short.chart.to_dict()["layer"][0]["encoding"]["y"]["sort"]) <= ROWS_PER_PART
    assert short.parts == ()


# --- 3. Labels whole, acronyms kept ------------------------------------------------------------


def test_a_label_too_long_for_its_lines_is_shortened_but_keeps_its_acronym() -> None:
    ddci = "Chỉ số năng lực cạnh tranh cấp sở, ngành, địa phương (DDCI)"
    assert wrap_label(ddci, 34) == "Chỉ số năng lực cạnh tranh cấp sở,\nngành, địa phương (DDCI)"
    short = wrap_label(ddci, 20)
    assert short.endswith("(DDCI)") and "…" in short and short.count("\n") == 1


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("chart_id", ["indicator_by_province", "indicator_focus"])
def test_index_names_are_drawn_whole_with_their_acronym(seeds, lang: str, chart_id: str) -> None:
    item = build_item(context(seeds, Filters(), lang), chart_id)
    svg = html.unescape(images.render(item.chart, "svg", item.caption).decode("utf-8"))
    drawn = set(re.findall(r"[^\s<>]+", " ".join(re.findall(r">([^<>]+)<", svg))))
    for cat in [c for c in load_codebook().categories if c.family == "indicator"]:
        assert set(cat.label(lang).split()) <= drawn, cat.id  # every word, none cut with "…"
    wanted = ACRONYMS if lang == "vi" else ACRONYMS[1:]  # "PAR Index" in English
    assert all(set(a.split()) <= drawn for a in wanted)
    assert "…" not in svg


# --- 4. One year-on-year comparison ------------------------------------------------------------


def _moves(text: str) -> dict[str, tuple[str, str]]:
    """label → (share before, share after) of each change a sentence reports."""
    verbs = r" (?:tăng|giảm|rose|fell)\b"
    return {
        label.strip(): tuple(re.findall(r"(\d+)%", rest)[:2])
        for label, rest in re.findall(rf"(?:^|\. |: )([^:.]+?){verbs}(.*?)(?=\.(?: |$))", text)
    }


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pack_finding_and_overview_lines_report_the_same_change(sixty, lang: str) -> None:
    moved = 0
    for family in FAMILIES:
        trends = sixty("trends_by_year", {**Filters().params(), "family": family})
        finding, lines = findings.trend(trends, lang), year_changes(trends, lang)
        change = findings.year_change(trends)
        assert finding.startswith(f"{change.prev}→{change.last}: ")
        assert all(line.startswith(f"{change.last}: ") for line in lines)
        said, listed = _moves(finding), _moves(" ".join(lines))
        assert said.items() <= listed.items(), family  # same label, same two shares
        assert bool(said) == bool(listed), family  # "no notable change" in both or in neither
        moved += bool(said)
    assert moved  # a share does change in this database


def test_long_merged_province_names_wrap_so_the_grid_keeps_its_width(seeds) -> None:
    """On one line "Hồ Chí Minh (gồm Bà Rịa - Vũng Tàu, Bình Dương)" squeezed the dashboard's
    grid until the column headers ran together."""
    long = "Hồ Chí Minh (gồm Bà Rịa - Vũng Tàu, Bình Dương)"
    df = seeds("coverage_by_province_year", Filters(view_by="today").params())
    df["province_label"] = df["province"].replace({"Tuyên Quang": long})
    spec = charts.heatmap(df, "vi", "caption").to_dict()
    rows = spec["layer"][0]["encoding"]["y"]["sort"]
    merged = next(r for r in rows if r.startswith("Hồ Chí Minh"))
    assert "\n" in merged and all(len(line) <= 26 for line in merged.split("\n"))
    assert merged.replace("\n", " ") == f"{long} {MARK}"  # one plan: marked, after the wrap
    assert f"Sơn La {MARK}" in rows  # short names stay on one line


def test_the_plans_per_year_note_never_parts_a_year_from_its_count() -> None:
    """Wrapped anywhere, a line may not end in "2025:" with "104" on the next one."""
    data = pd.DataFrame({"year": [2021, 2022, 2023, 2024, 2025], "n_plans": [9, 12, 104, 7, 88]})
    note = charts._plans_per_year(data, "vi")
    for width in range(20, 60):
        for line in textwrap.wrap(note, width):
            assert not line.rstrip().endswith(":") or line.startswith("Số kế hoạch"), line
            assert not line.startswith("·"), line
