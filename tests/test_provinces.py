"""Provinces before/after the 2025 merger, their names, and the tile-grid map."""

from __future__ import annotations

import unicodedata

import pytest

from cchc.geo import tilegrid
from cchc.geo.provinces import (
    canonical_name,
    current_province,
    mapping_63_to_34,
    members_of,
    merged_label,
    name_variants,
    provinces_34,
    provinces_63,
)
from cchc.geo.tilegrid import archipelago_tiles, render_ascii, tile_layout

ERAS = ("63", "34")


def test_there_are_63_old_and_34_current_provinces_sorted_by_code():
    old, new = provinces_63(), provinces_34()
    assert len(old) == 63 and len({p.name for p in old}) == 63
    assert len(new) == 34 and len({p.name for p in new}) == 34
    assert [p.code for p in old] == sorted(p.code for p in old)
    assert {p.era for p in old} == {"63"} and {p.era for p in new} == {"34"}


def test_province_records_carry_full_name_kind_and_coordinates():
    ha_giang = next(p for p in provinces_63() if p.name == "Hà Giang")
    assert ha_giang.full_name == "Tỉnh Hà Giang" and ha_giang.kind == "tỉnh"
    assert 22 < ha_giang.lat < 23.5 and 104 < ha_giang.lon < 106
    hanoi = next(p for p in provinces_34() if p.name == "Hà Nội")
    assert hanoi.kind == "thành phố"


def test_every_old_province_maps_to_exactly_one_current_province():
    mapping = mapping_63_to_34()
    assert set(mapping) == {p.name for p in provinces_63()}
    assert set(mapping.values()) <= {p.name for p in provinces_34()}


def test_every_current_province_has_at_least_one_member():
    for province in provinces_34():
        assert members_of(province.name), province.name
    assert sum(len(members_of(p.name)) for p in provinces_34()) == 63


@pytest.mark.parametrize(
    ("old", "current"),
    [
        ("Hà Giang", "Tuyên Quang"),
        ("An Giang", "An Giang"),
        ("Kiên Giang", "An Giang"),
        ("Cao Bằng", "Cao Bằng"),
        ("Sơn La", "Sơn La"),
        ("Hà Tĩnh", "Hà Tĩnh"),
        ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
    ],
)
def test_old_provinces_map_to_todays_province(old, current):
    assert mapping_63_to_34()[old] == current
    assert current_province(old) == current


@pytest.mark.parametrize(
    ("spelling", "current"),
    [
        ("Khánh Hoà", "Khánh Hòa"),
        ("khanh hoa", "Khánh Hòa"),
        ("KHÁNH HÒA", "Khánh Hòa"),
        ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
        ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
        ("TP Hồ Chí Minh", "Hồ Chí Minh"),
        ("TP.HCM", "Hồ Chí Minh"),
        ("Thừa Thiên Huế", "Huế"),
        ("Tỉnh Hà Giang", "Tuyên Quang"),
        ("Hoà Bình", "Phú Thọ"),
        ("Đắc Lắc", "Đắk Lắk"),
        ("ba ria vung tau", "Hồ Chí Minh"),
        (unicodedata.normalize("NFD", "Thanh Hoá"), "Thanh Hóa"),
    ],
)
def test_variant_spellings_resolve_to_todays_province(spelling, current):
    assert current_province(spelling) == current


def test_canonical_name_prefers_the_old_list_and_keeps_the_packages_spelling():
    assert canonical_name("Thừa Thiên Huế") == ("Huế", "63")
    assert canonical_name("TP Hồ Chí Minh") == ("Hồ Chí Minh", "63")
    assert canonical_name("Hà Giang") == ("Hà Giang", "63")
    assert canonical_name("khanh hoà") == ("Khánh Hòa", "63")


@pytest.mark.parametrize("unknown", ["", "   ", "Hà", "Atlantis", "Sở Nội vụ"])
def test_unknown_names_resolve_to_none(unknown):
    assert canonical_name(unknown) is None
    assert current_province(unknown) is None


def test_name_variants_are_plain_lowercase_nfc_and_cover_every_province():
    variants = name_variants()
    for key in variants:
        assert key == unicodedata.normalize("NFC", key) == key.lower() == key.strip()
    names = {p.name for p in provinces_63()} | {p.name for p in provinces_34()}
    assert names <= set(variants.values())
    for name in names:
        assert name.lower() in variants


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("ha giang", "Hà Giang"),
        ("hòa bình", "Hòa Bình"),
        ("hoà bình", "Hòa Bình"),
        ("thanh hoá", "Thanh Hóa"),
        ("thanh hóa", "Thanh Hóa"),
        ("khánh hoà", "Khánh Hòa"),
        ("tp.hcm", "Hồ Chí Minh"),
        ("thừa thiên huế", "Huế"),
        ("tỉnh hà giang", "Hà Giang"),
    ],
)
def test_name_variants_include_tone_placements_and_diacritic_free_forms(key, name):
    assert name_variants()[key] == name


def test_name_variants_leave_out_bare_ambiguous_abbreviations():
    variants = name_variants()
    assert "hcm" not in variants and "hn" not in variants


def test_members_of_lists_merged_old_provinces_by_code():
    assert members_of("Tuyên Quang") == ["Hà Giang", "Tuyên Quang"]
    assert members_of("Cần Thơ") == ["Cần Thơ", "Hậu Giang", "Sóc Trăng"]
    assert members_of("Cao Bằng") == ["Cao Bằng"]
    assert members_of("Hà Giang") == []  # not a current province


@pytest.mark.parametrize(
    ("current", "lang", "label"),
    [
        ("Tuyên Quang", "vi", "Tuyên Quang (gồm Hà Giang)"),
        ("An Giang", "vi", "An Giang (gồm Kiên Giang)"),
        ("Cần Thơ", "vi", "Cần Thơ (gồm Hậu Giang, Sóc Trăng)"),
        ("Tuyên Quang", "en", "Tuyên Quang (incl. Hà Giang)"),
        ("Cao Bằng", "vi", "Cao Bằng"),
        ("Sơn La", "en", "Sơn La"),
    ],
)
def test_merged_label_names_the_absorbed_provinces(current, lang, label):
    assert merged_label(current, lang) == label


def test_merged_label_rejects_unknown_language():
    with pytest.raises(ValueError):
        merged_label("Tuyên Quang", lang="fr")


@pytest.mark.parametrize("era", ERAS)
def test_tile_layout_puts_each_province_on_its_own_cell(era):
    tiles = tile_layout(era)
    cells = [(t["row"], t["col"]) for t in tiles]
    assert len(set(cells)) == len(cells)
    assert all(t["row"] >= 0 and t["col"] >= 0 for t in tiles)


@pytest.mark.parametrize("era", ERAS)
def test_tile_layout_covers_every_province_of_the_era(era):
    expected = provinces_63() if era == "63" else provinces_34()
    assert sorted(t["name"] for t in tile_layout(era)) == sorted(p.name for p in expected)


@pytest.mark.parametrize("era", ERAS)
def test_tile_layout_is_one_edge_connected_shape(era):
    cells = {(t["row"], t["col"]) for t in tile_layout(era)}
    start = next(iter(cells))
    seen, stack = {start}, [start]
    while stack:
        r, c = stack.pop()
        for nxt in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if nxt in cells and nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    assert seen == cells


def _row(era: str, name: str) -> int:
    return next(t["row"] for t in tile_layout(era) if t["name"] == name)


def test_south_is_below_north_in_both_layouts():
    assert _row("63", "Cà Mau") > _row("63", "Hà Giang")
    assert _row("34", "Cà Mau") > _row("34", "Tuyên Quang")
    assert _row("63", "Cà Mau") == max(t["row"] for t in tile_layout("63"))
    assert _row("63", "Hà Giang") == 0


@pytest.mark.parametrize("era", ERAS)
def test_archipelagos_are_labelled_east_of_their_province_and_do_not_collide(era):
    islands = {t["name"]: t for t in archipelago_tiles(era)}
    assert set(islands) == {"Quần đảo Hoàng Sa", "Quần đảo Trường Sa"}
    assert islands["Quần đảo Hoàng Sa"]["belongs_to"] == "Đà Nẵng"
    assert islands["Quần đảo Trường Sa"]["belongs_to"] == "Khánh Hòa"
    tiles = {t["name"]: t for t in tile_layout(era)}
    province_cells = {(t["row"], t["col"]) for t in tiles.values()}
    island_cells = {(t["row"], t["col"]) for t in islands.values()}
    assert len(island_cells) == 2 and not island_cells & province_cells
    for island in islands.values():
        owner = tiles[island["belongs_to"]]
        assert island["row"] == owner["row"] and island["col"] > owner["col"]


def test_layouts_are_deterministic_and_render_as_text():
    first = tile_layout("63")
    tilegrid._layout.cache_clear()  # recompute from scratch rather than read the cache
    assert tile_layout("63") == first
    text = render_ascii("34")
    assert "Hoàn" in text and "CàMa" in text


def test_unknown_era_is_rejected():
    with pytest.raises(ValueError):
        tile_layout("64")
