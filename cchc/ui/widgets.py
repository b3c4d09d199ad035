"""Shared rendering: captions, empty states, charts and tables with Vietnamese column labels."""

from __future__ import annotations

import importlib
import re

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from cchc.export import captions, images
from cchc.i18n import number, t
from cchc.i18n_dates import date_text, moment_text
from cchc.read import MAX_BYTES
from cchc.ui.data import data_info
from cchc.ui.exports import chart_downloads, labelled_table_downloads, table_downloads
from cchc.ui.state import State, filter_summary
from cchc.ui.trace import CLICK, clickable


def caption_text(state: State, what_key: str, n_plans: int, note: str = "") -> str:
    """'What it counts · filters · Nguồn: N kế hoạch · dữ liệu ngày …' (+ pooling note)."""
    return caption_of(state, t(what_key, state.lang), n_plans, note)


def caption_of(state: State, what: str, n_plans: int, note: str = "") -> str:
    """``caption_text`` for a ``what`` already in the user's language (a chosen map measure)."""
    date = data_info()["data_date"]
    return captions.caption(what, filter_summary(state), n_plans, date, state.lang, note)


def empty_state(lang: str) -> None:
    # An explicit message instead of an empty axis: an empty chart reads as "zero everywhere".
    st.info(t("empty", lang), icon=":material/filter_alt_off:")


@st.cache_data(show_spinner=False, max_entries=256)
def chart_spec(builder: str, data: pd.DataFrame, *args: object, **kwargs: object) -> dict:
    """The Vega-Lite spec of ``cchc.<module>.<function>(data, *args)``, built once per input.

    Building and validating an altair chart costs far more than the cached query behind it, so
    a rerun with the same filters reuses the spec instead of rebuilding the chart."""
    module, name = builder.rsplit(".", 1)
    make = getattr(importlib.import_module(f"cchc.{module}"), name)
    return make(data, *args, **kwargs).to_dict()


def show_chart(spec: dict, caption: str, click_key: str | None = None) -> None:
    """The chart (a spec from chart_spec), its caption and a "Tải xuống" popover (PNG, SVG, PDF).

    The caption is said once, under the chart: the chart on screen drops its caption subtitle,
    and the downloads keep it (a file leaves the page without the caption line). ``click_key``:
    a grid whose cells can be clicked, the click kept under that key (see cchc.ui.trace)."""
    shown = images.without_caption(spec, caption)
    if click_key:
        st.vega_lite_chart(spec=clickable(shown), width="stretch", theme=None, key=click_key,
                           on_select="rerun", selection_mode=CLICK)  # fmt: skip
    else:
        st.vega_lite_chart(spec=shown, width="stretch", theme=None)
    st.caption(caption)
    chart_downloads(spec, caption)


def column_config(columns: dict[str, str], lang: str) -> dict[str, object]:
    """Column labels in the user's language; shares as percentages."""
    config: dict[str, object] = {}
    for col, key in columns.items():
        if key == "col_share":
            config[col] = st.column_config.ProgressColumn(
                t(key, lang), format="percent", min_value=0.0, max_value=1.0
            )
        else:
            config[col] = st.column_config.Column(t(key, lang))
    return config


def with_blanks_shown(df: pd.DataFrame) -> pd.DataFrame:
    """Missing text as "—": the grid would print "None", which reads as a value (and is English).
    Downloads keep real empty cells."""
    text_cols = [
        c for c in df.columns
        if pd.api.types.is_object_dtype(df[c]) or pd.api.types.is_string_dtype(df[c])
    ]  # fmt: skip
    if not text_cols or not df[text_cols].isna().any().any():
        return df
    shown = df.copy()
    shown[text_cols] = shown[text_cols].astype(object).where(shown[text_cols].notna(), "—")
    return shown


def whole_percent(shares: pd.Series) -> pd.Series:
    """Shares rounded to whole percents for the grid ("25%", not "25.25%", beside "30%");
    downloads keep the exact values."""
    return shares.astype(float).round(2)


def show_table(
    df: pd.DataFrame, columns: dict[str, str], lang: str, caption: str = "", empty: str = ""
) -> None:
    """Only the listed columns, labelled via column_config; a caption line under the table.

    ``empty``: what to say when there are no rows (default "None found")."""
    if df.empty:
        st.info(empty or t("none_found", lang))  # an empty grid reads as a broken table
        return
    present = {c: k for c, k in columns.items() if c in df.columns}
    shown = with_blanks_shown(df[list(present)])
    for col in [c for c, key in present.items() if key == "col_share"]:
        shown[col] = whole_percent(shown[col])
    st.dataframe(
        shown,
        column_config=column_config(present, lang),
        hide_index=True,
        width="stretch",
    )
    if caption:
        st.caption(caption)
    table_downloads(df, present, lang, caption)


# st.table reads every cell as Markdown, and cells hold plan text ("1. Mục đích" would turn into
# a numbered list, "*" into italics, "[..](..)" into a link): such characters are written literally.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>$~|&]|:(?=[\w/]+:))")
_MD_LINE_START = re.compile(r"^(\s*)(\d+[.)]|[-+#>])", re.MULTILINE)


def md_literal(value: object) -> object:
    """Text shown as written in a Markdown cell; anything but text is left as it is."""
    if not isinstance(value, str):
        return value
    text = _MD_INLINE.sub(r"\\\1", value)
    return _MD_LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


# Columns of long text get room to wrap in a few lines instead of one word per line (a static
# table otherwise shares the width out evenly); numbers stay on one line.
_MIN_WIDTH = {"col_cues": "16rem", "col_weak_cues": "8rem", "value": "14rem",
              "how_found": "12rem", "col_task": "20rem"}  # fmt: skip
# Dates on screen as readers write them (19/06/2015, a correction's 22/11/2026 14:37; a target's
# period is a deadline or a word, "tháng", left as it is); downloads keep the ISO values.
_DATES = {"col_cited_on": date_text, "col_period": date_text, "col_fix_at": moment_text}


def _readable(df: pd.DataFrame, columns: dict[str, str], lang: str) -> Styler:
    """The listed columns as text a static table prints well: labelled headers, "—" for blanks,
    counts with the reader's separators ("1.234"; a year is left as it is), whole percents,
    dates as the reader writes them."""
    shown = with_blanks_shown(df[list(columns)])
    numbers = []  # and dates: kept on one line
    for col, key in columns.items():
        if key in _DATES:
            shown[col] = [v if v == "—" else _DATES[key](v, lang) for v in shown[col]]
        elif key == "col_share":
            shown[col] = [number(100 * float(v), lang) + "%" for v in shown[col]]
        elif pd.api.types.is_numeric_dtype(shown[col]) and not key.startswith("col_year"):
            shown[col] = ["—" if pd.isna(v) else number(float(v), lang) for v in shown[col]]
        else:
            continue
        numbers.append(t(key, lang))
    shown = shown.apply(lambda col: col.map(md_literal))
    shown = shown.rename(columns={c: t(k, lang) for c, k in columns.items()})
    styled = shown.style.set_properties(numbers, **{"white-space": "nowrap"})
    for key in columns.values():
        if key in _MIN_WIDTH:
            styled = styled.set_properties([t(key, lang)], **{"min-width": _MIN_WIDTH[key]})
    return styled


def show_full_table(
    df: pd.DataFrame, columns: dict[str, str], lang: str, caption: str = "", empty: str = "",
    group_by: str | None = None,
) -> None:  # fmt: skip
    """Every row and every word: a static table that wraps long text (a plan's title, how a field
    was found, a category's cues). A grid has a fixed height and cuts text at the column edge, and
    a leader reading a projected page cannot scroll inside it or widen a column.

    ``group_by``: one heading and table per value of that column (in order of first appearance),
    the column itself left out of the tables; the download keeps every row and column."""
    if df.empty:
        st.info(empty or t("none_found", lang))
        return
    present = {c: k for c, k in columns.items() if c in df.columns}
    if group_by is None:
        st.table(_readable(df, present, lang), hide_index=True)
    else:
        inner = {c: k for c, k in present.items() if c != group_by}
        for name, part in df.groupby(group_by, sort=False):
            st.markdown(f"#### {name}")
            st.table(_readable(part, inner, lang), hide_index=True)
    if caption:
        st.caption(caption)
    table_downloads(df, present, lang, caption)


def static_table(df: pd.DataFrame, columns: dict[str, str], lang: str) -> None:
    """``show_full_table``'s table alone (every row and word, wrapped), without downloads: for
    what is not data yet, such as a file under review (and one popover per file would clash)."""
    st.table(_readable(df, columns, lang), hide_index=True)


def show_shaped_table(
    shown: pd.DataFrame, data: pd.DataFrame, columns: dict[str, str], lang: str, caption: str
) -> None:
    """A table already shaped and labelled for reading (``shown``: e.g. one column a year), whole
    and wrapped; the downloads give ``data``'s listed ``columns``, one row a record."""
    cells = shown.apply(lambda col: col.map(md_literal))
    first = cells.columns[:1]  # the row's name ("749/QĐ-TTg") on one line
    st.table(cells.style.set_properties(first, **{"white-space": "nowrap"}), hide_index=True)
    if caption:
        st.caption(caption)
    table_downloads(data, columns, lang, caption)


def plain_table(df: pd.DataFrame) -> None:
    """A small table whose headers are already in the reader's language, whole and wrapped (a
    grid cuts a long note at its column edge), its text written literally."""
    st.table(df.map(md_literal), hide_index=True)


def metrics(values: list[tuple[str, str]]) -> None:
    """Headline numbers in one row (large: leaders read them across a meeting room).

    A column is as wide as its value needs: in equal columns a year range ("2021–2030") is cut
    to "2021–2…" on a 1280-pixel screen while "63" has room to spare.
    """
    widths = [max(1.0, len(value) / 6) for _, value in values]
    for col, (label, value) in zip(st.columns(widths), values, strict=True):
        col.metric(label, value)


def show_pivot(df: pd.DataFrame, first_col: str, caption: str = "") -> None:
    """A wide table of shares (e.g. province × content area), every share as a percentage."""
    config = {
        c: st.column_config.NumberColumn(c, format="percent") for c in df.columns if c != first_col
    }
    shown = df.assign(**{c: whole_percent(df[c]) for c in config})
    st.dataframe(shown, column_config=config, hide_index=True, width="stretch")
    if caption:
        st.caption(caption)
    labelled_table_downloads(df, [c for c in df.columns if c != first_col], caption)


# Streamlit writes its upload limit under every uploader in English ("100MB per file"), which is
# not our per-plan limit: the labels say the limits in the reader's language instead. Its button
# says "Upload" in English whatever the page's language, and has no parameter for its words: the
# style writes the reader's word in its place.
_UPLOADER_STYLE = """<style>
[data-testid='stFileUploaderDropzoneInstructions'] {display: none}
[data-testid='stFileUploaderDropzone'] [data-testid='stBaseButton-secondary'] p {font-size: 0}
[data-testid='stFileUploaderDropzone'] [data-testid='stBaseButton-secondary'] p::after {
    content: "%s"; font-size: 0.875rem;
}
</style>"""


def uploader_in_readers_words(lang: str) -> None:
    st.html(_UPLOADER_STYLE % t("upload_button", lang))


def upload_label(lang: str) -> str:
    """The plan uploader's label with both limits: ours per plan, Streamlit's per uploaded file."""
    per_file = st.get_option("server.maxUploadSize")
    return t("imp_upload", lang, mb=MAX_BYTES // 2**20, upload_mb=per_file)
