"""Caption text for exported charts, without streamlit (the CLI and the pack have no session).

The dashboard uses these same functions (cchc.ui.state.filter_summary, cchc.ui.data), so a chart
exported from the command line says word for word what the one on screen says.
"""

from __future__ import annotations

import pandas as pd

from cchc.collate import vi_sorted
from cchc.geo.provinces import members_of, merged_label
from cchc.i18n import level_name, t
from cchc.i18n_dates import date_text
from cchc.small_samples import small_note
from cchc.store.db import Filters

# Filters() defaults: a year range this wide means "no year filter" (CLI without --param).
OPEN_YEARS = (Filters().year_from, Filters().year_to)


def filters_text(filters: Filters, lang: str, years: tuple[int, int] | None = None) -> str:
    """The filters in words; ``years`` replaces an open default range by the data's years."""
    y0, y1 = filters.year_from, filters.year_to
    if (y0, y1) == OPEN_YEARS and years:
        y0, y1 = years
    parts = [f"{y0}–{y1}" if y0 != y1 else str(y0)]
    if filters.provinces:
        today = filters.view_by == "today"
        parts.append(", ".join(merged_label(p, lang) if today else p for p in filters.provinces))
    if filters.levels:
        parts.append(", ".join(level_name(v, lang) for v in filters.levels))
    if filters.sectors:
        parts.append(", ".join(filters.sectors))
    parts.append(t(f"view_{filters.view_by}", lang))
    return "; ".join(parts)


def caption(what: str, scope: str, n_plans: int, date: str, lang: str, note: str = "") -> str:
    """'What it counts · filters · Nguồn: N kế hoạch · dữ liệu ngày 22/11/2026' (+ notes);
    ``date`` is the ISO data date, written here as the reader writes dates."""
    source = t("source", lang, n=n_plans, date=date_text(date, lang))
    text = f"{what} · {scope} · {source}"
    return f"{text}. {note}" if note else text


def label_provinces(df: pd.DataFrame, view_by: str, lang: str) -> pd.DataFrame:
    """Adds ``province_label`` as the dashboard does (today's view names merged provinces)."""
    out = df.copy()
    if "province" not in out:
        return out
    if view_by == "today":
        out["province_label"] = [merged_label(p, lang) if p else "?" for p in out["province"]]
    else:
        out["province_label"] = out["province"].fillna("?")
    return out


MAX_POOLED_NAMED = 3  # more would bury the chart under its own caption


def pooled_note(df: pd.DataFrame, view_by: str, lang: str) -> str:
    """The dashboard's sentence for rows that pool several former provinces (today's view): each
    such province with every name its plans were issued under, over all the years shown; past
    MAX_POOLED_NAMED provinces one short sentence (the row labels already say "(gồm …)")."""
    if view_by != "today" or "issued_as" not in df or df.empty:
        return ""
    issued: dict[str, set[str]] = {}
    for prov, names in df[["province", "issued_as"]].itertuples(index=False):
        if prov:
            issued.setdefault(prov, set()).update(n for n in str(names or "").split(", ") if n)
    pooled = {
        prov: ", ".join(vi_sorted(names))  # Vietnamese order, as the query lists them
        for prov, names in issued.items()
        if len(members_of(prov)) > 1 or names - {prov}
    }
    if len(pooled) > MAX_POOLED_NAMED:
        return t("pooled_many", lang, n=len(pooled))
    return " ".join(
        t("pooled", lang, label=merged_label(prov, lang), members=members)
        for prov, members in pooled.items()
    )


def heatmap_note(df: pd.DataFrame, view_by: str, lang: str, pooled: bool = True) -> str:
    """A heatmap's caption note: the pooled provinces of today's view (when ``pooled``), then the
    meaning of the small-sample mark when a row carries it."""
    place = "province_label" if "province_label" in df else "province"
    notes = [pooled_note(df, view_by, lang) if pooled else "", small_note(df, place, lang)]
    return " ".join(note for note in notes if note)
