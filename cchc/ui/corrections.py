"""The correction form (import review and plan detail), corrected-value badges, the corrections file.

The form's widgets keep their values in session state under ``prefix``; ``corrections_from_state``
turns what differs from the machine's values into corrections, so a button callback can save them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import pandas as pd
import streamlit as st

from cchc.collate import vi_sorted
from cchc.errors import CchcError
from cchc.geo.provinces import provinces_34, provinces_63
from cchc.i18n import LEVELS, family_name, level_name, t
from cchc.parse.codebook import load_codebook
from cchc.store.corrections import corrections_path, load_corrections, make_correction
from cchc.store.db import YEAR_MAX, YEAR_MIN
from cchc.store.imports import import_corrections, record_corrections
from cchc.ui.data import db_path
from cchc.ui.detail import FIELDS

META = ("province", "year_from", "year_to", "issuer", "issuer_level", "sector")
META_LABELS = {**dict(FIELDS), "categories": "col_label"}


def refresh_data() -> None:
    """After a write: drop cached query results at once.

    The caches are also keyed on the file's mtime and read connections ATTACH the file afresh
    (cchc.store.db.connect), so this only spares the user one stale rerun."""
    st.cache_data.clear()


@lru_cache(maxsize=1)
def province_names() -> list[str]:
    """The 63 former and the 34 current provinces, one list without repeats, in Vietnamese order."""
    names = {p.name for p in provinces_63()} | {p.name for p in provinces_34()}
    return vi_sorted(names)


@lru_cache(maxsize=1)
def category_options() -> dict[str, tuple[str, str]]:
    """'family/category_id' -> (label_vi, label_en), in codebook order."""
    return {f"{c.family}/{c.id}": (c.vi, c.en) for c in load_codebook().categories}


def category_label(key: str, lang: str) -> str:
    family, _, _ = key.partition("/")
    vi, en = category_options().get(key, (key, key))
    return f"{family_name(family, lang)} · {en if lang == 'en' else vi}"


def _blank(value: object) -> bool:
    return value is None or value == "" or (not isinstance(value, list | tuple) and pd.isna(value))


def _norm(value: object) -> str | None:
    if _blank(value):
        return None
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def correction_widgets(prefix: str, current: dict, present: Iterable[str], lang: str) -> None:
    """Province, years, issuer, level, sector, categories to add or remove, author and note."""
    provinces = province_names()
    if current.get("province") and current["province"] not in provinces:
        provinces = [current["province"], *provinces]
    options = ["", *provinces]
    c1, c2, c3 = st.columns([2, 1, 1])
    prov = current.get("province") or ""
    c1.selectbox(
        t("col_province", lang), options, index=options.index(prov), key=f"{prefix}_province",
        format_func=lambda p: p or t("fix_unknown", lang),
    )  # fmt: skip
    for col, name in ((c2, "year_from"), (c3, "year_to")):
        year = current.get(name)
        col.number_input(
            t(f"col_{name}", lang), min_value=YEAR_MIN, max_value=YEAR_MAX, step=1,
            value=None if _blank(year) else int(year), key=f"{prefix}_{name}",
        )  # fmt: skip
    c4, c5, c8 = st.columns([2, 1, 2])
    c4.text_input(t("col_issuer", lang), value=current.get("issuer") or "", key=f"{prefix}_issuer")
    c8.text_input(t("col_sector", lang), value=current.get("sector") or "", key=f"{prefix}_sector")
    levels = ["", *LEVELS]
    level = current.get("issuer_level") or ""
    c5.selectbox(
        t("col_level", lang), levels, index=levels.index(level) if level in levels else 0,
        key=f"{prefix}_issuer_level", format_func=lambda v: level_name(v, lang) or "—",
    )  # fmt: skip
    present = list(present)
    absent = [k for k in category_options() if k not in present]
    fmt = lambda k: category_label(k, lang)  # noqa: E731
    for key, options in (("add", absent), ("remove", present)):
        st.multiselect(
            t(f"fix_{key}", lang), options, key=f"{prefix}_{key}", format_func=fmt,
            placeholder=t("choose", lang), select_all=False,
        )  # fmt: skip
    c6, c7 = st.columns([1, 2])
    c6.text_input(t("fix_author", lang), key=f"{prefix}_author")
    c7.text_input(t("fix_note", lang), key=f"{prefix}_note")


def corrections_from_state(
    prefix: str, plan_id: str, current: dict, present: Iterable[str]
) -> list[dict]:
    """The corrections the form at ``prefix`` holds: every value that differs from ``current``."""
    state = st.session_state
    author, note = state.get(f"{prefix}_author", ""), state.get(f"{prefix}_note", "")
    items = []
    for name in META:
        key = f"{prefix}_{name}"
        if key not in state:
            continue
        old, new = _norm(current.get(name)), _norm(state[key])
        if (new or None) != old:
            items.append(make_correction(plan_id, name, old, new or None, author, note))
    present, known = set(present), category_options()
    for key in state.get(f"{prefix}_add", []):
        if key in known and key not in present:
            items.append(
                make_correction(plan_id, f"category:{key}", "absent", "present", author, note)
            )
    for key in state.get(f"{prefix}_remove", []):
        if key in present:
            items.append(
                make_correction(plan_id, f"category:{key}", "present", "absent", author, note)
            )
    return items


def author_missing(prefix: str) -> bool:
    return not str(st.session_state.get(f"{prefix}_author", "")).strip()


def _save_form(prefix: str, plan_id: str, current: dict, present: list[str], lang: str) -> None:
    """Form callback: record the corrections (file first, then the database) and say so."""
    items = corrections_from_state(prefix, plan_id, current, present)
    if not items:
        st.session_state["fix_message"] = ("info", t("fix_none", lang))
    elif author_missing(prefix):
        st.session_state["fix_message"] = ("error", t("fix_need_author", lang))
    else:
        try:
            record_corrections(db_path(), items)
        except CchcError as error:  # e.g. an end year before the start year: nothing saved
            st.session_state["fix_message"] = ("error", f"{error.message_vi}\n\n{error.message_en}")
            return
        refresh_data()
        st.session_state[f"{prefix}_add"] = []
        st.session_state[f"{prefix}_remove"] = []
        st.session_state["fix_message"] = ("success", t("fix_done", lang, n=len(items)))


def correction_form(plan_id: str, current: dict, present: list[str], lang: str) -> None:
    """The plan-detail form: same widgets as the import review, saved on submit."""
    prefix = f"fix_{plan_id}"
    with st.form(f"{prefix}_form"):
        st.markdown(f"**{t('fix_form', lang)}**")
        correction_widgets(prefix, current, present, lang)
        st.form_submit_button(
            t("fix_submit", lang),
            on_click=_save_form,
            args=(prefix, plan_id, current, present, lang),
        )
    show_message("fix_message")


def show_message(key: str) -> None:
    """A message a callback left for this run (shown once)."""
    kind, text = st.session_state.pop(key, (None, None))
    if kind:
        getattr(st, kind)(text)


def corrected_list(fields: object) -> list[str]:
    """plans.corrected_fields as a plain list (DuckDB lists arrive as arrays or None)."""
    if fields is None or (isinstance(fields, float) and pd.isna(fields)):
        return []
    return [str(f) for f in fields]


def corrected_caption(fields: list[str], lang: str) -> str:
    names = [t(META_LABELS.get(f, f), lang) for f in fields if f != "province_2025"]
    return t("fix_corrected_fields", lang, items=", ".join(names)) if names else ""


def mark_rows(
    rows: pd.DataFrame, row_fields: list[str], fields: list[str], lang: str
) -> pd.DataFrame:
    """Adds a 'corrected' column: the badge on every metadata row an analyst corrected."""
    out = rows.copy()
    out["corrected"] = [t("fix_badge", lang) if f in fields else "" for f in row_fields]
    return out


def history(plan_id: str, lang: str = "vi") -> pd.DataFrame:
    """This plan's corrections from the corrections file, newest first, in the reader's words:
    "Cấp" and "Sở, ngành", not the file's "issuer_level" and "department"."""
    items = load_corrections(corrections_path(db_path())).get(plan_id, [])
    cols = ["field", "old_value", "new_value", "author", "created_at", "note"]
    rows = [{c: item.get(c) for c in cols} for item in reversed(items)]
    for row in rows:
        field = str(row["field"])
        for side in ("old_value", "new_value"):
            row[side] = _shown_value(field, row[side], lang)
        if field.startswith("category:"):
            row["field"] = category_label(field.removeprefix("category:"), lang)
        elif field in META_LABELS:
            row["field"] = t(META_LABELS[field], lang)
    return pd.DataFrame(rows, columns=cols)


def _shown_value(field: str, value: object, lang: str) -> object:
    if field.startswith("category:") and value in ("present", "absent"):
        return t(f"fix_{value}", lang)
    return level_name(str(value), lang) if field == "issuer_level" and value else value


def _import_file(lang: str) -> None:
    upload = st.session_state.get("cf_upload")
    if upload is None:
        return
    try:
        n = import_corrections(db_path(), upload.getvalue())
    except CchcError as error:
        st.session_state["cf_message"] = ("error", f"{error.message_vi}\n\n{error.message_en}")
        return
    except UnicodeDecodeError:
        vi, en = "Tệp hiệu chỉnh phải là UTF-8.", "The corrections file must be UTF-8."
        st.session_state["cf_message"] = ("error", f"{vi}\n\n{en}")
        return
    refresh_data()
    text = t("cf_done", lang, n=n) if n else t("cf_nothing_new", lang)
    st.session_state["cf_message"] = ("success" if n else "info", text)


def corrections_file_section(lang: str) -> None:
    """Download the corrections file; upload one to merge."""
    st.subheader(t("cf_title", lang))
    st.caption(t("cf_intro", lang))
    path = corrections_path(db_path())
    if path.exists() and path.stat().st_size:
        st.download_button(
            t("cf_download", lang), path.read_bytes, file_name="corrections.jsonl",
            mime="application/jsonl", key="cf_download", on_click="ignore",  # read when clicked
        )  # fmt: skip
    else:
        st.info(t("cf_empty", lang))
    st.file_uploader(t("cf_upload", lang), type=["jsonl", "json", "txt"], key="cf_upload")
    st.button(t("cf_import", lang), key="cf_import", on_click=_import_file, args=(lang,))
    show_message("cf_message")
