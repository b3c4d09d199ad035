"""Sidebar filters whose whole state lives in the URL, so a shared link reproduces the view.

On a session's first run the widgets are seeded from st.query_params; on every run their values
are written back. Streamlit drops query params on a page switch, and rewriting them each run puts
them back, so the filters follow the user from page to page.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from cchc.export.captions import filters_text
from cchc.geo.provinces import merged_label
from cchc.i18n import level_name, t
from cchc.store.db import Filters
from cchc.ui.data import query

# Widget key -> query-param name. Lists are stored as repeated params (?prov=A&prov=B).
SCALARS = {"f_lang": "lang", "f_view": "view", "f_y0": "y0", "f_y1": "y1"}
LISTS = {"f_prov": "prov", "f_lvl": "lvl", "f_sec": "sec"}
YEAR_FLOOR, YEAR_CEIL = 2011, 2030  # the 2011–2020 and 2021–2030 programmes


@dataclass(frozen=True)
class State:
    filters: Filters
    lang: str

    @property
    def view_by(self) -> str:
        return self.filters.view_by


def _options() -> dict[str, list[str]]:
    opts = query("filter_options")
    return {d: g["value"].tolist() for d, g in opts.groupby("dimension")}


def _seed_from_url() -> None:
    """Copy URL values into widget state once per session (a reload starts a new session)."""
    if st.session_state.get("_seeded"):
        return
    qp = st.query_params
    for key, name in SCALARS.items():
        if name in qp:
            st.session_state[key] = qp[name]
    for key, name in LISTS.items():
        if name in qp:
            st.session_state[key] = qp.get_all(name)
    st.session_state["_seeded"] = True


def _clean(key: str, allowed: list[str], default: object, cast=str) -> None:
    """Drops URL values the widget cannot show (a stale or hand-edited link must not crash)."""
    value = st.session_state.get(key, default)
    if isinstance(default, list):
        value = [v for v in (value or []) if v in allowed]
    else:
        try:
            value = cast(value)
        except (TypeError, ValueError):
            value = default
        if allowed and value not in allowed:
            value = default
    st.session_state[key] = value


def sync_url(extra: dict[str, object] | None = None) -> None:
    """Writes every filter (and a page's own ``extra`` params) back to the URL."""
    wanted: dict[str, object] = {n: st.session_state.get(k) for k, n in SCALARS.items()}
    wanted.update({n: st.session_state.get(k) or [] for k, n in LISTS.items()})
    wanted.update(extra or {})
    for name, value in wanted.items():
        if value in (None, [], ""):
            st.query_params.pop(name, None)
        elif isinstance(value, list):
            if st.query_params.get_all(name) != [str(v) for v in value]:
                st.query_params[name] = [str(v) for v in value]
        elif st.query_params.get(name) != str(value):
            st.query_params[name] = str(value)


def _year_widgets(opts: dict[str, list[str]], lang: str) -> tuple[int, int]:
    years = sorted(int(y) for y in opts.get("year", [])) or [YEAR_CEIL]
    lo, hi = min(years[0], YEAR_FLOOR), max(years[-1], YEAR_CEIL)
    allowed = [str(y) for y in range(lo, hi + 1)]
    _clean("f_y0", allowed, str(years[0]))
    _clean("f_y1", allowed, str(years[-1]))
    c0, c1 = st.sidebar.columns(2)
    y0 = c0.selectbox(t("years", lang), allowed, key="f_y0")
    y1 = c1.selectbox("→", allowed, key="f_y1")
    return min(int(y0), int(y1)), max(int(y0), int(y1))


def _province_widget(opts: dict[str, list[str]], view: str, lang: str) -> list[str]:
    provinces = opts.get("province_2025" if view == "today" else "province", [])
    _clean("f_prov", provinces, [])
    fmt = (lambda p: merged_label(p, lang)) if view == "today" else str
    return st.sidebar.multiselect(
        t("provinces", lang),
        provinces,
        key="f_prov",
        format_func=fmt,
        placeholder=t("all", lang),
        select_all=False,
    )


def sidebar_filters() -> State:
    """Renders the sidebar filters and returns what they select (also kept in the URL)."""
    _seed_from_url()
    _clean("f_lang", ["vi", "en"], "vi")
    lang = st.sidebar.radio(
        "Ngôn ngữ / Language", ["vi", "en"], key="f_lang", horizontal=True,
        format_func=lambda v: {"vi": "Tiếng Việt", "en": "English"}[v],
    )  # fmt: skip
    opts = _options()
    st.sidebar.subheader(t("filters", lang))
    y0, y1 = _year_widgets(opts, lang)
    _clean("f_view", ["issued", "today"], "issued")
    view = st.sidebar.radio(
        t("view", lang),
        ["issued", "today"],
        key="f_view",
        format_func=lambda v: t(f"view_{v}", lang),
    )
    provinces = _province_widget(opts, view, lang)
    _clean("f_lvl", opts.get("issuer_level", []), [])
    levels = st.sidebar.multiselect(
        t("levels", lang), opts.get("issuer_level", []), key="f_lvl",
        format_func=lambda v: level_name(v, lang), placeholder=t("all", lang), select_all=False,
    )  # fmt: skip
    _clean("f_sec", opts.get("sector", []), [])
    sectors = st.sidebar.multiselect(
        t("sectors", lang),
        opts.get("sector", []),
        key="f_sec",
        placeholder=t("all", lang),
        select_all=False,
    )
    filters = Filters(y0, y1, tuple(provinces), tuple(levels), tuple(sectors), view)
    return State(filters, lang)


def filter_summary(state: State) -> str:
    """The filters in words, for captions: a chart must say what it was filtered to."""
    return filters_text(state.filters, state.lang)


def seed_page_widget(key: str, name: str, allowed: list[str], default: object) -> None:
    """Seeds a page's own widget (plan, family, provinces to compare) from the URL, once."""
    if key not in st.session_state and name in st.query_params:
        multi = isinstance(default, list)
        st.session_state[key] = st.query_params.get_all(name) if multi else st.query_params[name]
    _clean(key, allowed, default)
