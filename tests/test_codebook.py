"""The codebook file: masks per family, and what they hide in a plan."""

from __future__ import annotations

from cchc.parse.codebook import load_codebook, parse_codebook
from cchc.parse.extract import extract
from cchc.read import read_bytes

FAMILIES = {
    "content_area": {"vi": "Lĩnh vực", "en": "Areas", "sections": ["content"]},
    "audience": {"vi": "Đối tượng", "en": "Audiences", "sections": ["content"]},
}
CATEGORIES = [{"id": "nhan_dan", "family": "audience", "vi": "Nhân dân", "en": "Citizens",
               "cues": ["nhân dân"]}]  # fmt: skip


def present(body: str) -> dict[str, list[str]]:
    text = f"KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\nI. NỘI DUNG\n1. {body}\n"
    return extract(read_bytes(text.encode(), "p.txt"), force=True).present


def test_each_mask_group_hides_cues_of_its_own_families_only():
    masks = load_codebook().masks
    assert masks["sở tài chính"] == {"content_area", "theme"}
    assert masks["ủy ban nhân dân"] == {"audience"}
    assert masks["hội nghị lần thứ"] == {"channel"}


def test_a_name_in_two_groups_masks_the_families_of_both_and_one_group_alone_is_read():
    groups = [
        {"families": ["content_area"], "phrases": ["Ủy ban nhân dân"]},
        {"families": ["audience"], "phrases": ["ủy ban nhân dân"]},
    ]
    book = parse_codebook({"families": FAMILIES, "categories": CATEGORIES, "masks": groups})
    assert book.masks == {"ủy ban nhân dân": {"content_area", "audience"}}
    single = {"families": ["audience"], "phrases": ["hội đồng nhân dân"]}
    book = parse_codebook({"families": FAMILIES, "categories": CATEGORIES, "masks": single})
    assert book.masks == {"hội đồng nhân dân": {"audience"}}


def test_a_body_named_after_the_people_is_not_an_audience_of_citizens():
    assert "nhan_dan" not in present(
        "Báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả thực hiện."
    ).get("audience", [])
    assert (
        "nhan_dan" in present("Tuyên truyền sâu rộng đến Nhân dân trên địa bàn tỉnh.")["audience"]
    )


def test_a_party_plenum_is_not_a_meeting_the_plan_holds():
    cited = "Quán triệt Nghị quyết số 19-NQ/TW Hội nghị lần thứ sáu Ban Chấp hành Trung ương."
    assert "hoi_nghi" not in present(cited).get("channel", [])
    assert "hoi_nghi" in present("Tổ chức hội nghị tập huấn cho cán bộ.")["channel"]
