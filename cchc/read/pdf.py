"""PDF bytes to plain text with pypdf, page artefacts dropped, Vietnamese normalised to NFC.

Only the text layer is read: a scanned PDF has none, and is refused with a hint to run OCR
rather than stored as an empty plan. A page that draws lines may hold a ruled table (an appendix
"Đơn vị chủ trì" column): such pages are read with pdfplumber, which finds the cells, and each
table row becomes one tab-separated line, as in a .docx or typed plan. A PDF has no paragraph
marks, so the space left between paragraphs is read from the line positions and written as a
blank line, as a .txt or .docx has it.
"""

from __future__ import annotations

import io
import itertools
import re
import unicodedata
from collections import Counter

from pypdf import PageObject, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from cchc.errors import BinaryFile, EmptyFile, InputError, NoTextLayer
from cchc.read.clean import cut_code

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
# Table rules: a rectangle ("re") or line segment ("l") that is painted (stroked or filled, as
# Word draws thin borders). Not a clipping path ("re W n"): LibreOffice clips every page.
_DRAWS_LINES = re.compile(rb"\s(?:re|l)\s+(?:[Ssf]|f\*|F|[Bb]\*?)\s")
# A gap this many times the line step ends a paragraph. Official documents (Nghị định 30/2020)
# put at least 6 pt between paragraphs: >= 1.25x even at 1.5 line spacing; lines inside a
# paragraph are evenly spaced, so a small margin is enough.
_PARAGRAPH_GAP = 1.12
_MIN_LINE_STEP = 4.0  # points; smaller "steps" are overlapping runs, not lines


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


def _text_and_heights(page: PageObject) -> tuple[str, list[float]]:
    """pypdf's text of a page and the height on the page of each of its non-blank lines.

    pypdf hands every piece of text to the visitor in output order (the pieces add up to the
    text it returns), so a line's height is that of its first non-blank piece.
    """
    heights: list[float] = []
    at_line_start = True

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        nonlocal at_line_start
        for number, chunk in enumerate(text.split("\n")):
            if number:
                at_line_start = True
            if at_line_start and chunk.strip():
                heights.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])
                at_line_start = False

    return page.extract_text(visitor_text=visit) or "", heights


def _line_step(steps: list[float]) -> float | None:
    """The step between lines inside a paragraph: the smallest step seen at least twice.

    Not the median: on a page of one-line paragraphs (a distribution list, short tasks) most
    steps are paragraph steps. Seen twice, so one odd pair of lines (a two-column header, a
    superscript) cannot set it; None when no step repeats or it is implausibly small.
    """
    counts = Counter(round(step * 2) / 2 for step in steps if step > 0)
    repeated = [step for step, seen in counts.items() if seen >= 2]
    step = min(repeated, default=None)
    return step if step is not None and step >= _MIN_LINE_STEP else None


def _with_paragraph_breaks(lines: list[str], heights: list[float]) -> list[str]:
    """Put a blank line where the gap above a line is clearly wider than the page's line step.

    PDF text has no paragraph marks, only positions. Word and LibreOffice leave space between
    paragraphs (spacing after, or an empty paragraph), so a wide gap is a paragraph end: the
    cleaner then keeps a numbered heading apart from the sentence below it, as in .txt/.docx.
    """
    if len(heights) != len(lines) or len(lines) < 3:
        return lines  # pieces and lines disagree: no guessing, the lines stay as they are
    steps = [above - below for above, below in itertools.pairwise(heights)]
    usual = _line_step(steps)
    if usual is None:
        return lines
    out = [lines[0]]
    for line, step in zip(lines[1:], steps, strict=True):
        if step > usual * _PARAGRAPH_GAP:
            out.append("")
        out.append(line)
    return out


def _pypdf_page_lines(page: PageObject) -> list[str]:
    text, heights = _text_and_heights(page)
    return _with_paragraph_breaks(_page_lines(text), heights)


def _may_hold_a_table(page: PageObject) -> bool:
    """Cheap pre-check: pdfplumber costs ~10x pypdf, and most pages draw no lines at all."""
    contents = page.get_contents()
    return contents is not None and bool(_DRAWS_LINES.search(contents.get_data()))


def _cell_text(cell: str | None) -> str:
    """A cell's wrapped lines as one line; "56/ĐA-" + "UBND" is one code cut by the wrap."""
    text = ""
    for line in _page_lines(cell or ""):
        text += line if not text or cut_code(text) else " " + line
    return text


def _row_line(row: list[str | None]) -> str:
    """One table row, its cells tidied like page lines (a wrapped cell is one line again)."""
    cells = [_cell_text(cell) for cell in row]
    return "\t".join(cells) if any(cells) else ""


def _region_lines(region) -> list[str]:
    """Lines of the text in a region of a page, a blank line at each paragraph gap (as for the
    pages pypdf reads): pdfplumber gives each line's top, measured down from the page's top."""
    lines, heights = [], []
    for line in region.extract_text_lines():
        for text in _page_lines(line["text"]):
            lines.append(text)
            heights.append(-line["top"])  # pypdf's heights grow upwards
    return _with_paragraph_breaks(lines, heights)


def _table_page_lines(page) -> list[str] | None:
    """Lines of a pdfplumber page with ruled tables (text between them as lines), else None."""
    tables = sorted(page.find_tables(), key=lambda table: table.bbox[1])
    if not tables:
        return None
    x0, top, x1, bottom = page.bbox
    lines: list[str] = []
    for table in tables:
        if table.bbox[1] > top:
            lines += _region_lines(page.within_bbox((x0, top, x1, table.bbox[1])))
        lines += [row for row in map(_row_line, table.extract()) if row]
        top = max(top, table.bbox[3])
    if bottom > top:
        lines += _region_lines(page.within_bbox((x0, top, x1, bottom)))
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


def _table_start(pages: list[list[str]], index: int) -> str:
    """The first row of the table whose last row ends page ``index`` (it may start pages back)."""
    first = pages[index][-1]
    for lines in reversed(pages[: index + 1]):
        for line in reversed(lines):
            if "\t" not in line:
                return first
            first = line
    return first


def _join_split_rows(pages: list[list[str]]) -> None:
    """Put back together table rows that Word splits across a page break, in place.

    Word lets a row break across pages (the default) and may repeat the header row on the new
    page. The second half of a split row starts the next page's table with an empty first cell
    (the STT number stays with the first half); its cells are appended to the row above.
    """
    above = None  # index of the last page that still has lines
    for index, lines in enumerate(pages):
        if above is not None and lines and "\t" in lines[0] and "\t" in pages[above][-1]:
            if lines[0] == _table_start(pages, above):
                lines.pop(0)  # the header row, repeated
            first = lines[0].split("\t") if lines and "\t" in lines[0] else []
            last = pages[above][-1].split("\t")
            if len(first) == len(last) and not first[0].strip() and last[0].strip():
                pairs = zip(last, first, strict=True)
                pages[above][-1] = "\t".join(" ".join(c for c in pair if c) for pair in pairs)
                lines.pop(0)
        if lines:
            above = index


def pdf_to_text(data: bytes) -> str:
    """The text layer of a PDF: one physical line per line, a blank line at each paragraph gap,
    one tab-separated line per ruled table row; pages joined by newlines, page numbers dropped."""
    reader = _open(data)
    if not reader.pages:
        raise EmptyFile("Tệp PDF không có trang nào.", "The PDF file has no pages.")
    try:
        pages = [_pypdf_page_lines(page) for page in reader.pages]
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
    _join_split_rows(pages)
    # A page ends a paragraph only if its text says so: no blank line at a page's edges.
    text = "\n".join("\n".join(lines).strip("\n") for lines in pages if lines)
    if len(_LETTER.findall(text)) < _MIN_LETTERS:
        raise NoTextLayer(
            "Tệp PDF không có lớp văn bản (có vẻ là bản scan/ảnh chụp), cần nhận dạng ký tự (OCR) "
            "trước khi tải lên.",
            "The PDF has no text layer (it looks like a scanned PDF); it needs optical character "
            "recognition (OCR) before it can be uploaded.",
        )
    return text
