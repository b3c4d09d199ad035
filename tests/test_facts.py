"""Facts: law citations (one key per law, whatever the plan's wording: data/law_names.yaml),
deadlines, and targets told from results already reached (judged with a corrected first year)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import yaml

from cchc.parse.extract import extract
from cchc.parse.facts import extract_citations
from cchc.parse.laws import LAW_NAMES_PATH, law_key, parse_law_names
from cchc.parse.structure import parse_structure
from cchc.read import read_bytes
from cchc.store.build import build_database
from cchc.store.corrections import append_corrections, corrections_path, make_correction
from cchc.store.imports import check_upload, record_corrections


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


def test_a_deadline_written_out_in_words_is_a_target():
    # Plans date themselves "ngày 30 tháng 12 năm 2022"; their deadlines are written the same way.
    text = (
        "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\nI. TỔ CHỨC THỰC HIỆN\n"
        "1. Các đơn vị gửi báo cáo kết quả về Sở Nội vụ trước ngày 15 tháng 12 năm 2025.\n"
        "2. Báo cáo quý gửi chậm nhất ngày 24/01/2025.\n"
    )
    extraction = extract(read_bytes(text.encode(), "p.txt"), force=True)
    deadlines = {t.period for t in extraction.targets if t.unit == "hạn chót"}
    assert deadlines == {"2025-12-15", "2025-01-24"}


def targets(body: str, period: str = "năm 2025") -> list[float | None]:
    head = f"KẾ HOẠCH\nTuyên truyền cải cách hành chính {period}\nI. MỤC ĐÍCH, YÊU CẦU\n"
    text = head + body + "\n"
    return [t.value for t in extract(read_bytes(text.encode(), "p.txt"), force=True).targets]


@pytest.mark.parametrize(
    "reported",
    [
        "- Năm 2024, tỉnh đạt 45% hồ sơ giải quyết trực tuyến.",
        "- Kết quả đạt được: 98% hồ sơ được giải quyết đúng và trước hạn.",
        "- Trong năm qua, đã đạt 100% TTHC được công khai.",
        "- Chỉ số SIPAS năm 2024 đạt 85,5%.",
    ],
)
def test_a_result_already_reached_is_not_a_target(reported):
    assert targets(reported) == []


def test_the_plans_own_aims_stay_targets_next_to_past_results():
    assert targets("- Năm 2024 đạt 45%, phấn đấu năm 2025 đạt 60%.") == [60.0]
    assert targets("- Tăng 10% so với cùng kỳ năm 2024.") == [10.0]
    # A multi-year plan's own years are not past: 2023 is inside 2022–2025.
    multi_year = targets("- Năm 2023 đạt tối thiểu 80% hồ sơ.", "giai đoạn 2022-2025")
    assert multi_year == [80.0]


def test_the_seed_targets_that_speak_of_results_and_files_received_stay_targets(seed_extractions):
    """Cao Bằng: "số hóa kết quả giải quyết TTHC … đạt tỷ lệ tối thiểu là 100%" (a result to
    digitise, bare "kết quả"); Hà Tĩnh: "100% hồ sơ đã tiếp nhận" ("đã", not "đã đạt")."""
    cao_bang = [t.text for t in seed_extractions["cao_bang"].targets]
    assert cao_bang == ["đạt 100%", "tối thiểu 50%", "tối thiểu là 100%"]
    assert len([t for t in seed_extractions["ha_tinh"].targets if t.value == 100.0]) == 3


@pytest.mark.parametrize(
    ("aim", "period", "kept"),
    [
        ("- Tuyên truyền hằng năm qua Cổng thông tin điện tử tỉnh tối thiểu 50 tin bài.", "năm 2025",
         [50.0]),
        ("- Duy trì hàng năm qua hệ thống truyền thanh cơ sở, 100% xã được tuyên truyền.", "năm 2025",
         [100.0]),
        ("- Năm 2024 là năm quan trọng, 100% hồ sơ được giải quyết trực tuyến.", "năm 2024", [100.0]),
    ],
)  # fmt: skip
def test_a_yearly_channel_or_a_longer_word_is_not_the_past_year(aim, period, kept):
    """The "hằng năm qua Cổng…" of a plan is "yearly, through the portal", and "năm quan trọng" is
    not "năm qua". (In a 2025 plan, "Năm 2024 là năm quan trọng, 100%…" stays past: its year is.)"""
    assert targets(aim, period) == kept


@pytest.mark.parametrize(
    "aim",
    [
        "- Thực hiện Quyết định số 45/QĐ-UBND năm 2024 của UBND tỉnh, 100% cơ quan niêm yết TTHC.",
        "- Theo Kế hoạch năm 2024, tổ chức ít nhất 2 hội nghị đối thoại.",
        "- Căn cứ Kế hoạch số 12/KH-UBND năm 2024, 100% xã tổ chức tuyên truyền.",
    ],
)
def test_the_year_of_a_document_the_plan_names_is_not_a_past_result(aim):
    assert len(targets(aim)) == 1


def test_a_document_year_is_told_from_an_index_that_only_has_a_slash_in_its_name():
    assert targets("- Chỉ số hài lòng SIPAS/PAPI năm 2024 đạt 85%.") == []


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("- Tỷ lệ hồ sơ trực tuyến năm 2024 đã đạt 80%, tiếp tục nâng lên 95%.", [95.0]),
        ("- Trong thời gian qua đã có nhiều chuyển biến, bảo đảm 100% cơ quan được tuyên truyền.",
         [100.0]),
    ],
)  # fmt: skip
def test_a_commitment_after_a_past_result_makes_the_next_number_an_aim(body, kept):
    assert targets(body) == kept


# The title says 2023 (misread or mistyped); the plan is for 2025, so 2024's 45% is a past result.
MISDATED_PLAN = (
    "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2023\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n- Năm 2024, tỉnh đạt 45% hồ sơ giải quyết trực tuyến.\n"
    "II. NỘI DUNG TUYÊN TRUYỀN\n- Cải cách thủ tục hành chính trên Cổng thông tin điện tử.\n"
    "III. TỔ CHỨC THỰC HIỆN\n- Sở Nội vụ chủ trì, theo dõi thực hiện Kế hoạch này.\n"
).encode()


def _years_and_targets(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        sql = "SELECT plan_id, year_from, value FROM plans LEFT JOIN targets USING (plan_id)"
        return con.execute(sql).fetchall()


def test_the_past_is_judged_with_the_analysts_corrected_first_year(tmp_path):
    plans, db = tmp_path / "plans", tmp_path / "cchc.duckdb"
    plans.mkdir()
    (plans / "p.txt").write_bytes(MISDATED_PLAN)
    build_database(plans, db, progress=False)
    [(pid, year, value)] = _years_and_targets(db)
    assert (year, value) == (2023, 45.0)  # read as a 2023 plan: 2024 is its future
    record_corrections(db, [
        make_correction(pid, "year_from", 2023, 2025, "a", "năm ghi sai"),
        make_correction(pid, "year_to", 2023, 2025, "a", "năm ghi sai"),
    ])  # fmt: skip
    assert _years_and_targets(db) == [(pid, 2025, None)]  # re-coded with the correction
    build_database(plans, db, progress=False)  # from scratch, corrections.jsonl re-applied
    assert _years_and_targets(db) == [(pid, 2025, None)]


def test_a_plan_added_again_is_judged_with_the_corrections_kept_for_it(tmp_path):
    db = tmp_path / "cchc.duckdb"
    [checked] = check_upload([("p.txt", MISDATED_PLAN)], db)
    assert [t.value for t in checked.extraction.targets] == [45.0]
    pid = checked.extraction.plan_id
    append_corrections(corrections_path(db), [make_correction(pid, "year_from", 2023, 2025, "a")])
    [checked] = check_upload([("p.txt", MISDATED_PLAN)], db)
    assert checked.extraction.targets == []
