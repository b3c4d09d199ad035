"""Query parameters given as text (the CLI's ``--param key=value``): parsed and checked.

A misspelt name or value would otherwise be ignored or match nothing, and the output would look
like real data: every name must be one the query takes, every value one it can match. Province and
sector names are checked once the database is open (``known_values.check_known_values``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import fields

from cchc.errors import ParamError
from cchc.i18n import LEVELS
from cchc.parse.codebook import load_codebook
from cchc.read.fold import nfc
from cchc.store.db import YEAR_MAX, YEAR_MIN, Filters

LISTS = (
    "provinces",
    "levels",
    "sectors",
    "plan_ids",
)  # separated by ";" or "," on the command line
VIEWS = ("issued", "today")
FILTER_NAMES = tuple(f.name for f in fields(Filters) if f.name != "extra")  # what exports take


def parse_params(pairs: list[str], accepted: Collection[str]) -> dict[str, object]:
    """``key=value`` pairs to query parameters, refusing names outside ``accepted`` (ParamError,
    in Vietnamese and English, naming the accepted ones) and values a parameter cannot take.
    Lists are split on ";" and ","; ``sectors`` only on ";" until ``check_known_values``, which
    knows the sector names, splits the rest."""
    params: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ParamError(
                f"--param cần dạng tên=giá_trị, nhận được {pair!r}.",
                f"--param expects key=value, got {pair!r}.",
            )
        if key not in accepted:
            names = ", ".join(accepted) or "(không có / none)"
            raise ParamError(
                f"Tham số không dùng được: '{key}'. Các tham số nhận: {names}.",
                f"Unknown parameter '{key}'. Accepted parameters: {names}.",
            )
        # NFC: a name typed or pasted in decomposed form (NFD, as macOS file names are) is the
        # same name, but would match no plan.
        params[key] = _value(key, nfc(value))
    _check_year_order(params)
    return params


def _value(key: str, value: str) -> object:
    if key in LISTS:
        items = [v.strip() for v in value.split(";") if v.strip()]
        if key != "sectors":  # sector names may hold commas: split once the names are known
            items = [v.strip() for item in items for v in item.split(",") if v.strip()]
        if key == "levels":
            _check_choice(key, items, LEVELS)
        return items
    if key in ("year_from", "year_to"):
        return _number(key, value, YEAR_MIN, YEAR_MAX)
    if key == "limit":
        return _number(key, value, 1, 1_000_000)
    if key == "view_by":
        _check_choice(key, [value], VIEWS)
    elif key == "family":
        _check_choice(key, [value], load_codebook().families)
    elif key == "category_id":
        _check_choice(key, [value], [c.id for c in load_codebook().categories])
    return value


def _number(key: str, value: str, low: int, high: int) -> int:
    try:
        number = int(value)
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise ParamError(
            f"{key}={value!r}: cần một số nguyên từ {low} đến {high}.",
            f"{key}={value!r}: expected a whole number from {low} to {high}.",
        )
    return number


def _check_choice(key: str, values: list[str], known: Collection[str]) -> None:
    wrong = [v for v in values if v not in known]
    if wrong:
        raise ParamError(
            f"{key}: giá trị không hợp lệ {', '.join(wrong)}. Các giá trị nhận: {', '.join(known)}.",
            f"{key}: unknown value {', '.join(wrong)}. Accepted values: {', '.join(known)}.",
        )


def _check_year_order(params: dict[str, object]) -> None:
    start, end = params.get("year_from"), params.get("year_to")
    if isinstance(start, int) and isinstance(end, int) and end < start:
        raise ParamError(
            f"year_to ({end}) trước year_from ({start}): không có năm nào được chọn.",
            f"year_to ({end}) is before year_from ({start}): no year would be selected.",
        )
