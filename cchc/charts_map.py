"""Tile-grid map of Vietnam's provinces coloured by one measure, in altair and without streamlit.

One equal square per province (cchc.geo.tilegrid), so the Red River delta is as visible as the
Central Highlands. Provinces without a plan for the filters are drawn as "no data" (grey, dashed
outline, "–"), never as 0%. A province of fewer than small_samples.MIN_PLANS plans keeps its colour
but is dog-eared, with small_samples.MARK in the cut corner, as the heatmaps mark its row, and the
legend says so (cchc.charts_map_marks). The Hoàng Sa and Trường Sa archipelagos are always drawn
and labelled.

``pool_measure`` turns the rows of queries/province_measure.sql into one value per province by
pooling counts over the selected years (each plan once: sum n_with_once / n_plans_total), never by averaging shares;
``tile_map`` draws them. Both are reused by the exports.
"""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from cchc.charts import FONT
from cchc.charts_map_marks import MARK_XY, cut_layers, mark_layer
from cchc.charts_map_words import SUBTITLE_PX, TITLE_PX, map_title
from cchc.geo.provinces import ERA_NEW, merged_label
from cchc.geo.tilegrid import archipelago_tiles, tile_layout
from cchc.i18n import t
from cchc.small_samples import MARK, is_small, mark_note

TILE_PX = {"34": 64, "63": 58}  # the 63 layout has 21 rows: smaller tiles keep it on a screen
NO_DATA_FILL = "#d9d9d9"
NO_DATA_STROKE = "#8c8c8c"
SEA_STROKE = "#3b75af"
_GAP = 0.05
ISLAND_WIDTH = 1.9  # tiles
# Vertical place of each text line in a tile (share of the tile from its top): names, then value.
_NAME_OFFSETS = {1: (0.36, 0.68), 2: (0.26, 0.48, 0.75)}
_ISLAND_OFFSETS = (0.27, 0.5, 0.73)  # "Quần đảo", "Hoàng Sa", "(Đà Nẵng)"
# DejaVu Sans first: vl-convert (PNG/SVG/PDF exports) falls back per text run, not per glyph, and
# shows a serif for Vietnamese when the first font it finds lacks a glyph; browsers without
# DejaVu (Windows) move on to Arial as with the other charts.
MAP_FONT = f"'DejaVu Sans', {FONT}"  # share of a tile left blank on each side, so tiles read as separate squares
# The one name too long for a tile even on two lines ("Vũng Tàu" is wider than a tile in DejaVu),
# written as Vietnamese papers write it; its tooltip gives the whole name, as the grids write it.
# "Hồ Chí Minh" fits as "Hồ Chí / Minh" and is written whole.
_TILE_NAMES = {"Bà Rịa - Vũng Tàu": "BR-VT"}
POOLED_COLUMNS = ["province", "n_with", "n_total", "share", "n_plans", "issued_as",
                  "n_after_merger"]  # fmt: skip


def pool_measure(rows: pd.DataFrame, category: str | None = None) -> pd.DataFrame:
    """One row per province: the share of `category` (None: mean over the family's categories).

    Counts are pooled over years and categories, each plan once:
    share = sum n_with_once / (n_plans_total × categories).
    ``n_plans`` is the number of distinct plans behind the province.
    """
    if category is not None:
        rows = rows[rows["category_id"] == category]
    rows = rows[rows["province"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=POOLED_COLUMNS)
    # each plan once over the years (n_with_once counts it in its first selected year only)
    pooled = rows.groupby("province", as_index=False).agg(
        n_with=("n_with_once", "sum"),
        n_cat=("category_id", "nunique"),
        n_plans_total=("n_plans_total", "first"),
    )
    pooled["n_total"] = pooled["n_cat"] * pooled["n_plans_total"]
    pooled["share"] = pooled["n_with"] / pooled["n_total"]
    meta = rows.drop_duplicates("province")[
        ["province", "n_plans_total", "issued_as", "n_after_merger"]
    ].rename(columns={"n_plans_total": "n_plans"})
    return pooled.merge(meta, on="province")[POOLED_COLUMNS]


def tile_name(name: str) -> str:
    """A tile label: the short name on one or two lines ('Quảng\\nNinh'), diacritics kept."""
    name = _TILE_NAMES.get(name, name)
    words = name.split()
    if len(name) <= 6 or len(words) == 1:
        return name
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(name) / 2))
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


def _province_tip(name: str, era: str, lang: str) -> str:
    return merged_label(name, lang) if era == ERA_NEW else name


def _value_row(name: str, era: str, lang: str, v: pd.Series | None) -> dict[str, object]:
    if v is None:
        nodata = t("map_no_data", lang)
        return {"status": "nodata", "share": None, "value": "–", "small": False,
                "tip_value": nodata, "tip_plans": "0", "tip_counts": "–", "tip_issued": "–",
                "tip_note": nodata}  # fmt: skip
    after = int(v["n_after_merger"] or 0)
    mark = "*" if after and era != ERA_NEW else ""
    # Too few plans for the share to mean much: a dog-eared tile with MARK in the cut corner.
    small = is_small(int(v["n_plans"]))
    notes = [t("map_after_merger", lang, n=after) if mark else "", mark_note(lang) if small else ""]
    pct = f"{v['share']:.0%}"
    return {
        "status": "data", "share": float(v["share"]), "value": pct + mark, "small": small,
        "tip_value": pct, "tip_plans": str(int(v["n_plans"])),
        "tip_counts": f"{int(v['n_with'])}/{int(v['n_total'])}",
        "tip_issued": str(v["issued_as"] or "–"), "tip_note": "; ".join(n for n in notes if n),
    }  # fmt: skip


def tile_frame(
    values: pd.DataFrame, era: str, lang: str, highlight: Iterable[str] = ()
) -> pd.DataFrame:
    """Every province tile of the era with its value; provinces without a row are 'nodata'."""
    by_name = {row["province"]: row for _, row in values.iterrows()}
    chosen = set(highlight)
    rows = []
    for tile in tile_layout(era):
        name = str(tile["name"])
        row = {"kind": "province", "name": name, "row": tile["row"], "col": tile["col"],
               "label": tile_name(name), "tip_name": _province_tip(name, era, lang),
               "selected": name in chosen}  # fmt: skip
        rows.append(row | _value_row(name, era, lang, by_name.get(name)))
    for tile in archipelago_tiles(era):
        name = t("map_archipelago", lang, name=_island_name(tile, lang), owner=tile["belongs_to"])
        label = f"{t('map_islands', lang)}\n{tile['short']}\n({tile['belongs_to']})"
        rows.append({"kind": "archipelago", "name": name, "row": tile["row"], "col": tile["col"],
                     "label": label, "tip_name": name, "selected": False, "status": "island",
                     "small": False, "share": None, "value": "", "tip_value": "", "tip_plans": "",
                     "tip_counts": "", "tip_issued": "", "tip_note": ""})  # fmt: skip
    frame = pd.DataFrame(rows)
    # An archipelago box is almost two tiles wide (open sea, nothing to overlap) to fit its name.
    wide = (frame["kind"] == "archipelago") * (ISLAND_WIDTH - 1) / 2
    frame["x0"], frame["x1"] = frame["col"] + _GAP - wide, frame["col"] + 1 - _GAP + wide
    frame["y0"], frame["y1"] = frame["row"] + _GAP, frame["row"] + 1 - _GAP
    return frame


def _island_name(tile: dict[str, str | int], lang: str) -> str:
    """'Quần đảo Hoàng Sa' in Vietnamese; 'Hoàng Sa archipelago' in English."""
    return str(tile["name"]) if lang != "en" else f"{tile['short']} archipelago"


def text_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per line of text in a tile (name lines, value, archipelago lines), placed by hand:
    a multi-line Vega text mark has no reliable vertical anchor across renderers."""
    rows = []
    for tile in frame.to_dict("records"):
        lines = str(tile["label"]).split("\n")
        if tile["kind"] == "archipelago":
            placed = [
                ("island", line, off) for line, off in zip(lines, _ISLAND_OFFSETS, strict=True)
            ]
        else:
            offsets = _NAME_OFFSETS[len(lines)]
            placed = [("name", line, off) for line, off in zip(lines, offsets[:-1], strict=True)]
            placed.append(("value", tile["value"], offsets[-1]))
            if tile["small"]:  # in the corner: "100%" already fills a tile's width
                placed.append(("mark", MARK, MARK_XY[1]))
        for role, text, off in placed:
            x = MARK_XY[0] if role == "mark" else 0.5
            rows.append(tile | {"role": role, "text": text, "xc": tile["col"] + x,
                                "yc": tile["row"] + off})  # fmt: skip
    return pd.DataFrame(rows)


def _tooltip(lang: str) -> list[alt.Tooltip]:
    fields = [("tip_name", "map_tt_province"), ("tip_value", "map_tt_value"),
              ("tip_plans", "map_tt_plans"), ("tip_counts", "map_tt_counts"),
              ("tip_issued", "map_tt_issued"), ("tip_note", "map_tt_note")]  # fmt: skip
    return [alt.Tooltip(f"{f}:N", title=t(key, lang)) for f, key in fields]


def _scales(frame: pd.DataFrame) -> tuple[alt.Scale, alt.Scale]:
    """Fixed domains, one unit per tile, row 0 at the top."""
    x = alt.Scale(domain=[0, _width(frame)], nice=False, zero=False)
    y = alt.Scale(domain=[0, _height(frame)], nice=False, zero=False, reverse=True)
    return x, y


def _width(frame: pd.DataFrame) -> float:
    return float(frame["x1"].max() + _GAP)


def _height(frame: pd.DataFrame) -> float:
    return float(frame["row"].max() + 1)


def _legend_xy(frame: pd.DataFrame, tile: int) -> tuple[int, int]:
    """Legend corner in the open sea east of the Mekong delta (the last three rows)."""
    south = frame[(frame["kind"] == "province") & (frame["row"] >= _height(frame) - 3)]
    return round((south["col"].max() + 1.4) * tile), round((_height(frame) - 2.8) * tile)


def _tiles(frame: pd.DataFrame, lang: str, tile: int) -> list[alt.Chart]:
    xs, ys = _scales(frame)
    lx, ly = _legend_xy(frame, tile)
    rect = alt.Chart(frame).encode(
        x=alt.X("x0:Q", scale=xs, axis=None), x2="x1:Q",
        y=alt.Y("y0:Q", scale=ys, axis=None), y2="y1:Q", tooltip=_tooltip(lang),
    )  # fmt: skip
    stroke = alt.condition("datum.selected", alt.value("#111111"), alt.value("white"))
    width = alt.condition("datum.selected", alt.value(4), alt.value(1.2))
    share = alt.Color(
        "share:Q",
        scale=alt.Scale(domain=[0, 1], scheme=alt.SchemeParams("blues", extent=[0.12, 1])),
        legend=alt.Legend(title=t("map_share", lang), format=".0%", orient="none", legendX=lx,
                          legendY=ly, direction="horizontal", gradientLength=160,
                          gradientThickness=18),
    )  # fmt: skip
    # A fixed domain: with no grey tile the legend would be empty, and vl-convert then sizes the
    # file as infinite (the download fails); grey stays explained on every map.
    nodata = alt.Color(
        "nodata_label:N",
        scale=alt.Scale(domain=[t("map_no_data", lang)], range=[NO_DATA_FILL]),
        legend=alt.Legend(title=None, orient="none", legendX=lx, legendY=ly + 75,
                          symbolType="square", symbolSize=400, symbolStrokeColor=NO_DATA_STROKE,
                          symbolDash=[4, 3]),
    )  # fmt: skip
    layers = [
        rect.transform_filter("datum.status == 'data'")
        .mark_rect(cornerRadius=3)
        .encode(color=share, stroke=stroke, strokeWidth=width),
        rect.transform_filter("datum.status == 'nodata'")
        .transform_calculate(nodata_label=f"'{t('map_no_data', lang)}'")
        .mark_rect(cornerRadius=3, stroke=NO_DATA_STROKE, strokeDash=[4, 3])
        .encode(color=nodata, strokeWidth=width),
        rect.transform_filter("datum.status == 'island'").mark_rect(
            cornerRadius=12, fill="#f4f9fd", stroke=SEA_STROKE, strokeDash=[2, 3], strokeWidth=1.5
        ),
    ]
    if frame["small"].any():  # dog-eared tiles, explained under "no data"
        layers += cut_layers(rect, lang, (lx, ly + 105))
    return layers


def _labels(frame: pd.DataFrame, lang: str, tile: int) -> list[alt.Chart]:
    xs, ys = _scales(frame)
    base = alt.Chart(text_frame(frame)).encode(
        x=alt.X("xc:Q", scale=xs, axis=None), y=alt.Y("yc:Q", scale=ys, axis=None),
        text="text:N", tooltip=_tooltip(lang),
    )  # fmt: skip
    dark = "datum.status == 'data' && datum.share > 0.55"
    ink = alt.condition(dark, alt.value("white"), alt.value("#1a1a1a"))
    size = round(tile * 0.2)
    return [
        base.transform_filter("datum.role == 'name'")
        .mark_text(baseline="middle", fontSize=size)
        .encode(color=ink),
        base.transform_filter("datum.role == 'value'")
        .mark_text(baseline="middle", fontSize=size + 3, fontWeight="bold")
        .encode(color=ink),
        mark_layer(base, size + 1),
        base.transform_filter("datum.role == 'island'").mark_text(
            baseline="middle", fontSize=size, fontStyle="italic", color=SEA_STROKE
        ),
    ]


def tile_map(
    values: pd.DataFrame,
    era: str,
    measure_label: str,
    lang: str,
    caption: str,
    highlight: Iterable[str] = (),
) -> alt.HConcatChart:
    """The tile map of `era` ('34' or '63') coloured by ``values.share`` (see pool_measure).

    Wrapped in a one-chart hconcat: a stretched width would otherwise turn the squares into bars.
    """
    tile = TILE_PX[era]
    frame = tile_frame(values, era, lang, highlight)
    view = alt.layer(*_tiles(frame, lang, tile), *_labels(frame, lang, tile))
    view = view.resolve_scale(color="independent").properties(
        width=round(_width(frame) * tile), height=round(_height(frame) * tile)
    )
    title, subtitle = map_title(era, measure_label, caption, lang, _width(frame) * tile)
    return (
        alt.hconcat(view)
        .properties(title=alt.TitleParams(title, subtitle=subtitle, anchor="start"))
        .configure(font=MAP_FONT)
        .configure_title(
            fontSize=TITLE_PX, subtitleFontSize=SUBTITLE_PX, subtitleColor="#444", offset=12
        )
        .configure_legend(labelFontSize=14, titleFontSize=14, labelLimit=360)
        .configure_view(strokeWidth=0)
    )
