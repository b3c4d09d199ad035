"""The import page's review of one checked file: status, metadata with confidence, categories
with their evidence, targets and citations, and the correction form; plus the summary table."""

from __future__ import annotations

import hashlib
import html
import re

import pandas as pd
import streamlit as st

from cchc.i18n import family_name, level_name, t
from cchc.i18n_dates import date_text
from cchc.parse.extract import Extraction
from cchc.parse.metadata import FIELDS
from cchc.store.build import FileResult
from cchc.store.imports import Checked
from cchc.ui.corrections import META, META_LABELS, category_label, correction_widgets
from cchc.ui.detail import evidence_html, how_text
from cchc.ui.widgets import plain_table, static_table

MAX_EVIDENCE = 3


def content_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def force_key(name: str, data: bytes) -> str:
    return f"imp_force_{content_digest(name.encode() + data)}"


def _md(text: str) -> str:
    """File names and messages come from users: no markdown tricks."""
    return re.sub(r"([\\`*_\[\]()#<>|~!])", r"\\\1", str(text))


def status_text(result: FileResult, lang: str) -> str:
    return t("st_" + result.status, lang)


def message_text(result: FileResult, lang: str) -> str:
    if not result.message_vi:
        return ""
    return result.message_en if lang == "en" else result.message_vi


def review_table(checked: list[Checked], lang: str) -> pd.DataFrame:
    """One row per file: status, plan id, province, years and the message."""
    rows = []
    for item in checked:
        ext = item.extraction
        years = ""
        if ext and ext.value("year_from"):  # "2025", or "2022–2025" for a multi-year plan
            start, end = ext.value("year_from"), ext.value("year_to")
            years = f"{start}–{end}" if end and end != start else str(start)
        rows.append({
            t("imp_col_file", lang): item.name,
            t("imp_col_status", lang): status_text(item.result, lang),
            t("imp_col_plan", lang): item.result.plan_id or "",
            t("col_province", lang): (ext.value("province") if ext else "") or "",
            t("imp_col_years", lang): years,
            t("imp_col_message", lang): message_text(item.result, lang),
        })  # fmt: skip
    return pd.DataFrame(rows)


METADATA_COLUMNS = {"field": "field", "value": "value", "confidence": "confidence",
                    "how": "how_found"}  # fmt: skip


def _metadata(ext: Extraction, lang: str) -> pd.DataFrame:
    rows = []
    for name in FIELDS:
        meta = ext.metadata[name]
        value = level_name(meta.value, lang) if name == "issuer_level" else meta.value
        if name == "issued_on":  # as the detail page writes it: 05/02/2026, 5 Feb 2026
            value = date_text(value, lang)
        rows.append({
            "field": t(META_LABELS[name], lang),
            "value": "—" if value in (None, "") else str(value),
            "confidence": t(f"conf_{meta.confidence}", lang),
            "how": how_text(meta.how, lang),
        })  # fmt: skip
    return pd.DataFrame(rows)


def _evidence(ext: Extraction, family: str, category: str, lang: str) -> None:
    passages = {p.no: p for p in ext.structure.passages}
    hits = [m for m in ext.mentions if m.family == family and m.category == category]
    for mention in hits[:MAX_EVIDENCE]:
        passage = passages.get(mention.passage_no)
        if passage is None:
            continue
        text = ext.doc.text[passage.start : passage.end]
        body = evidence_html(text, mention.start - passage.start, mention.end - passage.start)
        st.markdown(f"<div class='cchc-evidence'>{body}</div>", unsafe_allow_html=True)
    if len(hits) > MAX_EVIDENCE:
        st.caption(t("imp_evidence_more", lang, n=len(hits) - MAX_EVIDENCE))


def _categories(ext: Extraction, lang: str) -> None:
    st.markdown(f"**{t('imp_categories', lang)}**")
    if not any(ext.present.values()):
        st.info(t("imp_no_categories", lang))
    for family, ids in ext.present.items():
        if not ids:
            continue
        with st.expander(f"{family_name(family, lang)} ({len(ids)})"):
            for category in ids:
                label = category_label(f"{family}/{category}", lang).split(" · ", 1)[-1]
                st.markdown(f"**{html.escape(label)}**")
                _evidence(ext, family, category, lang)


def _facts(ext: Extraction, lang: str) -> None:
    st.markdown(f"**{t('targets', lang)}**")
    if ext.targets:
        col = t("col_text", lang)
        period = t("col_period", lang)  # a deadline as readers write it, 24/01/2025
        targets = [{col: x.text, period: date_text(x.period or "", lang)} for x in ext.targets]
        plain_table(pd.DataFrame(targets))
    else:
        st.caption(t("none_found", lang))
    st.markdown(f"**{t('citations', lang)}**")
    keys = sorted({c.key for c in ext.citations})
    st.caption(_md(", ".join(keys)) if keys else t("none_found", lang))


def current_values(ext: Extraction) -> dict:
    return {name: ext.value(name) for name in META}


def present_keys(ext: Extraction) -> list[str]:
    return [f"{family}/{cat}" for family, cats in ext.present.items() for cat in cats]


def _status_box(item: Checked, lang: str) -> None:
    """What happens to the file, in the reader's language only (as in the summary table): a
    refusal's reasons are in its message, and an English page should not list them in Vietnamese."""
    result = item.result
    if result.status == "ready":
        st.success(t("imp_ready_msg", lang, pid=result.plan_id))
    elif result.status == "duplicate":
        st.warning(_md(message_text(result, lang)))
    else:
        st.error(_md(message_text(result, lang)))
    if result.code == "not_a_plan" or (item.extraction and item.extraction.plan_doubts):
        key = force_key(item.name, item.data)
        if result.code == "not_a_plan" or st.session_state.get(key):
            st.checkbox(t("imp_force", lang), key=key, help=t("imp_force_help", lang))


def show_file(item: Checked, lang: str) -> None:
    """One file's review: status and message, then (if readable) what the machine found."""
    with st.container(border=True):
        st.markdown(f"#### {_md(item.name)}")
        _status_box(item, lang)
        ext = item.extraction
        if ext is None:
            return
        # The metadata table has the full width: in a column, "how it was found" wraps a word a line.
        static_table(_metadata(ext, lang), METADATA_COLUMNS, lang)
        facts, cats = st.columns([3, 2])
        with facts:
            _facts(ext, lang)
        with cats:
            _categories(ext, lang)
        if item.result.status == "ready":
            with st.expander(t("imp_fix_title", lang)):
                prefix = f"imp_{item.result.plan_id}"
                correction_widgets(prefix, current_values(ext), present_keys(ext), lang)
