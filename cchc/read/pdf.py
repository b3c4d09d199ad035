"""PDF bytes to plain text with pypdf, page artefacts dropped, Vietnamese normalised to NFC.

Only the text layer is read: a scanned PDF has none, and is refused with a hint to run OCR
rather than stored as an empty plan. A page that draws lines may hold a ruled table (an appendix
"Đơn vị chủ trì" column): such pages are read with pdfplumber, which finds the cells, and each
table row becomes one tab-separated line, as in a .docx or typed plan.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter

from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from cchc.errors import BinaryFile, EmptyFile, InputError, NoTextLayer

# "1", "- 2 -", "Trang 3", "3/12", "Trang 3/12", "Page 4 of 9": a page number on its own line.
_PAGE_NUMBER = re.compile(
    r"[-\u2013\u2014\s]*(?P<word>(?:trang|page)\s*)?(?P<n>\d{1,4})"
    r"(?:\s*(?:/|trên|of)\s*\d{1,4})?[-\u2013\u2014\s]*",
    re.IGNORECASE,
)
# Justified lines come out with runs of spaces; some producers put a space before a tone mark.
_SPACES = re.compile(r"[ \u00a0\u2007\u202f]+")
_SPACE_BEFORE_MARK = re.compile(r"[ \u00a0]+(?=[\u0300-\u036f])")
_LETTER = re.compile(r"[^\W\d_]")
_MIN_LETTERS = 20  # below this a PDF with pages has no usable text layer (scan, or stamps only)
# Path operators that draw table rules: a rectangle ("re") or a line segment ("l").
_DRAWS_LINES = re.compile(rb"\sre\s|\sl\s")


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Offices often "protect" a PDF with an owner password only: "" opens it for reading.
            reader.decrypt("")
        len(reader.pages)  # forces the page tree, where damaged files fail
    except (FileNotDecryptedError, DependencyError) as exc:
        raise _encrypted() from exc
    except Exception as exc:  # pypdf raises many kinds on malformed input
        raise BinaryFile(
            "Không mở được tệp PDF: tệp bị hỏng hoặc không phải PDF.",
            "The PDF file could not be opened: it is damaged or not a PDF.",
        ) from exc
    return reader


def _encrypted() -> InputError:
    return InputError(
        "Tệp PDF được đặt mật khẩu nên không đọc được nội dung. Hãy gỡ mật khẩu rồi tải lên lại.",
        "The PDF is password-protected, so its text cannot be read. Remove the password and "
        "upload it again.",
    )


def _page_lines(text: str) -> list[str]:
    """Non-empty lines of one page, NFC, with spacing tidied."""
    text = _SPACE_BEFORE_MARK.sub("", unicodedata.normalize("NFC", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


def _may_hold_a_table(page: PageObject) -> bool:
    """Cheap pre-check: pdfplumber costs ~10x pypdf, and most pages draw no lines at all."""
    contents = page.get_contents()
    return contents is not None and bool(_DRAWS_LINES.search(contents.get_data()))


def _row_line(row: list[str | None]) -> str:
    """One table row, its cells tidied like page lines (a wrapped cell is one line again)."""
    cells = [" ".join(_page_lines(cell or "")) for cell in row]
    return "\t".join(cells) if any(cells) else ""


def _table_page_lines(page) -> list[str] | None:
    """Lines of a pdfplumber page with ruled tables (text between them as lines), else None."""
    tables = sorted(page.find_tables(), key=lambda table: table.bbox[1])
    if not tables:
        return None
    x0, top, x1, bottom = page.bbox
    lines: list[str] = []
    for table in tables:
        if table.bbox[1] > top:
            lines += _page_lines(page.within_bbox((x0, top, x1, table.bbox[1])).extract_text())
        lines += [row for row in map(_row_line, table.extract()) if row]
        top = max(top, table.bbox[3])
    if bottom > top:
        lines += _page_lines(page.within_bbox((x0, top, x1, bottom)).extract_text())
    return lines


def _read_tables(data: bytes, pages: list[list[str]], candidates: list[int]) -> None:
    """Re-read the candidate pages that hold ruled tables, in place."""
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            found = {i: _table_page_lines(pdf.pages[i]) for i in candidates}
    except Exception:  # pypdf read every page already: its lines are kept, tables as plain lines
        return
    for index, lines in found.items():
        if lines is not None:
            pages[index] = lines


def _drop_page_numbers(pages: list[list[str]]) -> None:
    """Remove page numbers from the top and bottom edge of each page, in place.

    A bare number at an edge may also be a table cell (the STT column continuing on a new page),
    so it goes only when it follows the page sequence: number - index is the most common offset,
    seen on two pages or equal to 1 (the number is the page's own). "Trang N" always goes.
    """
    for edge in (0, -1):
        found = {}
        for index, lines in enumerate(pages):
            match = _PAGE_NUMBER.fullmatch(lines[edge]) if lines else None
            if match:
                found[index] = match
        if not found:
            continue
        offset, seen = Counter(int(m["n"]) - i for i, m in found.items()).most_common(1)[0]
        in_sequence = seen >= 2 or offset == 1
        for index, match in found.items():
            if match["word"] or (in_sequence and int(match["n"]) - index == offset):
                pages[index].pop(edge)


def pdf_to_text(data: bytes) -> str:
    """The text layer of a PDF, pages joined by newlines, one physical line per line."""
    reader = _open(data)
    if not reader.pages:
        raise EmptyFile("Tệp PDF không có trang nào.", "The PDF file has no pages.")
    try:
        pages = [_page_lines(page.extract_text() or "") for page in reader.pages]
        candidates = [i for i, page in enumerate(reader.pages) if _may_hold_a_table(page)]
        if candidates:
            _read_tables(data, pages, candidates)
    except (FileNotDecryptedError, DependencyError) as exc:
        raise _encrypted() from exc
    except Exception as exc:  # a damaged content stream surfaces only when the page is read
        raise BinaryFile(
            "Tệp PDF bị hỏng: không đọc được nội dung các trang.",
            "The PDF file is damaged: the text of its pages could not be read.",
        ) from exc
    _drop_page_numbers(pages)
    text = "\n".join("\n".join(lines) for lines in pages if lines)
    if len(_LETTER.findall(text)) < _MIN_LETTERS:
        raise NoTextLayer(
            "Tệp PDF không có lớp văn bản (có vẻ là bản scan/ảnh chụp), cần nhận dạng ký tự (OCR) "
            "trước khi tải lên.",
            "The PDF has no text layer (it looks like a scanned PDF); it needs optical character "
            "recognition (OCR) before it can be uploaded.",
        )
    return text
