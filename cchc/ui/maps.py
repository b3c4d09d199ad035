"""The province map on a page: measure and layout selectors (kept in the URL) and the tile map.

The map always shows every province: the sidebar's province filter (or the compare page's choice)
outlines the chosen provinces instead of hiding the others, which would read as "no data".
The 34 layout counts plans by today's province, the 63 layout by the province that issued them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import streamlit as st

from cchc.charts_map import pool_measure
from cchc.charts_map_words import (
    MEAN,
    VIEW_OF_ERA,
    era_names,
    map_note,
    measure_options,
    measure_what,
    plan_counts,
    split_measure,
)
from cchc.geo.provinces import ERA_NEW, ERA_OLD
from cchc.i18n import t
from cchc.small_samples import counts_note
from cchc.ui.data import query
from cchc.ui.state import State, seed_page_widget, sync_url
from cchc.ui.widgets import caption_of, chart_spec, show_chart

__all__ = ["era_names", "measure_options", "province_map", "split_measure"]

# Pooling years per province costs more than the cached query it reads: cached the same way.
_pooled = st.cache_data(show_spinner=False, max_entries=64)(pool_measure)


def map_caption(
    state: State, measure: str, era: str, n_plans: int, outlined: bool, n_unplaced: int = 0,
    small_note: str = "",
) -> str:  # fmt: skip
    """What the map counts · filters (all provinces, the era's view) · source · how to read it;
    ``small_note``: what the mark on tiles of few plans means, as the heatmaps' captions say it.
    The words are the exports' (cchc.charts_map_words): a downloaded map says the same."""
    note = map_note(era, state.lang, small_note, outlined, n_unplaced)
    return caption_of(state, measure_what(measure, state.lang), n_plans, note)


def _follow_view(era_key: str, view_by: str, default_era: str) -> None:
    """When the sidebar switches between "as issued" and "today's 34 provinces", the map switches
    layout with it; a layout the user picks stays until the sidebar view changes again."""
    seen_key = f"{era_key}_view"
    if st.session_state.get(seen_key, view_by) != view_by:
        st.session_state[era_key] = default_era
    st.session_state[seen_key] = view_by


def _selectors(lang: str, view_by: str, key: str) -> tuple[str, str]:
    options = measure_options(lang)
    default_era = ERA_NEW if view_by == "today" else ERA_OLD
    seed_page_widget(f"{key}_m", f"{key}m", list(options), MEAN)
    seed_page_widget(f"{key}_era", f"{key}v", [ERA_NEW, ERA_OLD], default_era)
    _follow_view(f"{key}_era", view_by, default_era)
    left, right = st.columns([3, 2])
    measure = left.selectbox(
        t("map_measure", lang), list(options), key=f"{key}_m", format_func=options.get
    )
    era = right.radio(
        t("map_layout", lang), [ERA_NEW, ERA_OLD], key=f"{key}_era", horizontal=True,
        format_func=lambda e: t(f"map_layout_{e}", lang),
    )  # fmt: skip
    sync_url({f"{key}m": measure, f"{key}v": era})
    return measure, era


def province_map(state: State, highlight: Iterable[str] = (), key: str = "map") -> None:
    """Renders the map section; `highlight` holds names in the sidebar's current view."""
    lang = state.lang
    st.subheader(t("map_heading", lang))
    measure, era = _selectors(lang, state.view_by, key)
    family, category = split_measure(measure)
    view = VIEW_OF_ERA[era]
    map_state = replace(state, filters=replace(state.filters, provinces=(), view_by=view))
    rows = query("province_measure", map_state.filters, family=family)
    values = _pooled(rows, category)
    outlined = era_names(highlight, state.view_by, era)
    n_plans, n_unplaced = plan_counts(values, rows)
    small = counts_note(values["n_plans"], lang)
    caption = map_caption(map_state, measure, era, n_plans, bool(outlined), n_unplaced, small)
    label = measure_options(lang)[measure]
    spec = chart_spec("charts_map.tile_map", values, era, label, lang, caption, highlight=outlined)
    show_chart(spec, caption)
