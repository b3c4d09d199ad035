"""Raw document text to clean text: one logical line per paragraph, decoration dropped.

Plans arrive converted from PDF or Word: Markdown emphasis, HTML tags, hard line breaks in the
middle of sentences, tables as tab- or pipe-separated rows. The clean text keeps the words and
the table cells (tab-separated) and nothing else, and an ``OffsetMap`` remembers where every clean
character came from, so evidence can be shown as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from cchc.read.marks import positions

# Pieces dropped inside a line: footnote markers, HTML tags, emphasis, code ticks, escapes. The
# leading look-ahead only lists the characters a token can start with: it rejects most positions
# in one test instead of trying every alternative there (2x faster, same matches).
_TOKEN = re.compile(
    r"(?=[<*`\\|\s])(?:(?P<drop><sup>\s*\d*\s*</sup>|</?[A-Za-z][^<>\n]{0,80}>|\*+|`+|\\(?=[^\w\s]))"
    r"|(?P<tab>\s*\t\s*|\s*\|\s*)"
    r"|(?P<space>[ \u00a0\u2007\u202f]{2,}|[\u00a0\u2007\u202f]))"
)
# Characters markup starts with; two spaces in a row are markup too. Lines that hold none of
# them (most) are taken whole, and the full tokenizer is slow per character.
_MARK_CHARS = "<*`\\\t|\u00a0\u2007\u202f"
_SPECIAL_MARKS = (*_MARK_CHARS, "  ")
_SPECIAL_BUT_STARS = re.compile("[" + re.escape(_MARK_CHARS.replace("*", "")) + "]|  ")
_STARS = re.compile(r"\*+")  # _TOKEN's "drop" on a line whose only marks are stars
_LINE_LEAD = re.compile(r"^[ \t]*(?:#{1,6}[ \t]*|>[ \t]*)?", re.M)
_RULE_LINE = re.compile(r"[ \t\-=_|:+*]*")
# "I. MỤC ĐÍCH, YÊU CẦU**1. Mục đích**": a heading glued to the next one by the converter.
_GLUED = re.compile(r"(?<=[A-ZÀ-ỸĐ])\*\*(?=\d+\.\s)")
# Item numbers have one or two digits a level ("2.", "1.2.", "10)"): a wrapped line that starts
# with "2025." is the end of "… năm" on the line above, not item 2025.
_ITEM_START = re.compile(
    r"^(?:[IVXL]+\.\s|\d{1,2}(?:\.\d{1,2})*[.)]\s?|[a-zđ]\)\s|[-+•*–]\s|Điều \d+|Nơi nhận|Phụ lục|PHỤ LỤC)"
)
_NUMBERED = re.compile(r"\d+(?:\.\d+)*\.\s")
_SENTENCE_END = (".", ";", ":", "!", "?", "./.")
# Words that open a paragraph of their own (the preamble's "Căn cứ…", the closing "Trên đây…").
_PARAGRAPH_START = re.compile(r"^(Căn cứ|Thực hiện|Theo đề nghị|Trên đây|QUYẾT ĐỊNH|KẾ HOẠCH)")


@dataclass
class OffsetMap:
    """Clean offsets to raw offsets, stored as runs where both texts agree character by character."""

    clean_starts: list[int]
    raw_starts: list[int]
    lengths: list[int]

    def to_raw(self, index: int) -> int:
        run = max(0, bisect_right(self.clean_starts, index) - 1)
        if not self.clean_starts:
            return 0
        offset = min(index - self.clean_starts[run], self.lengths[run])
        return self.raw_starts[run] + max(0, offset)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_raw(start), self.to_raw(max(start, end - 1)) + 1


# A line is a list of (text, raw_start) pieces; raw_start is None for inserted separators.
Piece = tuple[str, "int | None"]


def _line_pieces(raw: str, start: int, end: int) -> list[Piece]:
    lead = _LINE_LEAD.match(raw, start, end)
    pos = lead.end() if lead else start
    pieces: list[Piece] = []
    if raw.startswith(("* ", "*\t"), pos):  # a Markdown bullet, not emphasis
        pieces.append(("-", pos))
        pos += 1
    if _SPECIAL_BUT_STARS.search(raw, pos, end):
        tokens: Iterator[re.Match[str]] | tuple = _TOKEN.finditer(raw, pos, end)
    elif raw.find("*", pos, end) != -1:  # only emphasis stars (most marked-up lines): found fast
        tokens = _STARS.finditer(raw, pos, end)
    else:
        tokens = ()
    for token in tokens:
        if token.start() > pos:
            pieces.append((raw[pos : token.start()], pos))
        if token.lastgroup == "tab":
            pieces.append(("\t", None))
        elif token.lastgroup == "space":
            pieces.append((" ", None))
        pos = token.end()
    if end > pos:
        pieces.append((raw[pos:end], pos))
    while pieces and pieces[0][1] is None:
        pieces.pop(0)
    while pieces and pieces[-1][1] is None:
        pieces.pop()
    if pieces and pieces[-1][0].endswith(" "):  # single trailing spaces are real text
        text, raw_start = pieces.pop()
        if text.rstrip():
            pieces.append((text.rstrip(), raw_start))
    return pieces


def _raw_lines(raw: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    glued_anywhere = "**" in raw
    for line in raw.split("\n"):
        end = pos + len(line)
        if glued_anywhere and raw.find("**", pos, end) != -1:
            for cut in [m.start() for m in _GLUED.finditer(raw, pos, end)]:
                spans.append((pos, cut))
                pos = cut
        spans.append((pos, end))
        pos = end + 1
    return spans


def _is_caps(text: str) -> bool:
    return len(text) >= 3 and text.isupper()


def cut_code(prev: str) -> bool:
    """Does ``prev`` end in a code cut by a line wrap ("01/KH-" before "SVHTTDL")?"""
    return prev.endswith("-") and len(prev) > 1 and prev[-2].isalnum()


def join_separator(prev: str, nxt: str, after_break: bool = False) -> str | None:
    """How two physical lines join into one paragraph: '' or ' ', or None to keep them apart.

    ``after_break``: a blank line (or a Word paragraph end) lies between them and ``prev`` is a
    single line, so a numbered line there may be a heading ("7. Báo An Giang; Đài …").
    """
    if "\t" in prev or "\t" in nxt or _ITEM_START.match(nxt) or _is_caps(nxt):
        return None
    if _PARAGRAPH_START.match(nxt):
        return None
    if cut_code(prev):
        return ""
    if nxt[0].islower():
        return " "
    if prev.endswith(_SENTENCE_END) or _is_caps(prev):
        return None
    if prev.endswith((",", "-", "(", " và", " của")):
        return " "
    if after_break and nxt[0].isupper() and _NUMBERED.match(prev):
        return None  # a numbered heading with no colon, then its first sentence
    return " " if len(prev) >= 55 else None


_RULE_CHARS = frozenset(" \t-=_|:+*")
_LEAD_CHARS = frozenset(" \t#>")


def _paragraph_lines(raw: str) -> Iterator[tuple[str, list[Piece], bool]]:
    """Each kept line's text, pieces, and whether a skipped (blank or rule) line came before it.

    Most lines hold no markup: they are taken whole. Where markup may be is found once for the
    whole text, one ``str.find`` walk per mark (a search per line costs more than the rest of
    the line's work); the sentinel past the end closes the list.
    """
    specials = [*positions(raw, _SPECIAL_MARKS), len(raw) + 1]
    next_special = 0
    skipped = False
    for start, end in _raw_lines(raw):
        if start == end or (raw[start] in _RULE_CHARS and _RULE_LINE.fullmatch(raw, start, end)):
            skipped = True
            continue
        pos = start
        if raw[start] in _LEAD_CHARS:
            pos = _LINE_LEAD.match(raw, start, end).end()  # type: ignore[union-attr]
        while specials[next_special] < pos:
            next_special += 1
        if specials[next_special] < end or raw.startswith(("* ", "*\t"), pos):
            pieces = _line_pieces(raw, start, end)
            text = "".join(p[0] for p in pieces)
        else:
            text = raw[pos:end]
            if text.endswith(" "):  # single trailing spaces are not words
                text = text.rstrip()
            pieces = [(text, pos)] if text else []
        if text.strip():
            yield text, pieces, skipped
            skipped = False
        else:
            skipped = True


def clean_text(raw: str) -> tuple[str, OffsetMap]:
    """Clean ``raw`` (NFC, LF line ends); returns the clean text and its map back to ``raw``."""
    parts: list[str] = []
    mapping = OffsetMap([], [], [])
    clean_starts, raw_starts, lengths = mapping.clean_starts, mapping.raw_starts, mapping.lengths
    pos = 0
    last_text = ""
    one_line = False  # the paragraph so far is one physical line
    for text, pieces, after_break in _paragraph_lines(raw):
        sep = join_separator(last_text, text, after_break and one_line) if parts else None
        if sep is None:  # a new paragraph
            sep = "\n" if parts else ""
            last_text, one_line = text, True
        else:
            last_text, one_line = last_text + sep + text, False
        if sep:
            parts.append(sep)
            pos += len(sep)
        for piece_text, raw_start in pieces:
            if raw_start is not None:
                clean_starts.append(pos)
                raw_starts.append(raw_start)
                lengths.append(len(piece_text))
            parts.append(piece_text)
            pos += len(piece_text)
    return "".join(parts), mapping
