"""Reading: a file (txt, md, docx, pdf) to a ``Document`` with clean text and a map back.

This layer knows nothing of parsing rules or storage.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from cchc.errors import BinaryFile, FileTooLarge, NoTextLayer, UnsupportedFormat
from cchc.read.clean import OffsetMap, clean_text
from cchc.read.decode import decode_text, sniff
from cchc.read.fold import fold, nfc

MAX_BYTES = 20 * 1024 * 1024
FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf"}
_IMAGES = {"png", "jpeg", "gif", "tiff"}


# Whitespace that str.split() splits on, besides the space, tab and line end of clean text.
_RARE_SPACES = tuple(c for c in map(chr, range(0x3001)) if c.isspace() and c not in " \t\n")
# Where each rare space's UTF-8 is looked for: a byte of it that Vietnamese text (almost) never
# holds, found by memchr, and how far into the character that byte is. That is its first byte
# but for U+1680, whose first byte 0xE1 starts every U+1Exx letter.
_RARE_AT: dict[int, list[tuple[int, bytes]]] = {}
for _utf8 in (space.encode() for space in _RARE_SPACES):
    _back = int(_utf8[0] == 0xE1)
    _RARE_AT.setdefault(_utf8[_back], []).append((_back, _utf8))


def _rare_space_in(data: bytes) -> bool:
    """Does UTF-8 ``data`` hold a character of ``_RARE_SPACES``?"""
    for marker, spaces in _RARE_AT.items():
        at = data.find(marker)
        while at != -1:
            if any(at >= back and data.startswith(utf8, at - back) for back, utf8 in spaces):
                return True
            at = data.find(marker, at + 1)
    return False


def words_utf8(text: str) -> bytes:
    """UTF-8 of ``" ".join(text.split())``, the words a plan's identity is hashed from.

    Clean text mostly has single spaces, tabs and line ends only: replacing those two is 3x
    faster than splitting ~2,000 words. The bytes are needed anyway, and searched faster.
    """
    spaced = text.replace("\n", " ").replace("\t", " ")
    data = spaced.encode()
    if _rare_space_in(data):
        return " ".join(text.split()).encode()
    if "  " in spaced:  # only spaces are left: runs of them are collapsed
        while b"  " in data:
            data = data.replace(b"  ", b" ")
    return data.strip(b" ")


def words_only(text: str) -> str:
    """``" ".join(text.split())``."""
    return words_utf8(text).decode()


@dataclass
class Document:
    source: str
    fmt: str
    encoding: str
    raw: str  # the text as written (NFC, LF line ends): evidence is shown from here
    text: str  # clean text: one paragraph a line, decoration dropped
    offsets: OffsetMap
    folded: str = field(init=False)  # matching form of ``text``, same length
    content_hash: str = field(init=False)
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.folded = fold(self.text)
        # Identity of a plan is its words, not its bytes: a .docx and a .txt of one plan collide.
        self.content_hash = hashlib.sha256(words_utf8(self.folded)).hexdigest()

    def as_written(self, start: int, end: int) -> str:
        raw_start, raw_end = self.offsets.raw_span(start, end)
        return self.raw[raw_start:raw_end]


def too_large(size: int, limit: int) -> FileTooLarge:
    mb = size / 1024 / 1024
    return FileTooLarge(
        f"Tệp quá lớn ({mb:.1f} MB, giới hạn {limit // 1024 // 1024} MB).",
        f"The file is too large ({mb:.1f} MB, limit {limit // 1024 // 1024} MB).",
    )


def _to_text(data: bytes, fmt: str) -> tuple[str, str]:
    kind = sniff(data)
    if kind in _IMAGES:
        raise NoTextLayer(
            "Tệp là ảnh, không có lớp chữ: cần nhận dạng ký tự (OCR) trước khi nhập.",
            "The file is an image with no text layer: it needs OCR before import.",
        )
    if kind == "pdf" or fmt == "pdf":
        from cchc.read.pdf import pdf_to_text

        return nfc(pdf_to_text(data)), "pdf"
    if kind == "zip" or fmt == "docx":
        from cchc.read.docx import docx_to_text

        return nfc(docx_to_text(data)), "docx"
    if kind is not None:
        raise BinaryFile(
            "Tệp là tài liệu nhị phân không đọc được (ví dụ .doc cũ). Hãy lưu lại thành .docx.",
            "The file is a binary document that cannot be read (e.g. old .doc). Save it as .docx.",
        )
    return decode_text(data)


def read_bytes(data: bytes, name: str, max_bytes: int = MAX_BYTES) -> Document:
    """Read one plan from its bytes; ``name`` gives the format by its extension."""
    suffix = Path(name).suffix.lower()
    if suffix not in FORMATS:
        raise UnsupportedFormat(
            f"Định dạng '{suffix or '(không có)'}' không được hỗ trợ: dùng .txt, .md, .docx, .pdf.",
            f"Format '{suffix or '(none)'}' is not supported: use .txt, .md, .docx or .pdf.",
        )
    if len(data) > max_bytes:
        raise too_large(len(data), max_bytes)
    raw, encoding = _to_text(data, FORMATS[suffix])
    return document_from_text(raw, name, FORMATS[suffix], encoding)


# Encodings that were guessed, not declared by the file: the reader says so with the plan.
_GUESSED = {
    "cp1258": "Đã đọc theo bảng mã Windows-1258 / decoded as Windows-1258",
    "utf-16-le": "Đã đọc theo mã UTF-16 LE (tệp không có BOM) / decoded as UTF-16 LE (no BOM)",
    "utf-16-be": "Đã đọc theo mã UTF-16 BE (tệp không có BOM) / decoded as UTF-16 BE (no BOM)",
}


def document_from_text(raw: str, name: str, fmt: str, encoding: str) -> Document:
    """A Document from text already taken out of its file (``Document.raw``): re-coding a kept
    plan from its text gives what reading the file gave, format and encoding notes included."""
    text, offsets = clean_text(raw)
    doc = Document(Path(name).name, fmt, encoding, raw, text, offsets)
    if encoding in _GUESSED:
        doc.notes.append(_GUESSED[encoding])
    return doc


def read_document(path: str | Path, max_bytes: int = MAX_BYTES) -> Document:
    """Read one plan file from disk (refusing huge files before loading them)."""
    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise too_large(size, max_bytes)
    return read_bytes(path.read_bytes(), path.name, max_bytes)
