"""Vietnamese alphabetical order for names shown in lists (provinces, issuers, sectors).

Python's default order is by code point: "Bình Dương" before "Bạc Liêu" (ạ is U+1EA1) and every
"Đ…" after "Yên Bái" (Đ is U+0110). Readers expect the dictionary order instead:
A Ă Â B C D Đ E Ê G H I K L M N O Ô Ơ P Q R S T U Ư V X Y, the letters f j w z in their Latin
places; tones (none, huyền, hỏi, ngã, sắc, nặng) only break ties between the same letters, then
case (lower first). This is what DuckDB's ``COLLATE vi`` (ICU) gives, so names sorted in SQL and
names sorted here agree. Pure Python (unicodedata only): every layer may use it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TypeVar

_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}
_LETTER_MODIFIERS = frozenset("\u0306\u0302\u031b")  # breve, circumflex, horn: other letters
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền … nặng

# Primary weights by class, as ICU orders them: spaces and punctuation, then digits, then
# letters; characters of other scripts last, by code point.
_DIGIT_BASE, _LETTER_BASE, _OTHER_BASE = 0x110000, 0x120000, 0x130000

VIKey = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], str]
T = TypeVar("T")


def _primary(base: str, modifiers: str) -> int:
    letter = unicodedata.normalize("NFC", base.lower() + modifiers)
    if letter in _RANK:
        return _LETTER_BASE + _RANK[letter]
    if base.lower() in _RANK:  # a modifier Vietnamese does not use on this letter: ignore it
        return _LETTER_BASE + _RANK[base.lower()]
    if base.isdigit():
        return _DIGIT_BASE + unicodedata.digit(base, 0)
    if base.isalpha():
        return _OTHER_BASE + ord(base.lower())
    return ord(base)


def _units(text: str) -> list[tuple[str, str, int]]:
    """(base character, letter modifiers, tone) per base character of the NFD text."""
    units: list[tuple[str, str, int]] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and units:
            base, modifiers, tone = units[-1]
            if ch in _LETTER_MODIFIERS:
                units[-1] = (base, modifiers + ch, tone)
            elif ch in _TONES:
                units[-1] = (base, modifiers, _TONES[ch])
            continue
        units.append((ch, "", 0))
    return units


def vi_key(text: str) -> VIKey:
    """Sort key for Vietnamese order: letters, then tones, then case (lower first), then the
    text itself so that different spellings never tie."""
    units = _units(text)
    primary = tuple(_primary(base, modifiers) for base, modifiers, _ in units)
    tones = tuple(tone for _, _, tone in units)
    case = tuple(int(base.isupper()) for base, _, _ in units)
    return primary, tones, case, text


def vi_sorted(values: Iterable[T]) -> list[T]:
    """``values`` in Vietnamese order (non-strings by their str(); None last)."""
    items = list(values)
    return sorted(items, key=lambda v: (v is None, vi_key("" if v is None else str(v))))
