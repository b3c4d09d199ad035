"""Helpers for the plan-detail page: metadata rows, plan labels and safe evidence highlighting."""

from __future__ import annotations

import html
import json

import pandas as pd

from cchc.i18n import level_name, t
from cchc.i18n_dates import date_text
from cchc.store.db import Filters
from cchc.ui.data import query

FIELDS = [
    ("title", "col_doc_title"), ("province", "col_province"), ("province_2025", "view_today"),
    ("year_from", "col_year_from"), ("year_to", "col_year_to"), ("issuer", "col_issuer"),
    ("issuer_level", "col_level"), ("sector", "col_sector"), ("doc_number", "col_doc_number"),
    ("issued_on", "col_issued_on"), ("signer", "col_signer"),
]  # fmt: skip
PICKER_LIMIT = 2000  # a longer list is no use in a picker and slows the page at 100k plans
MARK_STYLE = "background:#ffe08a;padding:0 2px;border-radius:3px;font-weight:600"


def short_level(level: str | None, lang: str) -> str:
    """The level's name without its bracketed gloss ("Cấp tỉnh", not "Cấp tỉnh (UBND tỉnh)"):
    in a label that already names the issuer, the gloss repeats it. No level: "" (never "nan")."""
    return level_name(level, lang).split(" (")[0] if isinstance(level, str) else ""


def plan_labels(plans: pd.DataFrame, lang: str) -> dict[str, str]:
    """'Hà Giang · 2025 · Sở Khoa học và Công nghệ · Sở, ngành' per plan, vectorised: a picker may
    list thousands of plans."""
    years = plans["year_from"].astype("string")
    spans = plans["year_to"].notna() & (plans["year_to"] != plans["year_from"])
    years = years.where(~spans, years + "–" + plans["year_to"].astype("string"))
    levels = plans["issuer_level"].map(lambda level: short_level(level, lang)).astype("string")
    labels = (
        plans["province"].fillna("?").astype("string") + " · " + years.fillna("?") + " · "
        + plans["issuer"].fillna("?").astype("string") + levels.where(levels == "", " · " + levels)
    )  # fmt: skip
    return dict(zip(plans["plan_id"], labels, strict=True))


def _clean(value: object) -> str:
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return "—"
    return str(value)[:10] if isinstance(value, pd.Timestamp) else str(value)


def how_text(how: object, lang: str) -> str:
    """The extractor's bilingual "vi / en" note on how a field was found, in one language."""
    parts = str(how or "").split(" / ")
    return parts[-1] if lang == "en" else parts[0]


def _confidence(note: dict, lang: str) -> str:
    """How sure the extractor was, in the reader's language ("cao", not "high")."""
    level = note.get("confidence")
    return t(f"conf_{level}", lang) if level else ""


def metadata_rows(detail: pd.Series, lang: str) -> pd.DataFrame:
    """One row per metadata field: value, how it was found and how sure (from metadata_notes)."""
    try:
        notes = json.loads(detail.get("metadata_notes") or "{}")
    except (TypeError, ValueError):
        notes = {}  # notes are a help, not a requirement: a bad JSON must not hide the metadata
    rows = []
    for field, key in FIELDS:
        value = detail.get(field)
        shown = level_name(value, lang) if field == "issuer_level" else _clean(value)
        if field == "issued_on" and shown != "—":  # a table people read: 05/02/2026, 5 Feb 2026
            shown = date_text(value, lang)
        note = notes.get(field, {}) if isinstance(notes, dict) else {}
        rows.append([t(key, lang), shown, how_text(note.get("how"), lang), _confidence(note, lang)])
    return pd.DataFrame(rows, columns=["field", "value", "how", "confidence"])


def evidence_html(passage: str, start: int, end: int) -> str:
    """The passage with the cue marked; every piece of plan text is escaped (plans hold anything)."""
    start = max(0, min(int(start), len(passage)))
    end = max(start, min(int(end), len(passage)))
    before, cue, after = passage[:start], passage[start:end], passage[end:]
    return (
        f"{html.escape(before)}<mark style='{MARK_STYLE}'>{html.escape(cue)}</mark>"
        f"{html.escape(after)}"
    )


def picker_plans(filters: Filters, requested: str | None) -> pd.DataFrame:
    """The plans the picker offers: the first PICKER_LIMIT under the filters, plus the plan a link
    or a traced cell asked for when the cap left it out (at 10,000 plans a province late in the
    alphabet lies past the cap: "Mở kế hoạch" would otherwise open another plan)."""
    plans = query("plan_picker", filters, limit=PICKER_LIMIT)
    if not requested or requested in set(plans["plan_id"]):
        return plans
    extra = query("plan_detail", plan_id=requested)
    if extra.empty:
        return plans
    counted = int(plans["n_matching"].max()) if not plans.empty else 0  # the cap's note stays right
    extra = extra.assign(n_matching=counted)[list(plans.columns)]
    return pd.concat([extra, plans], ignore_index=True)
