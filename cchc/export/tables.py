"""DataFrame → CSV (UTF-8 with BOM) and XLSX bytes, with Vietnamese headers.

Excel opens a CSV without a BOM as Windows-1252 and mangles every diacritic, hence the BOM.
The XLSX carries a title row and a row with the filters, the source and the data date, so a
sheet forwarded by e-mail still says what it is.
"""

from __future__ import annotations

import io
import re

import pandas as pd
import xlsxwriter

from cchc.i18n import t

BOM = "\ufeff"
MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
PERCENT_KEYS = ("col_share",)
MAX_WIDTH = 60  # characters: long cue lists wrap instead of making a sheet kilometres wide


def labelled(
    df: pd.DataFrame, columns: dict[str, str], lang: str
) -> tuple[pd.DataFrame, list[str]]:
    """Only the listed columns, headers in ``lang``; also the headers of percentage columns."""
    present = {c: k for c, k in columns.items() if c in df.columns}
    out = df[list(present)].copy()
    out.columns = [t(k, lang) for k in present.values()]
    out = out.loc[:, ~out.columns.duplicated()]  # two ids mapped to one label: keep the first
    percent = [t(k, lang) for k in present.values() if k in PERCENT_KEYS]
    return out, list(dict.fromkeys(percent))


def to_csv(df: pd.DataFrame) -> bytes:
    """CSV bytes, UTF-8 with BOM; lists (cues) are joined with '; ' rather than repr'd."""
    return (BOM + _plain(df).to_csv(index=False)).encode("utf-8")


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if out[col].map(lambda v: isinstance(v, list | tuple)).any():
            out[col] = out[col].map(
                lambda v: "; ".join(map(str, v)) if isinstance(v, list | tuple) else v
            )
    return out


def _number_format(series: pd.Series, percent: bool) -> str | None:
    if percent:
        return "0%"
    if pd.api.types.is_integer_dtype(series):
        return "#,##0"
    if pd.api.types.is_float_dtype(series):
        whole = series.dropna()
        return "#,##0" if len(whole) and (whole == whole.round()).all() else "#,##0.0"
    return None


def _width(df: pd.DataFrame, col: str) -> int:
    values = df[col].astype(str).map(len)
    longest = max([len(str(col)), *values.tolist()]) if len(values) else len(str(col))
    return min(MAX_WIDTH, longest + 2)


def to_xlsx(
    df: pd.DataFrame, title: str = "", note: str = "", percent: list[str] | None = None
) -> bytes:
    """XLSX bytes: title row, note row (filters · source · date), styled header, formats."""
    data = _plain(df)
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "nan_inf_to_errors": True})
    # sheet names: at most 31 characters, none of []:*?/ or backslash
    sheet = book.add_worksheet(re.sub(r"[\[\]:*?/\\]", " ", title or "Data")[:31])
    bold = book.add_format({"bold": True, "font_size": 14})
    small = book.add_format({"italic": True, "font_color": "#444444", "text_wrap": False})
    head = book.add_format(
        {"bold": True, "bg_color": "#1F4E79", "font_color": "white", "border": 1, "text_wrap": True,
         "valign": "top"}
    )  # fmt: skip
    sheet.write(0, 0, title, bold)
    sheet.write(1, 0, note, small)
    top = 3 if (title or note) else 0
    for j, col in enumerate(data.columns):
        sheet.write(top, j, str(col), head)
        fmt = _number_format(data[col], col in (percent or []))
        cell = book.add_format({"num_format": fmt} if fmt else {"text_wrap": True, "valign": "top"})
        sheet.set_column(j, j, _width(data, col), cell)
        for i, value in enumerate(data[col].tolist(), start=top + 1):
            sheet.write(i, j, _cell(value), cell)
    sheet.freeze_panes(top + 1, 0)
    if len(data.columns):
        sheet.autofilter(top, 0, top + len(data), len(data.columns) - 1)
    book.close()
    return buf.getvalue()


def _cell(value: object) -> object:
    """numpy scalars to Python numbers, missing values to blanks, dates and the rest to text."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return value if isinstance(value, str | bool | int | float) else str(value)
