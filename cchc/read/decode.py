"""Bytes to text: sniff what a file really is, then decode plain text with an honest encoding.

Vietnamese offices still produce Windows-1258 files (tone marks as combining characters), so that
one is decoded and reported; so is UTF-16 (Notepad's "Unicode"), with or without a byte-order mark.
Anything else that is not UTF-8 is refused with what was found.
"""

from __future__ import annotations

import re
import unicodedata

from cchc.errors import BinaryFile, EmptyFile, EncodingProblem

_MAGIC = {
    b"%PDF": "pdf",
    b"PK\x03\x04": "zip",
    b"\x89PNG": "png",
    b"\xff\xd8\xff": "jpeg",
    b"GIF8": "gif",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
    b"\xd0\xcf\x11\xe0": "ole",
}
# Frequent Vietnamese words: a decoding that yields many of them is the right one.
_VI_WORDS = re.compile(
    r"\b(của|và|các|những|được|trong|hành chính|cải cách|tuyên truyền|nhân dân|năm|về|cho|với)\b",
    re.IGNORECASE,
)
_PRINTABLE = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))
_CONTROL_BYTES = bytes(b for b in range(32) if b not in _PRINTABLE)
_LETTERS = re.compile(r"[^\W\d_]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # tab, line ends, form feed are text


def sniff(data: bytes) -> str | None:
    """The container format announced by the first bytes, or None for plain text."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    return None


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not any(byte in head for byte in _CONTROL_BYTES):  # a memchr each: text has none
        return False
    controls = len(head.translate(None, _PRINTABLE))
    return controls > len(head) * 0.05


def _clean_text(text: str) -> bool:
    """No NUL and hardly any other control character: real text, not numbers read as letters."""
    controls = len(_CONTROLS.findall(text))
    return "\x00" not in text and controls <= len(text) * 0.01


def _utf16(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when the bytes are UTF-16 text, else None (they then go on to the
    binary check, which their NUL bytes fail).

    With a byte-order mark the file says so. Without one (some Windows tools save it so), the
    zero high byte of every ASCII character puts a NUL at every other byte: NULs at one parity
    and (almost) none at the other, as Vietnamese in UTF-16 always shows; decomposed tone marks
    (U+0300) put a few at the other parity. That pattern, a clean decoding and Vietnamese words
    together are required, so a binary of 16-bit numbers stays refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        name, body, guessed = "utf-16", data, False
    else:
        head = data[:8192]
        if 0 not in head:  # no NUL, so none at either parity: not UTF-16 (most files: UTF-8)
            return None
        low, high = head[0::2].count(0), head[1::2].count(0)
        half = max(1, len(head) // 2)
        if high >= half * 0.3 and low <= half * 0.1:
            name, body, guessed = "utf-16-le", data, True
        elif low >= half * 0.3 and high <= half * 0.1:
            name, body, guessed = "utf-16-be", data, True
        else:
            return None
    try:
        text = body.decode(name)
    except UnicodeDecodeError:
        return None
    if not _clean_text(text):
        return None
    if guessed and _vietnamese_score(unicodedata.normalize("NFC", text)) < 0.03:
        return None
    return text, name


def _vietnamese_score(text: str) -> float:
    words = max(1, len(text.split()))
    return len(_VI_WORDS.findall(text)) / words


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode a plain-text file; returns (NFC text with LF line ends, encoding name)."""
    if not data.strip():
        raise EmptyFile(
            "Tệp rỗng: không có nội dung để đọc.", "The file is empty: nothing to read."
        )
    utf16 = _utf16(data)
    if utf16 is None and _looks_binary(data):
        raise BinaryFile(
            "Tệp không phải văn bản (dữ liệu nhị phân). Hãy dùng .txt, .md, .docx hoặc .pdf.",
            "The file is not text (binary data). Use .txt, .md, .docx or .pdf.",
        )
    text, encoding = utf16 or _decode(data)
    text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not _LETTERS.search(text):
        raise EmptyFile("Tệp không có chữ nào.", "The file contains no letters.")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    if text and _vietnamese_score(unicodedata.normalize("NFC", text)) >= 0.03:
        return text, "cp1258"
    raise _encoding_problem(data)


def _encoding_problem(data: bytes) -> EncodingProblem:
    found = "không rõ / unknown"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None:
            found = best.encoding
    except ImportError:  # charset_normalizer is optional: the message just says less
        pass
    return EncodingProblem(
        f"Tệp không ở mã UTF-8 và không phải tiếng Việt Windows-1258 (đoán là: {found}). "
        "Hãy lưu lại tệp ở dạng UTF-8 rồi nhập lại.",
        f"The file is not UTF-8 nor Vietnamese Windows-1258 (looks like: {found}). "
        "Save it as UTF-8 and import it again.",
    )
