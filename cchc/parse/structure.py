"""Clean text to sections, items and sentences, each with character offsets.

A plan is a header, a title, a preamble ("Căn cứ…"), roman-numeral sections (MỤC ĐÍCH, NỘI DUNG,
HÌNH THỨC, KINH PHÍ, TỔ CHỨC THỰC HIỆN…), the distribution list, the signature and sometimes an
appendix; a Quyết định may wrap it. Sections merge ("NỘI DUNG, HÌNH THỨC"), so numbered
sub-headings whose words name a kind ("1. Nội dung", "2. Hình thức") refine the kind below them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from cchc.read.fold import fold
from cchc.read.marks import matches_at, positions

# Order matters: the first keyword found in a heading decides its kind.
_KIND_WORDS = (
    ("mục đích", "purpose"), ("yêu cầu", "purpose"), ("chỉ tiêu", "targets"),
    ("đối tượng", "audience"), ("nội dung", "content"), ("nhiệm vụ", "content"),
    ("hình thức", "channels"), ("kinh phí", "budget"), ("tổ chức thực hiện", "implementation"),
    ("trách nhiệm", "implementation"), ("phân công", "implementation"), ("phụ lục", "appendix"),
)  # fmt: skip
_ROMAN = re.compile(r"^([IVX]{1,4})\.\s*(\S.*)$")
_SUBHEAD = re.compile(r"^(\d{1,2})\.\s*([^:.;]{3,60}?)\s*(?::|$)")
_ITEM = re.compile(r"(\d+(?:\.\d+)*\.?|[a-zđ]\)|[-+•*–])\s*")
_PREAMBLE = re.compile(r"^(Căn cứ|Thực hiện|Theo đề nghị|Để |Nhằm |Triển khai)")
_SIGN_TITLE = re.compile(r"^(KT\.|TM\.|Q\.|TL\.|GIÁM ĐỐC|CHỦ TỊCH|PHÓ |TRƯỞNG|CHÁNH|BÍ THƯ)")
_APPENDIX = re.compile(r"^(Phụ lục|PHỤ LỤC)\b")
_ARTICLE = re.compile(r"^Điều \d+\.")
# A top-level heading starts with one of these (Nơi nhận, Phụ lục, KẾ HOẠCH, QUYẾT ĐỊNH, Điều, I.)
_HEADING_FIRST = frozenset("NPKQĐIVX")
_SENT_END = re.compile(r"[.!?…]+[\"”')]*\s+(?=[A-ZĐÀ-Ỹ0-9(\"“])")


@dataclass(slots=True)
class Section:
    no: int
    kind: str
    heading: str
    level: int
    start: int
    end: int


@dataclass(slots=True)  # thousands per build: slots make them smaller and quicker
class Passage:
    """One sentence (or one table row) of the clean text."""

    no: int
    section_no: int
    kind: str
    item: str
    start: int
    end: int


def passage_at(passages: list[Passage], starts: list[int], index: int) -> Passage:
    """The passage holding clean offset ``index``; ``starts`` are the passages' starts."""
    return passages[max(0, bisect_right(starts, index) - 1)]


@dataclass
class Structure:
    sections: list[Section]
    passages: list[Passage]
    title: str


def heading_kind(text: str) -> str:
    words = fold(text)
    for keyword, kind in _KIND_WORDS:
        if keyword in words:
            return kind
    return "other"


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


class _Walker:
    """Walks the lines once, opening a section at every heading it recognises."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sections: list[Section] = []
        self.state = "header"
        self.title_parts: list[str] = []
        self.in_body = False

    def open(self, kind: str, heading: str, level: int, start: int) -> None:
        if self.sections:
            self.sections[-1].end = start
        self.sections.append(Section(len(self.sections), kind, heading, level, start, start))

    def level1(self, line: str) -> str | None:
        """The kind of a top-level heading, or None when the line is not one."""
        if line[:1] not in _HEADING_FIRST:
            return None
        if line.startswith("Nơi nhận"):
            return "distribution"
        if _APPENDIX.match(line):
            return "appendix"
        if line.startswith("KẾ HOẠCH") or line == "QUYẾT ĐỊNH":
            return "header"
        if line.startswith("QUYẾT ĐỊNH:") or _ARTICLE.match(line) and not self.in_body:
            return "decision" if self.state != "decision" else None
        roman = _ROMAN.match(line)
        if roman and sum(c.isupper() for c in roman.group(2)) >= 3:
            return heading_kind(roman.group(2))
        return None

    def step(self, line: str, start: int) -> None:
        kind = self.level1(line)
        if kind == "header":
            self.in_body = False
            self.title_parts = [line]
        elif kind is not None:
            self.in_body = kind not in ("distribution", "decision")
        elif self.state == "distribution" and not line.startswith(("-", "+", "•")):
            kind = "signature" if _SIGN_TITLE.match(line) or len(line) < 40 else None
        elif self.state == "header" and _PREAMBLE.match(line):
            kind = "preamble"
        elif self.state == "header" and self.title_parts and len(self.title_parts) < 2:
            self.title_parts.append(line)
        elif self.in_body and (sub := _SUBHEAD.match(line)):
            sub_kind = heading_kind(sub.group(2))
            if sub_kind != "other" and fold(sub.group(2)).split()[0] in _FIRST_WORDS:
                self.open(sub_kind, line, 2, start)
                self.state = sub_kind
                return
        if kind is not None:
            self.open(kind, line, 1, start)
            self.state = kind


_FIRST_WORDS = {"mục", "yêu", "chỉ", "đối", "nội", "nhiệm", "hình", "các", "kinh", "tổ", "phân"}


def _sentences(text: str, start: int, end: int, candidates: list[int]) -> list[tuple[int, int]]:
    if text.find("\t", start, end) != -1:
        return [(start, end)]  # a table row stays whole: its cells belong together
    spans, pos = [], start
    for match in matches_at(_SENT_END, text, candidates, end):
        before = text[max(start, match.start() - 4) : match.start()].split()
        if before and len(before[-1]) <= 3 and (before[-1].isupper() or before[-1][-1].isdigit()):
            continue  # "KT. GIÁM ĐỐC", "TP. Hồ Chí Minh", "1.1. …": not a sentence end
        spans.append((pos, match.start() + 1))
        pos = match.end()
    if pos < end:
        spans.append((pos, end))
    return spans


def parse_structure(text: str) -> Structure:
    """Sections (with kinds) and passages (sentences) of a clean text."""
    walker = _Walker(text)
    walker.open("header", "", 0, 0)
    lines = _line_spans(text)
    for start, end in lines:
        walker.step(text[start:end], start)
    walker.sections[-1].end = len(text)
    sections = [s for s in walker.sections if s.end > s.start]
    for number, section in enumerate(sections):
        section.no = number
    passages = _passages(text, lines, sections)
    return Structure(sections, passages, " ".join(walker.title_parts))


def _passages(text: str, lines: list[tuple[int, int]], sections: list[Section]) -> list[Passage]:
    passages: list[Passage] = []
    section_index = 0
    stops = positions(text, ".!?…")  # where a sentence end may start (see cchc.read.marks)
    for start, end in lines:
        while section_index + 1 < len(sections) and sections[section_index + 1].start <= start:
            section_index += 1
        section = sections[section_index]
        item = _ITEM.match(text, start, end)
        label = item.group(1) if item else ""
        label_end = item.end() if item else start
        # A sentence end needs a space and a letter after its mark: not the line's last 2 chars.
        first, stop = bisect_left(stops, label_end), bisect_left(stops, end - 2)
        if first == stop and start < end:  # no sentence end inside (most lines): one passage
            passages.append(Passage(len(passages), section.no, section.kind, label, start, end))
            continue
        for s_start, s_end in _sentences(text, start, end, stops[first:stop]):
            passages.append(Passage(len(passages), section.no, section.kind, label, s_start, s_end))
    return passages
