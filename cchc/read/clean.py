"""Raw document text to clean text: one logical line per paragraph, decoration dropped.

Plans arrive converted from PDF or Word: Markdown emphasis, HTML tags, hard line breaks in the
middle of sentences, tables as tab- or pipe-separated rows. The clean text keeps the words and
the table cells (tab-separated) and nothing else, and an ``OffsetMap`` remembers where every clean
character came from, so evidence can be shown as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

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
    # The line-start pattern is tried last, only where the lines would join: it is the costly test.
    if "\t" in nxt or "\t" in prev or (len(nxt) >= 3 and nxt.isupper()):
        return None
    if prev[-1:] == "-" and cut_code(prev):
        sep = ""
    elif nxt[0].islower():
        sep = " "
    elif prev.endswith(_SENTENCE_END) or _is_caps(prev):
        return None
    elif prev.endswith((",", "-", "(", " và", " của")):
        sep = " "
    elif len(prev) < 55 or (after_break and nxt[0].isupper() and _NUMBERED.match(prev)):
        return None  # a numbered heading with no colon, then its first sentence; a short line
    else:
        sep = " "
    return None if _OWN_LINE.match(nxt) else sep


_RULE_CHARS = frozenset(_RULE)
_LEAD_CHARS = frozenset(" \t#>")
# A line that starts with none of these and holds no mark is taken whole. Blank-looking lines
# ("\x0c", "\u3000 ") start with a space character, so they take the slow way too.
_ODD_FIRST = _LEAD_CHARS | {c for c in map(chr, range(0x3001)) if c.isspace()}


def _markup_line(
    raw: str, line: str, start: int, end: int, specials: list[int]
) -> tuple[str, int, list[Piece] | None]:
    """Text, raw start and pieces (None: taken whole from its raw start) of the line
    ``raw[start:end]`` when it may hold markup or a lead; text is '' when the line is dropped."""
    pos = start
    if line[0] in _RULE_CHARS and not line.strip(_RULE):
        return "", pos, None
    if line[0] in _LEAD_CHARS:
        pos = _LINE_LEAD.match(raw, start, end).end()  # type: ignore[union-attr]
    first = bisect_left(specials, pos)
    at, pieces = specials[first], None
    if at >= end:
        text = line if pos == start else raw[pos:end]
        if text.endswith(" "):  # single trailing spaces are not words
            text = text.rstrip()
    elif raw[at] == " " and start + len(line.rstrip(" ")) == at:
        text = raw[pos:at]  # the only markup is a hard line break's trailing spaces
    else:
        pieces = _line_pieces(raw, pos, end, specials[first : bisect_left(specials, end, first)])
        text = "".join([piece[0] for piece in pieces])
    return ("", pos, None) if text.isspace() else (text, pos, pieces)


def _add_pieces(pieces: list[Piece], parts: list[str], raw_starts: list[int]) -> bool:
    """Add a line's pieces to ``parts`` (separator, run, separator, run...) after its separator:
    inserted pieces between two runs make one separator. Inserted pieces after the last run make
    a separator before an empty run with raw start -1: returns whether there was one."""
    gap = None  # right after the line's separator; the first piece is a run
    for text, raw_start in pieces:
        if raw_start is None:
            gap += text  # type: ignore[operator]
            continue
        if gap is not None:
            parts.append(gap)
        parts.append(text)
        raw_starts.append(raw_start)
        gap = ""
    if gap:
        parts += (gap, "")
        raw_starts.append(-1)
    return bool(gap)


def _assemble(parts: list[str], raw_starts: list[int], empty_runs: bool) -> tuple[str, OffsetMap]:
    """The clean text of ``parts`` (separator, run, separator, run...) and its runs' map."""
    if not parts:
        return "", OffsetMap([], [], [])
    parts[0] = ""  # the first line's separator: the text starts with it
    ends = list(accumulate(map(len, parts)))  # where each run starts is where its separator ends
    mapping = OffsetMap(ends[0::2], raw_starts, list(map(len, parts[1::2])))
    if empty_runs:
        runs = zip(mapping.clean_starts, raw_starts, mapping.lengths, strict=True)
        kept = [run for run in runs if run[1] != -1]
        mapping = OffsetMap(*map(list, zip(*kept, strict=True)))
    return "".join(parts), mapping


def _join_lines(raw: str, specials: list[int]) -> tuple[str, OffsetMap]:
    """Kept lines joined into paragraphs, and the runs that map them back to ``raw``."""
    parts: list[str] = []  # separator, run, separator, run...: the clean text
    raw_starts: list[int] = []
    # The paragraph so far. It starts as a tab, which join_separator never joins to: the first
    # line starts the text (its separator is dropped in _assemble).
    last_text, last_end, one_line, empty_runs = "\t", 0, False, False
    next_mark, next_at = 0, specials[0]
    end = -1
    for line in raw.split("\n"):
        if not line:
            end += 1
            continue
        start = end + 1
        end = start + len(line)
        pieces = None
        if next_at < end or line[0] in _ODD_FIRST:
            text, raw_start, pieces = _markup_line(raw, line, start, end, specials)
            next_mark = bisect_left(specials, end, next_mark)
            next_at = specials[next_mark]
            if not text:
                continue
        elif line[0] in _RULE_CHARS and not line.strip(_RULE):
            continue  # a rule line ("-----") has no marks: its first character tells
        else:
            text = line.rstrip() if line[-1] == " " else line
            raw_start = start
        if last_text[-1] in ".;:!?" and not text[0].islower():
            sep = None  # what join_separator says (a sentence ends), found without calling it
        else:  # a dropped line (blank, rule) between the two: after a break
            sep = join_separator(last_text, text, one_line and start > last_end + 1)
        if sep is None:  # a new paragraph
            sep, last_text, one_line = "\n", text, True
        else:
            last_text, one_line = last_text + sep + text, False
        last_end = end
        parts.append(sep)
        if pieces is None:
            parts.append(text)
            raw_starts.append(raw_start)
        else:
            empty_runs |= _add_pieces(pieces, parts, raw_starts)
    return _assemble(parts, raw_starts, empty_runs)


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
