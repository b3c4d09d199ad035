"""The import page's parts: check uploads (nothing written), review each file, save, show results.

Checking is cached in session state by the files' content and the "import anyway" ticks, so the
correction widgets rerun the page without re-reading the files. Saving happens in a button
callback: add_plans first, then record_corrections, then caches are cleared and the uploader reset.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
from pathlib import Path

import pandas as pd
import streamlit as st

from cchc.errors import CchcError
from cchc.i18n import family_name, level_name, t
from cchc.parse.extract import Extraction
from cchc.parse.metadata import FIELDS
from cchc.store.build import DEFAULT_DB, DEFAULT_PLANS, FileResult
from cchc.store.imports import Checked, add_plans, check_upload, expand_upload, record_corrections
from cchc.ui.corrections import (
    META,
    META_LABELS,
    author_missing,
    category_label,
    correction_widgets,
    corrections_from_state,
    refresh_data,
)
from cchc.ui.data import data_info, db_path
from cchc.ui.detail import evidence_html

TYPES = ["txt", "md", "markdown", "docx", "pdf", "zip"]
MAX_EVIDENCE = 3


def plans_dir() -> Path:
    """Where imported files go: the folder the database is built from (never the repo's in tests)."""
    db = db_path()
    if db.resolve() == DEFAULT_DB.resolve():
        return DEFAULT_PLANS
    return Path(os.environ.get("CCHC_PLANS") or db.parent / "plans")


def uploader_key() -> str:
    """A fresh key after each save empties the uploader (the saved files are done)."""
    return f"imp_upload_{st.session_state.get('imp_round', 0)}"


def _md(text: str) -> str:
    """File names and messages come from users: no markdown tricks."""
    return re.sub(r"([\\`*_\[\]()#<>|~!])", r"\\\1", str(text))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def force_key(name: str, data: bytes) -> str:
    return f"imp_force_{_digest(name.encode() + data)}"


def _expand(uploads: list[tuple[str, bytes]]) -> tuple[list[tuple[str, bytes]], list[Checked]]:
    """Zips become their files; a refused zip becomes one rejected row (nothing of it imported)."""
    items: list[tuple[str, bytes]] = []
    refused: list[Checked] = []
    for name, data in uploads:
        try:
            items.extend(expand_upload(name, data))
        except CchcError as error:
            result = FileResult(
                name, "rejected", None, error.code, error.message_vi, error.message_en
            )
            refused.append(Checked(name, b"", result))
    return items, refused


def check_files(uploads: list[tuple[str, bytes]]) -> list[Checked]:
    """What would happen to each uploaded file; re-checks ticked 'import anyway' files with force."""
    items, refused = _expand(uploads)
    forced = tuple(sorted(k for n, d in items if st.session_state.get(k := force_key(n, d))))
    db = db_path()
    stamp = db.stat().st_mtime if db.exists() else 0.0
    key = (tuple((n, _digest(d)) for n, d in uploads), forced, stamp)
    cached = st.session_state.get("imp_checked")
    if cached and cached[0] == key:
        return cached[1]
    checked = check_upload(items, db)
    for i, item in enumerate(checked):
        if item.result.code == "not_a_plan" and force_key(item.name, item.data) in forced:
            checked[i] = check_upload([(item.name, item.data)], db, force=True)[0]
    checked = refused + checked
    st.session_state["imp_checked"] = (key, checked)
    return checked


def uploaded(files: object) -> list[tuple[str, bytes]]:
    """st.file_uploader's value as (name, bytes) pairs."""
    return [(f.name, f.getvalue()) for f in (files or [])]


def _status(result: FileResult, lang: str) -> str:
    return t("st_" + result.status, lang)


def _message(result: FileResult, lang: str) -> str:
    if not result.message_vi:
        return ""
    return result.message_en if lang == "en" else result.message_vi


def review_table(checked: list[Checked], lang: str) -> pd.DataFrame:
    """One row per file: status, plan id, province, years and the message."""
    rows = []
    for item in checked:
        ext = item.extraction
        years = ""
        if ext and ext.value("year_from"):
            years = f"{ext.value('year_from')}–{ext.value('year_to') or ext.value('year_from')}"
        rows.append({
            t("imp_col_file", lang): item.name,
            t("imp_col_status", lang): _status(item.result, lang),
            t("imp_col_plan", lang): item.result.plan_id or "",
            t("col_province", lang): (ext.value("province") if ext else "") or "",
            t("imp_col_years", lang): years,
            t("imp_col_message", lang): _message(item.result, lang),
        })  # fmt: skip
    return pd.DataFrame(rows)


def _metadata(ext: Extraction, lang: str) -> pd.DataFrame:
    rows = []
    for name in FIELDS:
        meta = ext.metadata[name]
        value = level_name(meta.value, lang) if name == "issuer_level" else meta.value
        how = str(meta.how).split(" / ")
        rows.append({
            t("field", lang): t(META_LABELS.get(name, f"col_{name}"), lang),
            t("value", lang): "—" if value in (None, "") else str(value),
            t("confidence", lang): t(f"conf_{meta.confidence}", lang),
            t("how_found", lang): how[-1] if lang == "en" else how[0],
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
        targets = [{col: x.text, t("col_period", lang): x.period or ""} for x in ext.targets]
        st.dataframe(pd.DataFrame(targets), hide_index=True, width="stretch")
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
    result = item.result
    if result.status == "ready":
        st.success(t("imp_ready_msg", lang, pid=result.plan_id))
    elif result.status == "duplicate":
        st.warning(f"{_md(result.message_vi)}\n\n{_md(result.message_en)}")
    else:
        st.error(f"{_md(result.message_vi)}\n\n{_md(result.message_en)}")
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
        meta, cats = st.columns([3, 2])
        with meta:
            st.dataframe(_metadata(ext, lang), hide_index=True, width="stretch")
            _facts(ext, lang)
        with cats:
            _categories(ext, lang)
        if item.result.status == "ready":
            with st.expander(t("imp_fix_title", lang)):
                prefix = f"imp_{item.result.plan_id}"
                correction_widgets(prefix, current_values(ext), present_keys(ext), lang)


def _fixes(checked: list[Checked]) -> tuple[list[dict], bool]:
    """Every ready file's corrections, and whether one of them lacks an author."""
    fixes, unsigned = [], False
    for item in checked:
        if item.result.status != "ready" or item.extraction is None:
            continue
        prefix = f"imp_{item.result.plan_id}"
        ext = item.extraction
        found = corrections_from_state(
            prefix, item.result.plan_id, current_values(ext), present_keys(ext)
        )
        unsigned = unsigned or (bool(found) and author_missing(prefix))
        fixes.extend(found)
    return fixes, unsigned


def _widen_years(fixes: list[dict], checked: list[Checked]) -> None:
    """Make sure the sidebar's year range includes the new plans, so they show on the overview."""
    years = [int(c.extraction.value(n)) for c in checked if c.result.status == "added"
             for n in ("year_from", "year_to") if c.extraction.value(n)]  # fmt: skip
    years += [
        int(f["new_value"]) for f in fixes if f["field"].startswith("year") and f["new_value"]
    ]
    state = st.session_state
    if years and "f_y0" in state and min(years) < int(state["f_y0"]):
        state["f_y0"] = str(min(years))
    if years and "f_y1" in state and max(years) > int(state["f_y1"]):
        state["f_y1"] = str(max(years))


def save(checked: list[Checked], lang: str) -> None:
    """Button callback: add the ready files, record their corrections, reset the uploader."""
    fixes, unsigned = _fixes(checked)
    if unsigned:
        st.session_state["imp_message"] = ("error", t("fix_need_author", lang))
        return
    try:
        results = add_plans(checked, db_path(), plans_dir())
        if fixes:
            record_corrections(db_path(), fixes)
    except (CchcError, OSError) as error:
        st.session_state["imp_message"] = ("error", t("imp_save_failed", lang, err=error))
        return
    refresh_data()
    added = sum(r.status == "added" for r in results)
    st.session_state["imp_results"] = (results, added, len(fixes))
    st.session_state["imp_round"] = st.session_state.get("imp_round", 0) + 1
    st.session_state.pop("imp_checked", None)
    _widen_years(fixes, checked)


def save_button(checked: list[Checked], lang: str) -> None:
    ready = any(c.result.status == "ready" for c in checked)
    if checked and not ready:
        st.info(t("imp_nothing_ready", lang))
    st.button(
        t("imp_save", lang), key="imp_save", type="primary", disabled=not ready,
        on_click=save, args=(checked, lang),
    )  # fmt: skip


def show_results(lang: str, new_uploads: bool) -> None:
    """After a save: what happened to each file, and the new total (until the next upload)."""
    kind, text = st.session_state.pop("imp_message", (None, None))
    if kind:
        getattr(st, kind)(text)
    if new_uploads:
        st.session_state.pop("imp_results", None)
    if "imp_results" not in st.session_state:
        return
    results, added, n_fixes = st.session_state["imp_results"]
    total = data_info()["n_plans"]
    st.success(t("imp_saved", lang, n=added, total=total))
    if n_fixes:
        st.success(t("imp_saved_fixes", lang, n=n_fixes))
    st.markdown(f"**{t('imp_result', lang)}**")
    rows = [{
        t("imp_col_file", lang): r.source, t("imp_col_status", lang): _status(r, lang),
        t("imp_col_plan", lang): r.plan_id or "", t("imp_col_message", lang): _message(r, lang),
    } for r in results]  # fmt: skip
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
