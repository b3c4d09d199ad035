"""Text folding for matching: NFC, lower case, one tone placement, plain dashes and quotes.

Every transformation here preserves length, so a span found in the folded text is the same span
in the clean text: evidence never needs re-aligning.
"""

from __future__ import annotations

import re
import unicodedata

# Old ("hoá", "uỷ") and new ("hóa", "ủy") tone placement on the open diphthongs oa, oe, uy.
# Only at the end of a syllable: "toàn" is written the same in both styles.
_TONES = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}
_BASE = {"a": "o", "e": "o", "y": "u"}
_ON_FIRST = {"o": "òóỏõọ", "u": "ùúủũụ"}
_OLD_TO_NEW: dict[str, str] = {}
for _second, _marks in _TONES.items():
    _first = _BASE[_second]
    for _i, _mark in enumerate(_marks):
        _OLD_TO_NEW[_first + _mark] = _ON_FIRST[_first][_i] + _second
# An old placement is "o" + marked a/e or "u" + marked y, ending a syllable. One pattern per
# letter: a pattern that starts with a literal is scanned for at memchr-like speed (a leading
# character class, as in one pattern for both, costs ~4x more). "Not after q" is checked in Python.
_OLD_TONE = (re.compile(r"o[àáảãạèéẻẽẹ](?!\w)"), re.compile(r"u[ỳýỷỹỵ](?!\w)"))
_PLAIN = {"–": "-", "—": "-", "‑": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "\xa0": " "}


_CASED = {}
for _old, _new in _OLD_TO_NEW.items():
    _CASED[_old] = _new
    _CASED[_old.upper()] = _new.upper()
    _CASED[_old[0].upper() + _old[1]] = _new[0].upper() + _new[1]
_CASED_RE = re.compile(r"(?<![qQ])(" + "|".join(_CASED) + r")(?!\w)")


def new_tone_placement(text: str) -> str:
    """Case-preserving 'Văn hoá' -> 'Văn hóa', for names shown to users and grouped on."""
    return _CASED_RE.sub(lambda m: _CASED[m.group(1)], text)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def unify_tones(text: str) -> str:
    """Rewrite old tone placement (hoá, uỷ) to the new one (hóa, ủy); text must be lower case."""
    starts = [match.start() for pattern in _OLD_TONE for match in pattern.finditer(text)]
    parts: list[str] = []
    pos = 0
    for start in sorted(starts):
        if start and text[start - 1] == "q":  # "quý": u belongs to qu
            continue
        parts.append(text[pos:start])
        parts.append(_OLD_TO_NEW[text[start : start + 2]])
        pos = start + 2
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def fold(text: str) -> str:
    """The matching form of NFC text: same length, lower case, new tone placement."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a handful of code points lower to two characters
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for fancy, plain in _PLAIN.items():  # str.replace is far faster than translate here
        if fancy in lowered:
            lowered = lowered.replace(fancy, plain)
    return unify_tones(lowered)


def strip_diacritics(text: str) -> str:
    """ASCII-ish key for loose name matching ('Hà Giang' -> 'ha giang')."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))
