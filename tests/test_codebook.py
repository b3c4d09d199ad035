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


def test_a_broadcast_news_bulletin_is_radio_or_television_not_a_publication():
    """Sơn La, for the Đài PT-TH: "tin bài về CCHC trong các chương trình Thời sự và bản tin khác"
    is TV news; its "Bản tin điện tử CCHC … 04 số/tháng" is a bulletin (ấn phẩm)."""
    on_air = (
        "Tăng cường số lượng những tin bài về CCHC trong các chương trình Thời sự và bản tin khác; "
        "duy trì các Chuyên mục CCHC trên sóng phát thanh và truyền hình."
    )
    channels = present(on_air)["channel"]
    assert "an_pham" not in channels and "phat_thanh_truyen_hinh" in channels
    for said in (
        "Đưa tin về CCHC trong bản tin thời sự của Đài.",
        "Xây dựng các chương trình, bản tin trên Đài PT-TH tỉnh.",
    ):
        assert "an_pham" not in present(said).get("channel", []), said
    issued = "Phát hành Bản tin điện tử CCHC với số lượng 04 số/tháng."
    assert "an_pham" in present(issued)["channel"]


def test_the_press_staff_and_reporters_are_not_an_audience_of_civil_servants():
    """Sơn La: "đội ngũ cán bộ, phóng viên phụ trách đưa tin" are the press (a channel)."""
    reporters = present(
        "Nâng cao năng lực, tinh thần trách nhiệm của đội ngũ cán bộ, phóng viên phụ trách "
        "đưa tin, bài, phóng sự về công tác CCHC."
    )
    assert "cbccvc" not in reporters.get("audience", []) and "bao_chi" in reporters["channel"]
    staff = present("Thông tin, tuyên truyền CCHC sâu rộng trong đội ngũ cán bộ, công chức.")
    assert "cbccvc" in staff["audience"]


NQ_57 = (
    "Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển "
    "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
)
NQ_17_TU = (
    "Nghị quyết số 17-NQ/TU ngày 31/8/2021 của Ban Thường vụ Tỉnh ủy về Chuyển đổi số tỉnh "
    "Sơn La giai đoạn 2021-2025, định hướng đến năm 2030"
)


def test_a_document_cited_in_the_preamble_makes_no_content_area_present():
    """The "Căn cứ …" preamble names what the plan rests on, not what it will communicate; the
    same titles in the content section (An Giang 2.9, Sơn La g: "tình hình triển khai …") do."""
    head = "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2025\n"
    preamble = f"Căn cứ {NQ_57};\nCăn cứ {NQ_17_TU}.\n"
    content = "I. NỘI DUNG\n1. Tuyên truyền việc giải quyết thủ tục hành chính.\n"
    cited = extract(read_bytes((head + preamble + content).encode(), "p.txt"), force=True)
    assert cited.present["content_area"] == ["tthc"]
    committed = f"I. NỘI DUNG\n1. Tình hình triển khai {NQ_57}; {NQ_17_TU}.\n"
    told = extract(read_bytes((head + committed).encode(), "p.txt"), force=True)
    assert told.present["content_area"] == ["chinh_quyen_so"]
