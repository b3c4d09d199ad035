"""Download buttons for every chart and table, and the briefing pack for the briefing page.

Export bytes are made lazily: each st.download_button gets a callable that Streamlit runs only
when the button is clicked, and the result is cached on the chart's spec JSON (or the table),
so a page with five charts pays nothing for its fifteen buttons until someone downloads.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from functools import partial

import pandas as pd
import streamlit as st

from cchc.export import briefing, images, tables
from cchc.export.catalog import PACK_IDS, chart_title
from cchc.i18n import t
from cchc.store.db import Filters
from cchc.ui.data import ensure_db, query

CHART_FORMATS = ("png", "svg", "pdf")
TABLE_FORMATS = ("csv", "xlsx")


def _lang() -> str:
    state = st.session_state.get("_state")
    return state.lang if state is not None else "vi"


def _key(*parts: object) -> str:
    # Stable across reruns (title + caption), so a click is not lost to a changed widget id.
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


def file_stem(text: str, limit: int = 60) -> str:
    """An ASCII file name from a Vietnamese title ("Tỷ lệ kế hoạch…" → "ty_le_ke_hoach…")."""
    plain = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")[:limit] or "cchc"


def _chart_title(spec: dict) -> str:
    text = images.spec_title(spec).get("text")
    if isinstance(text, list):  # a title in lines (a long map title): one name for the file
        return " ".join(map(str, text))
    return text if isinstance(text, str) else ""


@st.cache_data(show_spinner=False, max_entries=256)
def _image(spec: str, fmt: str) -> bytes:
    return images.render_spec(spec, fmt)


def _chart_bytes(spec: dict, caption: str, fmt: str) -> bytes:
    return _image(images.spec_json(spec, caption), fmt)


def chart_downloads(spec: dict, caption: str) -> None:
    """A small "Tải xuống" popover with PNG, SVG and PDF buttons for one chart (its spec)."""
    lang, title = _lang(), _chart_title(spec)
    key, stem = _key(title, caption), file_stem(title or caption)
    with st.popover(t("download", lang), icon=":material/download:", key=f"pop_{key}"):
        for fmt in CHART_FORMATS:
            st.download_button(
                t(f"dl_{fmt}", lang), data=partial(_chart_bytes, spec, caption, fmt),
                file_name=f"{stem}.{fmt}", mime=images.MIME[fmt], key=f"dl_{key}_{fmt}",
                on_click="ignore", width="stretch",
            )  # fmt: skip


@st.cache_data(show_spinner=False, max_entries=128)
def _table_bytes(df: pd.DataFrame, fmt: str, title: str, note: str, percent: tuple) -> bytes:
    if fmt == "csv":
        return tables.to_csv(df)
    return tables.to_xlsx(df, title, note, list(percent))


def labelled_table_downloads(df: pd.DataFrame, percent: list[str], caption: str) -> None:
    """CSV and XLSX buttons for a table whose headers are already in the user's language."""
    lang = _lang()
    title = caption.split(" · ")[0] if caption else ""
    key, stem = _key(title, caption, *df.columns), file_stem(title or "bang_so_lieu")
    with st.popover(t("download", lang), icon=":material/download:", key=f"pop_{key}"):
        for fmt in TABLE_FORMATS:
            data = partial(_table_bytes, df, fmt, title, caption, tuple(percent))
            st.download_button(
                t(f"dl_{fmt}", lang), data=data, file_name=f"{stem}.{fmt}",
                mime=tables.MIME[fmt], key=f"dl_{key}_{fmt}", on_click="ignore", width="stretch",
            )  # fmt: skip


def table_downloads(df: pd.DataFrame, columns: dict[str, str], lang: str, caption: str) -> None:
    """CSV and XLSX buttons for the listed columns, with headers in ``lang``."""
    data, percent = tables.labelled(df, columns, lang)
    labelled_table_downloads(data, percent, caption)


# --- Briefing pack ----------------------------------------------------------------------------


def chart_options(lang: str) -> dict[str, str]:
    """Catalogue chart id → title, for the briefing page's multiselect (the map is downloaded
    from the overview: a pack page shrinks it, cchc.export.catalog.PACK_IDS)."""
    return {chart_id: chart_title(chart_id, lang) for chart_id in PACK_IDS}


def _run(name: str, params: dict[str, object]) -> pd.DataFrame:
    return query(name, None, **params)  # the dashboard's cached, locked query path


@st.cache_data(show_spinner=False, max_entries=16)
def _pack(mtime: float, filters: Filters, lang: str, ids: tuple[str, ...]) -> dict[str, bytes]:
    # mtime is part of the key only: a rebuilt database makes a new pack.
    pack = briefing.build_pack(_run, filters, lang, ids)
    return {"pptx": briefing.to_pptx(pack), "pdf": briefing.to_pdf(pack)}


def build_pack(filters: Filters, lang: str, ids: Sequence[str]) -> dict[str, bytes]:
    """The briefing pack as {"pptx": bytes, "pdf": bytes}, cached per filters and charts."""
    return _pack(ensure_db(lang).stat().st_mtime, filters, lang, tuple(ids))


def pack_buttons(files: dict[str, bytes], lang: str, stem: str) -> None:
    """The two download buttons of a built pack, side by side."""
    left, right = st.columns(2)
    left.download_button(
        t("brief_pptx", lang), files["pptx"], f"{stem}.pptx", briefing.MIME["pptx"],
        key="brief_dl_pptx", icon=":material/slideshow:", on_click="ignore", type="primary",
    )  # fmt: skip
    right.download_button(
        t("brief_pdf", lang), files["pdf"], f"{stem}.pdf", briefing.MIME["pdf"],
        key="brief_dl_pdf", icon=":material/picture_as_pdf:", on_click="ignore",
    )  # fmt: skip
