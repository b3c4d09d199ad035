"""Raw document text to clean text: one logical line per paragraph, decoration dropped.

Plans arrive converted from PDF or Word: Markdown emphasis, HTML tags, hard line breaks in the
middle of sentences, tables as tab- or pipe-separated rows. The clean text keeps the words and
the table cells (tab-separated) and nothing else, and an ``OffsetMap`` remembers where every clean
character came from, so evidence can be shown as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
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
_LINE_LEAD = re.compile(r"^[ \t]*(?:#{1,6}[ \t]*|>[ \t]*)?", re.M)
_RULE = " \t-=_|:+*"  # what rule lines ("-----", "|---|---|") are made of
# "I. MỤC ĐÍCH, YÊU CẦU**1. Mục đích**": a heading glued to the next one by the converter. The
# space after the number is not a line end: the heading and its number are on one line.
_GLUED = re.compile(r"(?<=[A-ZÀ-ỸĐ])\*\*(?=\d+\.[^\S\n])")
# What starts a line of its own. Item numbers have one or two digits a level ("2.", "1.2.",
# "10)"): a wrapped line that starts with "2025." is the end of "… năm" on the line above, not
# item 2025. Then words that open a paragraph (the preamble's "Căn cứ…", the closing "Trên đây…").
_OWN_LINE = re.compile(
    r"[IVXL]+\.\s|\d{1,2}(?:\.\d{1,2})*[.)]\s?|[a-zđ]\)\s|[-+•*–]\s|Điều \d+|Nơi nhận|Phụ lục|PHỤ LỤC"
    r"|Căn cứ|Thực hiện|Theo đề nghị|Trên đây|QUYẾT ĐỊNH|KẾ HOẠCH"
)
_NUMBERED = re.compile(r"\d+(?:\.\d+)*\.\s")
_SENTENCE_END = (".", ";", ":", "!", "?", "./.")


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


def _line_pieces(raw: str, pos: int, end: int, marks: list[int]) -> list[Piece]:
    """The pieces of the line ``raw[pos:end]`` (its lead skipped); ``marks``: where markup may start.

    Tokens are tried at the marks only, as ``_TOKEN.finditer`` would find them: a tab or space
    token may begin with the spaces before its mark, which are cut from the piece before it.
    """
    pieces: list[Piece] = []
    if raw.startswith(("* ", "*\t"), pos):  # a Markdown bullet, not emphasis
        pieces.append(("-", pos))
        pos += 1
    for at in marks:
        if at < pos or not (token := _TOKEN.match(raw, at, end)):
            continue
        kind = token.lastgroup
        text = raw[pos:at]
        if kind == "tab":
            text = text.rstrip()  # the token's leading \s*
        elif kind == "space":
            text = text.rstrip(" ")  # the token's first space, when a non-breaking one follows
        if text:
            pieces.append((text, pos))
        if kind != "drop":
            pieces.append(("\t" if kind == "tab" else " ", None))
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
    if _OWN_LINE.match(nxt) or "\t" in nxt or "\t" in prev or _is_caps(nxt):
        return None
    if prev[-1:] == "-" and cut_code(prev):
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


_RULE_CHARS = frozenset(_RULE)
_LEAD_CHARS = frozenset(" \t#>")
_ODD_FIRST = _RULE_CHARS | _LEAD_CHARS


def _kept_lines(
    raw: str, specials: list[int]
) -> Iterator[tuple[str, int, list[Piece] | None, bool]]:
    """Each kept line's text, raw start and pieces (None: the line is taken whole from its
    start), and whether a skipped (blank or rule) line came before it.

    Most lines hold no markup: they are taken whole. ``specials`` (where markup may be) closes
    with a sentinel past the end.
    """
    next_special = 0
    skipped = False
    end = -1
    for line in raw.split("\n"):
        if not line:
            end += 1
            skipped = True
            continue
        start = end + 1
        end = start + len(line)
        pos = start
        if line[0] in _ODD_FIRST:
            if line[0] in _RULE_CHARS and not line.strip(_RULE):
                skipped = True
                continue
            if line[0] in _LEAD_CHARS:
                pos = _LINE_LEAD.match(raw, start, end).end()  # type: ignore[union-attr]
        while specials[next_special] < pos:
            next_special += 1
        at, pieces = specials[next_special], None
        if at >= end:
            text = line if pos == start else raw[pos:end]
            if text.endswith(" "):  # single trailing spaces are not words
                text = text.rstrip()
        elif raw[at] == " " and start + len(line.rstrip(" ")) == at:
            text = raw[pos:at]  # the only markup is a hard line break's trailing spaces
        else:
            marks = specials[next_special : bisect_left(specials, end, next_special)]
            pieces = _line_pieces(raw, pos, end, marks)
            text = "".join([piece[0] for piece in pieces])
        if text and not text.isspace():
            yield text, pos, pieces, skipped
            skipped = False
        else:
            skipped = True


def _join_lines(raw: str, specials: list[int]) -> tuple[str, OffsetMap]:
    parts: list[str] = []
    mapping = OffsetMap([], [], [])
    clean_starts, raw_starts, lengths = mapping.clean_starts, mapping.raw_starts, mapping.lengths
    pos = 0
    last_text = ""
    one_line = False  # the paragraph so far is one physical line
    for text, raw_start, pieces, after_break in _kept_lines(raw, specials):
        sep = join_separator(last_text, text, after_break and one_line) if parts else None
        if sep is None:  # a new paragraph
            sep = "\n" if parts else ""
            last_text, one_line = text, True
        else:
            last_text, one_line = last_text + sep + text, False
        if sep:
            parts.append(sep)
            pos += len(sep)
        if pieces is None:
            clean_starts.append(pos)
            raw_starts.append(raw_start)
            lengths.append(len(text))
        else:
            _map_pieces(pieces, pos, mapping)
        parts.append(text)
        pos += len(text)
    return "".join(parts), mapping


def _map_pieces(pieces: list[Piece], pos: int, mapping: OffsetMap) -> None:
    for piece_text, raw_start in pieces:
        if raw_start is not None:
            mapping.clean_starts.append(pos)
            mapping.raw_starts.append(raw_start)
            mapping.lengths.append(len(piece_text))
        pos += len(piece_text)


def clean_text(raw: str) -> tuple[str, OffsetMap]:
    """Clean ``raw`` (NFC, LF line ends); returns the clean text and its map back to ``raw``.

    Where markup may be is found once for the whole text, one ``str.find`` walk per mark (a
    search per line costs more than the rest of the line's work).
    """
    specials = positions(raw, _SPECIAL_MARKS)
    # Glued headings are rare: their "**" are among the marks, tried only there.
    cuts = [at for at in specials if raw[at] == "*" and _GLUED.match(raw, at)]
    if not cuts:
        return _join_lines(raw, [*specials, len(raw) + 1])
    # A line end put at each cut makes two lines of one; raw offsets after it move back by one.
    raw = "\n".join(
        [raw[start:end] for start, end in zip([0, *cuts], [*cuts, len(raw)], strict=True)]
    )
    text, mapping = _join_lines(raw, [*positions(raw, _SPECIAL_MARKS), len(raw) + 1])
    added = [cut + i for i, cut in enumerate(cuts)]
    mapping.raw_starts = [at - bisect_left(added, at) for at in mapping.raw_starts]
    return text, mapping
