"""Xuất báo cáo / Briefing: pick charts, build a PPTX and a PDF pack for the sidebar filters."""

from __future__ import annotations

import streamlit as st

from cchc.export.briefing import ExportError
from cchc.i18n import t
from cchc.ui.exports import build_pack, chart_options, file_stem, pack_buttons
from cchc.ui.widgets import empty_state

state = st.session_state["_state"]
lang, f = state.lang, state.filters
st.title(t("page_briefing", lang))
st.caption(t("brief_intro", lang))

options = chart_options(lang)
# Pills, not a multiselect: a multiselect caps its height and hides the last row of chosen charts.
chosen = st.pills(
    t("brief_pick", lang), list(options), selection_mode="multi", default=list(options),
    key="brief_charts", format_func=options.get, help=t("brief_pick_help", lang), wrap=True,
)  # fmt: skip
if not chosen:
    st.warning(t("brief_none", lang))
    st.stop()
st.caption(t("brief_chosen", lang, n=len(chosen), total=len(options)))
chosen = [c for c in options if c in chosen]  # the pack follows the order shown, not the clicks

# A pack is kept only for the filters, language and charts it was built with.
wanted = (f, lang, tuple(chosen))
if st.button(t("brief_build", lang), icon=":material/slideshow:", type="primary"):
    try:
        with st.spinner(t("brief_building", lang)):
            st.session_state["_brief"] = (wanted, build_pack(f, lang, chosen))
    except ExportError:  # no plan matches the filters
        st.session_state.pop("_brief", None)
        empty_state(lang)
        st.stop()

built = st.session_state.get("_brief")
if built and built[0] == wanted:
    st.success(t("brief_ready", lang, n=len(chosen)))
    pack_buttons(built[1], lang, file_stem(f"{t('page_briefing', lang)} {f.year_from}-{f.year_to}"))
