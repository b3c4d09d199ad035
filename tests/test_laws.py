"""Law citations: one key per law whatever the plan's wording (data/law_names.yaml), its year
and the day it was passed; and the dates of cited documents, read as deadlines are."""

from __future__ import annotations

import pytest
import yaml

from cchc.parse.extract import extract
from cchc.parse.facts import extract_citations
from cchc.parse.laws import LAW_NAMES_PATH, parse_law_names
from cchc.parse.structure import parse_structure
from cchc.read import read_bytes


def cited(text: str) -> dict[str, str | None]:
    return {c.key: c.issued_on for c in extract_citations(text, parse_structure(text).passages)}


def cited_in_plan(line: str) -> list[str]:
    """The citation keys of a plan holding ``line``, read and cleaned as a plan file is."""
    text = f"KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\n{line}\n"
    return [c.key for c in extract(read_bytes(text.encode(), "p.txt"), force=True).citations]


@pytest.mark.parametrize(
    "written",
    ["Cán bộ, công chức", "Cán bộ công chức", "Cán bộ,  công chức", "Cán Bộ, công Chức"],
)
def test_a_known_law_is_keyed_by_its_official_name_whatever_the_commas_case_or_spaces(written):
    assert cited_in_plan(f"Căn cứ Luật {written};") == ["Luật Cán bộ, công chức"]


def test_an_alias_in_the_law_names_file_gives_the_official_name():
    assert cited_in_plan("Căn cứ Luật Ngân sách năm 2015;") == ["Luật Ngân sách nhà nước năm 2015"]


def test_a_law_the_names_file_does_not_know_is_kept_as_written():
    assert cited_in_plan("Căn cứ Luật Thủ đô năm 2024;") == ["Luật Thủ đô năm 2024"]


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


def test_a_law_number_gives_the_law_its_year():
    assert cited("Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 ngày 25/6/2015;\n") == {
        "Luật Ngân sách nhà nước năm 2015": "2015-06-25"
    }


def test_the_day_a_law_took_effect_is_not_its_name_or_its_date():
    assert cited("Thực hiện Luật Căn cước có hiệu lực từ ngày 01/7/2024.\n") == {
        "Luật Căn cước": None
    }


def test_a_decree_named_after_a_law_keeps_its_own_date():
    text = "Căn cứ Luật Cán bộ, công chức và Nghị định số 138/2020/NĐ-CP ngày 27/11/2020;\n"
    assert cited(text) == {"Luật Cán bộ, công chức": None, "138/2020/NĐ-CP": "2020-11-27"}


def test_a_comma_before_the_date_is_not_part_of_the_name():
    assert cited("Căn cứ Luật Thủ đô, ngày 28/6/2024;\n") == {"Luật Thủ đô năm 2024": "2024-06-28"}


def test_a_law_named_again_without_its_year_is_the_same_law():
    text = (
        "Căn cứ Luật Tiếp cận thông tin ngày 6 tháng 4 năm 2016;\n"
        "Công khai thông tin theo quy định của Luật Tiếp cận thông tin.\n"
    )
    citations = extract_citations(text, parse_structure(text).passages)
    assert [c.key for c in citations] == ["Luật Tiếp cận thông tin năm 2016"] * 2


def test_the_bundled_law_names_file_is_valid():
    entries = yaml.safe_load(LAW_NAMES_PATH.read_text(encoding="utf-8"))["laws"]
    names = parse_law_names(entries)
    assert names and set(names.values()) == {entry["name"] for entry in entries}


@pytest.mark.parametrize(
    ("entries", "problem"),
    [
        ([{"name": "Luật Đất đai"}], "without 'Luật'"),
        ([{"name": "Báo chí", "aliases": ["Báo"]}, {"name": "Bảo hiểm", "aliases": ["báo"]}],
         "two laws"),
        ([{"aliases": ["Ngân sách"]}], "without 'Luật'"),
    ],
)  # fmt: skip
def test_a_law_names_file_that_would_key_laws_wrongly_is_refused(entries, problem):
    with pytest.raises(ValueError, match=problem):
        parse_law_names(entries)


def test_a_law_with_an_empty_alias_list_is_read():
    assert parse_law_names([{"name": "Báo chí", "aliases": None}]) == {"báo chí": "Báo chí"}


def test_a_cited_document_is_dated_by_the_rule_deadlines_follow():
    assert cited("Căn cứ Quyết định số 45/QĐ-UBND ngày 15/3/2026;\n") == {
        "45/QĐ-UBND": "2026-03-15"
    }
    assert cited("Căn cứ Quyết định số 45/QĐ-UBND ngày15/3/2026;\n") == {"45/QĐ-UBND": None}
