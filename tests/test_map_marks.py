"""The dog-eared corner of a province tile of few plans: clear of every name, holding the mark.

Measured as the exported map draws it: the spec's font sizes and text places, the ink of each
line in DejaVu Sans (the map's first font, the one vl-convert uses), and the cut as the spec's
gradient and bleed define it.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from PIL import Image, ImageDraw, ImageFont

from cchc.charts_map import TILE_PX, text_frame, tile_frame, tile_map
from cchc.export.fonts import dejavu_dir
from cchc.geo.tilegrid import tile_layout

SCALE = 8  # drawn 8× larger: ink edges to an eighth of a pixel


def _layers(chart) -> list[dict]:
    return chart.to_dict()["hconcat"][0]["layer"]


def _fonts(layers: list[dict]) -> dict[str, tuple[int, bool]]:
    """Role of a text line ('name', 'value', 'mark') -> (font size, bold), from the spec."""
    fonts = {}
    for layer in layers:
        mark, filters = layer["mark"], str(layer.get("transform", ""))
        if mark["type"] == "text" and (role := re.search(r"datum.role == '(\w+)'", filters)):
            fonts[role.group(1)] = (mark["fontSize"], mark.get("fontWeight") == "bold")
    return fonts


def _cut(layers: list[dict]) -> tuple[float, float]:
    """The cut's gradient end (offset from the top-right corner) and its bleed past the tile."""
    layer = next(la for la in layers if isinstance(la["mark"].get("fill"), dict))
    stops = layer["mark"]["fill"]["stops"]
    end = next(s["offset"] for s in stops if s["color"].endswith("00"))
    bleed = float(re.search(r"datum.x0 - ([\d.]+)", str(layer["transform"])).group(1))
    return end, bleed


def _ink(text: str, size: int, bold: bool, tile: int, xc: float, yc: float) -> np.ndarray:
    """Gradient offsets (within the cut's box) of the ink of one line drawn in its tile.

    Vega puts a "middle" baseline text's alphabetic baseline round(0.3 × size) px below y."""
    font = ImageFont.truetype(str(dejavu_dir() / f"DejaVuSans{'-Bold' if bold else ''}.ttf"),
                              size * SCALE)  # fmt: skip
    image = Image.new("L", (2 * tile * SCALE, 2 * tile * SCALE))
    baseline = (yc + 0.5) * tile + round(0.3 * size)
    ImageDraw.Draw(image).text(((xc + 0.5) * tile * SCALE, baseline * SCALE), text, font=font,
                               anchor="ms", fill=255)  # fmt: skip
    ys, xs = np.nonzero(np.asarray(image) > 60)
    return (xs / (tile * SCALE) - 0.5, ys / (tile * SCALE) - 0.5)


@pytest.mark.skipif(dejavu_dir() is None, reason="DejaVu Sans is not installed")
@pytest.mark.parametrize("era", ["34", "63"])
def test_the_cut_corner_of_a_small_tile_clears_every_name_and_holds_its_mark(era):
    """Stripes over a whole tile of few plans ran through its name and value: the cut corner
    that replaced them must leave every line of every tile clean, and hold the "†" whole, so
    the mark is near-black on white whatever the tile's colour."""
    names = [str(tile["name"]) for tile in tile_layout(era)]
    values = pd.DataFrame({"province": names, "n_with": 6, "n_total": 6, "share": 1.0,
                           "n_plans": 1, "issued_as": names, "n_after_merger": 1})  # fmt: skip
    layers = _layers(tile_map(values, era, "m", "vi", "c"))
    fonts, (end, bleed), tile = _fonts(layers), _cut(layers), TILE_PX[era]
    frame = tile_frame(values, era, "vi")
    box = frame["x1"].iloc[0] - frame["x0"].iloc[0] + 2 * bleed  # the gradient's box, in tiles
    left = frame["x0"].iloc[0] - frame["col"].iloc[0] - bleed  # its left (and top) edge in a tile
    for line in text_frame(frame).to_dict("records"):
        if line["role"] not in fonts or line["kind"] != "province":
            continue
        xs, ys = _ink(line["text"], *fonts[line["role"]], tile, line["xc"] - line["col"],
                      line["yc"] - line["row"])  # fmt: skip
        offsets = ((1 - (xs - left) / box) + (ys - left) / box) / 2
        if line["role"] == "mark":
            assert offsets.max() < end, line["name"]
        else:  # a margin: ink that only touches the cut reads as clipped
            assert offsets.min() > end + 0.005, (line["name"], line["text"])
