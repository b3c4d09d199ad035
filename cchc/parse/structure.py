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
# A numbered heading, "2. Nội dung tuyên truyền:", is "1." or "12." (its item label), then 3 to 60
# characters (spaces around them aside) other than ":.;", up to a ":" or the line's end.
_SUBHEAD_WORDS = re.compile(r"([^:.;]*+)(?::|$)")
_NUMBER = re.compile(r"[\d.]+")  # see _number
_BULLETS = frozenset("-+•*–")  # an item label of one character
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđ")  # "a)"
_PREAMBLE = ("Căn cứ", "Thực hiện", "Theo đề nghị", "Để ", "Nhằm ", "Triển khai")  # line starts
_SIGN_TITLE = (
    "KT.", "TM.", "Q.", "TL.", "GIÁM ĐỐC", "CHỦ TỊCH", "PHÓ ", "TRƯỞNG", "CHÁNH", "BÍ THƯ",
)  # fmt: skip
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

    no: int  # its index in Structure.passages (rows.py relies on it)
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
    return _kind_of(_fold_heading(text))


# What fold() changes after lower(): fancy dashes, quotes and spaces, and old tone marks (see
# cchc.read.fold).
_UNFOLDED = re.compile("[\u2013\u2014\u2011\u201c\u201d\u2018\u2019\xa0]|[ou][àáảãạèéẻẽẹỳýỷỹỵ]")


def _fold_heading(heading: str) -> str:
    """fold(heading), which is lower() for almost every heading: fold's own passes cost ~20
    lower()s, one search tells whether they would change anything."""
    words = heading.lower()
    if len(words) == len(heading) and not _UNFOLDED.search(words):
        return words
    return fold(heading)


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
    """Walks the heading lines, opening a section at every heading it recognises."""

    def __init__(self) -> None:
        self.sections: list[Section] = [Section(0, "header", "", 0, 0, 0)]
        self.state = "header"
        self.title_parts: list[str] = []
        self.in_body = False

    def open(self, kind: str, heading: str, level: int, start: int) -> None:
        sections = self.sections
        if sections[-1].start == start:  # the header before the first line is empty: drop it
            sections.pop()
        else:
            sections[-1].end = start
        sections.append(Section(len(sections), kind, heading, level, start, start))

    def level1(self, line: str, first: str) -> str | None:
        """The kind of a top-level heading (``first``, the line's first character, is one of
        _HEADING_FIRST), or None when the line is not one."""
        if first == "N":
            return "distribution" if line.startswith("Nơi nhận") else None
        if first == "P":
            return "appendix" if _APPENDIX.match(line) else None
        if first == "K":
            return "header" if line.startswith("KẾ HOẠCH") else None
        if first == "Q":
            if line == "QUYẾT ĐỊNH":
                return "header"
            return self.decision() if line.startswith("QUYẾT ĐỊNH:") else None
        if first == "Đ":
            return self.decision() if not self.in_body and _ARTICLE.match(line) else None
        roman = first in "IVX" and _ROMAN.match(line)
        if roman and _capitals(roman.group(2), 3):
            return heading_kind(roman.group(2))
        return None

    def decision(self) -> str | None:
        return "decision" if self.state != "decision" else None

    def step(self, line: str, first: str, label: str, start: int) -> bool:
        """Read one line (``first``: its first character, ``label``: its item label); did it open
        a section?"""
        if self.in_body and first.isdecimal():  # "2. Hình thức:" (see parse_structure)
            return self.subheading(line, label, start)
        kind = self.level1(line, first) if first in _HEADING_FIRST else None
        if kind == "header":
            self.in_body = False
            self.title_parts = [line]
        elif kind is not None:
            self.in_body = kind not in ("distribution", "decision")
        elif self.state == "distribution" and not line.startswith(("-", "+", "•")):
            kind = "signature" if line.startswith(_SIGN_TITLE) or len(line) < 40 else None
        elif self.state == "header" and line.startswith(_PREAMBLE):
            kind = "preamble"
        elif self.state == "header" and self.title_parts and len(self.title_parts) < 2:
            self.title_parts.append(line)
        if kind is None:
            return False
        self.open(kind, line, 1, start)
        self.state = kind
        return True

    def subheading(self, line: str, number: str, start: int) -> bool:
        """Open a level-2 section if the line is a numbered heading whose words name a kind;
        ``number``: its label, "2." or "12." (see _SUBHEAD_WORDS)."""
        heading = _SUBHEAD_WORDS.match(line, len(number))
        if not heading:
            return False
        words = heading.group(1).strip()
        if not 3 <= len(words) <= 60 or words[0].lower() not in _FIRST_LETTERS:
            return False  # (fold lowers the first letter) no first word below can follow
        words = _fold_heading(words)
        sub_kind = _kind_of(words)
        if sub_kind == "other" or words.split(None, 1)[0] not in _FIRST_WORDS:
            return False
        self.open(sub_kind, line, 2, start)
        self.state = sub_kind
        return True


_FIRST_WORDS = {"mục", "yêu", "chỉ", "đối", "nội", "nhiệm", "hình", "các", "kinh", "tổ", "phân"}
_FIRST_LETTERS = frozenset(word[0] for word in _FIRST_WORDS)
# After a sentence mark, _SENT_END needs more marks, a closing quote or bracket, or a space:
# any other character rules a match out without running the regex.
_MAYBE_END = frozenset(".!?…\"”')")


def _sentences(text: str, line: str, start: int, k: int, stops: list[int]) -> tuple[list, int]:
    """The sentences (start, end) of a line whose first sentence mark past its label is
    ``stops[k]`` (one that can end a sentence), and the index of the first mark on it that is too
    late to."""
    end = start + len(line)
    spans, pos, after, first = [], start, -1, k
    while stops[k] < end - 2:  # a sentence end needs a space and a letter after its mark
        k += 1
    if "\t" in line:  # a table row stays whole
        return [(start, end)], k
    for at in stops[first:k]:  # what _SENT_END.finditer would find, tried only at the marks
        if at < after or (text[at + 1] not in _MAYBE_END and not text[at + 1].isspace()):
            continue
        match = _SENT_END.match(text, at, end)
        if not match:
            continue
        after = match.end()
        # After a lower-case letter (most often) the word before is no abbreviation: no check.
        if not text[at - 1].islower():
            before = text[max(start, at - 4) : at].split()
            if (
                before
                and len(before[-1]) <= 3
                and (before[-1].isupper() or before[-1][-1].isdigit())
            ):
                continue  # "KT. GIÁM ĐỐC", "TP. Hồ Chí Minh", "1.1. …": not a sentence end
        spans.append((pos, at + 1))
        pos = after
    if pos < end:
        spans.append((pos, end))
    return spans, k


def _number(line: str) -> str:
    r"""The item label of a line that starts with a digit: r"\d+(?:\.\d+)*\.?", which is its digits
    and dots up to a second dot in a row (a single-class regex is quicker)."""
    number = _NUMBER.match(line).group()
    return number if ".." not in number else number[: number.index("..") + 1]


def parse_structure(text: str) -> Structure:
    """Sections (with kinds) and passages (sentences) of a clean text, in one walk of its lines."""
    walker = _Walker()
    sections, passages = walker.sections, []
    append = passages.append
    stops = positions(text, ".!?…")  # where a sentence end may start (see cchc.read.marks)
    stops.append(len(text) + 2)  # past every offset
    no, kind, in_body, k, start = 0, "header", False, 0, 0  # k: the first stop past the last line
    for line in text.split("\n"):
        end = start + len(line)
        first = line[:1]
        if first in _BULLETS:
            label = first
        elif first in _LETTERS:
            label = line[:2] if line[1:2] == ")" else ""
        else:
            label = _number(line) if first.isdecimal() else ""  # \d
        # Only these lines can change the walker's state (see _Walker.step): most skip it. In the
        # body, a heading starts with a capital or is numbered "1." or "12." (label[-1:]: "." only
        # for a number).
        if not in_body or first in _HEADING_FIRST or label[-1:] == "." and len(label) <= 3:
            if walker.step(line, first, label, start):
                no, kind = len(sections) - 1, walker.state
            in_body = walker.in_body
        if start == end:  # an empty line: no passage, no stop
            start += 1
            continue
        # A sentence end needs a space and a letter after its mark: not the line's last 2 chars.
        if stops[k] < end - 2:
            while stops[k] < start + len(label):  # no sentence end inside the label
                k += 1
        if stops[k] >= end - 2:  # no sentence end inside (most lines): one passage
            append(Passage(len(passages), no, kind, label, start, end))
        else:
            spans, k = _sentences(text, line, start, k, stops)
            for s_start, s_end in spans:
                append(Passage(len(passages), no, kind, label, s_start, s_end))
        while stops[k] <= end:  # on to the next line
            k += 1
        start = end + 1
    sections[-1].end = len(text)
    if sections[-1].start == len(text):  # opened on an empty last line: empty
        sections.pop()
    return Structure(sections, passages, " ".join(walker.title_parts))
