"""Word and PDF uploads become plain text in reading order, or a clear bilingual refusal."""

from __future__ import annotations

import io
import unicodedata

import pytest
from docx import Document
from fpdf import FPDF

from cchc.errors import BinaryFile, EmptyFile, InputError, NoTextLayer
from cchc.read.docx import docx_to_text
from cchc.read.pdf import pdf_to_text
from tests.builders import FONT_PATH, write_docx, write_pdf, write_scanned_pdf

SENTENCE = "Tuyên truyền cải cách hành chính năm 2025"
LONG = (
    "Thông tin, tuyên truyền kịp thời các chủ trương, đường lối, chính sách của Đảng và Nhà nước, "
    "các văn bản chỉ đạo của Trung ương, của tỉnh về công tác cải cách hành chính nhằm nâng cao "
    "nhận thức, ý thức, tinh thần trách nhiệm của cán bộ, công chức, viên chức và nhân dân."
)
PLAN = (
    "KẾ HOẠCH\n"
    f"{SENTENCE}\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    f"{LONG}\n"
    "PHỤ LỤC\n"
    "STT\tNhiệm vụ\tĐơn vị chủ trì\tThời gian\n"
    "1\tTuyên truyền trên Cổng thông tin điện tử\tSở Nội vụ\tCả năm\n"
    "2\tTổ chức hội thi tìm hiểu về CCHC\tSở Tư pháp\tQuý III\n"
    "Nơi nhận:"
)


def _words(text: str) -> str:
    return " ".join(text.split())


def test_docx_round_trip_keeps_paragraphs_and_table_rows_in_order(tmp_path):
    path = write_docx(tmp_path / "plan.docx", PLAN)
    paragraphs, table = PLAN.split("\nSTT")
    table, receivers = ("STT" + table).rsplit("\n", 1)
    # A blank line after each paragraph (a Word paragraph end is real); table rows stay together.
    expected = paragraphs.replace("\n", "\n\n") + "\n\n" + table + "\n\n" + receivers
    assert docx_to_text(path.read_bytes()) == expected


def test_docx_writes_a_merged_cell_once_per_row():
    doc = Document()
    table = doc.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Nhiệm vụ chung"
    table.cell(0, 2).text = "Cả năm"
    for col, value in enumerate(["1", "Hội thi", "Quý II"]):
        table.cell(1, col).text = value
    buffer = io.BytesIO()
    doc.save(buffer)
    assert docx_to_text(buffer.getvalue()) == "Nhiệm vụ chung\tCả năm\n1\tHội thi\tQuý II"


def test_docx_without_text_raises_empty_file(tmp_path):
    path = write_docx(tmp_path / "empty.docx", "")
    with pytest.raises(EmptyFile):
        docx_to_text(path.read_bytes())


def test_pdf_round_trip_keeps_vietnamese_words_exactly(tmp_path):
    path = write_pdf(tmp_path / "plan.pdf", PLAN)
    text = pdf_to_text(path.read_bytes())
    assert unicodedata.is_normalized("NFC", text)
    assert SENTENCE in text.split("\n")
    assert _words(LONG) in _words(text)  # wrapped into several lines, words intact
    assert "1\tTuyên truyền trên Cổng thông tin điện tử\tSở Nội vụ\tCả năm" in text.split("\n")


def test_pdf_table_rows_come_out_as_tab_separated_lines_in_order(tmp_path):
    """A ruled appendix table: one line per row, cells in columns, wrapped cells rejoined."""
    long_cell = "Tuyên truyền trên Cổng thông tin điện tử của tỉnh về cải cách thủ tục hành chính"
    plan = (
        f"{LONG}\nPHỤ LỤC\nSTT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\n"
        f"1\t{long_cell}\tSở Nội vụ\tVăn phòng UBND tỉnh; Sở Thông tin và Truyền thông\tCả năm\n"
        "2\tTổ chức hội thi tìm hiểu về CCHC\tSở Tư pháp\t\tQuý III\nNơi nhận:"
    )
    lines = pdf_to_text(write_pdf(tmp_path / "table.pdf", plan).read_bytes()).split("\n")
    table = lines[lines.index("PHỤ LỤC") + 1 : lines.index("Nơi nhận:")]
    assert table == [
        "STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian",
        f"1\t{long_cell}\tSở Nội vụ\tVăn phòng UBND tỉnh; Sở Thông tin và Truyền thông\tCả năm",
        "2\tTổ chức hội thi tìm hiểu về CCHC\tSở Tư pháp\t\tQuý III",
    ]
    assert _words(LONG) in _words("\n".join(lines[: lines.index("PHỤ LỤC")]))


APPENDIX_HEADER = "STT\tNội dung\tĐơn vị chủ trì"


@pytest.mark.parametrize("repeated_header", [False, True], ids=["plain", "header-repeated"])
def test_pdf_table_row_split_across_a_page_break_is_one_row_again(tmp_path, repeated_header):
    """Word breaks a long row across pages (and may repeat the header row on the new page)."""
    next_page = "\f\n" + (APPENDIX_HEADER + "\n" if repeated_header else "")
    plan = (
        f"PHỤ LỤC\n{APPENDIX_HEADER}\n1\tTuyên truyền trên Cổng thông tin điện tử\tSở Nội vụ\n"
        f"2\tTổ chức hội thi tìm hiểu\tSở Tư\n{next_page}\tvề cải cách hành chính\tpháp\n"
        "3\tPhát hành tờ gấp\tVăn phòng\nNơi nhận:"
    )
    lines = pdf_to_text(write_pdf(tmp_path / "split.pdf", plan).read_bytes()).split("\n")
    assert lines[lines.index("PHỤ LỤC") + 1 : lines.index("Nơi nhận:")] == [
        APPENDIX_HEADER,
        "1\tTuyên truyền trên Cổng thông tin điện tử\tSở Nội vụ",
        "2\tTổ chức hội thi tìm hiểu về cải cách hành chính\tSở Tư pháp",
        "3\tPhát hành tờ gấp\tVăn phòng",
    ]


def test_pdf_table_row_starting_a_page_with_its_own_number_stays_a_row(tmp_path):
    plan = (
        f"PHỤ LỤC\n{APPENDIX_HEADER}\n1\tHội nghị\tSở Nội vụ\n\f\n2\tHội thi\tSở Tư pháp\nNơi nhận:"
    )
    lines = pdf_to_text(write_pdf(tmp_path / "rows.pdf", plan).read_bytes()).split("\n")
    assert "1\tHội nghị\tSở Nội vụ" in lines and "2\tHội thi\tSở Tư pháp" in lines


def test_pdf_table_cell_wrapped_after_a_hyphen_keeps_the_document_code_whole():
    """A cell line ending "56/ĐA-" goes on with "UBND": one code, as typed, not "ĐA- UBND"."""
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_PATH))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "PHỤ LỤC", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(
        col_widths=(10, 80, 30), text_align="LEFT", first_row_as_headings=False
    ) as table:
        table.row(["STT", "Nội dung", "Đơn vị chủ trì"])
        table.row(
            ["1", "Tuyên truyền Đề án số 56/ĐA-\nUBND và chỉ số hài lòng -\nSIPAS", "Sở Nội vụ"]
        )
    text = pdf_to_text(bytes(pdf.output()))
    assert "1\tTuyên truyền Đề án số 56/ĐA-UBND và chỉ số hài lòng - SIPAS\tSở Nội vụ" in text


def _spaced_pdf(paragraphs: list[str], space_after: float) -> bytes:
    """Paragraphs as Word exports them: wrapped lines, ``space_after`` points after each one."""
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_PATH))
    pdf.set_font("DejaVu", size=13)
    pdf.add_page()
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6.5, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(space_after * 25.4 / 72)  # fpdf measures in mm
    return bytes(pdf.output())


@pytest.mark.parametrize("space_after", [3, 6, 12])
def test_pdf_paragraph_spacing_becomes_a_blank_line_and_wrapped_lines_stay_one_paragraph(
    space_after,
):
    heading = "7. Báo An Giang; Đài Phát thanh và Truyền hình An Giang"
    task = "Chủ động phối hợp với các cơ quan, đơn vị xây dựng chuyên mục tuyên truyền."
    text = pdf_to_text(_spaced_pdf([heading, task, LONG, SENTENCE], space_after))
    paragraphs = text.split("\n\n")
    assert paragraphs[:2] == [heading, task]
    assert paragraphs[2].count("\n") >= 1  # LONG wraps: its lines stay together, no blank line
    assert _words(paragraphs[2]) == _words(LONG)
    assert paragraphs[3:] == [SENTENCE]


def test_pdf_paragraph_spacing_is_kept_on_a_page_that_also_holds_a_ruled_table():
    heading = "7. Báo An Giang; Đài Phát thanh và Truyền hình An Giang"
    task = "Chủ động phối hợp với các cơ quan, đơn vị xây dựng chuyên mục tuyên truyền."
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_PATH))
    pdf.set_font("DejaVu", size=13)
    pdf.add_page()
    for paragraph in (heading, task, LONG, SENTENCE):
        pdf.multi_cell(0, 6.5, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6 * 25.4 / 72)  # 6 pt after each paragraph, as Word exports it
    with pdf.table(col_widths=(10, 80, 30), first_row_as_headings=False) as table:
        table.row(["STT", "Nội dung", "Đơn vị chủ trì"])
        table.row(["1", "Tuyên truyền cải cách hành chính", "Sở Nội vụ"])
    text = pdf_to_text(bytes(pdf.output()))
    paragraphs = text.split("\n\n")
    assert paragraphs[:2] == [heading, task]  # the table's page is read by pdfplumber
    assert _words(paragraphs[2]) == _words(LONG)
    assert "1\tTuyên truyền cải cách hành chính\tSở Nội vụ" in text


def test_pdf_without_paragraph_spacing_gets_no_blank_lines():
    text = pdf_to_text(_spaced_pdf([SENTENCE, LONG, SENTENCE], 0))
    assert "\n\n" not in text
    assert _words(text) == _words(f"{SENTENCE} {LONG} {SENTENCE}")


@pytest.mark.parametrize("label", ["Trang {n}", "- {n} -", "{n}", "{n}/{nb}", "Trang {n}/{nb}"])
def test_pdf_page_number_footers_are_dropped(tmp_path, label):
    body = "\n".join(f"{n}. {LONG}" for n in range(1, 31))
    path = write_pdf(tmp_path / "long.pdf", body, page_label=label)
    text = pdf_to_text(path.read_bytes())
    assert "Trang" not in text
    assert _words(body) == _words(text)  # nothing else lost across page breaks


def test_pdf_keeps_a_bare_number_at_a_page_edge_that_is_not_a_page_number(tmp_path):
    # A table's STT cell continuing at the top of page 2: "7" is not in the page sequence.
    text = f"{LONG}\n\f\n7\n{LONG}\n\f\n{LONG}"
    for label in ("Trang {n}", "{n}"):
        path = write_pdf(tmp_path / "edge.pdf", text, page_label=label)
        lines = pdf_to_text(path.read_bytes()).split("\n")
        assert lines.count("7") == 1
        assert not {"1", "2", "3"} & set(lines)


def test_pdf_of_decomposed_text_comes_out_nfc(tmp_path):
    path = write_pdf(tmp_path / "nfd.pdf", unicodedata.normalize("NFD", f"{SENTENCE}\n{LONG}"))
    text = pdf_to_text(path.read_bytes())
    assert unicodedata.is_normalized("NFC", text)
    assert SENTENCE in text


def test_scanned_pdf_raises_no_text_layer_mentioning_ocr(tmp_path):
    path = write_scanned_pdf(tmp_path / "scan.pdf")
    with pytest.raises(NoTextLayer) as caught:
        pdf_to_text(path.read_bytes())
    assert "OCR" in caught.value.message_vi
    assert "OCR" in caught.value.message_en


@pytest.mark.parametrize("reader", [docx_to_text, pdf_to_text])
@pytest.mark.parametrize(
    "data", [b"\x00\x01garbage\xff" * 50, b"%PDF-1.7\n\x00\x00broken", b"PK\x03\x04truncated"]
)
def test_garbage_bytes_raise_binary_file(reader, data):
    with pytest.raises(BinaryFile):
        reader(data)


def _encrypted_pdf(tmp_path, user_password: str) -> bytes:
    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(FONT_PATH))
    pdf.set_font("DejaVu", size=12)
    pdf.set_encryption(owner_password="owner-secret", user_password=user_password)
    pdf.add_page()
    pdf.multi_cell(0, 8, LONG)
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    return path.read_bytes()


def test_pdf_with_only_an_owner_password_is_read(tmp_path):
    assert _words(LONG) == _words(pdf_to_text(_encrypted_pdf(tmp_path, "")))


def test_pdf_with_a_user_password_is_refused_clearly(tmp_path):
    with pytest.raises(InputError) as caught:
        pdf_to_text(_encrypted_pdf(tmp_path, "user-secret"))
    assert "mật khẩu" in caught.value.message_vi
    assert "password" in caught.value.message_en
