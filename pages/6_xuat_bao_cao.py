"""page_briefing: being built in this session."""

from __future__ import annotations

import streamlit as st

from cchc.i18n import t

state = st.session_state["_state"]
st.title(t("page_briefing", state.lang))
