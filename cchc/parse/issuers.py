"""Who issued a plan, at which level of government, and for which sector.

A plan says it in its own words ("Sở Ngoại vụ xây dựng Kế hoạch…", "Chủ tịch Ủy ban nhân dân tỉnh
ban hành Kế hoạch…"), in its closing line, or in the suffix of its number (KH-SNgV).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc.parse.structure import Structure
from cchc.read.fold import new_tone_placement

# Number suffixes of provincial departments, and the department they stand for.
DEPARTMENT_CODES = {
    "SNV": "Sở Nội vụ", "SKHCN": "Sở Khoa học và Công nghệ", "SNGV": "Sở Ngoại vụ",
    "SVHTTDL": "Sở Văn hóa, Thể thao và Du lịch", "STP": "Sở Tư pháp", "STC": "Sở Tài chính",
    "SYT": "Sở Y tế", "SGDĐT": "Sở Giáo dục và Đào tạo", "SGDDT": "Sở Giáo dục và Đào tạo",
    "STTTT": "Sở Thông tin và Truyền thông", "SKHĐT": "Sở Kế hoạch và Đầu tư",
    "SKHDT": "Sở Kế hoạch và Đầu tư", "SCT": "Sở Công Thương", "SXD": "Sở Xây dựng",
    "SGTVT": "Sở Giao thông vận tải", "SNNPTNT": "Sở Nông nghiệp và Phát triển nông thôn",
    "SNNMT": "Sở Nông nghiệp và Môi trường", "STNMT": "Sở Tài nguyên và Môi trường",
    "SLĐTBXH": "Sở Lao động - Thương binh và Xã hội", "SDTTG": "Sở Dân tộc và Tôn giáo",
    "BDT": "Ban Dân tộc", "VPUBND": "Văn phòng UBND tỉnh", "TTR": "Thanh tra tỉnh",
}  # fmt: skip
_LOCAL_LEVELS = {
    "tỉnh": "province", "thành phố": "province", "huyện": "district", "thị xã": "district",
    "quận": "district", "xã": "commune", "phường": "commune", "thị trấn": "commune",
    "đặc khu": "commune",
}  # fmt: skip


@dataclass
class Issuer:
    name: str
    level: str  # national, province, department, district, commune
    sector: str | None
    confidence: str
    how: str


def _department(name: str, confidence: str, how: str) -> Issuer:
    name = new_tone_placement(re.sub(r"\s+", " ", name).strip(" ,.;"))
    sector = re.sub(r"^(Sở|Ban)\s+", "", name) if name.startswith(("Sở", "Ban")) else name
    return Issuer(name, "department", sector, confidence, how)


# The words each self-introduction starts with: matched only where they occur (cchc.read.marks).
_DEPT_WORDS = ("Sở", "Ban", "Văn phòng", "Thanh tra", "Bộ")
_COUNCILS = ("Ủy ban nhân dân", "UBND", "ỦY BAN NHÂN DÂN", "Uỷ ban nhân dân")
_COUNCIL_WORDS = ("Chủ tịch", *_COUNCILS)
_DEPT = r"((?:" + "|".join(_DEPT_WORDS) + r")\s+[A-ZĐÀ-Ỹ][^.;:()\n]{2,60}?)"
_SELF_INTRO = re.compile(_DEPT + r"\s*(?:\([^)]{1,20}\)\s*)?(?:xây dựng|ban hành)\s+(?:K|k)ế hoạch")
_CLOSING = re.compile(r"Trên đây là Kế hoạch[^\n]{0,160}? của " + _DEPT + r"\s*\./\.")
_UBND = re.compile(
    r"(?:Chủ tịch\s+)?(?:" + "|".join(_COUNCILS) + r")\s+"
    r"(tỉnh|TỈNH|thành phố|THÀNH PHỐ|huyện|HUYỆN|thị xã|THỊ XÃ|quận|QUẬN|xã|XÃ|phường|PHƯỜNG|thị trấn)"
    r"(?:\s+([^\n]{0,40}?))?\s*(?:ban hành|xây dựng)\s+(?:K|k)ế hoạch"
)
_CHAIR_HEADER = re.compile(
    r"^CHỦ TỊCH (?:ỦY|UỶ) BAN NHÂN DÂN (TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|XÃ|PHƯỜNG)(?: ([^\n]{1,40}))?$",
    re.M,
)


def _place_name(words: str | None) -> str | None:
    """A place name ("Tân Lập", "Krông Pắc", "3" of Phường 3), not the rest of a sentence."""
    parts = (words or "").strip(" ,").split()
    if 1 <= len(parts) <= 5 and all(p[0].isupper() or p[0].isdigit() for p in parts):
        return " ".join(parts)
    return None


def _ubnd(level_word: str, confidence: str, how: str, place: str | None = None) -> Issuer:
    """UBND of a province ("UBND tỉnh": the province is a field of its own), or of a named
    district or commune ("UBND xã Tân Lập": one province has hundreds)."""
    word = level_word.lower()
    level = _LOCAL_LEVELS.get(word, "province")
    if word == "thành phố" and "tỉnh" in how:  # a city inside a province is a district-level unit
        level = "district"
    name = _place_name(place) if level in ("district", "commune") else None
    return Issuer(f"UBND {word} {name}" if name else f"UBND {word}", level, None, confidence, how)


# A plan introduces itself after its header and first "Căn cứ" lines: the words both kinds of
# introduction start with are looked for window by window, and the search stops in the first
# window that holds one, so the rest of the head is not searched.
_WINDOWS = (320, 1000)
_INTRODUCTIONS = ((_SELF_INTRO, _DEPT_WORDS, "dept"), (_UBND, _COUNCIL_WORDS, "ubnd"))


def _starts(head: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(position, kind's index) of every word an introduction starts with, starting in [lo, hi)."""
    found = []
    for index, (_, words, _) in enumerate(_INTRODUCTIONS):
        for word in words:
            end = hi - 1 + len(word)  # a word found before ``end`` starts before ``hi``
            at = head.find(word, lo, end)
            while at != -1:
                found.append((at, index))
                at = head.find(word, at + 1, end)
    found.sort()
    return found


def _self_introduction(head: str) -> tuple[re.Match[str], str] | None:
    """The earliest introduction (a department's or a council's) that is the plan speaking of
    itself, not "… của UBND tỉnh ban hành Kế hoạch", and its kind. Both kinds are tried at their
    words in text order (no two start at one position), each never inside its previous match."""
    after = [-1, -1]  # where each kind's last match ended
    lo = 0
    for hi in (*(w for w in _WINDOWS if w < len(head)), len(head)):
        for at, index in _starts(head, lo, hi):
            if at < after[index] or not (match := _INTRODUCTIONS[index][0].match(head, at)):
                continue
            if not head.endswith(("của ", "tại "), max(0, at - 5), at):
                return match, _INTRODUCTIONS[index][2]
            after[index] = match.end()
        lo = hi
    return None


def issuer_from_text(text: str, structure: Structure) -> Issuer | None:
    """The issuer as the plan names itself, searched where plans name themselves."""
    head = text[: min(len(text), 6000)]
    if introduction := _self_introduction(head):
        match, kind = introduction
        if kind == "ubnd":
            return _ubnd(match.group(1), "high", "câu mở đầu / preamble", match.group(2))
        if match.group(1).startswith("Bộ"):
            return Issuer(match.group(1).strip(), "national", None, "high", "câu mở đầu / preamble")
        return _department(match.group(1), "high", "câu mở đầu / preamble")
    if match := _CHAIR_HEADER.search(head):
        place = match.group(2).title() if match.group(2) else None  # "TÂN LẬP" -> "Tân Lập"
        return _ubnd(
            match.group(1), "high", "Quyết định của Chủ tịch UBND / wrapping decision", place
        )
    if match := _CLOSING.search(text):
        return _department(match.group(1), "medium", "câu kết / closing line")
    return None


def department_from_code(code: str | None) -> Issuer | None:
    """The department behind a number suffix such as 'KH-SNgV', when it is a known one."""
    if not code or "-" not in code:
        return None
    suffix = code.split("-", 1)[1].upper()
    if suffix in DEPARTMENT_CODES:
        return _department(DEPARTMENT_CODES[suffix], "medium", f"ký hiệu văn bản {code}")
    if suffix == "UBND":
        return Issuer("UBND", "province", None, "low", f"ký hiệu văn bản {code}")
    return None
