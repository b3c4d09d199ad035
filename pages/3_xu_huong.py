"""Xu hướng / Trends: share of plans with each category by year, and uptake of central documents."""

from __future__ import annotations

import streamlit as st

from cchc.i18n import FAMILIES, family_name, t
from cchc.ui.data import query
from cchc.ui.insights import citation_table
from cchc.ui.state import seed_page_widget, sync_url
from cchc.ui.widgets import caption_text, chart_spec, empty_state, show_chart, show_shaped_table

state = st.session_state["_state"]
lang, f = state.lang, state.filters
st.title(t("page_trends", lang))

families = list(FAMILIES)
seed_page_widget("trend_family", "family", families, "content_area")
family = st.radio(
    t("family", lang), families, key="trend_family", horizontal=True,
    format_func=lambda v: family_name(v, lang),
)  # fmt: skip
sync_url({"family": family})

trends = query("trends_by_year", f, family=family)
if trends.empty:
    empty_state(lang)
    st.stop()

n = int(query("overview_numbers", f).iloc[0]["n_plans"])
cap = caption_text(state, "c_trends", n)
title = f"{family_name(family, lang)}: {t('c_trends', lang).lower()}"
show_chart(chart_spec("charts.trend_lines", trends, lang, cap, title), cap)

st.subheader(t("c_citations", lang))
uptake = query("citation_uptake", f)
if uptake.empty:
    st.info(t("none_found", lang))
else:
    cols = {
        "cite_key": "col_cite_key", "issuer_code": "col_issuer_code", "year": "col_year",
        "n_citing": "col_n_citing", "n_plans": "col_n_plans", "share": "col_share",
        "first_year_cited": "col_first_year",
    }  # fmt: skip
    cap = caption_text(state, "c_citations", n, t("citations_cells", lang))
    show_shaped_table(citation_table(uptake, lang), uptake, cols, lang, cap)
