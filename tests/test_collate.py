"""Vietnamese alphabetical order (cchc.collate.vi_key), checked against DuckDB's COLLATE vi."""

from __future__ import annotations

import random
import unicodedata

import duckdb

from cchc.collate import vi_key, vi_sorted
from cchc.geo.provinces import merged_label, provinces_34, provinces_63

# The order the brief's readers expect (and ICU gives): Đ after D, Ơ after O, Ă/Â after A.
TRICKY = ["An Giang", "Ân", "Bạc Liêu", "Bình Dương", "Dak Lak", "Đà Nẵng", "Điện Biên", "Ơ",
          "Yên Bái"]  # fmt: skip


def _shuffled(names: list[str]) -> list[str]:
    out = list(names)
    random.Random(7).shuffle(out)
    return out


def test_tricky_names_sort_in_vietnamese_alphabetical_order() -> None:
    assert sorted(_shuffled(TRICKY), key=vi_key) == TRICKY
    assert sorted(TRICKY) != TRICKY  # code point order is what this replaces


def test_modified_letters_come_after_their_base_letter() -> None:
    names = ["Ư", "U", "Ơ", "Ô", "O", "Ê", "E", "Đ", "D", "Â", "Ă", "A"]
    assert sorted(names, key=vi_key) == ["A", "Ă", "Â", "D", "Đ", "E", "Ê", "O", "Ô", "Ơ", "U", "Ư"]


def test_latin_letters_outside_the_vietnamese_alphabet_keep_their_latin_place() -> None:
    expected = ["Ê", "Fa", "Gia", "Joe", "Kon", "Wa", "Xuân", "Yên", "Zeta"]
    assert sorted(_shuffled(expected), key=vi_key) == expected


def test_tones_then_case_only_break_ties_between_the_same_letters() -> None:
    tones = ["Hạ", "Há", "Hã", "Hả", "Hà", "Ha"]  # nặng, sắc, ngã, hỏi, huyền, none
    assert sorted(tones, key=vi_key) == list(reversed(tones))
    assert sorted(["Ha Tĩnh", "Hà Nội"], key=vi_key) == ["Hà Nội", "Ha Tĩnh"]  # letters first
    assert sorted(["An Giang", "an giang", "Ăn"], key=vi_key) == ["an giang", "An Giang", "Ăn"]


def test_decomposed_text_sorts_as_its_composed_form() -> None:
    for name in TRICKY:
        nfd = unicodedata.normalize("NFD", name)
        assert vi_key(nfd)[:3] == vi_key(name)[:3]


def test_every_province_name_sorts_as_duckdb_collate_vi_sorts_it() -> None:
    names = {p.name for p in provinces_63()} | {p.name for p in provinces_34()}
    names |= {merged_label(p.name) for p in provinces_34()} | set(TRICKY)
    with duckdb.connect() as con:
        rows = con.execute(
            "SELECT x FROM unnest(?) t(x) ORDER BY x COLLATE vi", [sorted(names)]
        ).fetchall()
    assert sorted(names, key=vi_key) == [r[0] for r in rows]


def test_vi_sorted_takes_any_values_and_puts_missing_ones_last() -> None:
    assert vi_sorted(["Đà Nẵng", None, "Dak Lak"]) == ["Dak Lak", "Đà Nẵng", None]
