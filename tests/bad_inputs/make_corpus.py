"""Regenerates the bad-input corpus (one file per defect). Run from the project root:

    python tests/bad_inputs/make_corpus.py

The files are committed; this script documents how each was made. The 50 MB file is not
committed: tests/test_bad_inputs.py makes it on the fly.
"""

from __future__ import annotations

import io
import random
import sys
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.builders import write_scanned_pdf  # noqa: E402

SEED = HERE.parents[1] / "data" / "plans" / "001_dffca6ef078e301f.txt"
NEWS = (
    "Giá xăng dầu trong nước giảm nhẹ từ 15 giờ chiều nay\n\n"
    "Theo thông báo của liên Bộ Công Thương - Tài chính, giá xăng E5 RON92 giảm 210 đồng mỗi lít. "
    "Các doanh nghiệp đầu mối cho biết nguồn cung ổn định trong những tuần tới. "
    "Thị trường thế giới biến động do nhu cầu tiêu thụ tại châu Á chậm lại.\n"
)


def main() -> None:
    (HERE / "empty.txt").write_bytes(b"")
    (HERE / "whitespace_only.md").write_bytes(b"  \n\n\t \r\n")
    rng = random.Random(7)
    (HERE / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    (HERE / "not_a_plan.txt").write_text(NEWS, encoding="utf-8")
    (HERE / "chinese_gb2312.txt").write_bytes(("行政改革宣传计划。" * 40).encode("gb2312"))
    (HERE / "plan_cp1258.txt").write_bytes(to_cp1258(SEED.read_text(encoding="utf-8")))
    write_scanned_pdf(HERE / "scanned_no_text.pdf")
    (HERE / "corrupt.docx").write_bytes(
        b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(2000))
    )
    (HERE / "old_word.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    (HERE / "photo.pdf").write_bytes(
        b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(512))
    )
    (HERE / "spreadsheet.xlsx").write_bytes(_zip_bytes())
    encoding_variants()


def encoding_variants() -> None:
    """The seed plan as Windows tools save it: each must read as the same plan as the UTF-8 file.
    Beside them, 16-bit numbers whose NUL bytes look like UTF-16 but are not text."""
    text = SEED.read_text(encoding="utf-8").replace("\n", "\r\n")  # Notepad's line ends
    (HERE / "plan_utf8_bom.txt").write_bytes(text.encode("utf-8-sig"))
    utf16_bom = b"\xff\xfe" + text.encode("utf-16-le")  # Notepad's "Unicode"
    (HERE / "plan_utf16_bom.txt").write_bytes(utf16_bom)
    (HERE / "plan_utf16le_nobom.txt").write_bytes(text.encode("utf-16-le"))
    (HERE / "plan_utf16be_nobom.txt").write_bytes(text.encode("utf-16-be"))
    rng = random.Random(16)  # its own generator: the files above keep their bytes
    samples = bytes(b for _ in range(2048) for b in (rng.randrange(256), 0))
    (HERE / "binary_alternate_nuls.txt").write_bytes(samples)


def to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps tone marks as combining characters after a precomposed vowel (ô, ơ…)."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        shape = "".join(m for m in parts[1:] if m in "\u0302\u0306\u031b")  # â ă ơ: precomposed
        tones = "".join(m for m in parts[1:] if m not in shape)
        out += (unicodedata.normalize("NFC", parts[0] + shape) + tones).encode("cp1258")
    return bytes(out)


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


if __name__ == "__main__":
    main()
