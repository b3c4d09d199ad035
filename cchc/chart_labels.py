"""Category labels that fit an axis without losing their meaning, and the axes that show them.

Vega cuts a label past ``labelLimit`` pixels with "…", and the codebook's longest names end in
the acronym readers know them by ("… cấp sở, ngành, địa phương (DDCI)"): a cut label loses
exactly that. Labels are wrapped onto lines instead; one too long even then is shortened before
its trailing "(ACRONYM)", which is kept. Bars' row labels take two lines of 40 characters, heatmap
column headers up to six lines as wide as a column: the longest names (65 characters) fit uncut.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from functools import lru_cache

import altair as alt
from PIL import ImageFont

from cchc.export.fonts import dejavu_dir

BAR_LABEL_CHARS = 40  # 40 DejaVu characters at 15 px ≈ 365 px, inside the 420 px labelLimit
HEAD_LINES, HEAD_LINE_PX, HEAD_FONT_PX = 6, 16, 13
HEAD_COLUMN_PX = 96  # narrowest exported heatmap column: "loudspeakers" at 13 px fits
# Axis labelExpr drawing a label's "\n"-separated lines as separate lines.
LINES_EXPR = "split(datum.label, '\\n')"
# Vega draws the first line at the label's anchor and the others below it, whatever the
# baseline: the axes shift each label by its own number of lines after the first.
MORE_LINES_EXPR = f"(length({LINES_EXPR}) - 1)"
_ACRONYM = re.compile(r"\s*(\([^()]{1,12}\))\s*$")  # "(PAPI)", "(PAR INDEX)" at the very end


def wrap_label(text: str, width: int, max_lines: int = 2) -> str:
    """``text`` on at most ``max_lines`` lines of about ``width`` characters, joined by "\\n";
    shortened with "…" only when it does not fit, a trailing acronym always kept."""
    lines = _wrap(text, width)
    if len(lines) <= max_lines:
        return "\n".join(lines) or text
    found = _ACRONYM.search(text)
    tail = found.group(1) if found else ""
    body = text[: found.start()] if found else text
    for room in range(width * max_lines - len(tail) - 1, 0, -1):
        short = textwrap.shorten(body, room, placeholder="…")
        lines = _wrap(f"{short} {tail}".strip(), width)
        if len(lines) <= max_lines:
            return "\n".join(lines)
    return "\n".join(_wrap(text, width)[:max_lines])


def _wrap(text: str, width: int) -> list[str]:
    # A word longer than the line stays whole: "Governmen / t" reads worse than a wide line.
    return textwrap.wrap(text, width, break_long_words=False)


def n_lines(labels: Iterable[str]) -> int:
    """The most lines any of the (wrapped) labels takes."""
    return max((str(label).count("\n") + 1 for label in labels), default=1)


def row_axis() -> alt.Axis:
    """Bars' row labels on up to two lines, centred on their bar (lines 18 px apart at 15 px
    type: a two-line label moves up half a line)."""
    offset = alt.expr(f"-9 * {MORE_LINES_EXPR}")
    return alt.Axis(labelExpr=LINES_EXPR, labelLineHeight=18, labelOffset=offset)


def row_step(labels: Iterable[str]) -> int:
    """A bar's height: taller when a label takes two lines."""
    return 34 if n_lines(labels) == 1 else 46


def plot_width(n_columns: int) -> int:
    """A heatmap grid's width in an exported image: 900 px, wider when a column would be
    narrower than a header word; the chart says so in ``usermeta`` (cchc.export.images)."""
    return max(900, HEAD_COLUMN_PX * n_columns)


def header_labels(labels: Iterable[str], n_columns: int) -> list[str]:
    """Heatmap column labels wrapped to an exported column's width (13 px DejaVu ≈ 8 px a
    character)."""
    chars = int(plot_width(n_columns) / max(n_columns, 1) / 8.2)
    return [wrap_label(str(label), chars, HEAD_LINES) for label in labels]


def header_axis() -> alt.Axis:
    """Heatmap column labels over the columns, level and wrapped as a table's header (rotated
    ones ran off the image's right edge), each label's last line just above the grid."""
    padding = alt.expr(f"4 + {HEAD_LINE_PX} * {MORE_LINES_EXPR}")
    return alt.Axis(orient="top", labelAngle=0, labelBaseline="bottom", labelExpr=LINES_EXPR,
                    labelLimit=0, labelFontSize=HEAD_FONT_PX, labelLineHeight=HEAD_LINE_PX,
                    labelPadding=padding)  # fmt: skip


@lru_cache(maxsize=8)
def _dejavu(px: int, bold: bool) -> ImageFont.FreeTypeFont | None:
    folder = dejavu_dir()
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(folder / name), px) if folder else None


def text_px(text: str, px: int, bold: bool = False) -> float:
    """How wide ``text`` is in DejaVu Sans at ``px``, the font exported images are drawn in."""
    font = _dejavu(px, bold)
    # Without DejaVu: 0.64 em a character is wider than any title measured (0.63 at most).
    return font.getlength(text) if font else len(text) * px * 0.64


def fit_lines(text: str, width: float, px: int, bold: bool = False) -> list[str]:
    """``text`` in lines of ``px`` type no wider than ``width`` px, words kept whole (a no-break
    space holds its words together, as in "†\u00a0dưới 3 kế hoạch")."""
    lines: list[str] = []
    for word in text.split(" "):
        if not word:
            continue
        if lines and text_px(f"{lines[-1]} {word}", px, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines
