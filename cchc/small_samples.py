"""Provinces with too few plans for their shares to mean much: marked, never hidden.

One plan that covers an area reads as "1/1 = 100 %" at full colour beside a province whose 15
plans give 80 %. The heatmaps mark such provinces' labels with MARK, the province map their tiles
(a cut corner holding MARK, in its legend), and each caption says why; the written findings do
not name them as highest or lowest.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from cchc.i18n import t

MIN_PLANS = 3  # below this, one plan more or less moves a share by a third or more
# Not "*": on the overview's map a "*" already marks plans issued after the 2025 merger.
MARK = "†"


def plans_per_place(df: pd.DataFrame, place: str) -> pd.Series:
    """Plans behind each ``place``'s shares, each plan once: a query's rows (``n_plans_once`` per
    year) or rows already pooled over the years (``n_plans``)."""
    if df.empty:
        return pd.Series(dtype=int)
    count = "n_plans_once" if "n_plans_once" in df else "n_plans"
    per_category = df.groupby([place, "category_id"], dropna=True)[count].sum()
    return per_category.groupby(level=0).max()


def is_small(n_plans: int) -> bool:
    """Whether a place of ``n_plans`` plans is too small for its shares to mean much."""
    return n_plans < MIN_PLANS


def small_places(df: pd.DataFrame, place: str) -> set[str]:
    """The places with fewer than MIN_PLANS plans."""
    counts = plans_per_place(df, place)
    return {p for p, n in counts.items() if is_small(int(n))}


def marked(label: str, small: bool) -> str:
    """``label`` with MARK when its place has fewer than MIN_PLANS plans."""
    return f"{label} {MARK}" if small else label


def mark_note(lang: str) -> str:
    """What MARK means, as every caption and tooltip that shows it says it."""
    return t("small_note", lang, mark=MARK, n=MIN_PLANS)


def counts_note(counts: Iterable[int], lang: str) -> str:
    """The caption's note for the mark, from each place's plan count ("" when none is marked)."""
    return mark_note(lang) if any(is_small(int(n)) for n in counts) else ""


def small_note(df: pd.DataFrame, place: str, lang: str) -> str:
    """The caption's note for the mark ("" when no place is marked)."""
    return counts_note(plans_per_place(df, place), lang)
