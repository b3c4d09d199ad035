""" "Con số này từ đâu?": the plans and sentences behind one cell of a grid.

Every share on the overview and compare grids is "k of n plans". This section lists the k plans
that have the category, each with the first sentence it was counted from (marked as written),
then names the others, so a leader asking "which plans?" gets the answer on the same page and an
analyst can open any plan's full evidence.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from cchc.i18n import family_name, number, section_kind_name, t
from cchc.ui.data import query
from cchc.ui.detail import evidence_html, plan_labels
from cchc.ui.state import State

SHOWN = 12  # plans with the category shown with their sentence; more would bury the page
CONTEXT = 180  # characters of the passage kept on each side of the cue
DETAIL_PAGE = "pages/4_chi_tiet.py"
CLICK = "cell"  # the grids' point selection: clicking a cell picks it in the pickers below


def clickable(spec: dict) -> dict:
    """A grid's spec (charts.share_grid: a rect layer under a text layer) whose cells can be
    clicked. Clicks on the "k/n" text pick the same cell: both layers carry place and category."""
    select = {"type": "point", "fields": ["place", "category_id"], "clear": "dblclick"}
    layers = []
    for layer in spec.get("layer", []):  # copies of what changes: the data stays shared
        mark = layer.get("mark")
        if (mark.get("type") if isinstance(mark, dict) else mark) == "rect":
            pointer = {**mark, "cursor": "pointer"} if isinstance(mark, dict) else mark
            layer = {**layer, "params": [{"name": CLICK, "select": select}], "mark": pointer}
        layers.append(layer)
    return {**spec, "layer": layers}


def _clicked(chart_key: str, frame: pd.DataFrame) -> tuple[str, str] | None:
    """The cell last clicked in the chart ``chart_key`` as (province, category), if any."""
    event = st.session_state.get(chart_key) or {}
    points = (event.get("selection") or {}).get(CLICK) or []
    if not points:
        return None
    place, category = points[0].get("place"), points[0].get("category_id")
    by_label = dict(zip(frame["province_label"], frame["province"], strict=True))
    return (by_label[place], category) if place in by_label else None


def follow_clicks(frames: dict[str, pd.DataFrame], key: str) -> str | None:
    """A new click on a grid (chart key ``{key}_{family}``) sets the pickers to that cell and
    returns its family; the pickers stay free to change until the next click."""
    for family, frame in frames.items():
        cell = _clicked(f"{key}_{family}", frame)
        if cell is None:  # cleared (double-click): the same cell may be clicked again
            st.session_state.pop(f"{key}_last_{family}", None)
        elif st.session_state.get(f"{key}_last_{family}") != cell:
            st.session_state[f"{key}_last_{family}"] = cell
            st.session_state[f"{key}_fam"] = family
            st.session_state[f"{key}_prov"], st.session_state[f"{key}_cat"] = cell
            return family
    return None


def snippet(passage: str, start: int, end: int) -> tuple[str, int, int]:
    """The passage cut to about CONTEXT characters around the cue, at spaces ("…" marks a cut),
    with the cue's new offsets: a table row or a long paragraph would otherwise fill the screen,
    and a quote that starts mid-word ("…oàn thể") reads as careless in a briefing."""
    lo, hi = max(0, start - CONTEXT), min(len(passage), end + CONTEXT)
    if lo > 0:
        space = passage.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(passage):
        space = passage.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(passage) else ""
    return head + passage[lo:hi] + tail, start - lo + len(head), end - lo + len(head)


def _choices(frame: pd.DataFrame, lang: str) -> tuple[dict, dict]:
    """The grid's rows (province -> label) and columns (category -> label), in the grid's order."""
    label_col = "label_en" if lang == "en" else "label_vi"
    provinces = dict(zip(frame["province"], frame["province_label"], strict=True))
    categories = dict(zip(frame["category_id"], frame[label_col], strict=True))
    return provinces, categories


def _plan_card(row: pd.Series, label: str, category: str, lang: str, key: str) -> None:
    with st.container(border=True):
        name, button = st.columns([5, 1], vertical_alignment="center")
        name.markdown(f"**{label}**")
        opened = button.button(
            t("trace_open", lang), key=f"{key}_open_{row['plan_id']}", icon=":material/article:",
            width="stretch",
        )  # fmt: skip
        if opened:  # the detail page's pickers read these keys; the sidebar filters stay as set
            st.session_state["detail_tab"] = t("evidence", lang)  # the sentences, not the fields
            st.session_state["detail_plan"], st.session_state["detail_cat"] = (
                row["plan_id"],
                category,
            )
            st.switch_page(DETAIL_PAGE)
        if pd.isna(row["passage_text"]):
            st.caption(t("trace_added", lang))
            return
        where = t("trace_first", lang, section=section_kind_name(row["section_kind"], lang))
        if int(row["n_mentions"]) > 1:
            where += " · " + t("trace_n_mentions", lang, n=int(row["n_mentions"]))
        st.caption(where)
        text, start, end = snippet(
            row["passage_text"], int(row["offset_in_passage"]), int(row["offset_end_in_passage"])
        )
        # Inside an HTML block Markdown is not applied: "- …" and "1. …" stay as written.
        body = evidence_html(text, start, end)
        st.markdown(f"<div class='cchc-evidence' style='padding-bottom:.5rem'>{body}</div>",
                    unsafe_allow_html=True)  # fmt: skip


Cell = tuple[tuple[str, str], tuple[str, str]]  # (province, category) and their names on screen


def _pickers(frames: dict[str, pd.DataFrame], lang: str, key: str) -> Cell:
    """Family (when there are several), province and category, side by side."""
    families = [f for f, frame in frames.items() if not frame.empty]
    cols = st.columns([1, 2, 2] if len(families) > 1 else [1, 1])
    family = families[0]
    if len(families) > 1:
        family = cols[0].selectbox(
            t("trace_family", lang), families, key=f"{key}_fam",
            format_func=lambda f: family_name(f, lang),
        )  # fmt: skip
    provinces, categories = _choices(frames[family], lang)
    province = cols[-2].selectbox(
        t("col_province", lang), list(provinces), key=f"{key}_prov", format_func=provinces.get
    )
    category = cols[-1].selectbox(
        t("trace_category", lang), list(categories), key=f"{key}_cat", format_func=categories.get
    )
    return (province, category), (provinces[province], categories[category])


def _cell_plans(state: State, cell: Cell, key: str) -> None:
    """The plans behind one cell: those with the category with their sentence, then the others
    by name."""
    lang, ((province, category), (province_name, category_name)) = state.lang, cell
    rows = query("cell_plans", state.filters, province=province, category_id=category)
    if rows.empty:
        st.info(t("trace_none", lang))
        return
    with_it = rows[rows["has_category"]]
    summary = t("trace_summary", lang, province=province_name, category=category_name,
                k=number(len(with_it), lang), n=number(len(rows), lang))  # fmt: skip
    st.markdown(f"**{summary}**")
    labels = plan_labels(rows, lang)
    shown = with_it.head(SHOWN)
    sentences = query("cell_evidence", plan_ids=list(shown["plan_id"]), category_id=category)
    shown = shown.merge(sentences, on="plan_id", how="left")  # no row: an analyst added it
    for _, row in shown.iterrows():
        _plan_card(row, labels[row["plan_id"]], category, lang, key)
    if len(with_it) > SHOWN:
        st.caption(t("trace_more", lang, n=len(with_it) - SHOWN))
    without = rows[~rows["has_category"]]
    if not without.empty:
        names = "; ".join(labels[p] for p in without["plan_id"])
        st.caption(f"{t('trace_without', lang, n=len(without))} {names}")


def trace_cell(state: State, frames: dict[str, pd.DataFrame], key: str) -> None:
    """Pickers for one cell of the grids in ``frames`` (family -> the grid's rows) and the plans
    behind it. A click on a grid's cell also opens them in a dialog: the grid may be thousands of
    pixels tall, and the answer belongs where the user clicked, not below the grid."""
    lang = state.lang
    clicked = follow_clicks(frames, key)
    st.subheader(t("trace_title", lang))
    st.caption(t("trace_help", lang))
    cell = _pickers(frames, lang, key)
    if clicked:
        show = st.dialog(t("trace_title", lang), width="large")(_cell_plans)
        show(state, cell, f"{key}_dlg")
    _cell_plans(state, cell, key)
