"""Laws a plan cites, by name: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015".

Laws carry no document code, so they are found by the word "Luật" and keyed by their official
name (data/law_names.yaml, so "Luật Ngân sách" and "Luật Ngân sách nhà nước" get one key) and
their year: laws of the same name from different years are different laws.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import yaml

from cchc.parse.dates import DAY_MONTH, iso_date
from cchc.read.fold import fold

LAW_NAMES_PATH = Path(__file__).resolve().parents[2] / "data" / "law_names.yaml"

# No leading \b: it stops the regex engine from skipping ahead to "Luật" (10x slower); the word
# boundary is checked in _named_laws instead.
# Where a law's name ends: before a year, date, number or qualifier word ("có hiệu lực từ ngày
# 01/7/2024" is when it took effect, not its name), before another document ("… và Nghị định
# số 138/2020/NĐ-CP ngày …" is not part of the law), or at punctuation.
_NAME_END_WORDS = (
    r"năm\s+\d{4}|ngày|hiện hành|theo|có hiệu lực|số\s+\d"
    r"|và\s+(?:Nghị|Quyết|Thông|Chỉ|Kế|Hiến|Văn)"
)
_NAME_END_MARKS = r"\s*[;.()\n]|,\s+(?![a-zđà-ỹ])|$"
# Right after the name: the law's number "số 83/2015/QH13" (its year is the law's), then its year
# "năm 2015" or the day it was passed "ngày 19 tháng 6 năm 2015" / "ngày 19/6/2015".
_LAW_TAIL = (
    r"(?:\s+số\s+\d{1,3}/(?P<number_year>\d{4})/QH\d{1,2})?"
    r"(?:\s+(?:" + DAY_MONTH + r"|năm\s+)(?P<year>\d{4}))?"
)
_LAW = re.compile(
    r"Luật ((?:[A-ZĐ]|sửa)[^;.()\n]{3,80}?)"
    r"(?=\s+(?:" + _NAME_END_WORDS + r"|của|và Luật)|" + _NAME_END_MARKS + r")" + _LAW_TAIL
)
# An amending law is named after the laws it amends: "Luật sửa đổi, bổ sung một số điều của Luật
# Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương" is one law, not three.
_AMENDED = re.compile(
    r"(?P<amended>\s+của\s+(?:các\s+)?Luật\s[^;.()\n]{3,80}?(?:\s+và\s+Luật\s[^;.()\n]{3,80}?)*)"
    r"(?=\s+(?:" + _NAME_END_WORDS + r")|" + _NAME_END_MARKS + r")" + _LAW_TAIL
)


def _loose(name: str) -> str:
    return " ".join(fold(name).replace(",", " ").split())


def parse_law_names(entries: list[dict]) -> dict[str, str]:
    """Loose form of every official name and alias -> the official name; refuses a names file
    that would key a law wrongly (a name written with "Luật", a form claimed by two laws)."""
    names: dict[str, str] = {}
    for entry in entries:
        official = str(entry.get("name") or "").strip()
        if not official or official.lower().startswith("luật "):
            raise ValueError(
                f"law_names.yaml: 'name' must be the law's name without 'Luật': {entry}"
            )
        for variant in (official, *(entry.get("aliases") or ())):
            loose = _loose(str(variant))
            if names.get(loose, official) != official:
                raise ValueError(f"law_names.yaml: '{variant}' is listed under two laws")
            names[loose] = official
    return names


@lru_cache(maxsize=1)
def _official_law_names() -> dict[str, str]:
    return parse_law_names(yaml.safe_load(LAW_NAMES_PATH.read_text(encoding="utf-8"))["laws"])


def _law_name(name: str) -> str:
    """ "Luật" and the official (or, if unknown, the written) name, without the year."""
    name = " ".join(name.split()).rstrip(",")
    return "Luật " + _official_law_names().get(_loose(name), name)


def _with_year(law: str, year: str | None) -> str:
    return law + (f" năm {year}" if year else "")


def _named_laws(text: str) -> Iterator[tuple[int, int, str, str | None, str | None]]:
    """(start, end, name, year, date passed) of every "Luật …" that starts a word."""
    pos = 0
    while match := _LAW.search(text, pos):
        start, end = match.span()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            pos = start + 1  # "…xLuật": not a word; look again one character on
            continue
        name, tail = match.group(1), match
        if name.startswith("sửa đổi") and not match.group("year"):
            amended = _AMENDED.match(text, end)
            if amended:
                name += amended.group("amended")
                end, tail = amended.end(), amended
        day, month, year = tail.group("day", "month", "year")
        yield start, end, name, year or tail.group("number_year"), iso_date(day, month, year)
        pos = end


def laws_cited(text: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, key, date passed) of every law a text names.

    A law named once with its year and later without ("Luật X ngày 19/6/2015", then "theo Luật
    X") is the same law: the later mention takes the year when the text names X with one year.
    """
    found = list(_named_laws(text))
    names = [_law_name(name) for _, _, name, _, _ in found]
    years: dict[str, set[str]] = {}
    for law, (_, _, _, year, _) in zip(names, found, strict=True):
        if year:
            years.setdefault(law, set()).add(year)
    cited = []
    for law, (start, end, _, year, passed) in zip(names, found, strict=True):
        if not year and len(years.get(law, ())) == 1:
            (year,) = years[law]
        cited.append((start, end, _with_year(law, year), passed))
    return cited
