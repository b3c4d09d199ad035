"""Plan metadata: province, year(s), issuer and its level, sector, number, date, signer.

Every field says where it came from (``how``) and how sure it is; a field that cannot be found is
None with a reason, never a silent guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc.geo.provinces import AMBIGUOUS_IN_TEXT, current_province
from cchc.parse.dates import iso_date
from cchc.parse.issuers import department_from_code, issuer_from_text
from cchc.parse.structure import Structure, passage_at

FIELDS = (
    "province", "province_2025", "year_from", "year_to", "issuer", "issuer_level", "sector",
    "doc_number", "issued_on", "signer",
)  # fmt: skip


@dataclass
class Field:
    value: object
    confidence: str  # "high", "medium", "low" or "none"
    how: str  # where the value was read, or why it is missing


def missing(reason: str) -> Field:
    return Field(None, "none", reason)


# A place name's prefix ("tỉnh Điện Biên"): tested as the window before the name, right-stripped,
# ending with one (a regex search costs several times more on these 12 characters).
_PREFIXES = ("tỉnh", "thành phố", "tp", "tp.", "địa bàn")
# "Hà Tĩnh, ngày 30 tháng 12 năm 2022", or the numeric "Hà Tĩnh, ngày 30/12/2022".
_PLACE_DATE = re.compile(
    r"(?:^|\t)([^\n\t,]{2,30}), ngày (\d{1,2})(?: tháng |[/.-])(\d{1,2})(?: năm |[/.-])(\d{4})",
    re.M,
)


def _place_date(text: str, header_end: int) -> re.Match[str] | None:
    """_PLACE_DATE's first match in the header and 400 characters after it. Found from ", ngày "
    out: a pattern that starts with "^ or tab" is tried by the regex engine at every character.
    A match's name runs from a line start or a tab to the first comma, so the only start that can
    go with a given ", ngày " is just after the last newline or at the last tab before it."""
    end = header_end + 400
    at = text.find(", ngày ", 0, end)
    while at != -1:
        line = text.rfind("\n", 0, at) + 1
        tab = text.rfind("\t", line, at)
        if match := _PLACE_DATE.match(text, line if tab == -1 else tab, end):
            return match
        at = text.find(", ngày ", at + 1, end)
    return None


def _province_scores(
    folded: str, structure: Structure, places: list[tuple[int, str, str]]
) -> dict[str, float]:
    starts = [p.start for p in structure.passages]
    scores: dict[str, float] = {}
    for start, key, name in places:
        kind = passage_at(structure.passages, starts, start).kind
        if kind in ("distribution", "signature"):
            continue
        prefixed = folded[max(0, start - 12) : start].rstrip().endswith(_PREFIXES)
        if key in AMBIGUOUS_IN_TEXT and not prefixed:
            continue  # "tư tưởng … Hồ Chí Minh" is not the city
        weight = 5.0 if kind == "header" else 3.0 if prefixed else 1.0
        scores[name] = scores.get(name, 0.0) + weight
    return scores


def find_province(
    folded: str,
    structure: Structure,
    places: list[tuple[int, str, str]],
    place: re.Match[str] | None,
) -> Field:
    """``places``: the province names the coding scan found (``Scan.places``); ``place``: the
    place-and-date line (_place_date)."""
    scores = _province_scores(folded, structure, places)
    if place:
        name = current_province(place.group(1).strip()) and place.group(1).strip()
        if name:
            scores[name] = scores.get(name, 0.0) + 5.0
    if not scores:
        return missing("không thấy tên tỉnh / no province name in the document")
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    best, score = ranked[0]
    if score < 2:
        return Field(best, "low", "tên tỉnh chỉ xuất hiện một lần / named only once")
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    confidence = "high" if score >= 2 * runner_up and score >= 5 else "medium"
    return Field(best, confidence, f"tên tỉnh trong văn bản (điểm {score:g}) / named in text")


# Titles are often typed in capitals ("… NĂM 2026", "GIAI ĐOẠN 2026 - 2030").
_RANGE = re.compile(r"giai đoạn\s*(\d{4})\s*[-–]\s*(\d{4})", re.I)
_YEAR = re.compile(r"năm\s*(\d{4})", re.I)
_SELF_YEAR = re.compile(
    r"(?:xây dựng|ban hành|Trên đây là) Kế hoạch[^.\n]{0,120}?(?:năm\s*(\d{4})|giai đoạn\s*(\d{4})\s*[-–]\s*(\d{4}))",
    re.I,
)


# A clause that names a numbered document ("Quyết định số 49/QĐ-BNV … của Bộ Nội vụ ban hành Kế
# hoạch … năm 2025") is about that document's plan, not this one.
_CITED_IN_CLAUSE = re.compile(r"số\s*\d+\s*/")


def _own_plan_wording(text: str) -> re.Match[str] | None:
    """The first "… ban hành Kế hoạch … năm N" that is not said of a cited document."""
    for match in _SELF_YEAR.finditer(text):
        # a comma ends the clause too: "Căn cứ Kế hoạch số 12/KH-UBND …, Sở Nội vụ xây dựng …"
        clause_start = max(text.rfind(mark, 0, match.start()) for mark in (".", ";", ",", "\n"))
        if not _CITED_IN_CLAUSE.search(text, clause_start + 1, match.start()):
            return match
    return None


def find_years(title: str, text: str) -> tuple[Field, Field]:
    for source, confidence, how in ((title, "high", "tiêu đề / title"),):
        if match := _RANGE.search(source):
            years = int(match.group(1)), int(match.group(2))
            return Field(years[0], confidence, how), Field(years[1], confidence, how)
        if match := _YEAR.search(source):
            year = int(match.group(1))
            return Field(year, confidence, how), Field(year, confidence, how)
    if match := _own_plan_wording(text):
        how = "câu tự giới thiệu kế hoạch / the plan's own wording"
        if match.group(1):
            year = int(match.group(1))
            return Field(year, "medium", how), Field(year, "medium", how)
        return Field(int(match.group(2)), "medium", how), Field(int(match.group(3)), "medium", how)
    reason = "không thấy năm kế hoạch trong tiêu đề / no plan year in the title"
    return missing(reason), missing(reason)


# "Số: 12/KH-UBND" at a line start, or "Kèm theo Kế hoạch số 12/KH-…" (any case): found in the
# folded text from "số" out, because a case-insensitive leading alternation is ~15x slower.
_NUMBER = re.compile(r"số\s*:?\s*(\d*)\s*/\s*((?:kh|qđ)-[a-zđ&]+)")
_NUMBER_LEADS = ("kèm theo kế hoạch ", "kèm theo quyết định ")


def _number_match(folded: str) -> re.Match[str] | None:
    for match in _NUMBER.finditer(folded):
        start = match.start()
        if start == 0 or folded[start - 1] == "\n" or folded.endswith(_NUMBER_LEADS, 0, start):
            return match
    return None


def find_doc_number(text: str, folded: str) -> tuple[Field, str | None]:
    """The plan's number and its code ('KH-SNgV'); a blank number is said to be blank."""
    match = _number_match(folded)
    if not match:
        return missing("văn bản không ghi số / no document number shown"), None
    code = text[match.start(2) : match.end(2)]  # as written: the folded text is lower case
    if not match.group(1):
        return missing(f"số để trống (/{code}) / number left blank"), code
    return Field(f"{match.group(1)}/{code}", "high", "dòng 'Số:' / the 'Số:' line"), code


def find_issued_on(match: re.Match[str] | None) -> Field:
    """The date of the place-and-date line (_place_date)."""
    if not match:
        return missing("không có dòng địa danh, ngày tháng / no place-and-date line")
    when = iso_date(*match.groups()[1:])
    if when is None:
        return missing(f"ngày không hợp lệ: {match.group(0).strip()} / invalid date")
    return Field(when, "high", "dòng địa danh, ngày tháng / place-and-date line")


_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+ ){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+$")


def find_signer(text: str, structure: Structure) -> Field:
    signatures = [s for s in structure.sections if s.kind == "signature"]
    for section in reversed(signatures):  # the plan's own signature comes after a wrapper's
        lines = [ln.strip() for ln in text[section.start : section.end].split("\n") if ln.strip()]
        names = [ln for ln in lines if _NAME.match(ln)]
        if names:
            # The signer's title ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), not initials such as "HL".
            # Joined with ", ": " / " separates a note's Vietnamese from its English.
            titles = ", ".join(ln for ln in lines if ln.isupper() and len(ln) >= 4)
            how = (
                f"khối chữ ký, dưới {titles} / signature block, under {titles}"
                if titles
                else ("khối chữ ký / signature block")
            )
            return Field(names[-1], "high", how)
    return missing("không thấy tên người ký / no signer's name in the signature block")


def extract_metadata(
    text: str, folded: str, structure: Structure, places: list[tuple[int, str, str]]
) -> dict[str, Field]:
    fields: dict[str, Field] = {}
    place = _place_date(text, structure.sections[0].end)
    fields["province"] = find_province(folded, structure, places, place)
    province = fields["province"].value
    today = current_province(province) if isinstance(province, str) else None
    fields["province_2025"] = (
        Field(today, fields["province"].confidence, "bảng sáp nhập 2025 / 2025 merger table")
        if today
        else missing("chưa xác định tỉnh / province unknown")
    )
    fields["year_from"], fields["year_to"] = find_years(structure.title, text)
    fields["doc_number"], code = find_doc_number(text, folded)
    fields["issued_on"] = find_issued_on(place)
    fields["signer"] = find_signer(text, structure)
    issuer = issuer_from_text(text, structure) or department_from_code(code)
    if issuer is None:
        reason = "không xác định được cơ quan ban hành / issuer not found"
        fields["issuer"], fields["issuer_level"], fields["sector"] = (missing(reason),) * 3
    else:
        fields["issuer"] = Field(issuer.name, issuer.confidence, issuer.how)
        fields["issuer_level"] = Field(issuer.level, issuer.confidence, issuer.how)
        fields["sector"] = (
            Field(issuer.sector, issuer.confidence, issuer.how)
            if issuer.sector
            else missing("kế hoạch chung, không thuộc ngành / not a department plan")
        )
    return fields
