"""What the province map shows, in words: its measures, its layout for a view and its caption's
"what" and notes. The page (cchc/ui/maps.py) and the exports (cchc/export/catalog.py, the CLI's
``--chart map``) both take them from here, so a map leaving the dashboard says what it says.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from cchc.chart_labels import fit_lines, text_px
from cchc.geo.provinces import ERA_NEW, ERA_OLD, current_province, members_of
from cchc.i18n import short_label, t
from cchc.parse.codebook import load_codebook

MEAN = "content_area"  # measure key of the mean coverage of the six content areas
FAMILIES = ("content_area", "channel", "indicator")
VIEW_OF_ERA = {ERA_NEW: "today", ERA_OLD: "issued"}
ERA_OF_VIEW = {view: era for era, view in VIEW_OF_ERA.items()}  # the layout a view opens with
TITLE_PX, SUBTITLE_PX = 22, 14  # as every chart's title and caption (cchc.charts._finish)


def measure_options(lang: str) -> dict[str, str]:
    """Measure key ('content_area' = mean of the six, 'family:category') -> label."""
    options = {MEAN: t("map_areas_mean", lang)}
    for cat in load_codebook().categories:
        if cat.family in FAMILIES:
            full = cat.en if lang == "en" else cat.vi
            label = short_label(cat.id, full, lang)
            options[f"{cat.family}:{cat.id}"] = t(f"map_opt_{cat.family}", lang, label=label)
    return options


def split_measure(measure: str) -> tuple[str, str | None]:
    """'channel:facebook' -> ('channel', 'facebook'); the mean -> ('content_area', None)."""
    family, _, category = measure.partition(":")
    return family, category or None


def era_names(names: Iterable[str], view_by: str, era: str) -> list[str]:
    """Province names chosen in one view, as tile names of the era's layout."""
    if era == ERA_NEW:
        found = (current_province(n) if view_by == "issued" else n for n in names)
        return sorted({n for n in found if n})
    if view_by == "today":
        return sorted({m for n in names for m in (members_of(n) or [n])})
    return sorted(set(names))


def map_title(
    era: str, label: str, caption: str, lang: str, width: float
) -> tuple[str | list[str], list[str]]:
    """The title and the caption's lines, none wider than the map (``width`` px): a longer line
    widened the image past the map and ran to its edge. The title is one line when it fits,
    else the layout's name on a line and the measure under it."""
    head = t("map_title", lang, n=era)
    title: str | list[str] = f"{head}: {label}"
    if text_px(str(title), TITLE_PX, bold=True) > width:
        title = [f"{head}:", *fit_lines(label, width, TITLE_PX, bold=True)]
    return title, fit_lines(caption, width, SUBTITLE_PX) or [""]


def measure_what(measure: str, lang: str) -> str:
    """What the map counts, the caption's first part: "Tỷ lệ kế hoạch sử dụng kênh «…» (…)"."""
    family, category = split_measure(measure)
    if category is None:
        what = t("map_what_mean", lang)
    else:
        label = measure_options(lang)[measure].split(": ", 1)[-1]
        what = t(f"map_what_{family}", lang, label=label)
    return f"{what} ({t('map_pooled_years', lang)})"


def map_note(era: str, lang: str, small_note: str, outlined: bool, n_unplaced: int = 0) -> str:
    """How to read the map, after the caption's source: its layout, grey tiles, ``small_note``
    (the mark on tiles of few plans), the outline of chosen provinces, plans not placed."""
    notes = [t(f"map_note_{era}", lang), t("map_note_grey", lang), small_note]
    if outlined:
        notes.append(t("map_note_highlight", lang))
    if n_unplaced:  # plans whose province could not be read: counted, said, not drawn
        notes.append(t("map_note_unplaced", lang, n=n_unplaced))
    return " ".join(n for n in notes if n)


def plan_counts(values: pd.DataFrame, rows: pd.DataFrame) -> tuple[int, int]:
    """Plans on the map (``values``, pooled by ``pool_measure``) and plans of the query's
    ``rows`` whose province could not be read, which are counted in the caption, not drawn."""
    n_plans = int(values["n_plans"].sum()) if not values.empty else 0
    unplaced = rows[rows["province"].isna()]
    return n_plans, int(unplaced["n_plans_total"].iloc[0]) if not unplaced.empty else 0
