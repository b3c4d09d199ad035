"""Facts: deadlines, and targets told from results already reached (judged with a corrected
first year) or from the year in a document's name. Law citations: tests/test_laws.py."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from cchc.parse.extract import extract
from cchc.read import read_bytes
from cchc.store.build import build_database
from cchc.store.corrections import append_corrections, corrections_path, make_correction
from cchc.store.imports import check_upload, record_corrections


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


@pytest.mark.parametrize(
    ("written", "deadline"),
    [
        ("trước ngày 15/3/2026", "2026-03-15"),
        ("chậm nhất ngày 05/03/2026", "2026-03-05"),
        ("Trước Ngày 15 Tháng 3 Năm 2026", "2026-03-15"),
        ("trước ngày15/3/2026", None),  # no space after "ngày": not how a plan writes a date
        ("trước ngày 15/3/26", None),
        ("trước ngày 30/2/2026", None),  # no such day
        ("sau ngày 15/3/2026", None),  # not a deadline word
        ("trước ngày 15/3 hằng năm", None),
    ],
)  # fmt: skip
def test_a_deadline_date_is_read_as_the_dates_of_citations_are(written, deadline):
    text = (
        "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2026\nI. TỔ CHỨC THỰC HIỆN\n"
        f"1. Các đơn vị gửi báo cáo về Sở Nội vụ {written}.\n"
    )
    extraction = extract(read_bytes(text.encode(), "p.txt"), force=True)
    assert [t.period for t in extraction.targets if t.unit == "hạn chót"] == (
        [deadline] if deadline else []
    )


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


@pytest.mark.parametrize(
    "aim",
    [
        "- Luật Tiếp cận thông tin năm 2016, 100% cơ quan công khai thông tin theo quy định.",
        "- Theo Luật Thực hiện dân chủ ở cơ sở năm 2022, 100% hồ sơ được công khai.",
        "- Theo Luật Thực hiện dân chủ ở cơ sở năm 2022, bảo đảm 100% hồ sơ được công khai.",
        "- Thực hiện Bộ luật Lao động năm 2019, 100% doanh nghiệp được tuyên truyền.",
        "- Triển khai Kế hoạch cải cách hành chính năm 2024 của UBND tỉnh, 100% xã tuyên truyền.",
        "- Các văn bản ban hành năm 2020, 100% được đăng tải trên Cổng thông tin điện tử.",
        "a) Nghị định số 61/2018/NĐ-CP của Chính phủ năm 2018, 100% TTHC được công khai.",
    ],
)
def test_a_year_in_the_name_of_a_document_is_not_when_a_result_was_reached(aim):
    """In a 2025 plan, "Luật Tiếp cận thông tin năm 2016, 100% …" names a law of 2016: the 100%
    is the plan's aim, not a result of 2016."""
    assert len(targets(aim)) == 1


@pytest.mark.parametrize(
    "reported",
    [
        "- Năm 2022, tỉnh đã đạt 95% hồ sơ được giải quyết trực tuyến.",
        "- Năm 2022, tỉnh đạt 95% hồ sơ được giải quyết trực tuyến.",
        "- Thực hiện Kế hoạch của UBND tỉnh, năm 2024 tỉnh đạt 45% hồ sơ trực tuyến.",
        "- Thực hiện các kế hoạch tuyên truyền năm 2024, 100% xã tổ chức hội nghị.",
        "- Thực hiện Kế hoạch của tỉnh trong năm 2024, 100% xã tổ chức hội nghị.",
        "- Thực hiện Luật Tiếp cận thông tin, 6 tháng đầu năm 2024 đạt 90% yêu cầu.",
        "- Chương trình phát thanh năm 2024 đạt 120 buổi, vượt kế hoạch.",
    ],
)
def test_a_year_near_a_document_but_not_in_its_name_is_still_the_past(reported):
    """A comma, a lower-case "kế hoạch" (a plan, not a named document), a programme named by a
    clause's first word with no capital after it, or "trong / đầu năm" leave the year as the
    time of the result."""
    assert targets(reported) == []


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
