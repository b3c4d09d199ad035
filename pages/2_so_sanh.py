"""So sánh tỉnh / Compare: 2–6 provinces side by side, and what each has that the others lack."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from cchc.geo.provinces import merged_label
from cchc.i18n import family_name, t
from cchc.ui.data import heatmap_note, label_provinces, query
from cchc.ui.insights import unique_items
from cchc.ui.maps import province_map
from cchc.ui.state import seed_page_widget, sync_url
from cchc.ui.trace import trace_cell
from cchc.ui.widgets import caption_text, chart_spec, empty_state, show_chart

state = st.session_state["_state"]
lang, f = state.lang, state.filters
st.title(t("page_compare", lang))

options = query("filter_options")
dim = "province_2025" if f.view_by == "today" else "province"
provinces = options.loc[options["dimension"] == dim, "value"].tolist()
seed_page_widget("cmp_prov", "cmp", provinces, provinces[:3])
chosen = st.multiselect(
    t("pick_provinces", lang), provinces, key="cmp_prov", max_selections=6,
    placeholder=t("choose", lang), select_all=False,
    format_func=lambda p: merged_label(p, lang) if f.view_by == "today" else p,
)  # fmt: skip
sync_url({"cmp": chosen})
if len(chosen) < 2:
    st.warning(t("need_two", lang))
    st.stop()

sub = replace(state, filters=replace(f, provinces=tuple(chosen)))
n = int(query("overview_numbers", sub.filters).iloc[0]["n_plans"])
if n == 0:
    empty_state(lang)
    st.stop()

frames = {}
for family, name in [("content_area", "coverage_by_province_year"), ("channel", "channel_mix"),
                     ("indicator", "indicator_focus")]:  # fmt: skip
    frames[family] = label_provinces(query(name, sub.filters), f.view_by, lang)

st.subheader(t("unique_title", lang))
for line in unique_items(list(frames.values()), "province_label", lang):
    st.markdown(f"- {line}")

for family, data in frames.items():
    note = heatmap_note(data, f.view_by, lang, pooled=family == "content_area")
    what = {"content_area": "c_heatmap", "channel": "c_channels", "indicator": "c_indicators"}
    cap = caption_text(sub, what[family], n, note)
    spec = chart_spec("charts_compare.province_columns", data, lang, cap, family_name(family, lang))
    show_chart(spec, cap, click_key=f"cmp_trace_{family}")

trace_cell(sub, frames, key="cmp_trace")

province_map(state, highlight=chosen, key="cmpmap")
