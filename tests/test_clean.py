"""Hard-wrapped lines join into paragraphs again; headings and their first sentence do not."""

from __future__ import annotations

from cchc.read import read_bytes
from cchc.read.clean import clean_text
from tests.builders import write_docx

HEADING = "7. Báo An Giang; Đài Phát thanh và Truyền hình An Giang"
SENTENCE = "Chủ động phối hợp với các cơ quan, đơn vị xây dựng chuyên mục tuyên truyền."


def test_a_numbered_heading_and_the_sentence_after_a_blank_line_stay_apart():
    text, _ = clean_text(f"{HEADING}\n\n{SENTENCE}\n")
    assert text.split("\n") == [HEADING, SENTENCE]


def test_a_line_wrapped_before_a_capitalised_name_joins_again():
    """Seed 002 style: every wrapped line followed by a blank line, the next one a proper name."""
    wrapped = "- Thực hiện có hiệu quả cơ chế một cửa, một cửa liên thông tại\n\nTrung tâm Phục vụ hành chính công tỉnh.\n"
    text, _ = clean_text(wrapped)
    assert text == (
        "- Thực hiện có hiệu quả cơ chế một cửa, một cửa liên thông tại "
        "Trung tâm Phục vụ hành chính công tỉnh."
    )


def test_a_wrapped_numbered_line_without_a_blank_line_joins_again():
    text, _ = clean_text(f"{HEADING}\nTrung tâm Phục vụ hành chính công tỉnh phối hợp.\n")
    assert text == f"{HEADING} Trung tâm Phục vụ hành chính công tỉnh phối hợp."


def test_a_line_wrapped_before_a_year_joins_again():
    wrapped = (
        "- Đề xuất khen thưởng tập thể thực hiện tốt công tác CCHC năm\n2025.\n2. Tuyên truyền.\n"
    )
    text, _ = clean_text(wrapped)
    assert text.split("\n") == [
        "- Đề xuất khen thưởng tập thể thực hiện tốt công tác CCHC năm 2025.",
        "2. Tuyên truyền.",  # an item number still starts its own line
    ]


def test_a_lowercase_continuation_joins_across_a_blank_line():
    text, _ = clean_text("1. Tuyên truyền về cải cách thủ tục\n\nhành chính trên địa bàn tỉnh.\n")
    assert text == "1. Tuyên truyền về cải cách thủ tục hành chính trên địa bàn tỉnh."


def test_a_word_paragraph_end_keeps_a_heading_apart(tmp_path):
    path = write_docx(tmp_path / "plan.docx", f"{HEADING}\n{SENTENCE}")
    doc = read_bytes(path.read_bytes(), "plan.docx")
    assert doc.text.split("\n") == [HEADING, SENTENCE]
