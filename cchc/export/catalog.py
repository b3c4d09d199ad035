"""The charts a briefing can hold: id → query, chart function, caption, finding and table.

Queries run through a ``Runner`` (name, params → DataFrame) so the dashboard can pass its cached
query function and the CLI a plain DuckDB connection: neither needs the other's machinery.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import altair as alt
import pandas as pd

from cchc import charts
from cchc.charts_map import pool_measure, tile_map
from cchc.charts_map_words import (
    ERA_OF_VIEW,
    MEAN,
    era_names,
    map_note,
    measure_options,
    measure_what,
    plan_counts,
)
from cchc.collate import vi_key
from cchc.export import findings
from cchc.export.captions import caption, filters_text, heatmap_note, label_provinces
from cchc.geo.tilegrid import tile_layout
from cchc.i18n import FAMILIES, family_name, t
from cchc.small_samples import counts_note
from cchc.store.db import Filters

Runner = Callable[[str, dict[str, object]], pd.DataFrame]

TRENDS = tuple(f"trend_{f}" for f in FAMILIES)
PACK_IDS = ("coverage", "channel_mix", "indicator_focus", "channel_by_province",
            "indicator_by_province", *TRENDS, "citations")  # fmt: skip
# The map exports too, but a pack takes it only when asked: a tall map on a 16:9 slide or an A4
# page shrinks to a strip whose tile names are 4-5 pt.
CHART_IDS = (*PACK_IDS, "map")
# Province rows per slide or page: 60 rows on one slide shrink to unreadable. A longer heatmap
# is split into near-equal parts (60 → 3 × 20, 63 → 4 × 16), each with the caption and the
# columns and colour scale of the whole.
ROWS_PER_PART = 20
PART_ROW_PX = 34  # a part's row height: twenty rows and the header fill a slide's chart area
TABLE_COLUMNS = {
    "place": "col_province", "year": "col_year", "cite_key": "col_cite_key", "label": "col_label",
    "n_with": "col_n_plans_with", "n_citing": "col_n_citing", "n_plans": "col_n_plans",
    "share": "col_share",
}  # fmt: skip


@dataclass(frozen=True)
class Context:
    """What every chart of one export shares: filters, language and the headline numbers."""

    run: Runner
    filters: Filters
    lang: str
    n_plans: int
    date: str
    scope: str  # the filters in words


@dataclass(frozen=True)
class Part:
    """One slide of a chart split over several ("… (2/3)"): its title, chart and finding."""

    title: str
    chart: alt.TopLevelMixin
    finding: str


@dataclass(frozen=True)
class Item:
    chart_id: str
    title: str
    caption: str
    chart: alt.TopLevelMixin
    finding: str
    table: pd.DataFrame = field(repr=False)  # the chart's numbers, pooled as the chart pools them
    parts: tuple[Part, ...] = ()  # a long heatmap's slides; empty: one slide of ``chart``


def context(run: Runner, filters: Filters, lang: str) -> Context:
    """Runs overview_numbers once for the plan count, the data's years and the data date."""
    nums = run("overview_numbers", filters.params()).iloc[0]
    n = int(nums["n_plans"] or 0)
    years = (int(nums["first_year"]), int(nums["last_year"])) if n else None
    date = str(nums["data_date"])[:10] if nums["data_date"] is not None else "?"
    return Context(run, filters, lang, n, date, filters_text(filters, lang, years))


def chart_title(chart_id: str, lang: str) -> str:
    """The title of a catalogue chart (the dashboard's own title where the chart is on a page)."""
    titles = {
        "coverage": t("c_heatmap", lang).split(" (")[0],
        "channel_mix": t("c_channels", lang),
        "indicator_focus": t("c_indicators", lang),
        "channel_by_province": t("x_channel_prov", lang),
        "indicator_by_province": t("x_indicator_prov", lang),
        "citations": t("x_citations", lang),
        "map": t("map_heading", lang),
    }
    if chart_id.startswith("trend_"):
        return t("x_trend", lang, family=family_name(chart_id.removeprefix("trend_"), lang))
    if chart_id not in titles:
        raise KeyError(f"unknown chart id {chart_id!r}; known: {', '.join(CHART_IDS)}")
    return titles[chart_id]


def _query(ctx: Context, name: str, **extra: object) -> pd.DataFrame:
    return ctx.run(name, {**ctx.filters.params(), **extra})


def _table(df: pd.DataFrame, keys: list[str], ctx: Context, pool: bool = True) -> pd.DataFrame:
    """The chart's numbers: years pooled (each plan once), or per year as the query gives them."""
    if df.empty:
        return pd.DataFrame(columns=[*keys, "n_with", "n_plans", "share"])
    data = df.copy()
    data["label"] = data["label_en"] if ctx.lang == "en" else data["label_vi"]
    if "province_label" in data:
        data["place"] = data["province_label"]
    data = findings.pooled(data, keys) if pool else data
    return data[[*keys, "n_with", "n_plans", "share"]]


def _heatmap(ctx: Context, chart_id: str, name: str, what: str) -> Item:
    df = label_provinces(_query(ctx, name), ctx.filters.view_by, ctx.lang)
    note = heatmap_note(df, ctx.filters.view_by, ctx.lang, pooled=chart_id == "coverage")
    cap = caption(t(what, ctx.lang), ctx.scope, ctx.n_plans, ctx.date, ctx.lang, note)
    title = chart_title(chart_id, ctx.lang)
    finding = findings.coverage if chart_id == "coverage" else findings.breadth
    chart = charts.heatmap(df, ctx.lang, cap, title)
    table = _table(df, ["place", "label"], ctx)
    # Coverage names provinces: each part names its own. Breadth ranks all provinces: the
    # whole heatmap's ranking on every part.
    whole = finding(df, ctx.lang)
    part_finding = finding if chart_id == "coverage" else lambda _df, _lang: whole
    parts = _heatmap_parts(df, ctx.lang, cap, title, part_finding)
    return Item(chart_id, title, cap, chart, whole, table, parts)


def split_rows(rows: list[str], limit: int = ROWS_PER_PART) -> list[list[str]]:
    """``rows`` in consecutive parts of at most ``limit``, as even as they come."""
    n_parts = max(1, -(-len(rows) // limit))
    size = max(1, -(-len(rows) // n_parts))
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def _heatmap_parts(
    df: pd.DataFrame, lang: str, cap: str, title: str, finding: Callable[[pd.DataFrame, str], str]
) -> tuple[Part, ...]:
    """The heatmap as "title (1/3)" … parts when it has more than ROWS_PER_PART rows."""
    groups = split_rows(charts.heatmap_rows(df))
    places = df["province_label"] if "province_label" in df else df["province"]
    parts = []
    for i, rows in enumerate(groups if len(groups) > 1 else [], start=1):
        name = f"{title} ({i}/{len(groups)})"
        chart = charts.heatmap(df, lang, cap, name, places=rows, row_px=PART_ROW_PX)
        parts.append(Part(name, chart, finding(df[places.isin(rows)], lang)))
    return tuple(parts)


def _bars(ctx: Context, chart_id: str) -> Item:
    name, what, draw, finding = {
        "channel_mix": ("channel_mix", "c_channels", charts.channel_bars, findings.most_least),
        "indicator_focus": ("indicator_focus", "c_indicators", charts.category_bars,
                            findings.top_indicator),
    }[chart_id]  # fmt: skip
    df = _query(ctx, name)
    cap = caption(t(what, ctx.lang), ctx.scope, ctx.n_plans, ctx.date, ctx.lang)
    title = chart_title(chart_id, ctx.lang)
    chart = draw(df, ctx.lang, cap, title)
    return Item(chart_id, title, cap, chart, finding(df, ctx.lang), _table(df, ["label"], ctx))


def _trend(ctx: Context, chart_id: str) -> Item:
    df = _query(ctx, "trends_by_year", family=chart_id.removeprefix("trend_"))
    cap = caption(t("c_trends", ctx.lang), ctx.scope, ctx.n_plans, ctx.date, ctx.lang)
    title = chart_title(chart_id, ctx.lang)
    chart = charts.trend_lines(df, ctx.lang, cap, title)
    table = _table(df, ["year", "label"], ctx, pool=False)  # one row per year and item already
    return Item(chart_id, title, cap, chart, findings.trend(df, ctx.lang), table)


def _citations(ctx: Context, chart_id: str) -> Item:
    df = _query(ctx, "citation_uptake")
    data = findings.citation_shares(df) if not df.empty else df
    what = t("x_citations_what", ctx.lang)
    cap = caption(what, ctx.scope, ctx.n_plans, ctx.date, ctx.lang)
    title = chart_title(chart_id, ctx.lang)
    chart = charts.citation_bars(data, ctx.lang, cap, title)
    table = data[["cite_key", "n_citing", "n_plans", "share"]] if not df.empty else data
    return Item(chart_id, title, cap, chart, findings.citations(df, ctx.lang), table)


def _map(ctx: Context, chart_id: str) -> Item:
    """The dashboard's province map as it opens: the mean coverage of the six content areas, in
    the layout of the view (34 today, 63 as issued). As on the page, chosen provinces are
    outlined, not the only ones drawn (the others would read as "no data"); its caption (filters
    without them, plans on the map) is the page's, word for word (cchc.ui.maps.map_caption)."""
    lang, view, era = ctx.lang, ctx.filters.view_by, ERA_OF_VIEW[ctx.filters.view_by]
    every = context(ctx.run, replace(ctx.filters, provinces=()), lang)
    rows = ctx.run("province_measure", {**every.filters.params(), "family": MEAN})
    values = pool_measure(rows)
    n_plans, n_unplaced = plan_counts(values, rows)
    outlined = era_names(ctx.filters.provinces, view, era)
    note = map_note(era, lang, counts_note(values["n_plans"], lang), bool(outlined), n_unplaced)
    cap = caption(measure_what(MEAN, lang), every.scope, n_plans, every.date, lang, note)
    label = measure_options(lang)[MEAN]
    chart = tile_map(values, era, label, lang, cap, highlight=outlined)
    title = f"{t('map_title', lang, n=era)}: {label}"
    n_grey = len({str(tile["name"]) for tile in tile_layout(era)} - set(values["province"]))
    finding = findings.province_shares(values, n_grey, lang)
    return Item(chart_id, title, cap, chart, finding, _map_table(values, view, lang))


def _map_table(values: pd.DataFrame, view_by: str, lang: str) -> pd.DataFrame:
    """One row per province on the map, in Vietnamese order, named as the heatmaps name it."""
    data = label_provinces(values, view_by, lang).rename(columns={"province_label": "place"})
    data = data.sort_values("province", key=lambda names: names.map(vi_key), ignore_index=True)
    return data[["place", "n_plans", "share"]]


def build_item(ctx: Context, chart_id: str) -> Item:
    """One catalogue chart with its caption, finding and table, for the context's filters."""
    chart_title(chart_id, ctx.lang)  # fails early, with the list of ids, on a typo
    if chart_id in ("coverage", "channel_by_province", "indicator_by_province"):
        name = {"coverage": "coverage_by_province_year", "channel_by_province": "channel_mix",
                "indicator_by_province": "indicator_focus"}[chart_id]  # fmt: skip
        what = {"coverage": "c_heatmap", "channel_by_province": "c_channels",
                "indicator_by_province": "c_indicators"}[chart_id]  # fmt: skip
        return _heatmap(ctx, chart_id, name, what)
    if chart_id in ("channel_mix", "indicator_focus"):
        return _bars(ctx, chart_id)
    if chart_id in TRENDS:
        return _trend(ctx, chart_id)
    if chart_id == "map":
        return _map(ctx, chart_id)
    return _citations(ctx, chart_id)


def table_columns() -> dict[str, str]:
    """Column id → i18n key for every catalogue table (cchc.export.tables.labelled)."""
    return dict(TABLE_COLUMNS)
