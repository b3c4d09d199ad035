"""Fixture builders: real .docx and .pdf files made from plain text, for the reader tests.

Kept free of pytest so other tests and scripts can build sample uploads with them.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from fpdf import FPDF
from PIL import Image, ImageDraw

from cchc.export.fonts import dejavu_dir

FONT_PATH = (dejavu_dir() or Path("/usr/share/fonts/truetype/dejavu")) / "DejaVuSans.ttf"

# The body of a smallest plan: the four sections that make it read as a CCHC communication plan.
# Tests put a title and a preamble of their own in front (province, year, issuer under test).
PLAN_BODY = """
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích: Nâng cao nhận thức của cán bộ, công chức, viên chức về cải cách hành chính.
II. NỘI DUNG TUYÊN TRUYỀN
1. Cải cách thủ tục hành chính; cơ chế một cửa, một cửa liên thông.
III. HÌNH THỨC TUYÊN TRUYỀN
1. Đăng tải trên Trang thông tin điện tử; tổ chức hội nghị.
IV. TỔ CHỨC THỰC HIỆN
1. Văn phòng chủ trì triển khai Kế hoạch này.
"""


def _blocks(text: str) -> list[tuple[str, list[str]]]:
    """Group lines: ("p", [line]) for a paragraph, ("t", [rows...]) for consecutive tab lines."""
    blocks: list[tuple[str, list[str]]] = []
    for line in text.split("\n"):
        if "\t" in line and blocks and blocks[-1][0] == "t":
            blocks[-1][1].append(line)
        else:
            blocks.append(("t" if "\t" in line else "p", [line]))
    return blocks


def write_docx(path: str | Path, text: str) -> Path:
    """Each line becomes a paragraph; consecutive lines containing tabs become one table."""
    path = Path(path)
    doc = Document()
    for kind, lines in _blocks(text):
        if kind == "p":
            doc.add_paragraph(lines[0])
            continue
        rows = [line.split("\t") for line in lines]
        table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for row, cells in zip(table.rows, rows, strict=True):
            for cell, value in zip(row.cells, cells, strict=False):
                cell.text = value
    doc.save(str(path))
    return path


class _NumberedPdf(FPDF):
    """A4 pages with a page-number footer, the page artefact readers must drop."""

    page_label = "Trang {n}"  # "{n}": this page; "{nb}": the page count, filled in by fpdf2

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("DejaVu", size=9)
        self.cell(0, 10, self.page_label.replace("{n}", str(self.page_no())), align="C")


def _pdf_table(pdf: FPDF, rows: list[list[str]]) -> None:
    """A real table with ruled cells, as Word exports an appendix; wide text gets wide columns."""
    columns = max(len(row) for row in rows)
    rows = [row + [""] * (columns - len(row)) for row in rows]
    # fpdf2 cannot split a row across pages, so long cells need room to stay short.
    widths = [min(200, max(20, *(len(row[c]) for row in rows))) for c in range(columns)]
    pdf.set_font_size(9)
    with pdf.table(col_widths=widths, text_align="LEFT", first_row_as_headings=False) as table:
        for row in rows:
            table.row(row)
    pdf.set_font_size(11)


def write_pdf(path: str | Path, text: str, page_label: str = "Trang {n}") -> Path:
    """One justified multi_cell per line (long lines wrap into hard breaks), tab lines as a table,
    a page-number footer (``page_label``, "Trang {n}" by default) on every page; a line holding
    only "\\f" starts a new page."""
    path = Path(path)
    pdf = _NumberedPdf(format="A4")
    pdf.page_label = page_label
    pdf.add_font("DejaVu", "", str(FONT_PATH))
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_font("DejaVu", size=11)
    for kind, lines in _blocks(text):
        if kind == "t":
            _pdf_table(pdf, [line.split("\t") for line in lines])
        elif lines[0] == "\f":
            pdf.add_page()  # a form-feed line forces a page break
        elif lines[0].strip():
            pdf.multi_cell(0, 6, lines[0], new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(6)
    pdf.output(str(path))
    return path


def write_scanned_pdf(path: str | Path) -> Path:
    """One page holding only a picture of a document: no text layer, as a scanner produces."""
    path = Path(path)
    image = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((100, 100, 1140, 180), outline="black", width=4)
    for row in range(20):
        y = 260 + row * 60
        width = 900 if row % 4 == 3 else 1040
        # Dashes of varying length stand in for words drawn as pixels.
        x = 100
        while x < width:
            word = 40 + (x * 7 + row * 13) % 90
            draw.rectangle((x, y, min(x + word, width), y + 18), fill="black")
            x += word + 20
    draw.ellipse((900, 1500, 1100, 1700), outline="red", width=6)  # the seal
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.output(str(path))
    return path
