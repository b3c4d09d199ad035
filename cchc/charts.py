"""Every dashboard chart, in altair and without streamlit, so exports can reuse the same figures.

Each function takes a query's DataFrame, the language and a ``caption`` (what it counts, the
filters, "Nguồn: N kế hoạch · dữ liệu ngày …") and returns a chart whose subtitle is that caption:
a chart copied into a briefing still says where its numbers come from. (The dashboard prints the
caption under the chart and draws it without: cchc.export.images.without_caption.)
"""

from __future__ import annotations

import textwrap
from functools import lru_cache

import altair as alt
import pandas as pd

from cchc import chart_labels, small_samples
from cchc.collate import vi_sorted
from cchc.i18n import short_label, t
from cchc.parse.codebook import load_codebook

# Blue and orange mean digital and traditional channels, on every page and in every export.
GROUP_COLORS = {"digital": "#1f77b4", "traditional": "#ff7f0e"}
# A chart whose colour encodes nothing (each bar or panel is named) draws in one dark slate:
# neither a group colour, which would lend it a meaning, nor pale, which vanishes in print.
NEUTRAL_COLOR = "#4a5866"
# Fonts with full Vietnamese coverage, Windows first then Linux; diacritics must not vanish.
FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"


@lru_cache(maxsize=1)
def _codebook_order() -> dict[str, int]:
    return {cat.id: i for i, cat in enumerate(load_codebook().categories)}


def _order(category_ids: pd.Series) -> list[str]:
    """Category ids in codebook order (rows, columns and panels of every chart)."""
    order = _codebook_order()
    return sorted(set(category_ids), key=lambda c: order.get(c, 999))


def _labelled(df: pd.DataFrame, lang: str, short: bool = False, wrap: int = 0) -> pd.DataFrame:
    """Adds ``label`` (the language's label, on two lines of ``wrap`` characters when given),
    ``label_full`` (for tooltips) and ``place`` (province label when given)."""
    out = df.copy()
    full = out["label_en"] if lang == "en" else out["label_vi"]
    out["label_full"] = full
    out["label"] = [
        short_label(c, f, lang) if short else f
        for c, f in zip(out["category_id"], full, strict=True)
    ]
    if wrap:
        out["label"] = [chart_labels.wrap_label(label, wrap) for label in out["label"]]
    if "province" in out:
        out["place"] = out["province_label"] if "province_label" in out else out["province"]
    return out


def pool_years(
    df: pd.DataFrame, keys: list[str], sort: bool = True, dropna: bool = False
) -> pd.DataFrame:
    """Pools years: shares of pooled counts, never averages of yearly shares. Each plan counts
    once (the queries' ``*_once`` columns count it in its first selected year only): a 2022–2025
    plan is one plan, as in "Nguồn: N kế hoạch", not four."""
    counts = {"n_with_once": "n_with", "n_plans_once": "n_plans"}
    agg = df.groupby(keys, as_index=False, sort=sort, dropna=dropna)[list(counts)].sum()
    agg = agg.rename(columns=counts)
    agg["share"] = agg["n_with"] / agg["n_plans"].where(agg["n_plans"] > 0)
    return agg.fillna({"share": 0.0})


def _finish(
    chart: alt.Chart | alt.FacetChart, title: str, caption: str, notes: list[str] | None = None
) -> alt.Chart:
    """Title, the caption as subtitle (plus ``notes`` lines), fonts and sizes for every chart."""
    subtitle = (textwrap.wrap(caption, 75) or [""]) + [
        line for note in notes or [] for line in textwrap.wrap(note, 75)
    ]
    # Fit the width only: "fit" would also squash the height into an unsized container. Panels
    # (facets) keep their own size: Vega-Lite cannot fit them.
    faceted = isinstance(chart, alt.FacetChart)
    autosize = alt.AutoSizeParams(type="pad" if faceted else "fit-x", contains="padding")
    return (
        chart.properties(
            title=alt.TitleParams(title, subtitle=subtitle, anchor="start"), autosize=autosize
        )
        .configure(font=FONT)
        .configure_title(fontSize=22, subtitleFontSize=14, subtitleColor="#444", offset=12)
        .configure_axis(labelFontSize=15, titleFontSize=15, labelLimit=420)
        .configure_legend(labelFontSize=14, titleFontSize=14, labelLimit=360)
        .configure_view(strokeWidth=0)
    )


def _tooltip(lang: str, place: bool = True) -> list[alt.Tooltip]:
    tips = [alt.Tooltip("place:N", title=t("col_province", lang))] if place else []
    return tips + [
        alt.Tooltip("label_full:N", title=t("col_label", lang)),
        alt.Tooltip("share:Q", title=t("col_share", lang), format=".0%"),
        alt.Tooltip("n_with:Q", title=t("col_n_plans_with", lang)),
        alt.Tooltip("n_plans:Q", title=t("col_n_plans", lang)),
    ]


ROW_LABEL_CHARS = 26  # a heatmap's row label: ~200 px at 15 px, the grid keeps the rest


def _row_order(places: pd.Series) -> list[str]:
    # An explicit list: Vega-Lite's "ascending" is by code point (every Đ… after Yên Bái).
    return vi_sorted(places.unique())


def heatmap_rows(df: pd.DataFrame) -> list[str]:
    """The heatmap's row labels, top to bottom (the pack splits long heatmaps in this order)."""
    return _row_order(df["province_label"] if "province_label" in df else df["province"])


def share_grid(
    data: pd.DataFrame, x: alt.X, y: alt.Y, height: int, min_width: int, lang: str, row_px: int
) -> alt.LayerChart:
    """Cells coloured by the share of plans on one 0–100 % scale, "n/N" written in each."""
    data = data.assign(
        cell=data["n_with"].astype(int).astype(str) + "/" + data["n_plans"].astype(str)
    )
    # The legend no taller than the grid: below it, it was cut off in the PNGs.
    legend = alt.Legend(title=t("col_share", lang), format=".0%",
                        gradientLength=min(200, height - 50))  # fmt: skip
    base = alt.Chart(data).encode(x=x, y=y)
    color = alt.Color("share:Q", scale=alt.Scale(domain=[0, 1], scheme="blues"), legend=legend)
    rect = base.mark_rect(stroke="white", strokeWidth=2).encode(color=color, tooltip=_tooltip(lang))
    text = base.mark_text(fontSize=min(16, round(row_px * 0.45))).encode(
        text="cell:N",
        color=alt.condition("datum.share > 0.5", alt.value("white"), alt.value("#222")),
        tooltip=_tooltip(lang),
    )
    return (rect + text).properties(
        height=height, width="container", usermeta={"min_width": min_width}
    )


def heatmap(
    df: pd.DataFrame,
    lang: str,
    caption: str,
    title: str | None = None,
    places: list[str] | None = None,
    row_px: int = 48,
) -> alt.Chart:
    """Province × category grid of the share of plans (content areas by default), years pooled.

    ``places`` draws only those rows (one part of a long heatmap), with the columns and the
    colour scale of the whole: parts of one heatmap compare cell by cell."""
    data = pool_years(
        _labelled(df, lang, short=True), ["place", "category_id", "label", "label_full"]
    )
    n_columns = data["category_id"].nunique()
    data["label"] = chart_labels.header_labels(data["label"], n_columns)
    ids = _order(data["category_id"])
    order = list(dict.fromkeys(data.set_index("category_id").loc[ids, "label"]))
    data = data[data["place"].isin(places)] if places is not None else data
    x = alt.X("label:N", sort=order, title=None, axis=chart_labels.header_axis())
    # Today's merged provinces ("Hồ Chí Minh (gồm Bà Rịa - Vũng Tàu, Bình Dương)") on up to
    # three lines: on one, they squeezed the grid until the column headers ran together. A
    # province of fewer than MIN_PLANS plans is marked after wrapping: no cut takes the mark.
    small = small_samples.small_places(data, "place")
    rows = {
        p: small_samples.marked(chart_labels.wrap_label(p, ROW_LABEL_CHARS, 3), p in small)
        for p in _row_order(data["place"])
    }
    data = data.assign(row=data["place"].map(rows))
    y = alt.Y("row:N", title=None, sort=list(rows.values()), axis=chart_labels.row_axis())
    height = max(120, row_px * data["place"].nunique())
    chart = share_grid(data, x, y, height, chart_labels.plot_width(n_columns), lang, row_px)
    return _finish(chart, title or t("page_overview", lang), caption)


def _share_axis(lang: str) -> alt.X:
    """Shares of plans on a fixed 0–100 % axis: bars of different charts compare by eye."""
    return alt.X(
        "share:Q", title=t("col_share", lang), axis=alt.Axis(format=".0%"),
        scale=alt.Scale(domain=[0, 1]),
    )  # fmt: skip


def _share_bars(
    data: pd.DataFrame,
    lang: str,
    color: alt.Color | dict,  # a scale, or alt.value(one colour)
    tooltip: list,
    y_field: str = "label",
    min_height: int = 0,
) -> alt.Chart:
    """Horizontal bars of the share of plans per category (or document), longest first; a
    label on two lines gets a taller row."""
    step = chart_labels.row_step(data[y_field].astype(str))
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y(f"{y_field}:N", sort="-x", title=None, axis=chart_labels.row_axis()),
            x=_share_axis(lang),
            color=color,
            tooltip=tooltip,
        )
        .properties(height=max(min_height, step * len(data)), width="container")
    )  # fmt: skip


def citation_bars(data: pd.DataFrame, lang: str, caption: str, title: str) -> alt.Chart:
    """Cited central documents by share of plans, each plan once (no dashboard chart shows this
    pooled)."""
    tooltip = [alt.Tooltip("cite_key:N", title=t("col_cite_key", lang)),
               alt.Tooltip("share:Q", title=t("col_share", lang), format=".0%"),
               alt.Tooltip("n_citing:Q", title=t("col_n_citing", lang))]  # fmt: skip
    color = alt.value(NEUTRAL_COLOR)
    bars = _share_bars(data, lang, color, tooltip, y_field="cite_key", min_height=120)
    return _finish(bars, title, caption)


def channel_bars(df: pd.DataFrame, lang: str, caption: str, title: str | None = None) -> alt.Chart:
    """Channels by share of plans using them, coloured digital vs traditional."""
    data = _labelled(df, lang, wrap=chart_labels.BAR_LABEL_CHARS)
    data = pool_years(data, ["category_id", "label", "label_full", "channel_group"])
    data["group"] = [t(f"group_{g}", lang) for g in data["channel_group"]]
    colors = alt.Scale(
        domain=[t("group_digital", lang), t("group_traditional", lang)],
        range=[GROUP_COLORS["digital"], GROUP_COLORS["traditional"]],
    )
    color = alt.Color("group:N", scale=colors, legend=alt.Legend(title=t("group", lang)))
    tooltip = [alt.Tooltip("group:N", title=t("group", lang)), *_tooltip(lang, False)]
    return _finish(_share_bars(data, lang, color, tooltip), title or t("c_channels", lang), caption)


def category_bars(df: pd.DataFrame, lang: str, caption: str, title: str | None = None) -> alt.Chart:
    """Share of plans with each category (indicators by default), in the neutral colour: each
    bar is named, and the blue and orange above it on the overview mean channel groups."""
    data = pool_years(
        _labelled(df, lang, wrap=chart_labels.BAR_LABEL_CHARS),
        ["category_id", "label", "label_full"],
    )
    chart = _share_bars(data, lang, alt.value(NEUTRAL_COLOR), _tooltip(lang, False))
    return _finish(chart, title or t("c_indicators", lang), caption)


def _panel_labels(data: pd.DataFrame, years: list[int]) -> list[str]:
    """The share printed over a point: every point when the years are few, else the first and
    the last year's (a row of overlapping numbers reads as noise)."""
    shown = set(years) if len(years) <= 5 else {years[0], years[-1]}
    return [
        f"{s:.0%}" if y in shown else "" for y, s in zip(data["year"], data["share"], strict=True)
    ]


def _plans_per_year(data: pd.DataFrame, lang: str) -> str:
    """ "Số kế hoạch theo năm: 2023: 1 · 2025: 4": a share of one plan is not a trend."""
    counts = data.groupby("year")["n_plans"].max()
    # No-break spaces before each "·" and after each year's colon: a wrapped line never starts
    # with "·" nor parts a year from its count ("2025:" / "104").
    return (
        t("plans_per_year", lang) + ": "
        + "\u00a0· ".join(f"{y}:\u00a0{n}" for y, n in counts.items())
    )  # fmt: skip


def trend_lines(df: pd.DataFrame, lang: str, caption: str, title: str | None = None) -> alt.Chart:
    """Share of plans with each category by year: one small panel per category, on the same
    0–100 % scale, so no line hides another (a dozen lines on one plot do); the tooltip gives
    the counts behind each point."""
    data = _labelled(df, lang, short=True)
    ids = _order(data["category_id"])
    years = sorted(data["year"].unique().tolist())
    data["value_label"] = _panel_labels(data, years)
    columns = 3 if len(ids) <= 6 else 4
    width = 240 if columns == 3 else 175
    # Panel titles wrap rather than being cut ("Bộ chỉ số phục vụ người dân, doanh nghiệp…").
    data["panel"] = ["\n".join(textwrap.wrap(lbl, width // 9)) for lbl in data["label"]]
    panels = list(dict.fromkeys(data.set_index("category_id").loc[ids, "panel"]))
    step = 1 if len(years) <= 5 else 2 if columns == 3 else 3  # year labels must not touch
    base = alt.Chart().encode(
        x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0, values=years[::step], labelFontSize=13)),
        y=alt.Y("share:Q", title=None, scale=alt.Scale(domain=[0, 1.15], nice=False),
                axis=alt.Axis(format=".0%", values=[0, 0.25, 0.5, 0.75, 1], labelFontSize=13)),
        tooltip=[alt.Tooltip("year:O", title=t("col_year", lang)), *_tooltip(lang, False)],
    )  # fmt: skip
    layer = alt.layer(
        base.mark_line(strokeWidth=3, color=NEUTRAL_COLOR),
        base.mark_point(size=70, filled=True, color=NEUTRAL_COLOR, opacity=1),
        base.mark_text(dy=-13, fontSize=13, color="#222").encode(text="value_label:N"),
        data=data,
    ).properties(width=width, height=150)
    header = alt.Header(labelFontSize=15, labelFontWeight="bold", labelAnchor="start",
                        labelExpr="split(datum.label, '\\n')", labelLimit=0)  # fmt: skip
    chart = layer.facet(
        facet=alt.Facet("panel:N", sort=panels, title=None, header=header), columns=columns
    )
    return _finish(chart, title or t("c_trends", lang), caption, [_plans_per_year(data, lang)])
