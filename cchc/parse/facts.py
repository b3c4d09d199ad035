"""Facts a plan carries beyond categories: quantitative targets, legal citations, responsible units."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc.parse.dates import DAY_MONTH, iso_date
from cchc.parse.laws import laws_cited
from cchc.parse.structure import Passage, passage_at
from cchc.read.marks import matches_at, positions

_SKIP_KINDS = {"distribution", "signature", "header"}


@dataclass(slots=True)
class Target:
    text: str
    value: float | None
    unit: str
    period: str | None
    start: int
    end: int
    passage_no: int


_UNITS = r"%|tin,\s*bài|tin bài|bài viết|bài|tin|số|lần|buổi|cuộc|hội nghị|lớp|chuyên mục|phóng sự|video|tờ|pano|ấn phẩm|chương trình"
# The number comes first in the pattern so the scan is fast; the commitment word before it is
# looked up afterwards. The scan reads the text with every ASCII digit written "0" (_zeroed: same
# offsets, same matches): a pattern that starts with one literal is skipped to ~3x faster than
# one that starts with a class ("[0-9]", tested at every character). Possessive digits: no unit
# starts with a digit, "." or ",", so giving digits back can never make a match; not trying saves
# a third of the scan. A number must not follow a digit, "/", "." or "," (the tail of a date or
# of a longer number): the look-behind sits after the first digit so the engine still skips
# ahead to digits, and it spares the unit alternation at every later digit of "2025" (40 % of
# the scan). ASCII digits: plans are typed with them.
_TARGET = re.compile(
    r"(?P<value>0(?<![0/.,].)0{0,3}+(?:[.,]0++)?+)\s*(?P<unit>" + _UNITS + r")(?!\w)"
    r"(?:\s*/\s*(?P<per>quý|tháng|năm|số|tuần|ngày|kỳ))?"
)  # no re.I: case-insensitive matching doubles the cost of this whole-text scan
_LEAD = re.compile(r"(tối thiểu(?: là)?|ít nhất|tối đa|đạt|phấn đấu|trên|không ít hơn)\s*$", re.I)
_EVERY = re.compile(r"(hàng|mỗi|định kỳ)\s+(quý|tháng|năm|tuần)", re.I)
# Where _EVERY matches, the folded text (lower case, same offsets) shows one of these: looked
# for first, as a re.I search has no first character to skip to and is tried at every position
# of the passage. "mỗ", not "mỗi": re.I lets "i" match "İ", which folding leaves as it is.
_EVERY_WORDS = ("hàng", "mỗ", "định kỳ")
# "chậm nhất ngày 15/3/2024", "trước ngày …": found from the lead words out (see _deadlines), in
# the folded (lower-case, same-length) text; a case-insensitive leading alternation is ~20x slower.
# "ngày 24/01/2025", or written out as the plans date themselves: "ngày 15 tháng 12 năm 2025";
# the date as citations read it (DAY_MONTH).
_DEADLINE_DATE = re.compile(DAY_MONTH + r"(?P<year>\d{4})")
# The lead is looked for with the "ngày" that must follow it: str.find skips ahead by the length
# of what it looks for, and a longer needle that does not end in a space is found ~1.7x faster.
_DEADLINE_WORDS = (("chậm nhất ngày", len("chậm nhất ")), ("trước ngày", len("trước ")))
# What a clause says before its number, read on the folded text: a result already reached
# ("năm 2024, tỉnh đạt 45%", "đã đạt", "kết quả đạt được", "năm qua") or the plan's own aim
# ("phấn đấu", "chỉ tiêu", "tiếp tục", "bảo đảm", "tối thiểu"…, a year of the plan). The last one
# before the number decides: "năm 2024 đã đạt 80%, tiếp tục nâng lên 95%" aims at 95%. A year in
# a date ("tháng 12 năm 2021"), a baseline ("so với (cùng kỳ) năm 2024") or a horizon ("đến năm
# 2025") is neither. Bare "kết quả" is not past: "số hóa kết quả giải quyết TTHC … đạt tối thiểu
# là 100%" (Cao Bằng) is a target. Markers are whole words ("năm quan trọng" is not "năm qua"),
# and "hằng/hàng/mỗi năm qua Cổng thông tin" is a yearly channel, not the past year.
_PAST = "đã đạt|kết quả đạt được|thời gian qua"
_AIM = "phấn đấu|chỉ tiêu|tiếp tục|nâng lên|bảo đảm|đảm bảo|tối thiểu|ít nhất|không dưới"
_WHEN = re.compile(
    r"(?P<before>tháng \d{1,2} |so với |cùng kỳ |đến |tới )?năm (?P<year>\d{4})(?!\d)"
    r"|(?<!\w)(?:(?P<past>" + _PAST + r"|(?<!hằng )(?<!hàng )(?<!mỗi )năm (?:vừa )?qua)"
    r"|(?P<aim>" + _AIM + r"))(?!\w)"
)
# Every _WHEN match holds one of these, at most 9 characters ("tháng 12 ") from its start. Found
# first: _WHEN starts with no one character the regex engine could skip to, so a search tries
# it at every position, and most clauses hold none of them.
_WHEN_WORDS = re.compile("năm |" + _PAST + "|" + _AIM)
# A year that dates a document the clause names ("Quyết định số 45/QĐ-UBND năm 2024", "Theo Kế
# hoạch năm 2024", "văn bản ban hành năm 2020") says when that document was issued, not that a
# result was reached.
_DOCUMENTS = (
    "quyết định|kế hoạch|chỉ thị|nghị quyết|luật|thông tư|nghị định|công văn|đề án|chương trình"
)
_DOCUMENT_YEAR = re.compile(
    r"(?<!\w)(?:(?:" + _DOCUMENTS + r")(?: số \S+)?|số \d\S*/\S+|ban hành) $"
)
# So does the year that ends a document's name: "Luật Tiếp cận thông tin năm 2016", "Bộ luật Lao
# động năm 2019", "Kế hoạch cải cách hành chính năm 2024 của UBND tỉnh". The document word has its
# capital in the text (in lower case "kế hoạch", "chương trình", "pháp luật" are common nouns:
# "các kế hoạch tuyên truyền năm 2024" is a time); as a clause's first word, where any word has
# one, the name after it needs one too, as a law's has ("Luật Tiếp cận thông tin", not
# "Chương trình phát thanh năm 2024 đạt 120 buổi"). The name is words only (a comma, a number or a
# verb of results ends it: "Kế hoạch của UBND tỉnh, năm 2024 tỉnh đạt 45%"); and "trong năm",
# "đầu năm"… make the year a time whatever comes before.
_DOCUMENT_WORD = re.compile(r"(?<!\w)(?:bộ luật|" + _DOCUMENTS + r")(?!\w)")
_NAME_WORDS = re.compile(r"(?: số \S+)?(?: (?!(?:đã|đạt|được)(?!\w))[^\W\d_]+)+ ")
_CLAUSE_HEAD = re.compile(r"[\W\d_]*(?:[a-zđ]\)[\W\d_]*)?")  # "- ", "2.1. ", "a) "
_TIME_WORDS = {"trong", "vào", "từ", "cuối", "đầu", "giữa", "sau", "trước", "qua", "cả", "hết",
               "của", "mỗi", "hằng", "hàng", "các", "những"}  # fmt: skip


def _every(text: str, folded: str, passage: Passage) -> re.Match[str] | None:
    for word in _EVERY_WORDS:
        if folded.find(word, passage.start, passage.end) != -1:
            return _EVERY.search(text, passage.start, passage.end)
    return None


def _zeroed(text: str) -> str:
    """``text`` with every ASCII digit written "0" (for _TARGET). str.replace finds a character
    at memchr speed: nine of them cost less than the regex engine testing "[0-9]" everywhere."""
    for digit in "123456789":
        text = text.replace(digit, "0")
    return text


def _target_from(text: str, folded: str, match: re.Match[str], passage: Passage) -> Target | None:
    unit, period = match.group("unit", "per")  # lower case, as _UNITS is
    if "," in unit:  # "tin,\n bài": only this unit can hold more than a single space
        unit = " ".join(unit.split())
    lead = _LEAD.search(text, max(passage.start, match.start() - 20), match.start())
    if unit != "%" and not lead and not period:
        return None  # "3 Chỉ số", "2 bài" without a commitment word is not a target
    value = float(text[match.start() : match.end("value")].replace(",", "."))
    if not period and (every := _every(text, folded, passage)):
        period = every.group(2).lower()
    start = lead.start() if lead else match.start()
    return Target(text[start : match.end()], value, unit, period, start, match.end(), passage.no)


def _document_year(text: str, folded: str, start: int, year: int) -> bool:
    """Does "năm" at ``year`` date a document named before it (in the clause from ``start``)?
    The longest name it follows, "quyết định số 1234/2024/qđ-ubnd ", is well inside 60 characters;
    a document's own name ("luật thực hiện dân chủ ở cơ sở "), inside 80 as a law's is."""
    if _DOCUMENT_YEAR.search(folded, max(start, year - 60), year):
        return True
    before = folded[max(start, year - 80) : year].split()
    if not before or before[-1] in _TIME_WORDS:
        return False
    return any(
        _NAME_WORDS.fullmatch(folded, word.end(), year) and _names(text, folded, start, word)
        for word in _DOCUMENT_WORD.finditer(folded, max(start, year - 80), year)
    )


def _names(text: str, folded: str, start: int, word: re.Match[str]) -> bool:
    """Is the document word ``word`` written as a document's name starts (see _DOCUMENT_WORD)?"""
    if not text[word.start()].isupper():
        return False
    if not _CLAUSE_HEAD.fullmatch(folded, start, word.start()):
        return True
    after = word.end() + 1  # the name's first word
    return text[after].isupper() or folded.startswith("số ", after)


def _reached(text: str, folded: str, start: int, number: int, year_from: int | None) -> bool:
    """Does the clause before ``number`` (from ``start``, the passage's start) report a result
    already reached rather than set one for the plan's period? The clause starts after the last
    ";", tab or ". " (a sentence end the passage split missed: "…địa phương. trình và …")."""
    for stop in (";", "\t", ". "):
        if (found := folded.rfind(stop, start, number)) >= 0:
            start = found + len(stop)
    past = False
    if not (word := _WHEN_WORDS.search(folded, start, number)):
        return past
    for match in _WHEN.finditer(folded, max(start, word.start() - 9), number):
        if match.group("year"):
            if match.group("before") or _document_year(text, folded, start, match.start()):
                continue  # a date, a baseline, a horizon or a document's year: no tense
            past = year_from is not None and int(match.group("year")) < year_from
        else:
            past = match.group("past") is not None
    return past


def _deadlines(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO date) of every "chậm nhất / trước ngày d/m/yyyy" (or "ngày d tháng m năm
    yyyy") with a valid date. Found from the lead words out: they are rare (a plan dates many
    things), and str.find reaches them faster than the regex engine reaches every "ngày"."""
    found = []
    for lead, date_at in _DEADLINE_WORDS:
        at = folded.find(lead)
        while at != -1:
            match = _DEADLINE_DATE.match(folded, at + date_at)
            if match and (when := iso_date(*match.group("day", "month", "year"))):
                found.append((at, match.end(), when))
            at = folded.find(lead, at + 1)
    found.sort()
    return found


def extract_targets(
    text: str, passages: list[Passage], folded: str, year_from: int | None = None
) -> list[Target]:
    """Quantities with a commitment word or a period, and deadlines; ``folded`` is fold(text).

    A quantity the plan reports as already reached (before ``year_from``, its first year) is a
    past result, not a target."""
    starts = [p.start for p in passages]
    targets: list[Target] = []
    for match in _TARGET.finditer(_zeroed(text)):
        passage = passage_at(passages, starts, match.start())
        if passage.kind in _SKIP_KINDS or not (
            target := _target_from(text, folded, match, passage)
        ):
            continue
        if not _reached(text, folded, passage.start, match.start(), year_from):
            targets.append(target)
    for start, end, when in _deadlines(folded):
        passage = passage_at(passages, starts, start)
        if passage.kind not in _SKIP_KINDS:
            targets.append(Target(text[start:end], None, "hạn chót", when, start, end, passage.no))
    return targets


@dataclass(slots=True)
class Citation:
    key: str  # 76/NQ-CP, 57-NQ/TW, Luật Thực hiện dân chủ ở cơ sở năm 2022
    doc_type: str  # NQ, QĐ, CT, KH, ĐA, Luật…
    issuer_code: str | None
    issued_on: str | None
    start: int
    end: int
    passage_no: int


_DOC_TYPES = "NQ|QĐ|QD|CT|KH|ĐA|TT|NĐ|KL|TTr|HD|HĐ|TB|CV|QC|BC|QĐi"
# Found from the middle out: "/NQ-" or "-NQ/" is rare; the number before it is read afterwards
# from a few characters back. The date that may follow ("…/KH-UBND ngày 28/02/2025") is read in
# the same match: an optional tail, so it never changes what the code itself matches.
_CODE_TAIL = (
    r"\s*(?P<type>" + _DOC_TYPES + r")\s*(?P<sep2>[/-])\s*(?P<issuer>[A-ZĐ][A-Za-zĐđ&]{0,11})(?!\w)"
    r"(?:\s*,?\s*(?i:" + DAY_MONTH + r"(?P<year>\d{4})))?"
)
_CODE_CORE = re.compile(r"[/-]" + _CODE_TAIL)
# One pattern per mark: the engine skips to a literal first character in a tight loop, several
# times faster than it tests a class ("[/-]") at every character; two such scans cost less.
_CODE_CORES = (re.compile("/" + _CODE_TAIL), re.compile("-" + _CODE_TAIL))
_CODE_HEAD = re.compile(r"(?P<num>\d{1,5})\s*(?:/(?P<year>\d{4}))?\s*$")
_ISSUER_CASE = {"TTG": "TTg", "SNGV": "SNgV", "CP": "CP", "TW": "TW", "TU": "TU"}
_DATE_REACH = 40  # how far after the code its date may end


def _issuer_code(raw: str) -> str:
    upper = raw.upper()
    return _ISSUER_CASE.get(upper, upper if raw[-1:].islower() and raw[:-1].isupper() else raw)


def _code_cores(text: str) -> list[re.Match[str]]:
    """What ``_CODE_CORE.finditer(text)`` gives, from one scan per mark. The two scans agree with
    it unless a code starts inside another (then one scan may have skipped a start the other
    scan's match hides): that case is found and scanned again the slow way."""
    cores = [*_CODE_CORES[0].finditer(text), *_CODE_CORES[1].finditer(text)]
    cores.sort(key=re.Match.start)
    after = -1
    for core in cores:
        if core.start() < after:
            return list(matches_at(_CODE_CORE, text, positions(text, "/-")))
        after = core.end("issuer")
    return cores


def extract_citations(text: str, passages: list[Passage]) -> list[Citation]:
    starts = [p.start for p in passages]
    found: list[Citation] = []
    for core in _code_cores(text):
        at = core.start()
        head = _CODE_HEAD.search(text, max(0, at - 14), at)
        if not head:
            continue
        start = head.start()
        before = text[start - 1] if start else " "
        if before.isalnum() or before == "/":
            continue
        passage = passage_at(passages, starts, start)
        if passage.kind in ("distribution", "signature"):
            continue
        doc_type = core.group("type").replace("QD", "QĐ")
        issuer = _issuer_code(core.group("issuer"))
        end = core.end("issuer")
        num, year = head.group("num", "year")
        if text[at] == "-":  # Party style: 57-NQ/TW
            key = f"{num}-{doc_type}/{issuer}"
        else:
            key = f"{num}/{year}/{doc_type}-{issuer}" if year else f"{num}/{doc_type}-{issuer}"
        when = None
        if core.end() <= end + _DATE_REACH and (day := core.group("day")):
            when = iso_date(day, core.group("month"), core.group("year"))
        found.append(Citation(key, doc_type, issuer, when, start, end, passage.no))
    for start, end, key, passed in laws_cited(text):
        passage = passage_at(passages, starts, start)
        if passage.kind not in ("distribution", "signature"):
            found.append(Citation(key, "Luật", None, passed, start, end, passage.no))
    return found
