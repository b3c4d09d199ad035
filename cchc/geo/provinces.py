"""Vietnam's 63 provinces before and 34 after the 1 July 2025 merger, and how to name them.

Data comes from the `vietnamadminunits` package (its SQLite tables and converter_2025.json), so
this module holds no hand-typed coordinates or codes: only the name variants people write that the
package does not know ("Thừa Thiên Huế", "Đắc Lắc", "TP.HCM").

Short names follow the package: "Huế" (not "Thừa Thiên Huế", which became the city of Huế in
January 2025, before the merger), "Đắk Lắk", "Hòa Bình", "Khánh Hòa", "Thanh Hóa" (new tone
placement), "Bà Rịa - Vũng Tàu", "Hồ Chí Minh".
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import vietnamadminunits
from vietnamadminunits.database import query

from cchc.collate import vi_sorted
from cchc.read.fold import fold, strip_diacritics

ERA_OLD = "63"
ERA_NEW = "34"
_TABLES = {ERA_OLD: "admin_units_legacy", ERA_NEW: "admin_units"}

# Spellings in real documents that the package does not list, mapped to the package's short name.
# Names that differ only by tone marks or punctuation need no entry: lookups fold those away.
_ALIASES: dict[str, str] = {
    "Thừa Thiên Huế": "Huế",
    "Thừa Thiên - Huế": "Huế",
    "Tỉnh Thừa Thiên Huế": "Huế",
    "Bắc Cạn": "Bắc Kạn",
    "Đắc Lắc": "Đắk Lắk",
    "Đăk Lăk": "Đắk Lắk",
    "Đắk Lăk": "Đắk Lắk",
    "Đăk Lắk": "Đắk Lắk",
    "Đắc Nông": "Đắk Nông",
    "Đăk Nông": "Đắk Nông",
    "TP.HCM": "Hồ Chí Minh",
    "TP HCM": "Hồ Chí Minh",
    "TP. HCM": "Hồ Chí Minh",
    "TPHCM": "Hồ Chí Minh",
}

# Variant keys that also occur in plan text without naming a province: "tư tưởng, đạo đức,
# phong cách Hồ Chí Minh" is in almost every plan. A text matcher should demand context for these.
AMBIGUOUS_IN_TEXT: frozenset[str] = frozenset({"hồ chí minh", "ho chi minh"})

# Administrative prefixes dropped before lookup ("TP. Hồ Chí Minh", "Tỉnh Hà Giang").
_PREFIX_RE = re.compile(r"^(thanh pho|tp|t p|tinh)\s+")

# Old tone placement on open syllables (hoà, hoá) -> new (hòa, hóa); "quý" is not a diphthong.
_OLD_TONE = {"o" + a: o + "a" for a, o in zip("àáảãạ", "òóỏõọ", strict=True)}
_OLD_TONE.update({"o" + e: o + "e" for e, o in zip("èéẻẽẹ", "òóỏõọ", strict=True)})
_OLD_TONE.update({"u" + y: u + "y" for y, u in zip("ỳýỷỹỵ", "ùúủũụ", strict=True)})
_NEW_TONE = {new: old for old, new in _OLD_TONE.items()}
_TO_NEW_RE = re.compile(r"(?<!q)(" + "|".join(_OLD_TONE) + r")(?!\w)")
_TO_OLD_RE = re.compile(r"(?<!q)(" + "|".join(_NEW_TONE) + r")(?!\w)")


@dataclass(frozen=True)
class Province:
    """One province of one era; `name` is the package's short name ('Hà Giang')."""

    code: str
    key: str
    name: str
    full_name: str
    kind: str
    lat: float
    lon: float
    era: str


@lru_cache(maxsize=2)  # one entry per era
def _load(era: str) -> tuple[Province, ...]:
    sql = (
        "SELECT DISTINCT province, provinceShort, provinceCode, provinceLat, provinceLon, "
        f"provinceKey FROM {_TABLES[era]} ORDER BY provinceCode"
    )
    rows = query(sql)
    return tuple(
        Province(
            code=r["provinceCode"],
            key=r["provinceKey"],
            name=r["provinceShort"],
            full_name=r["province"],
            kind="thành phố" if r["province"].startswith("Thành phố") else "tỉnh",
            lat=float(r["provinceLat"]),
            lon=float(r["provinceLon"]),
            era=era,
        )
        for r in rows
    )


def provinces_63() -> list[Province]:
    """The 63 provinces before 1 July 2025, sorted by code."""
    return list(_load(ERA_OLD))


def provinces_34() -> list[Province]:
    """The 34 provinces from 1 July 2025, sorted by code."""
    return list(_load(ERA_NEW))


@lru_cache(maxsize=1)
def _mapping() -> dict[str, str]:
    path = Path(vietnamadminunits.__file__).parent / "data" / "converter_2025.json"
    with path.open(encoding="utf-8") as fh:
        new_to_old = json.load(fh)["DICT_PROVINCE"]
    old_by_key = {p.key: p.name for p in _load(ERA_OLD)}
    new_by_key = {p.key: p.name for p in _load(ERA_NEW)}
    return {
        old_by_key[old_key]: new_by_key[new_key]
        for new_key, old_keys in new_to_old.items()
        for old_key in old_keys
    }


def mapping_63_to_34() -> dict[str, str]:
    """Old short name -> current short name, for all 63 old provinces."""
    return dict(_mapping())


def _lookup_key(name: str) -> str:
    """Loose key: no case, diacritics, punctuation, spaces or prefix ('TP. Hồ Chí Minh' -> 'hochiminh')."""
    plain = strip_diacritics(unicodedata.normalize("NFC", name)).lower()
    words = " ".join(re.findall(r"[a-z0-9]+", plain))
    return _PREFIX_RE.sub("", words).replace(" ", "")


@lru_cache(maxsize=1)
def _lookup() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    # The 34 list goes first so the 63 list overwrites it: shared names resolve to the old era.
    for era in (ERA_NEW, ERA_OLD):
        for p in _load(era):
            for spelling in (p.name, p.full_name, p.key):
                table[_lookup_key(spelling)] = (p.name, era)
    for alias, name in _ALIASES.items():
        table[_lookup_key(alias)] = table[_lookup_key(name)]
    # The package's own aliases ("hcm", "hn", "vungtau") are safe for a lookup of a whole name.
    for era in (ERA_NEW, ERA_OLD):
        rows = query(f"SELECT DISTINCT provinceShort, provinceAlias FROM {_TABLES[era]}")
        for r in rows:
            for alias in json.loads(r["provinceAlias"] or "[]"):
                table.setdefault(_lookup_key(alias), table[_lookup_key(r["provinceShort"])])
    return table


def canonical_name(name: str) -> tuple[str, str] | None:
    """(package short name, era) for any spelling of a province; the 63 list wins for old names."""
    if not name or not name.strip():
        return None
    return _lookup().get(_lookup_key(name))


@lru_cache(maxsize=512)  # called once a plan during a build, with ~100 distinct names
def current_province(name: str) -> str | None:
    """Today's short name for any spelling of an old or current province; None if unknown."""
    found = canonical_name(name)
    if found is None:
        return None
    short, era = found
    return _mapping()[short] if era == ERA_OLD else short


def members_of(current: str) -> list[str]:
    """Old provinces merged into a current one, by old code; [] if `current` is not a current name."""
    found = canonical_name(current)
    current_names = {p.name for p in _load(ERA_NEW)}
    if found is None or found[0] not in current_names:
        return []
    mapping = _mapping()
    return [p.name for p in _load(ERA_OLD) if mapping[p.name] == found[0]]


def merged_label(current: str, lang: str = "vi") -> str:
    """'Tuyên Quang (gồm Hà Giang)' / 'Tuyên Quang (incl. Hà Giang)'; unchanged ones: the name."""
    words = {"vi": "gồm", "en": "incl."}
    if lang not in words:
        raise ValueError(f"unsupported language {lang!r}; use 'vi' or 'en'")
    found = canonical_name(current)
    name = found[0] if found else current
    others = vi_sorted(m for m in members_of(name) if m != name)  # as every list of names reads
    if not others:
        return name
    return f"{name} ({words[lang]} {', '.join(others)})"


def _tone_forms(text: str) -> set[str]:
    """Both tone placements of a lower-case NFC string ('hòa bình', 'hoà bình')."""
    new = _TO_NEW_RE.sub(lambda m: _OLD_TONE[m.group(1)], text)
    old = _TO_OLD_RE.sub(lambda m: _NEW_TONE[m.group(1)], new)
    return {new, old}


def _spellings(display: str) -> set[str]:
    """Every lower-case form of one display spelling: tones, dashes, no diacritics."""
    base = unicodedata.normalize("NFC", display).lower().strip()
    dashes = {base}
    if "-" in base:
        dashes |= {re.sub(r"\s*-\s*", sep, base) for sep in (" - ", "-", " ")}
    forms: set[str] = set()
    for form in dashes:
        forms |= _tone_forms(form)
    return forms | {strip_diacritics(f) for f in forms}


def _displays() -> list[tuple[str, str]]:
    """(display spelling, canonical short name) pairs that feed name_variants()."""
    pairs: list[tuple[str, str]] = []
    for era in (ERA_OLD, ERA_NEW):
        for p in _load(era):
            pairs += [(p.name, p.name), (p.full_name, p.name)]
            if p.kind == "thành phố":
                pairs += [(f"TP. {p.name}", p.name), (f"TP {p.name}", p.name)]
    pairs += [(alias, name) for alias, name in _ALIASES.items()]
    return pairs


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    seen: dict[str, set[str]] = {}
    for display, name in _displays():
        for form in _spellings(display):
            seen.setdefault(form, set()).add(name)
    # A key that could mean two provinces is worse than a miss for a text matcher: drop it.
    return {form: next(iter(names)) for form, names in seen.items() if len(names) == 1}


def province_keys() -> dict[str, str]:
    """Folded name variant -> province name, for finding provinces in a plan's folded text.

    Diacritic-free forms are left out: they collide with ordinary words.
    """
    return {fold(v): name for v, name in name_variants().items() if not v.isascii()}


def name_variants() -> dict[str, str]:
    """Lower-case NFC variant -> canonical short name, for every old and current province.

    Covers short and full names, 'tp.'/'tp' forms of cities, both tone placements, diacritic-free
    forms and spelling aliases. Bare abbreviations ('hcm', 'hn') are left out: too short to trust
    in running text. See AMBIGUOUS_IN_TEXT for keys that need context.
    """
    return dict(_variants())
