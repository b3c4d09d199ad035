"""Short sentences drawn from query results (no streamlit: plain functions, easy to test)."""

from __future__ import annotations

import pandas as pd

from cchc.charts import pool_years
from cchc.collate import vi_sorted
from cchc.export.findings import year_change
from cchc.i18n import number, t
from cchc.small_samples import marked, small_places


def _label(row: pd.Series, lang: str) -> str:
    return row["label_en"] if lang == "en" else row["label_vi"]


def year_changes(trends: pd.DataFrame, lang: str, limit: int = 6) -> list[str]:
    """'2025: X rose from 40% to 80% of plans (5 plans).' for the latest year vs the one before:
    the comparison the briefing pack's trend finding makes (findings.year_change)."""
    change = year_change(trends)
    if change is None:
        return [t("no_prev_year", lang)]
    lines = [
        t("change_up" if row["delta"] > 0 else "change_down", lang, year=change.last,
          label=_label(row, lang), a=row["share_prev"], b=row["share"], n=row["n_plans"])
        for _, row in change.moves.head(limit).iterrows()
    ]  # fmt: skip
    return lines or [t("no_changes", lang, year=change.last)]


def unique_items(frames: list[pd.DataFrame], place_col: str, lang: str) -> list[str]:
    """Per place: the categories it has (n_with > 0) that none of the other places have."""
    data = pd.concat(frames, ignore_index=True)
    data = data.groupby([place_col, "category_id", "label_vi", "label_en"], as_index=False)[
        "n_with"
    ].sum()
    has = data[data["n_with"] > 0]
    lines = []
    for place in vi_sorted(data[place_col].unique()):
        mine = set(has.loc[has[place_col] == place, "category_id"])
        others = set(has.loc[has[place_col] != place, "category_id"])
        only = [c for c in dict.fromkeys(has["category_id"]) if c in mine - others]
        labels = has.drop_duplicates("category_id").set_index("category_id")
        names = [labels.loc[c, "label_en" if lang == "en" else "label_vi"] for c in only]
        key = "unique" if names else "nothing_unique"
        lines.append(t(key, lang, prov=place, items="; ".join(names)))
    return lines


def coverage_table(coverage: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Province × content-area shares (years pooled), the heatmap's numbers as a table; its rows
    carry the heatmap's mark for provinces of few plans."""
    from cchc.i18n import short_label

    if coverage.empty:
        return pd.DataFrame()
    place = "province_label" if "province_label" in coverage else "province"
    agg = pool_years(coverage, [place, "category_id"], sort=False)
    agg["area"] = [short_label(c, c, lang) for c in agg["category_id"]]
    wide = agg.pivot(index=place, columns="area", values="share")
    wide = wide.reindex(vi_sorted(wide.index))  # pivot sorts by code point: Đ… after Yên Bái
    small = small_places(agg, place)
    wide = wide.rename(index=lambda p: marked(p, p in small))
    order = list(dict.fromkeys(agg["area"]))
    return wide[order].reset_index().rename(columns={place: t("col_province", lang)})


def citation_table(uptake: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Cited documents × years, one row a document (most plans citing it first) and one column a
    year, each cell "30% (12)": a leader reads a document's uptake across the row, where the
    query's one row per document and year ran to a hundred rows that scrolled inside the table."""
    if uptake.empty:
        return pd.DataFrame()
    data = uptake.assign(
        cell=[f"{number(100 * s, lang)}% ({number(n, lang)})"
              for s, n in zip(uptake["share"], uptake["n_citing"], strict=True)]
    )  # fmt: skip
    wide = data.pivot(index="cite_key", columns="year", values="cell").fillna("—")
    wide.columns = [str(year) for year in wide.columns]
    # Most plans citing first; the issuer and first year are left to the download: the key ends
    # with its issuer ("57-NQ/TW") and the row shows where citing starts.
    plans = data.groupby("cite_key")["n_citing_once"].sum()
    first = data.groupby("cite_key")["first_year_cited"].min()
    order = sorted(plans.index, key=lambda key: (-plans[key], first[key]))
    table = wide.loc[order].reset_index()
    return table.rename(columns={"cite_key": t("col_cite_key", lang)})
