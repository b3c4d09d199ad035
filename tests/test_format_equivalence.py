"""The same plan as .txt, .docx, .pdf, NFD, old tone marks or hard-wrapped lines codes the same."""

from __future__ import annotations

import re
import textwrap
import unicodedata
from pathlib import Path

import pytest

from cchc.parse.extract import extract
from cchc.read import read_bytes, read_document
from tests.builders import write_docx, write_pdf

SEEDS = sorted(Path("data/plans").glob("*.txt"))
_NEW_TO_OLD = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "ùy": "uỳ", "úy": "uý",
               "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}  # fmt: skip


def old_tone_marks(text: str) -> str:
    pattern = re.compile(r"(?<![qQ])(" + "|".join(_NEW_TO_OLD) + r")(?!\w)")
    return pattern.sub(lambda m: _NEW_TO_OLD[m.group(1)], text)


def hard_wrapped(text: str) -> str:
    """Like a PDF pasted as text: lines cut at 70 characters, blank lines between them."""
    lines = []
    for line in text.split("\n"):
        if "\t" in line or not line.strip():
            lines.append(line)
            continue
        lines += [w + " " for w in textwrap.wrap(line, 70)]
    return "\n\n".join(lines)


def _signature(extraction) -> tuple:
    meta = {k: f.value for k, f in extraction.metadata.items()}
    return meta, extraction.present


def _plain(path: Path) -> str:
    """The seed without Markdown/HTML decoration, as a Word or PDF author would have typed it."""
    text = read_document(path).text
    return text


@pytest.fixture(scope="module", params=SEEDS, ids=lambda p: p.stem[:3])
def seed(request):
    path = request.param
    return path, _signature(extract(read_document(path)))


def test_nfd_text_codes_the_same(seed):
    path, expected = seed
    nfd = unicodedata.normalize("NFD", path.read_text(encoding="utf-8")).encode("utf-8")
    assert _signature(extract(read_bytes(nfd, "plan.txt"))) == expected


def test_old_tone_marks_code_the_same(seed):
    path, expected = seed
    old = old_tone_marks(path.read_text(encoding="utf-8"))
    assert old != path.read_text(encoding="utf-8")
    assert _signature(extract(read_bytes(old.encode("utf-8"), "plan.txt"))) == expected


def test_crlf_and_bom_code_the_same(seed):
    path, expected = seed
    data = b"\xef\xbb\xbf" + path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8")
    assert _signature(extract(read_bytes(data, "plan.md"))) == expected


def test_hard_wrapped_lines_code_the_same(seed):
    path, expected = seed
    wrapped = hard_wrapped(_plain(path))
    assert _signature(extract(read_bytes(wrapped.encode("utf-8"), "plan.txt"))) == expected


def test_docx_codes_the_same(seed, tmp_path):
    path, expected = seed
    docx = write_docx(tmp_path / "plan.docx", _plain(path))
    assert _signature(extract(read_document(docx))) == expected


def test_pdf_codes_the_same(seed, tmp_path):
    path, expected = seed
    pdf = write_pdf(tmp_path / "plan.pdf", _plain(path))
    assert _signature(extract(read_document(pdf))) == expected


def test_pdf_appendix_table_gives_the_same_lead_units(tmp_path):
    """Hà Giang's appendix table ("Đơn vị chủ trì" column) read from a PDF with ruled cells."""
    path = next(p for p in SEEDS if p.name.startswith("000"))
    from_text = extract(read_document(path)).units
    from_pdf = extract(read_document(write_pdf(tmp_path / "plan.pdf", _plain(path)))).units
    leads = {(u.unit, u.task) for u in from_text if u.role == "chu_tri"}
    assert leads and leads == {(u.unit, u.task) for u in from_pdf if u.role == "chu_tri"}
    assert {(u.unit, u.role) for u in from_pdf} == {(u.unit, u.role) for u in from_text}


def test_pdf_with_paragraph_spacing_gives_the_same_units(seed, tmp_path):
    """An Giang's "7. Báo An Giang; Đài …" heading is kept apart from "Chủ động phối hợp…" by
    the space between the paragraphs: no unit "… An Giang Chủ động" (every seed checked)."""
    path, _ = seed
    spaced = "\n\n".join(_plain(path).split("\n"))  # a gap after every paragraph, as Word leaves
    from_pdf = extract(read_document(write_pdf(tmp_path / "plan.pdf", spaced))).units
    from_text = extract(read_document(path)).units
    assert {(u.unit, u.role) for u in from_pdf} == {(u.unit, u.role) for u in from_text}
