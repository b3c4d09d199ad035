"""Chi tiết kế hoạch / Plan detail: metadata, outline, evidence by category, targets, citations."""

from __future__ import annotations

import streamlit as st

from cchc.i18n import role_name, section_kind_name, t
from cchc.ui.corrections import (
    META,
    corrected_caption,
    corrected_list,
    correction_form,
    history,
    mark_rows,
)
from cchc.ui.data import query
from cchc.ui.detail import FIELDS, evidence_html, metadata_rows, picker_plans, plan_labels
from cchc.ui.state import seed_page_widget, sync_url
from cchc.ui.widgets import empty_state, show_full_table

state = st.session_state["_state"]
lang, f = state.lang, state.filters
st.title(t("page_detail", lang))

plans = picker_plans(f, st.session_state.get("detail_plan") or st.query_params.get("plan"))
if plans.empty:
    empty_state(lang)
    st.stop()
if int(plans["n_matching"].iloc[0]) > len(plans):
    st.caption(t("picker_capped", lang, shown=len(plans), total=int(plans["n_matching"].iloc[0])))
labels = plan_labels(plans, lang)
seed_page_widget("detail_plan", "plan", list(labels), next(iter(labels)))
plan_id = st.selectbox(
    t("pick_plan", lang), list(labels), key="detail_plan", format_func=labels.get
)

detail = query("plan_detail", plan_id=plan_id).iloc[0]
st.subheader(detail["title"] or labels[plan_id])
fixed = corrected_list(detail["corrected_fields"])
if fixed:
    st.caption(corrected_caption(fixed, lang))
presence = query("plan_presence", plan_id=plan_id)
# Keyed: "Mở kế hoạch" on a traced cell opens the evidence tab (cchc.ui.trace sets this key).
meta_tab, outline_tab, evidence_tab, facts_tab = st.tabs(
    [t("metadata", lang), t("outline", lang), t("evidence", lang), t("targets", lang)],
    key="detail_tab",
    on_change="rerun",
)
with meta_tab:
    cols = {"field": "field", "value": "value", "corrected": "col_corrected", "how": "how_found",
            "confidence": "confidence"}  # fmt: skip
    rows = mark_rows(metadata_rows(detail, lang), [f for f, _ in FIELDS], fixed, lang)
    show_full_table(rows, cols, lang)
    changes = history(plan_id, lang)
    if not changes.empty:
        st.markdown(f"**{t('fix_history', lang)}**")
        show_full_table(changes, {"field": "col_fix_field", "old_value": "col_fix_old",
                                  "new_value": "col_fix_new", "author": "col_fix_author",
                                  "created_at": "col_fix_at", "note": "col_fix_note"}, lang)  # fmt: skip
    current = {k: detail[k] for k in META}
    present = [f"{r.family}/{r.category_id}" for r in presence.itertuples()]
    correction_form(plan_id, current, present, lang)

with outline_tab:
    sections = query("plan_sections", plan_id=plan_id)
    sections["kind_label"] = [section_kind_name(k, lang) for k in sections["kind"]]
    show_full_table(sections, {"kind_label": "col_kind", "heading": "col_heading"}, lang)

with evidence_tab:
    label_col = "label_en" if lang == "en" else "label_vi"
    badge = f" {t('fix_badge', lang)}"
    cats = {
        cat: f"{label}{badge if fixed_cat else ''}"
        for cat, label, fixed_cat in zip(
            presence["category_id"], presence[label_col], presence["corrected"], strict=True
        )
    }
    marked = presence.loc[presence["corrected"].astype(bool), label_col].tolist()
    if marked:
        st.caption(t("fix_corrected_fields", lang, items="; ".join(marked)))
    seed_page_widget("detail_cat", "cat", list(cats), next(iter(cats), None))
    cat = st.selectbox(t("pick_category", lang), list(cats), key="detail_cat", format_func=cats.get)
    sync_url({"plan": plan_id, "cat": cat})
    rows = query("evidence", plan_id=plan_id, category_id=cat) if cat else None
    if rows is None or rows.empty:
        st.info(t("no_evidence", lang))
    for _, row in (rows if rows is not None else []).iterrows():
        weak = f" {t('weak_cue', lang)}" if row["weak"] else ""
        where = f"{section_kind_name(row['section_kind'], lang)}{weak}"
        body = evidence_html(
            row["passage_text"], row["offset_in_passage"], row["offset_end_in_passage"]
        )
        st.markdown(
            f"<div class='cchc-evidence'><small>{where}</small><br>{body}</div>",
            unsafe_allow_html=True,
        )

with facts_tab:
    st.subheader(t("targets_heading", lang))
    targets = query("plan_targets", plan_id=plan_id)
    show_full_table(targets, {"text": "col_text", "period": "col_period"}, lang,
                    caption=t("targets_what", lang), empty=t("targets_none", lang))  # fmt: skip
    st.subheader(t("citations", lang))
    cites = query("plan_citations", plan_id=plan_id)
    cols = {
        "cite_key": "col_cite_key", "doc_type": "col_doc_type",
        "issuer_code": "col_issuer_code", "cited_on": "col_cited_on", "n_times": "col_times",
    }  # fmt: skip
    show_full_table(cites, cols, lang, caption=t("citations_what", lang))
    st.subheader(t("units", lang))
    units = query("plan_units", plan_id=plan_id)
    units["role_label"] = [role_name(r, lang) for r in units["role"]]
    show_full_table(units, {"unit": "col_unit", "role_label": "col_role", "task": "col_task"},
                    lang, caption=t("units_what", lang))  # fmt: skip
