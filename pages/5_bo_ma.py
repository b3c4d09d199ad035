"""Bộ mã / Codebook: every category, its labels and cues, and how many of the filtered plans have it."""

from __future__ import annotations

import streamlit as st

from cchc.i18n import family_name, t
from cchc.ui.data import query
from cchc.ui.widgets import caption_text, show_full_table

state = st.session_state["_state"]
lang, f = state.lang, state.filters
st.title(t("page_codebook", lang))

usage = query("codebook_usage", f)
n = int(usage["n_plans"].max()) if not usage.empty else 0
usage["family_label"] = [family_name(v, lang) for v in usage["family"]]
usage["label"] = usage["label_en"] if lang == "en" else usage["label_vi"]
usage["cue_text"] = ["; ".join(c) for c in usage["cues"]]
usage["weak_text"] = ["; ".join(c) for c in usage["weak_cues"]]
usage["share"] = usage["n_plans_with"] / n if n else 0.0
cols = {
    "family_label": "col_family", "label": "col_label", "category_id": "col_category_id",
    "n_plans_with": "col_n_plans_with", "share": "col_share", "n_mentions": "col_n_mentions",
    "cue_text": "col_cues", "weak_text": "col_weak_cues",
}  # fmt: skip
# One full table per family: 37 rows of long cue lists in one grid scroll inside it and cut.
show_full_table(usage, cols, lang, caption_text(state, "c_codebook", n), group_by="family_label")
