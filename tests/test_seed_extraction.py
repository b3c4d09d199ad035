"""The five bundled plans, coded as an analyst reads them under DOMAIN.md's rules.

Expected values were written from the documents, not copied from the program's output; the
comments say which words decide the less obvious cases.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.parse.codebook import load_codebook
from cchc.parse.extract import extract
from cchc.read import read_bytes
from cchc.read.fold import fold

EXPECTED_METADATA = {
    "ha_giang": dict(province="Hà Giang", province_2025="Tuyên Quang", year_from=2025, year_to=2025,
                     issuer="Sở Khoa học và Công nghệ", issuer_level="department",
                     sector="Khoa học và Công nghệ", doc_number=None, issued_on=None,
                     signer="Nguyễn Trung Hiếu"),
    "ha_tinh": dict(province="Hà Tĩnh", province_2025="Hà Tĩnh", year_from=2023, year_to=2023,
                    issuer="Sở Ngoại vụ", issuer_level="department", sector="Ngoại vụ",
                    doc_number="1391/KH-SNgV", issued_on="2022-12-30", signer="Thái Phúc Sơn"),
    "cao_bang": dict(province="Cao Bằng", province_2025="Cao Bằng", year_from=2025, year_to=2025,
                     issuer="Sở Văn hóa, Thể thao và Du lịch", issuer_level="department",
                     sector="Văn hóa, Thể thao và Du lịch", doc_number=None, issued_on=None,
                     signer="Sầm Việt An"),
    "an_giang": dict(province="An Giang", province_2025="An Giang", year_from=2025, year_to=2025,
                     issuer="UBND tỉnh", issuer_level="province", sector=None, doc_number=None,
                     issued_on=None, signer="Hồ Văn Mừng"),
    "son_la": dict(province="Sơn La", province_2025="Sơn La", year_from=2025, year_to=2025,
                   issuer="UBND tỉnh", issuer_level="province", sector=None, doc_number=None,
                   issued_on=None, signer="Nguyễn Đình Việt"),
}  # fmt: skip

ALL_AREAS = ["the_che", "tthc", "bo_may", "cong_vu", "tai_chinh_cong", "chinh_quyen_so"]
EXPECTED_PRESENT = {
    "ha_giang": {
        "content_area": ALL_AREAS,  # II.3 lists all six pillars
        "channel": ["hoi_nghi", "cong_thong_tin", "bao_chi", "an_pham"],  # Báo Hà Giang, Bản tin KH&CN
        "indicator": ["par_index", "sipas", "papi", "pci", "phuc_vu_so"],
    },
    "ha_tinh": {
        # No finance: the budget section and "thông tin về ngân sách" (access to information) do not count.
        # Thể chế: thematic sessions on "ban hành văn bản quy phạm pháp luật" (II.2).
        "content_area": ["the_che", "tthc", "bo_may", "cong_vu", "chinh_quyen_so"],
        "channel": ["hoi_nghi", "cong_thong_tin", "mang_xa_hoi", "truc_quan", "so_hoa_ai"],
        "indicator": ["sipas", "pci", "ddci"],  # "Chỉ số đo lường sự hài lòng" is SIPAS in words
    },
    "cao_bang": {
        "content_area": ALL_AREAS,
        "channel": ["hoi_nghi", "cong_thong_tin", "mang_xa_hoi", "an_pham", "truc_quan",
                    "van_hoa_nghe_thuat"],
        "indicator": ["par_index", "sipas", "ddci", "dti"],
    },
    "an_giang": {
        # No apparatus reform and no public finance in 2.1–2.10; "Sở Tài chính" is a unit, not a topic.
        "content_area": ["the_che", "tthc", "cong_vu", "chinh_quyen_so"],
        "channel": ["hoi_nghi", "cong_thong_tin", "bao_chi", "phat_thanh_truyen_hinh",
                    "truyen_thanh_co_so", "mang_xa_hoi", "an_pham", "truc_quan",
                    "van_hoa_nghe_thuat", "cuoc_thi", "doi_thoai", "so_hoa_ai"],
        "indicator": ["par_index", "sipas", "papi", "pci"],
    },
    "son_la": {
        "content_area": ["tthc", "bo_may", "cong_vu", "tai_chinh_cong", "chinh_quyen_so"],  # no thể chế
        "channel": ["hoi_nghi", "cong_thong_tin", "bao_chi", "phat_thanh_truyen_hinh",
                    "truyen_thanh_co_so", "mang_xa_hoi", "an_pham", "cuoc_thi", "doi_thoai",
                    "so_hoa_ai"],
        "indicator": ["par_index", "sipas", "papi", "pci", "dti", "pobi"],
    },
}  # fmt: skip

# One mention per seed that must point at exactly these words of the plan.
EXPECTED_SPANS = [
    ("ha_giang", "tai_chinh_cong", "công khai tài chính"),
    ("ha_giang", "phuc_vu_so", "Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ"),
    ("ha_tinh", "ddci", "năng lực cạnh tranh các đơn vị"),
    ("cao_bang", "chinh_quyen_so", "57-NQ/TW"),
    ("cao_bang", "van_hoa_nghe_thuat", "sân khấu hóa"),
    ("an_giang", "cuoc_thi", "cuộc thi"),
    ("an_giang", "truyen_thanh_co_so", "hệ thống truyền thanh"),
    ("son_la", "pobi", "Chỉ số Công khai Ngân sách"),
    ("son_la", "so_hoa_ai", "trí tuệ nhân tạo"),
]


@pytest.mark.parametrize("seed", sorted(EXPECTED_METADATA))
def test_seed_metadata_matches_the_document(seed, seed_extractions):
    got = {name: field.value for name, field in seed_extractions[seed].metadata.items()}
    assert got == EXPECTED_METADATA[seed]


@pytest.mark.parametrize("seed", sorted(EXPECTED_PRESENT))
def test_seed_present_categories_match_the_document(seed, seed_extractions):
    present = seed_extractions[seed].present
    for family, expected in EXPECTED_PRESENT[seed].items():
        assert present.get(family, []) == expected, family


def test_missing_fields_say_why(seed_extractions):
    number = seed_extractions["ha_giang"].metadata["doc_number"]
    assert number.value is None and "để trống" in number.how and "KH-SKHCN" in number.how
    assert seed_extractions["cao_bang"].metadata["issued_on"].how


@pytest.mark.parametrize("seed,category,words", EXPECTED_SPANS)
def test_evidence_span_points_at_the_words(seed, category, words, seed_extractions):
    extraction = seed_extractions[seed]
    spans = [
        extraction.doc.text[m.start : m.end] for m in extraction.mentions if m.category == category
    ]
    assert words in spans


@pytest.mark.parametrize("seed", sorted(EXPECTED_PRESENT))
def test_every_present_category_has_evidence_made_of_its_cues(seed, seed_extractions):
    extraction = seed_extractions[seed]
    cues = {c.id: set(c.cues) | set(c.weak) for c in load_codebook().categories}
    for categories in extraction.present.values():
        for category in categories:
            mentions = [m for m in extraction.mentions if m.category == category]
            assert mentions, category
            for mention in mentions:
                said = fold(extraction.doc.text[mention.start : mention.end])
                assert said in cues[category] or said.startswith("báo "), (category, said)


def test_distribution_list_and_budget_never_count_for_content(seed_extractions):
    for extraction in seed_extractions.values():
        for mention in extraction.mentions:
            if mention.family == "content_area":
                assert mention.section_kind not in ("distribution", "budget", "signature")


def test_the_preamble_makes_no_content_area_theme_or_audience_present(seed_extractions):
    """The "Căn cứ / Thực hiện …" preambles cite the documents a plan rests on (Hà Tĩnh's cites
    "Kế hoạch số 514/KH-UBND … về Tuyên truyền cải cách hành chính, Chỉ số …"): only indicators
    count there (DOMAIN.md): PCI and DDCI, but not the words of the titles around them."""
    for extraction in seed_extractions.values():
        for mention in extraction.mentions:
            if mention.section_kind in ("header", "preamble", "decision"):
                assert mention.family not in ("content_area", "theme", "audience"), mention
    preamble = {
        m.category for m in seed_extractions["ha_tinh"].mentions if m.section_kind == "preamble"
    }
    assert preamble == {"pci", "ddci"}


def test_tv_news_and_the_press_staff_are_not_a_bulletin_or_civil_servants(seed_extractions):
    """Sơn La: "các chương trình Thời sự và bản tin khác" (Đài PT-TH) is TV news, its "Bản tin
    điện tử CCHC" a bulletin; "đội ngũ cán bộ, phóng viên phụ trách đưa tin" are the press."""
    son_la = seed_extractions["son_la"]
    text = son_la.doc.text
    bulletins = [text[m.start : m.end + 9] for m in son_la.mentions if m.category == "an_pham"]
    assert bulletins == ["Bản tin điện tử "]
    civil_servants = [text[m.start : m.end + 12] for m in son_la.mentions if m.category == "cbccvc"]
    assert not [said for said in civil_servants if "phóng viên" in said]
    assert "cbccvc" in son_la.present["audience"]  # "cán bộ, công chức, viên chức" everywhere


def _before_and_after(extraction, mention) -> tuple[str, str]:
    text = extraction.doc.text
    return fold(text[max(0, mention.start - 16) : mention.start]), fold(
        text[mention.end : mention.end + 24]
    )


def test_names_of_bodies_and_events_are_not_evidence(seed_extractions):
    """An Giang: "báo cáo Chủ tịch Ủy ban nhân dân tỉnh" names a body, not an audience of
    citizens; "Hội nghị trực tuyến toàn quốc tổng kết công tác năm 2024" (003) and "Hội nghị lần
    thứ sáu Ban Chấp hành Trung ương" (001, 002) are not meetings the plan holds; "gương mẫu chấp
    hành kỷ luật" is conduct, not publicising role models; "theo phân cấp của Luật Ngân sách nhà
    nước" names a law, not a public-finance commitment."""
    checked = 0
    for extraction in seed_extractions.values():
        for mention in extraction.mentions:
            before, after = _before_and_after(extraction, mention)
            said = fold(extraction.doc.text[mention.start : mention.end])
            if mention.category == "nhan_dan":
                assert not before.endswith(("ủy ban ", "hội đồng ")), (before, said)
                checked += 1
            if mention.category == "hoi_nghi":
                assert not after.startswith((" lần thứ", " trực tuyến toàn quốc")), (said, after)
            assert not (mention.category == "mo_hinh_dien_hinh" and said == "gương")
            assert not (mention.family == "content_area" and before.endswith("luật "))
    assert checked > 10  # the citizens each plan really addresses are still found


def test_evidence_is_shown_as_written(seed_extractions):
    """Cao Bằng's text is hard-wrapped: evidence maps back to the original lines."""
    extraction = seed_extractions["cao_bang"]
    mention = next(
        m for m in extraction.mentions if m.category == "chinh_quyen_so" and "57" in m.cue
    )
    as_written = extraction.doc.as_written(mention.start, mention.end)
    assert as_written.replace("\n", " ").split() == ["57-", "NQ/TW"]


def test_targets_and_citations_are_read(seed_extractions):
    son_la = seed_extractions["son_la"]
    targets = {(t.value, t.unit, t.period) for t in son_la.targets}
    assert (4.0, "số", "tháng") in targets and (2.0, "tin, bài", "tháng") in targets
    assert (None, "hạn chót", "2025-01-24") in targets
    cited = {c.key for c in seed_extractions["an_giang"].citations}
    assert {"942/QĐ-TTg", "57-NQ/TW", "49/QĐ-BNV"} <= cited
    assert "Luật Thực hiện dân chủ ở cơ sở năm 2022" in cited
    assert "76/NQ-CP" in {c.key for c in seed_extractions["ha_giang"].citations}


def test_a_plan_does_not_cite_its_own_number(seed_extractions):
    """Hà Tĩnh's header "Số: 1391/KH-SNgV" is the plan's own number, not a citation."""
    cited = {c.key for c in seed_extractions["ha_tinh"].citations}
    assert "1391/KH-SNgV" not in cited and "76/NQ-CP" in cited


def test_a_plan_does_not_cite_its_own_number_typed_in_capitals():
    """ "1391/KH-SNGV" in the header: the citation key is normalised to "SNgV", still the same."""
    path = next(Path("data/plans").glob("001_*.txt"))
    text = path.read_text(encoding="utf-8-sig").replace("1391/KH-SNgV", "1391/KH-SNGV")
    extraction = extract(read_bytes(text.encode("utf-8"), "plan.txt"))
    assert extraction.value("doc_number") == "1391/KH-SNGV"
    assert "1391/KH-SNgV" not in {c.key for c in extraction.citations}


def test_an_amending_law_is_cited_by_its_whole_name(seed_extractions):
    """Sơn La: "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và
    Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019" (one law, wrapped)."""
    cited = {c.key: c for c in seed_extractions["son_la"].citations}
    amending = (
        "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và "
        "Luật Tổ chức chính quyền địa phương năm 2019"
    )
    assert amending in cited and cited[amending].issued_on == "2019-11-22"
    assert [key for key in cited if key.startswith("Luật sửa đổi")] == [amending]


def test_a_law_cited_with_the_day_it_was_passed_keeps_its_year_and_date(seed_extractions):
    """Sơn La: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;": the 2015
    law, not the 2025 one that An Giang cites by the same name."""
    son_la = {c.key: c for c in seed_extractions["son_la"].citations}
    assert son_la["Luật Tổ chức chính quyền địa phương năm 2015"].issued_on == "2015-06-19"
    an_giang = {c.key for c in seed_extractions["an_giang"].citations}
    assert "Luật Tổ chức chính quyền địa phương năm 2025" in an_giang


def test_a_law_cited_by_its_short_name_counts_under_its_official_name(seed_extractions):
    """An Giang cites "Luật Ngân sách hiện hành" and "Luật Ngân sách nhà nước": one law."""
    keys = [c.key for c in seed_extractions["an_giang"].citations if "Ngân sách" in c.key]
    assert keys == ["Luật Ngân sách nhà nước", "Luật Ngân sách nhà nước"]


def test_units_carry_their_role(seed_extractions):
    units = {(u.unit, u.role) for u in seed_extractions["an_giang"].units}
    assert ("Sở Nội vụ", "chu_tri") in units
    assert ("Báo An Giang", "phoi_hop") in units


def test_a_numbered_unit_heading_is_not_glued_to_its_first_sentence(seed_extractions):
    """An Giang: "7. Báo An Giang; Đài Phát thanh và Truyền hình An Giang", a blank line, then
    "Chủ động phối hợp…": the unit is the station, not "… An Giang Chủ động"."""
    units = {(u.unit, u.role) for u in seed_extractions["an_giang"].units}
    assert ("Đài Phát thanh và Truyền hình An Giang", "thuc_hien") in units
    assert not [unit for unit, _ in units if "Chủ động" in unit]


def test_a_task_that_opens_with_phoi_hop_is_support_even_if_it_names_the_lead(seed_extractions):
    """Sơn La: "- Phối hợp với đơn vị chủ trì, đơn vị cung cấp dịch vụ…" under "4. Sở Thông tin
    và Truyền thông"."""
    roles = {
        u.role for u in seed_extractions["son_la"].units
        if u.unit == "Sở Thông tin và Truyền thông" and u.task.startswith("Phối hợp với đơn vị chủ trì")
    }  # fmt: skip
    assert roles == {"phoi_hop"}


def test_a_unit_named_before_its_verb_is_cut_at_the_verb(seed_extractions):
    """Hà Tĩnh: "2. Văn phòng - Thanh tra Sở tổ chức triển khai và kiểm tra…" (no colon)."""
    units = {(u.unit, u.role) for u in seed_extractions["ha_tinh"].units}
    assert ("Văn phòng - Thanh tra Sở", "thuc_hien") in units
