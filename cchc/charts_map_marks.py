"""The province map's mark for a tile of fewer than small_samples.MIN_PLANS plans, and its legend.

Such a share is drawn in its colour (blank would read as "no data") but must read as unsure.
White stripes over the whole tile did that and ran through the province name and the value, hard
to read on a projected screen. Stripes in the corner alone are too small to read as stripes and
tangle with MARK. So the tile is dog-eared instead: its top-right corner is cut off in the page's
white, and MARK sits in the cut in near-black, legible on every tile colour. The cut stops short
of the name lines, and the legend shows a dog-eared square, "† dưới 3 kế hoạch", under "no data".
"""

from __future__ import annotations

import altair as alt

from cchc.i18n import t
from cchc.small_samples import MARK, MIN_PLANS

# MARK in the cut (shares of a tile from its left and top edges), at a size its ink fits in: a
# bold "†" of a fifth of a tile reaches 0.116 of a tile below-left of its anchor (x − y), and
# the top of its line stays inside the map.
MARK_XY = (0.94, 0.12)
MARK_INK = "#1a1a1a"  # on the white cut, whatever the tile's colour
PAPER = "white"  # the chart's background (Vega-Lite's default; exports set it too)
_GAP = 0.05  # the tile's blank margin (charts_map._GAP)
# The cut layer bleeds past the tile by half of a chosen tile's 4 px outline (within the gap), so
# a chosen tile's outline is cut too and MARK never sits on it.
_BLEED = 0.04
# The cut is where x − y > CUT (in tiles, from the tile's top-left corner). In DejaVu Sans the
# top-right ink of the widest first name line, "Hồ Chí", reaches 0.675, "Quảng" 0.60.
CUT = 0.70
# A gradient runs from its box's top-right corner (offset 0) to the bottom-left (1): a point
# (x, y) of the box (as shares of its side) is at offset ((1 − x) + y) / 2, so the cut ends here.
_CUT_END = (1 - CUT / (1 - 2 * _GAP + 2 * _BLEED)) / 2
_CUT_FILL = alt.LinearGradient(
    gradient="linear", x1=1, y1=0, x2=0, y2=1,
    stops=[alt.GradientStop(color=PAPER, offset=0), alt.GradientStop(color=PAPER, offset=_CUT_END),
           alt.GradientStop(color="#ffffff00", offset=_CUT_END),
           alt.GradientStop(color="#ffffff00", offset=1)],
)  # fmt: skip
# The legend's square, dog-eared as a tile (a Vega symbol path on [-1, 1]), in a mid blue.
_LEGEND_SHAPE = "M-1,-1H0.45L1,-0.45V1H-1Z"
_LEGEND_FILL = "#6baed6"


def small_label(lang: str) -> str:
    """The legend's words for the cut: "† dưới 3 kế hoạch" / "† fewer than 3 plans"."""
    return t("map_small_legend", lang, mark=MARK, n=MIN_PLANS)


def cut_layers(rect: alt.Chart, lang: str, legend_xy: tuple[int, int]) -> list[alt.Chart]:
    """The cut corners of the small tiles, and their legend entry at ``legend_xy``.

    Drawn only when some tile is small (the caller checks), as the caption's note is: the legend
    explains what is on the map. The entry sits in the sea inside the plot, so a file's size is
    the same with it or without it."""
    label = small_label(lang)
    legend = alt.Legend(
        title=None, orient="none", legendX=legend_xy[0], legendY=legend_xy[1],
        symbolType=_LEGEND_SHAPE, symbolSize=400,
    )  # fmt: skip
    # The legend's symbol takes its layer's fill: a layer of its own that draws no tile (the
    # fixed domain keeps the entry, as for "no data").
    key = (
        rect.transform_filter("false")
        .transform_calculate(small_label=f"'{label}'")
        .mark_rect(fill=_LEGEND_FILL)
        .encode(
            opacity=alt.Opacity(
                "small_label:N", scale=alt.Scale(domain=[label], range=[1]), legend=legend
            )
        )
    )
    bleed = {f: f"datum.{f} {sign} {_BLEED}" for f, sign in
             (("x0", "-"), ("x1", "+"), ("y0", "-"), ("y1", "+"))}  # fmt: skip
    cut = rect.transform_filter("datum.small").transform_calculate(**bleed)
    return [cut.mark_rect(fill=_CUT_FILL), key]


def mark_layer(base: alt.Chart, size: int) -> alt.Chart:
    """MARK in the cut corner of each small tile (``base``: the map's text rows)."""
    return base.transform_filter("datum.role == 'mark'").mark_text(
        baseline="middle", fontSize=size, fontWeight="bold", color=MARK_INK
    )
