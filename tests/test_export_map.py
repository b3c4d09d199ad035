"""The province map leaves the dashboard: from the CLI (`export --chart map`) with the page's
caption, and in images whose title and caption stay within the map's width."""

from __future__ import annotations

import io
import struct
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image

from cchc.charts_map import TILE_PX, pool_measure, tile_frame, tile_map
from cchc.export import findings, images
from cchc.export.catalog import build_item, context
from cchc.geo.provinces import ERA_NEW, ERA_OLD
from cchc.store.db import Filters
from cchc.ui.maps import measure_options
from tests.apptest import open_page
from tests.conftest import query_runner

ROOT = Path(__file__).resolve().parents[1]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def run(seed_db: Path):
    with query_runner(seed_db) as run:
        yield run


def export_map(seed_db: Path, out: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "cchc", "export", "--what", "chart", "--chart", "map",
           "--out", str(out), "--db", str(seed_db), *args]  # fmt: skip
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)


def test_the_cli_exports_the_map_as_a_png_of_the_maps_size(seed_db: Path, tmp_path: Path):
    out = tmp_path / "ban_do.png"
    done = export_map(seed_db, out, "--format", "png", "--param", "view_by=today")
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert len(data) > 0 and data[:8] == PNG_MAGIC
    width, height = struct.unpack(">II", data[16:24])
    # 2x: the 34 layout is about 600 px wide and 1,050 px tall, with its title and legend.
    assert 1100 <= width <= 1400 and 2000 <= height <= 2600, (width, height)
    assert Image.open(io.BytesIO(data)).getpixel((0, 0))[:3] == (255, 255, 255)


def test_the_cli_refuses_a_map_in_an_unknown_format_and_names_the_map(seed_db, tmp_path):
    done = export_map(seed_db, tmp_path / "x.pptx", "--format", "pptx")
    assert done.returncode == 2 and "png, svg, pdf" in done.stderr
    typo = subprocess.run(
        [sys.executable, "-m", "cchc", "export", "--what", "chart", "--chart", "maps",
         "--format", "png", "--out", str(tmp_path / "x.png"), "--db", str(seed_db)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert typo.returncode == 2 and "citations, map" in typo.stderr


@pytest.mark.usefixtures("app_on_seed_db")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_exported_map_has_the_caption_the_page_prints_under_it(run, lang) -> None:
    at = open_page(lang=lang, view="today", prov=["Sơn La"])
    shown = next(c.value for c in at.caption if c.value.startswith(("Mức bao phủ", "Mean cov")))
    filters = Filters(view_by="today", provinces=("Sơn La",))
    item = build_item(context(run, filters, lang), "map")
    assert item.caption == shown
    assert ("viền đậm" if lang == "vi" else "bold outline") in item.caption
    outlined = item.chart.to_dict()["datasets"]
    assert any(r.get("selected") and r["name"] == "Sơn La" for d in outlined.values() for r in d)


def test_the_map_table_lists_each_province_on_the_map_in_vietnamese_order(run) -> None:
    item = build_item(context(run, Filters(view_by="today"), "vi"), "map")
    assert list(item.table["place"]) == [
        "An Giang (gồm Kiên Giang)", "Cao Bằng", "Hà Tĩnh", "Sơn La", "Tuyên Quang (gồm Hà Giang)",
    ]  # fmt: skip
    assert item.table.set_index("place").loc["Cao Bằng", "share"] == 1.0
    assert item.finding == (
        "Không tỉnh nào có từ 3 kế hoạch trở lên: chưa xếp hạng được. "
        "Số tỉnh không có kế hoạch khớp bộ lọc (ô xám): 29."
    )


def test_the_map_finding_ranks_only_provinces_of_enough_plans() -> None:
    values = pd.DataFrame(
        {"province": ["Đắk Lắk", "An Giang", "Bắc Kạn", "Cà Mau"], "n_plans": [4, 3, 1, 5],
         "share": [0.5, 0.9, 1.0, 0.5]}
    )  # fmt: skip
    finding = findings.province_shares(values, 59, "en")
    assert finding == (
        "Highest: An Giang (90%); lowest: Cà Mau; Đắk Lắk (50%). Provinces with fewer than 3 "
        "plans are not ranked. Provinces with no plan matching the filters (grey tiles): 59."
    )


def _longest_measure(lang: str) -> str:
    return max(measure_options(lang).values(), key=len)


@pytest.mark.parametrize("era", [ERA_NEW, ERA_OLD])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_long_map_title_wraps_within_the_map_and_keeps_the_images_margins(run, era, lang):
    """A title wider than the map made the image wider than the map, and the title ran to the
    image's right edge ("…điện tử" cut). It wraps now: the image is the map and its margins."""
    view = "today" if era == ERA_NEW else "issued"
    rows = run("province_measure", {**Filters(view_by=view).params(), "family": "indicator"})
    caption = "Nguồn: 5 kế hoạch · " * 8  # a caption longer than the map is wide
    chart = tile_map(pool_measure(rows), era, _longest_measure(lang), lang, caption)
    title = chart.to_dict()["title"]
    assert isinstance(title["text"], list) and len(title["subtitle"]) > 1
    png = images.render(chart, "png", caption)
    width = struct.unpack(">II", png[16:24])[0] / images.SCALE
    frame = tile_frame(pool_measure(rows), era, lang)
    map_px = (frame["x1"].max() + 0.05) * TILE_PX[era]
    assert width <= map_px + 12, (width, map_px)  # Vega's 5 px padding on each side, rounded
