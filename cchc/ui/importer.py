"""The import page's parts: check uploads (nothing written), review each file, save, show results.

Checking is cached in session state by the files' content and the "import anyway" ticks, so the
correction widgets rerun the page without re-reading the files. Saving happens in a button
callback: add_plans first, then record_corrections, then caches are cleared and the uploader reset.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st

from cchc.errors import CchcError
from cchc.i18n import t
from cchc.store.build import FileResult
from cchc.store.imports import Checked, add_plans, check_upload, expand_upload, record_corrections
from cchc.store.rows import check_year_order
from cchc.ui.corrections import (
    author_missing,
    corrections_from_state,
    refresh_data,
    show_message,
)
from cchc.ui.data import data_info, db_path, plans_dir
from cchc.ui.review import (
    content_digest,
    current_values,
    force_key,
    message_text,
    present_keys,
    status_text,
)
from cchc.ui.widgets import plain_table

TYPES = ["txt", "md", "markdown", "docx", "pdf", "zip"]

T = TypeVar("T")


def uploader_key() -> str:
    """A fresh key after each save empties the uploader (the saved files are done)."""
    return f"imp_upload_{st.session_state.get('imp_round', 0)}"


def _expand(
    uploads: list[tuple[str, bytes]],
) -> tuple[list[tuple[str, bytes]], list[Checked], list[str]]:
    """Zips become their files; a refused zip becomes one rejected row (nothing of it imported).
    Also each file's 'import anyway' key, in the files' order."""
    items: list[tuple[str, bytes]] = []
    refused: list[Checked] = []
    for name, data in uploads:
        try:
            items.extend(expand_upload(name, data))
        except CchcError as error:
            result = FileResult.refused(name, error)
            refused.append(Checked(name, b"", result))
    return items, refused, [force_key(n, d) for n, d in items]


def _remembered(slot: str, key: tuple, compute: Callable[[], T]) -> T:
    """``compute()``, kept in session state under ``slot`` until ``key`` changes.

    Every widget on the page reruns the script; unzipping, hashing and checking a large upload
    each time made the review widgets sluggish. One value per slot: a new upload replaces it."""
    cached = st.session_state.get(slot)
    if cached and cached[0] == key:
        return cached[1]
    value = compute()
    st.session_state[slot] = (key, value)
    return value


def check_files(uploads: list[tuple[str, bytes]]) -> list[Checked]:
    """What would happen to each uploaded file; re-checks ticked 'import anyway' files with force."""
    uploads_key = tuple((n, content_digest(d)) for n, d in uploads)
    items, refused, force_keys = _remembered("imp_expanded", uploads_key, lambda: _expand(uploads))
    forced = tuple(sorted(k for k in force_keys if st.session_state.get(k)))
    db = db_path()
    stamp = db.stat().st_mtime if db.exists() else 0.0

    def check() -> list[Checked]:
        checked = check_upload(items, db)  # one row per item, in order
        for i, (item, key) in enumerate(zip(checked, force_keys, strict=True)):
            if item.result.code == "not_a_plan" and key in forced:
                checked[i] = check_upload([(item.name, item.data)], db, force=True)[0]
        return refused + checked

    return _remembered("imp_checked", (uploads_key, forced, stamp), check)


def uploaded(files: object) -> list[tuple[str, bytes]]:
    """st.file_uploader's value as (name, bytes) pairs."""
    return [(f.name, f.getvalue()) for f in (files or [])]


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


def _machine_years(checked: list[Checked]) -> dict[str, tuple[int | None, int | None]]:
    """Each ready plan's years as the machine read them, before the analyst's corrections."""
    return {
        c.result.plan_id: (c.extraction.value("year_from"), c.extraction.value("year_to"))
        for c in checked
        if c.result.status == "ready" and c.extraction is not None and c.result.plan_id
    }


def save(checked: list[Checked], lang: str) -> None:
    """Button callback: add the ready files, record their corrections, reset the uploader."""
    fixes, unsigned = _fixes(checked)
    if unsigned:
        st.session_state["imp_message"] = ("error", t("fix_need_author", lang))
        return
    try:
        # Checked before any plan is saved: a refused correction after the save would leave the
        # plans in (shown as duplicates on the rerun) and the analyst's corrections lost.
        check_year_order(_machine_years(checked), fixes)
        results = add_plans(checked, db_path(), plans_dir())
        if fixes:
            record_corrections(db_path(), fixes)
    except (CchcError, OSError) as error:
        err = error.message(lang) if isinstance(error, CchcError) else error
        st.session_state["imp_message"] = ("error", t("imp_save_failed", lang, err=err))
        return
    refresh_data()
    added = sum(r.status == "added" for r in results)
    st.session_state["imp_results"] = (results, added, len(fixes))
    st.session_state["imp_round"] = st.session_state.get("imp_round", 0) + 1
    st.session_state.pop("imp_checked", None)
    st.session_state.pop("imp_expanded", None)  # the saved uploads are done: free their bytes
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
    show_message("imp_message")
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
        t("imp_col_file", lang): r.source, t("imp_col_status", lang): status_text(r, lang),
        t("imp_col_plan", lang): r.plan_id or "", t("imp_col_message", lang): message_text(r, lang),
    } for r in results]  # fmt: skip
    plain_table(pd.DataFrame(rows))
