"""Clean text to sections, items and sentences, each with character offsets.

A plan is a header, a title, a preamble ("Căn cứ…"), roman-numeral sections (MỤC ĐÍCH, NỘI DUNG,
HÌNH THỨC, KINH PHÍ, TỔ CHỨC THỰC HIỆN…), the distribution list, the signature and sometimes an
appendix; a Quyết định may wrap it. Sections merge ("NỘI DUNG, HÌNH THỨC"), so numbered
sub-headings whose words name a kind ("1. Nội dung", "2. Hình thức") refine the kind below them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from cchc.read.fold import fold
from cchc.read.marks import positions

# Order matters: the first keyword found in a heading decides its kind.
_KIND_WORDS = (
    ("mục đích", "purpose"), ("yêu cầu", "purpose"), ("chỉ tiêu", "targets"),
    ("đối tượng", "audience"), ("nội dung", "content"), ("nhiệm vụ", "content"),
    ("hình thức", "channels"), ("kinh phí", "budget"), ("tổ chức thực hiện", "implementation"),
    ("trách nhiệm", "implementation"), ("phân công", "implementation"), ("phụ lục", "appendix"),
)  # fmt: skip
_ROMAN = re.compile(r"^([IVX]{1,4})\.\s*(\S.*)$")
# The look-ahead (possessive: no backtracking) fails at once unless the first ":", "." or ";" after
# the number is a ":" or there is none; without it the lazy heading part was tried at every length
# up to 60 on every long numbered line.
_SUBHEAD = re.compile(r"^(\d{1,2})\.(?=[^:.;]*+(?::|$))\s*([^:.;]{3,60}?)\s*(?::|$)")
_ITEM = re.compile(r"(\d+(?:\.\d+)*\.?|[a-zđ]\)|[-+•*–])\s*")
_BULLETS = frozenset("-+•*–")  # an item label of one character (see _ITEM)
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđ")  # "a)": see _ITEM
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
    return _kind_of(fold(text))


def _kind_of(words: str) -> str:
    """The kind of a folded heading: its first keyword's."""
    for keyword, kind in _KIND_WORDS:
        if keyword in words:
            return kind
    return "other"


def _capitals(text: str, enough: int) -> bool:
    """Are there at least ``enough`` capitals in ``text``? (stops counting once there are)"""
    for char in text:
        if char.isupper():
            enough -= 1
            if not enough:
                return True
    return False


class _Walker:
    """Walks the lines once, opening a section at every heading it recognises."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.state = "header"
        self.title_parts: list[str] = []
        self.in_body = False

    def open(self, kind: str, heading: str, level: int, start: int) -> None:
        if self.sections:
            self.sections[-1].end = start
        self.sections.append(Section(len(self.sections), kind, heading, level, start, start))

    def level1(self, line: str) -> str | None:
        """The kind of a top-level heading (``line`` starts with one of _HEADING_FIRST), or None
        when the line is not one."""
        if line.startswith("Nơi nhận"):
            return "distribution"
        if _APPENDIX.match(line):
            return "appendix"
        if line.startswith("KẾ HOẠCH") or line == "QUYẾT ĐỊNH":
            return "header"
        if line.startswith("QUYẾT ĐỊNH:") or _ARTICLE.match(line) and not self.in_body:
            return "decision" if self.state != "decision" else None
        roman = _ROMAN.match(line)
        if roman and _capitals(roman.group(2), 3):
            return heading_kind(roman.group(2))
        return None

    def step(self, line: str, start: int) -> None:
        first = line[:1]
        kind = self.level1(line) if first in _HEADING_FIRST else None
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
        elif self.in_body and first.isdecimal() and (sub := _SUBHEAD.match(line)):
            words = fold(sub.group(2))  # _SUBHEAD needs a (Unicode) digit first: isdecimal
            sub_kind = _kind_of(words)
            if sub_kind != "other" and words.split(None, 1)[0] in _FIRST_WORDS:
                self.open(sub_kind, line, 2, start)
                self.state = sub_kind
                return
        if kind is not None:
            self.open(kind, line, 1, start)
            self.state = kind


_FIRST_WORDS = {"mục", "yêu", "chỉ", "đối", "nội", "nhiệm", "hình", "các", "kinh", "tổ", "phân"}
# After a sentence mark, _SENT_END needs more marks, a closing quote or bracket, or a space:
# any other character rules a match out without running the regex.
_MAYBE_END = frozenset(".!?…\"”')")


def _sentences(text: str, start: int, end: int, candidates: list[int]) -> list[tuple[int, int]]:
    """The sentences of a line; ``candidates``: its sentence marks (see _passages)."""
    spans, pos, after = [], start, -1
    for at in candidates:  # what _SENT_END.finditer would find, tried only at the marks
        if at < after or (text[at + 1] not in _MAYBE_END and not text[at + 1].isspace()):
            continue
        match = _SENT_END.match(text, at, end)
        if not match:
            continue
        after, mark = match.end(), match.start()
        before = text[max(start, mark - 4) : mark].split()
        if before and len(before[-1]) <= 3 and (before[-1].isupper() or before[-1][-1].isdigit()):
            continue  # "KT. GIÁM ĐỐC", "TP. Hồ Chí Minh", "1.1. …": not a sentence end
        spans.append((pos, mark + 1))
        pos = after
    if pos < end:
        spans.append((pos, end))
    return spans


def parse_structure(text: str) -> Structure:
    """Sections (with kinds) and passages (sentences) of a clean text."""
    walker = _Walker()
    walker.open("header", "", 0, 0)
    lines = text.split("\n")
    start = 0
    for line in lines:
        walker.step(line, start)
        start += len(line) + 1
    walker.sections[-1].end = len(text)
    sections = [s for s in walker.sections if s.end > s.start]
    for number, section in enumerate(sections):
        section.no = number
    passages = _passages(text, lines, sections)
    return Structure(sections, passages, " ".join(walker.title_parts))


def _item(line: str) -> tuple[str, int]:
    """The line's item label ("-", "a)", "1.2.") and where the text after it starts: _ITEM's
    groups, with the regex run only for a number (most lines start with a bullet or a capital)."""
    first = line[:1]
    if first in _BULLETS:
        label = first
    elif first in _LETTERS and line[1:2] == ")":
        label = line[:2]
    elif first.isdecimal():  # \d: any Unicode digit
        item = _ITEM.match(line)
        return (item.group(1), item.end()) if item else ("", 0)
    else:
        return "", 0
    size = len(label)
    while line[size : size + 1].isspace():  # the regex's \s*
        size += 1
    return label, size


def _passages(text: str, lines: list[str], sections: list[Section]) -> list[Passage]:
    passages: list[Passage] = []
    beyond = len(text) + 2  # past every offset
    index, section, section_end = 0, sections[0], sections[1].start if len(sections) > 1 else beyond
    stops = positions(text, ".!?…")  # where a sentence end may start (see cchc.read.marks)
    stops.append(beyond)
    tabs = "\t" in text
    k, start = 0, 0  # k: the first stop at or after the line's start
    for line in lines:
        end = start + len(line)
        while start >= section_end:
            index += 1
            section = sections[index]
            section_end = sections[index + 1].start if index + 1 < len(sections) else beyond
        label, size = _item(line)
        # A sentence end needs a space and a letter after its mark: not the line's last 2 chars.
        if stops[k] >= end - 2:  # no sentence end inside (most lines): one passage
            spans = [(start, end)] if start < end else []
        else:
            first = k
            while stops[first] < start + size:
                first += 1
            k = first
            while stops[k] < end - 2:
                k += 1
            if first == k or (tabs and "\t" in line):  # a table row stays whole
                spans = [(start, end)]
            else:
                spans = _sentences(text, start, end, stops[first:k])
        while stops[k] <= end:  # on to the next line
            k += 1
        for s_start, s_end in spans:
            passages.append(Passage(len(passages), section.no, section.kind, label, s_start, s_end))
        start = end + 1
    return passages
