"""Province and sector filters checked against the names the database holds.

A name that matches no plan ("Son La" without its diacritics, a former province in the today
view, a sector split at its own comma) would give an empty table that looks like real data: a
scheduled report would go out empty. The names come from the ``filter_options`` query, so this
module needs the database open but never touches it itself.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

import pandas as pd

from cchc.errors import ParamError
from cchc.geo.provinces import canonical_name, current_province
from cchc.read.fold import strip_diacritics

_SUGGESTIONS = 3
_LISTED_AT_MOST = 70  # a longer list of accepted names would bury the message
_WHAT = {  # (parameter, its dimension in filter_options): the names it is checked against
    ("provinces", "province"): ("tên tỉnh (khi ban hành)", "province (as issued)"),
    ("provinces", "province_2025"): ("tên tỉnh (34 tỉnh hiện nay)", "province (of today's 34)"),
    ("sectors", "sector"): ("lĩnh vực", "sector"),
}
_WHAT |= {("province", dim): what for (key, dim), what in _WHAT.items() if key == "provinces"}


def check_known_values(params: dict[str, object], options: pd.DataFrame) -> dict[str, object]:
    """``params`` with ``sectors`` split into names and every province and sector checked
    against ``options`` (the rows of ``filter_options``); ParamError for a name that matches no
    plan, naming it and the close matches. The province names are the chosen view's."""
    checked = dict(params)
    view = "province_2025" if params.get("view_by") == "today" else "province"
    if "sectors" in checked:
        known = _names(options, "sector")
        checked["sectors"] = split_sectors(_as_list(checked["sectors"]), known)
        _refuse_unknown("sectors", "sector", checked["sectors"], known)
    for key in ("provinces", "province"):  # province: the one cell_plans traces
        if key in checked:
            _refuse_unknown(key, view, _as_list(checked[key]), _names(options, view))
    return checked


def split_sectors(items: Sequence[str], known: Sequence[str]) -> list[str]:
    """Each item as given when it is a sector's whole name ("Văn hóa, Thể thao và Du lịch" has a
    comma of its own), else split on its commas, as every other list is."""
    names: list[str] = []
    for item in items:
        if item in known:
            names.append(item)
        else:
            names += [part.strip() for part in item.split(",") if part.strip()]
    return names


def _as_list(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


def _names(options: pd.DataFrame, dimension: str) -> list[str]:
    return [str(v) for v in options.loc[options["dimension"] == dimension, "value"]]


def _refuse_unknown(key: str, dimension: str, values: list[str], known: list[str]) -> None:
    wrong = [v for v in values if v not in known]
    if not wrong:
        return
    what_vi, what_en = _WHAT[(key, dimension)]
    hints = [_hint(value, known, dimension) for value in wrong]
    listed_vi, listed_en = _accepted(known)
    raise ParamError(
        f"{key}: {'; '.join(h[0] for h in hints)}: không kế hoạch nào trong cơ sở dữ liệu có "
        f"{what_vi} này.{listed_vi}",
        f"{key}: {'; '.join(h[1] for h in hints)}: no plan in the database has this {what_en}."
        f"{listed_en}",
    )


def _hint(value: str, known: list[str], dimension: str) -> tuple[str, str]:
    """'Son La' (có phải / did you mean: Sơn La?), or the former province's current one."""
    if dimension == "province_2025" and _merged_into(value) in known:
        today = _merged_into(value)
        return f"'{value}' (nay thuộc {today})", f"'{value}' (now part of {today})"
    close = close_matches(value, known)
    if not close:
        return f"'{value}'", f"'{value}'"
    names = "; ".join(close)
    return f"'{value}' (có phải: {names}?)", f"'{value}' (did you mean: {names}?)"


def _merged_into(value: str) -> str | None:
    """The current province a former one is part of ("Hà Giang" -> "Tuyên Quang"); None for
    a current one, whatever its spelling ("Son La")."""
    found, today = canonical_name(value), current_province(value)
    return today if found and today != found[0] else None


def close_matches(value: str, known: Sequence[str]) -> list[str]:
    """The known names closest to ``value``: the nearest spellings, also compared without
    diacritics, which many keyboards and scripts drop ("Son La" is Sơn La), then the names it
    begins ("Van hoa" for "Văn hóa, Thể thao và Du lịch")."""
    found = difflib.get_close_matches(value, known, n=_SUGGESTIONS)
    plain = {_plain(name): name for name in known}
    found += [plain[p] for p in difflib.get_close_matches(_plain(value), plain, n=_SUGGESTIONS)]
    if len(start := _plain(value)) >= 3:
        found += [name for key, name in plain.items() if key.startswith(start)]
    return list(dict.fromkeys(found))[:_SUGGESTIONS]


def _plain(name: str) -> str:
    return " ".join(strip_diacritics(name).lower().split())


def _accepted(known: list[str]) -> tuple[str, str]:
    if not known:
        return " Cơ sở dữ liệu chưa có tên nào.", " The database holds no such name."
    if len(known) > _LISTED_AT_MOST:
        command = "`python -m cchc query filter_options`"
        return f" Xem các tên có: {command}.", f" For the names there are: {command}."
    names = "; ".join(known)  # not commas: some sector names hold one
    return f" Các tên có: {names}.", f" Names there are: {names}."
