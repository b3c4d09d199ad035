"""One or two sentences per chart, computed from the query result (for slides and PDF pages).

Shares are pooled over the selected years as the charts pool them (each plan once, never averages
of yearly shares), so a finding never contradicts the chart above it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from cchc.charts import pool_years
from cchc.collate import vi_key, vi_sorted
from cchc.i18n import short_label, t
from cchc.small_samples import MIN_PLANS, is_small, marked, small_places

MAX_LACKS = 6  # provinces listed by name; a longer list would not fit under a slide's chart
CHANGE_THRESHOLD = 0.2  # smaller moves in a handful of plans are noise, not news
MAX_TIES = 3


def _label(df: pd.DataFrame, lang: str, short: bool = False) -> pd.Series:
    full = df["label_en"] if lang == "en" else df["label_vi"]
    if not short:
        return full
    return pd.Series(
        [short_label(c, f, lang) for c, f in zip(df["category_id"], full, strict=True)],
        index=df.index,
    )


def pooled(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The charts' pooling of years, rows in the order met (tables follow the query's order)."""
    return pool_years(df, keys, sort=False, dropna=True)


def _names(values: pd.Series, pick: float) -> str:
    """The labels whose share equals ``pick`` (ties named together, at most MAX_TIES)."""
    names = [str(k) for k, v in values.items() if abs(v - pick) < 1e-9]
    # "; " between names: many labels hold commas themselves ("Hội nghị, họp, tập huấn")
    return "; ".join(names[:MAX_TIES]) + ("…" if len(names) > MAX_TIES else "")


def _place(df: pd.DataFrame) -> str:
    return "province_label" if "province_label" in df else "province"


def coverage(df: pd.DataFrame, lang: str) -> str:
    """Provinces with all six content areas, and the areas each other province lacks; a
    province of fewer than MIN_PLANS plans carries the heatmap's mark here too."""
    if df.empty:
        return t("f_no_data", lang)
    data = df.assign(label=_label(df, lang, short=True))
    agg = pooled(data, [_place(data), "category_id", "label"])
    small = small_places(agg, _place(data))
    full, lacks = [], []
    groups = sorted(agg.groupby(_place(data)), key=lambda g: vi_key(str(g[0])))
    for name, rows in groups:  # provinces named in Vietnamese order, as on the chart
        place = marked(str(name), name in small)
        if (rows["n_with"] == rows["n_plans"]).all():
            full.append(str(place))
        missing = rows.loc[rows["n_with"] == 0, "label"].tolist()
        if missing:
            lacks.append(t("f_lacks", lang, prov=place, items=", ".join(missing)))
    head = t("f_full", lang, items=", ".join(full)) if full else t("f_full_none", lang)
    more = ["…"] if len(lacks) > MAX_LACKS else []
    return " ".join([head, *lacks[:MAX_LACKS], *more])


def _shares(df: pd.DataFrame, lang: str) -> pd.Series:
    data = df.assign(label=_label(df, lang))
    agg = pooled(data, ["category_id", "label"])
    return agg.set_index("label")["share"].sort_values(ascending=False, kind="stable")


def most_least(df: pd.DataFrame, lang: str) -> str:
    """The most and the least used category (channels)."""
    if df.empty:
        return t("f_no_data", lang)
    shares = _shares(df, lang)
    top, low = shares.max(), shares.min()
    return t("f_most_least", lang, top=_names(shares, top), a=top, low=_names(shares, low), b=low)


def top_indicator(df: pd.DataFrame, lang: str) -> str:
    """The most cited index, and the indices no plan names."""
    if df.empty:
        return t("f_no_data", lang)
    shares = _shares(df, lang)
    text = t("f_top_indicator", lang, top=_names(shares, shares.max()), a=shares.max())
    never = [str(k) for k, v in shares.items() if v == 0]
    return f"{text} {t('f_never', lang, items='; '.join(never))}" if never else text


def breadth(df: pd.DataFrame, lang: str) -> str:
    """Which province's plans use the most and the fewest categories of the family, among the
    provinces of at least MIN_PLANS plans: one plan naturally names fewer items than fifteen."""
    if df.empty:
        return t("f_no_data", lang)
    place = _place(df)
    agg = pooled(df, [place, "category_id"])
    small = small_places(agg, place)
    ranked = [p for p in vi_sorted(df[place].dropna().unique()) if p not in small]
    if not ranked:
        return t("f_breadth_none", lang, n=MIN_PLANS)
    counts = agg.query("n_with > 0").groupby(place).size().reindex(ranked, fill_value=0)
    a, b = int(counts.max()), int(counts.min())
    text = t("f_breadth", lang, top=_names(counts, a), a=a, low=_names(counts, b), b=b)
    return f"{text} {t('f_small_unranked', lang, n=MIN_PLANS)}" if small else text


def province_shares(values: pd.DataFrame, n_grey: int, lang: str) -> str:
    """The map's highest and lowest provinces among those of at least MIN_PLANS plans (the
    tiles' pooled shares, cchc.charts_map.pool_measure), then how many tiles are grey."""
    if values.empty:
        return t("f_no_data", lang)
    ranked = values[[not is_small(int(n)) for n in values["n_plans"]]]
    if ranked.empty:
        text = t("f_breadth_none", lang, n=MIN_PLANS)
    else:
        shares = ranked.set_index("province")["share"].reindex(vi_sorted(ranked["province"]))
        a, b = shares.max(), shares.min()
        text = t("f_map_high_low", lang, top=_names(shares, a), a=a, low=_names(shares, b), b=b)
        if len(ranked) < len(values):
            text += " " + t("f_small_unranked", lang, n=MIN_PLANS)
    return f"{text} {t('f_map_grey', lang, n=n_grey)}" if n_grey else text


@dataclass(frozen=True)
class YearChange:
    """The latest year with plans against the year before it. The overview's change lines and
    the pack's trend finding both read this one comparison, so they cannot disagree."""

    prev: int
    last: int
    # category_id, label_vi, label_en, share_prev, share, n_plans, delta: the moves of at least
    # CHANGE_THRESHOLD, largest first (codebook order among equals)
    moves: pd.DataFrame


def year_change(trends: pd.DataFrame) -> YearChange | None:
    """Shares of the last year with plans against the year before (trends_by_year rows); None
    with fewer than two years."""
    years = sorted(trends["year"].unique()) if not trends.empty else []
    if len(years) < 2:
        return None
    prev, last = years[-2], years[-1]
    a = trends[trends["year"] == prev].set_index("category_id")
    b = trends[trends["year"] == last].set_index("category_id")
    both = b.join(a[["share"]].rename(columns={"share": "share_prev"}), how="inner")
    both["delta"] = both["share"] - both["share_prev"]
    # 40 % → 60 % is 0.1999… in floating point: a move at the threshold counts.
    moved = both[both["delta"].abs() >= CHANGE_THRESHOLD - 1e-9]
    moved = moved.loc[moved["delta"].abs().sort_values(ascending=False, kind="stable").index]
    return YearChange(int(prev), int(last), moved.reset_index())


def trend(df: pd.DataFrame, lang: str) -> str:
    """The biggest rise (and fall) of the last year with plans against the year before: the
    overview's "changes since the previous year" in one or two sentences."""
    if df.empty:
        return t("f_no_data", lang)
    change = year_change(df)
    if change is None:
        top = df.assign(label=_label(df, lang)).set_index("label")["share"]
        top = top.sort_values(ascending=False, kind="stable")
        year = int(df["year"].iloc[0])
        return t("f_one_year", lang, year=year, top=_names(top, top.max()), a=top.max())
    moves = change.moves.assign(label=_label(change.moves, lang))
    parts = []
    for key, rows in (("f_rise", moves[moves["delta"] > 0]), ("f_fall", moves[moves["delta"] < 0])):
        if not rows.empty:  # the first row moved the most
            row = rows.iloc[0]
            parts.append(t(key, lang, label=row["label"], a=row["share_prev"], b=row["share"]))
    y0, y1 = change.prev, change.last
    return f"{y0}→{y1}: " + " ".join(parts) if parts else t("f_flat", lang, y0=y0, y1=y1)


def citations(df: pd.DataFrame, lang: str) -> str:
    """The central document cited by the largest share of plans (years pooled)."""
    if df.empty:
        return t("f_no_data", lang)
    shares = citation_shares(df).set_index("cite_key")["share"]
    return t("f_top_cited", lang, top=_names(shares, shares.max()), a=shares.max())


def citation_shares(df: pd.DataFrame) -> pd.DataFrame:
    """Per cited document: plans citing it over all plans of the selected years (each plan once,
    in its first selected year; plans citing no central document count too)."""
    total = int(df["n_plans_selected"].iloc[0])
    agg = df.groupby("cite_key", as_index=False)["n_citing_once"].sum()
    agg = agg.rename(columns={"n_citing_once": "n_citing"})
    agg["n_plans"] = total
    agg["share"] = agg["n_citing"] / total if total else 0.0
    return agg.sort_values(["share", "cite_key"], ascending=[False, True], ignore_index=True)
