"""Law citations: one key per law, whatever the plan's wording (data/law_names.yaml)."""

from __future__ import annotations

import pytest

from cchc.parse.facts import extract_citations, law_key
from cchc.parse.structure import parse_structure


def cited(text: str) -> dict[str, str | None]:
    return {c.key: c.issued_on for c in extract_citations(text, parse_structure(text).passages)}


@pytest.mark.parametrize(
    "written",
    ["Cán bộ, công chức", "Cán bộ công chức", "cán bộ,  công chức", "Cán Bộ, Công Chức"],
)
def test_a_known_law_is_keyed_by_its_official_name_whatever_the_commas_case_or_spaces(written):
    assert law_key(written, None) == "Luật Cán bộ, công chức"


def test_an_alias_in_the_law_names_file_gives_the_official_name():
    assert law_key("Ngân sách", "2015") == "Luật Ngân sách nhà nước năm 2015"


def test_a_law_the_names_file_does_not_know_is_kept_as_written():
    assert law_key("Thủ đô", "2024") == "Luật Thủ đô năm 2024"


def test_the_day_a_law_was_passed_gives_its_year_and_date_in_either_style():
    text = (
        "Căn cứ Luật Tiếp cận thông tin ngày 6 tháng 4 năm 2016;\n"
        "Căn cứ Luật Báo chí ngày 5/4/2016;\n"
        "Căn cứ Luật An ninh mạng năm 2018;\n"
    )
    assert cited(text) == {
        "Luật Tiếp cận thông tin năm 2016": "2016-04-06",
        "Luật Báo chí năm 2016": "2016-04-05",
        "Luật An ninh mạng năm 2018": None,
    }


def test_an_impossible_day_keeps_the_year_but_gives_no_date():
    assert cited("Căn cứ Luật Lưu trữ ngày 31 tháng 2 năm 2024;\n") == {
        "Luật Lưu trữ năm 2024": None
    }
