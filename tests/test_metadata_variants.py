"""Metadata beyond the five seeds: a multi-year plan with a pipe-table header, and other levels."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.parse.extract import extract
from cchc.read import read_bytes, read_document
from tests.builders import PLAN_BODY

FIXTURES = Path(__file__).parent / "fixtures"


def _plan(preamble: str, title: str = "Tuyên truyền cải cách hành chính năm 2026") -> dict:
    text = f"KẾ HOẠCH\n{title}\n{preamble}\n{PLAN_BODY}"
    return {k: f.value for k, f in extract(read_bytes(text.encode(), "p.txt")).metadata.items()}


def test_multi_year_plan_with_a_pipe_table_header():
    meta = {
        k: f.value
        for k, f in extract(read_document(FIXTURES / "quang_ngai_2022_2025.txt")).metadata.items()
    }
    assert (meta["year_from"], meta["year_to"]) == (2022, 2025)
    assert meta["doc_number"] == "2074/QĐ-UBND" and meta["issued_on"] == "2021-12-20"
    assert (meta["province"], meta["issuer_level"], meta["signer"]) == (
        "Quảng Ngãi",
        "province",
        "Đặng Văn Minh",
    )


@pytest.mark.parametrize(
    "preamble,issuer,level",
    [
        ("Ủy ban nhân dân huyện Mường La xây dựng Kế hoạch tuyên truyền trên địa bàn tỉnh Sơn La như sau:",
         "UBND huyện Mường La", "district"),
        ("Ủy ban nhân dân xã Tân Lập xây dựng Kế hoạch tuyên truyền trên địa bàn tỉnh Phú Thọ như sau:",
         "UBND xã Tân Lập", "commune"),
        ("Ủy ban nhân dân tỉnh xây dựng Kế hoạch tuyên truyền trên địa bàn tỉnh Phú Thọ như sau:",
         "UBND tỉnh", "province"),
        ("UBND phường 3 ban hành Kế hoạch tuyên truyền trên địa bàn tỉnh Vĩnh Long như sau:",
         "UBND phường 3", "commune"),
        ("Sở Giáo dục và Đào tạo xây dựng Kế hoạch tuyên truyền trên địa bàn tỉnh Lào Cai như sau:",
         "Sở Giáo dục và Đào tạo", "department"),
        ("Bộ Nội vụ ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2026 như sau:",
         "Bộ Nội vụ", "national"),
    ],
)  # fmt: skip
def test_issuer_level_is_read_from_the_plans_own_words(preamble, issuer, level):
    meta = _plan(preamble)
    assert (meta["issuer"], meta["issuer_level"]) == (issuer, level)


def test_post_merger_plan_names_a_current_province():
    meta = _plan("Sở Nội vụ xây dựng Kế hoạch tuyên truyền trên địa bàn tỉnh Tuyên Quang như sau:")
    assert (meta["province"], meta["province_2025"], meta["year_from"]) == (
        "Tuyên Quang",
        "Tuyên Quang",
        2026,
    )


@pytest.mark.parametrize(
    "title,years",
    [("TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2026", (2026, 2026)),
     ("TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2026 - 2030", (2026, 2030))],
)  # fmt: skip
def test_a_title_in_capitals_gives_the_plan_year_not_a_cited_plans(title, years):
    # The preamble cites the ministry's 2025 plan first; the title says which year this one is.
    preamble = (
        "Thực hiện Quyết định số 49/QĐ-BNV ngày 01 tháng 3 năm 2025 của Bộ Nội vụ ban hành Kế "
        "hoạch thông tin, tuyên truyền cải cách hành chính năm 2025. Ủy ban nhân dân tỉnh ban "
        "hành Kế hoạch tuyên truyền trên địa bàn tỉnh Tuyên Quang như sau:"
    )
    meta = _plan(preamble, title)
    assert (meta["year_from"], meta["year_to"]) == years


def test_without_a_year_in_the_title_the_plans_own_wording_gives_it_not_a_cited_plan():
    preamble = (
        "Thực hiện Quyết định số 49/QĐ-BNV ngày 01 tháng 3 năm 2025 của Bộ Nội vụ ban hành Kế "
        "hoạch thông tin, tuyên truyền cải cách hành chính năm 2025. Chủ tịch Ủy ban nhân dân "
        "tỉnh ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026 trên địa bàn tỉnh An "
        "Giang, với những nội dung sau:"
    )
    meta = _plan(preamble, "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH")
    assert (meta["year_from"], meta["year_to"]) == (2026, 2026)


def test_a_plan_introduced_after_a_cited_plan_in_the_same_sentence_keeps_its_year():
    preamble = (
        "Căn cứ Kế hoạch số 123/KH-UBND ngày 5/1/2025 của UBND tỉnh, Sở Nội vụ xây dựng Kế hoạch "
        "tuyên truyền cải cách hành chính năm 2025 như sau:"
    )
    meta = _plan(preamble, "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH")
    assert (meta["year_from"], meta["year_to"]) == (2025, 2025)


def test_missing_year_is_null_with_a_reason():
    extraction = extract(
        read_bytes(f"KẾ HOẠCH\nTuyên truyền cải cách hành chính\n{PLAN_BODY}".encode(), "p.txt")
    )
    field = extraction.metadata["year_from"]
    assert field.value is None and "năm" in field.how


def test_numeric_place_and_date_line_gives_the_issue_date():
    text = f"Số: 12/KH-UBND\nLạng Sơn, ngày 05/02/2026\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2026\n{PLAN_BODY}"
    meta = extract(read_bytes(text.encode(), "p.txt")).metadata
    assert meta["issued_on"].value == "2026-02-05" and meta["doc_number"].value == "12/KH-UBND"


def test_a_decision_of_a_commune_chair_names_the_commune():
    text = (
        "QUYẾT ĐỊNH\nBan hành Kế hoạch tuyên truyền cải cách hành chính năm 2026\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN LẬP\nCăn cứ Luật Tổ chức chính quyền địa phương năm 2025;\n"
        f"KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2026 trên địa bàn tỉnh Phú Thọ\n{PLAN_BODY}"
    )
    meta = extract(read_bytes(text.encode(), "p.txt")).metadata
    assert (meta["issuer"].value, meta["issuer_level"].value) == ("UBND xã Tân Lập", "commune")
