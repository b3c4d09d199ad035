"""Tổng quan / Overview: headline numbers, content-area heatmap, channels, indices, changes."""

from __future__ import annotations

import streamlit as st

from cchc.export.catalog import chart_title
from cchc.i18n import number, t
from cchc.ui.data import heatmap_note, label_provinces, query
from cchc.ui.insights import coverage_table, year_changes
from cchc.ui.maps import province_map
from cchc.ui.trace import trace_cell
from cchc.ui.widgets import caption_text, chart_spec, empty_state, metrics, show_chart, show_pivot

state = st.session_state["_state"]
lang, f = state.lang, state.filters
st.title(t("page_overview", lang))

nums = query("overview_numbers", f).iloc[0]
n = int(nums["n_plans"])
if n == 0:
    empty_state(lang)
    st.stop()

first, last = nums["first_year"], nums["last_year"]
years = str(first) if first == last else f"{first}–{last}"
metrics(
    [
        (t("m_plans", lang), number(n, lang)),
        (t("m_provinces", lang), number(nums["n_provinces"], lang)),
        (t("m_years", lang), years),
        (t("m_full", lang), number(nums["n_full_coverage"], lang)),
        (t("m_mean", lang), f"{number(nums['mean_areas'], lang, 1)} / 6"),
    ]
)

coverage = label_provinces(query("coverage_by_province_year", f), f.view_by, lang)
cap = caption_text(state, "c_heatmap", n, heatmap_note(coverage, f.view_by, lang))
spec = chart_spec("charts.heatmap", coverage, lang, cap, chart_title("coverage", lang))
show_chart(spec, cap, click_key="ov_trace_content_area")
with st.expander(t("table_numbers", lang)):
    show_pivot(coverage_table(coverage, lang), t("col_province", lang), cap)

trace_cell(state, {"content_area": coverage}, key="ov_trace")

province_map(state, highlight=f.provinces)

# One chart a row: side by side, each half-width chart cut its own title and caption.
cap = caption_text(state, "c_channels", n)
show_chart(chart_spec("charts.channel_bars", query("channel_mix", f), lang, cap), cap)
cap = caption_text(state, "c_indicators", n)
show_chart(chart_spec("charts.category_bars", query("indicator_focus", f), lang, cap), cap)

st.subheader(t("changes", lang))
for line in year_changes(query("trends_by_year", f, family="content_area"), lang):
    st.markdown(f"- {line}")
