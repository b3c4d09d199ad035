"""The compare page's grid: a few chosen provinces as columns, the categories as rows.

With provinces as rows (the overview's layout) the twelve channels become twelve columns of
about 50 pixels on a laptop screen, and their names run into each other. Two to six provinces
side by side leave each column wide enough for its name, and the rows have room for a category's
full name: one row reads across as one category compared between the provinces.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cchc import chart_labels, small_samples
from cchc.charts import _finish, _labelled, _order, _row_order, pool_years, share_grid


def province_columns(df: pd.DataFrame, lang: str, caption: str, title: str) -> alt.Chart:
    """Share of plans per category (rows) and province (columns), years pooled, "n/N" in cells."""
    data = pool_years(_labelled(df, lang), ["place", "category_id", "label", "label_full"])
    data["label"] = [
        chart_labels.wrap_label(label, chart_labels.BAR_LABEL_CHARS) for label in data["label"]
    ]
    places = _row_order(data["place"])
    small = small_samples.small_places(data, "place")
    wrapped = chart_labels.header_labels(places, len(places))
    headers = {p: small_samples.marked(h, p in small) for p, h in zip(places, wrapped, strict=True)}
    data["head"] = data["place"].map(headers)
    ids = _order(data["category_id"])
    rows = list(dict.fromkeys(data.set_index("category_id").loc[ids, "label"]))
    x = alt.X("head:N", sort=[headers[p] for p in places], title=None,
              axis=chart_labels.header_axis())  # fmt: skip
    y = alt.Y("label:N", sort=rows, title=None, axis=chart_labels.row_axis())
    height = max(120, chart_labels.row_step(rows) * len(rows))
    min_width = chart_labels.plot_width(len(places))
    chart = share_grid(data, x, y, height, min_width, lang, row_px=34)  # 15 px type, as before
    return _finish(chart, title, caption)
