"""Word (.docx) bytes to plain text: one line per paragraph with a blank line after it (a paragraph
end, as in .txt), one tab-separated line per table row.

The body is walked in document order so an appendix table stays where the author put it. Headers
and footers are skipped: they repeat on every page and carry letterheads and page numbers.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from cchc.errors import BinaryFile, EmptyFile

_P, _TBL, _SDT, _SDT_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
# Soft line breaks and layout tabs inside one paragraph: the paragraph is still one line, and a
# run of tabs (used to align "Số: ..." against "Hà Giang, ngày ...") is a single cell break.
_SOFT_BREAK = re.compile(r"[ \u00a0]*[\n\r\v\f]+[ \u00a0]*")
_TABS = re.compile(r"[ \u00a0]*\t[\t \u00a0]*")


def _blocks(parent) -> Iterator:
    """Paragraph and table elements under ``parent``, in order, looking inside content controls."""
    for child in parent.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)


def _line(text: str) -> str:
    return _TABS.sub("\t", _SOFT_BREAK.sub(" ", text)).strip()


def _cell_text(cell) -> str:
    """All text in a cell (nested tables included) on one line, so the row stays one line."""
    parts = []
    for element in _blocks(cell._tc):
        if element.tag == _P:
            parts.append(Paragraph(element, cell).text)
        else:
            parts.extend(_row_line(row) for row in Table(element, cell).rows)
    return " ".join(" ".join(parts).split())


def _row_line(row) -> str:
    """Cells joined by tabs; a merged cell that python-docx repeats is written once."""
    seen: set[int] = set()
    cells = []
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        cells.append(_cell_text(cell))
    return "\t".join(cells) if any(cells) else ""


def _open(data: bytes):
    try:
        return Document(io.BytesIO(data))
    except Exception as exc:  # zipfile, lxml and python-docx each raise their own kind
        raise BinaryFile(
            "Không mở được tệp Word: tệp bị hỏng hoặc không phải định dạng .docx. Nếu là tệp .doc "
            "cũ, hãy mở bằng Word và lưu lại dưới dạng .docx.",
            "The Word file could not be opened: it is damaged or not a .docx file. If it is an "
            "old .doc file, open it in Word and save it as .docx.",
        ) from exc


def docx_to_text(data: bytes) -> str:
    """The text of a .docx body in reading order, NFC-normalised, one line per paragraph or row.

    Paragraphs are separated by a blank line, as in a typed plan: a Word paragraph ends where its
    writer pressed Enter, and the cleaner reads a blank line as a possible paragraph end.
    """
    doc = _open(data)
    blocks: list[str] = []
    for element in _blocks(doc.element.body):
        if element.tag == _P:
            blocks.append(_line(Paragraph(element, doc).text))
        else:
            rows = (_row_line(row) for row in Table(element, doc).rows)
            blocks.append("\n".join(row for row in rows if row))
    text = unicodedata.normalize("NFC", "\n\n".join(block for block in blocks if block))
    if not text.strip():
        raise EmptyFile(
            "Tệp Word không có nội dung văn bản (có thể chỉ chứa hình ảnh).",
            "The Word file contains no text (it may hold only images).",
        )
    return text
