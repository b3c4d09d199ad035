"""Responsible units and their role: chủ trì (lead), phối hợp (support) or thực hiện (carry out).

Three shapes occur in plans: a numbered unit heading in TỔ CHỨC THỰC HIỆN followed by its tasks
("1. Sở Nội vụ" / "- Chủ trì…"), labelled lines under a channel ("- Cơ quan chủ trì: Sở Nội vụ"),
and appendix table rows with a "Đơn vị chủ trì" column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc.parse.structure import Passage

_UNIT_WORD = re.compile(
    r"^(?:Đề nghị\s+)?(Sở|Văn phòng|Ban|Báo|Đài|UBND|Ủy ban|Uỷ ban|Trung tâm|Phòng|Công an|Bộ|Cục|"
    r"Hội|Đoàn|Liên đoàn|Công đoàn|Trường|Thanh tra|Các sở|Các phòng|Các cơ quan|Trưởng các)\b"
)
# Matched at a passage's start inside the whole text (no "^": that only holds at the text's start).
_LABELLED = re.compile(r"-?\s*(?:Cơ quan|Đơn vị)\s+(chủ trì|phối hợp|thực hiện)\s*:\s*(.+)$", re.I)
_ROLE_NAMES = {"chủ trì": "chu_tri", "phối hợp": "phoi_hop", "thực hiện": "thuc_hien"}


@dataclass(slots=True)
class UnitRole:
    unit: str
    role: str  # chu_tri, phoi_hop, thuc_hien
    task: str
    passage_no: int


_NEXT_UNIT = re.compile(r",\s+(?=(?:Sở|Văn phòng|Báo|Đài|UBND|Ủy ban|Trung tâm|Ban|Công an)\b)")
_ASIDE = re.compile(r"\s*\([^)]*\)\s*")
_REQUEST = re.compile(r"^Đề nghị\s+")


def _split_units(names: str) -> list[str]:
    parts = []
    for chunk in names.split(";"):
        # _ASIDE starts with no literal the engine could skip to: tried at every character of a
        # name, it costs more than the rest of the split. It needs a "(".
        parts += [
            (_ASIDE.sub(" ", p) if "(" in p else p).strip(" .;,")
            for p in (_NEXT_UNIT.split(chunk) if "," in chunk else (chunk,))
        ]
    return [p for p in parts if 2 < len(p) < 120]


def _role_of(task: str) -> str:
    cut = task[:40]
    head = cut.lower()  # not the whole task: only its head is read
    if len(head) != len(cut):  # a letter that lowers to two: cut where the whole one would be
        head = task.lower()[:40]
    if head.lstrip("- ").startswith("phối hợp"):  # "Phối hợp với đơn vị chủ trì…" supports
        return "phoi_hop"
    if "chủ trì" in head:
        return "chu_tri"
    return "thuc_hien"


_CLOSING = ("Trên đây", "Trong quá trình", "Yêu cầu")


def _body(text: str, passage: Passage) -> str:
    start, item = passage.start, passage.item
    if item and text.startswith(item, start, passage.end):
        start += len(item)
    return text[start : passage.end].strip()


# Where a unit's name ends when no colon follows it: "Sở Nội vụ chủ trì, phối hợp…".
_TASK_VERB = re.compile(
    r"\s(?=(?:chủ trì|phối hợp|tổ chức|triển khai|có trách nhiệm|chịu trách nhiệm|thực hiện|"
    r"xây dựng|tham mưu|theo dõi|hướng dẫn|căn cứ|chủ động)\b)"
)


def _unit_and_task(body: str) -> tuple[str, str, str]:
    """'Unit: task' or 'Unit does the task' -> (unit, separator, task)."""
    name, colon, task = body.partition(":")
    if colon and len(name) < 100:
        return name, colon, task
    verb = _TASK_VERB.search(body, 0, 100)
    if verb:
        return body[: verb.start()], " ", body[verb.end() :]
    return body, "", ""


def _table_units(text: str, passages: list[Passage]) -> list[UnitRole]:
    found: list[UnitRole] = []
    lead_col = task_col = None
    for passage in passages:
        cells = text[passage.start : passage.end].split("\t")
        if len(cells) < 3:
            continue
        if lead_col is None:  # still looking for the header row (only it is lowered)
            lowered = [c.lower() for c in cells]
            lead_col = next((i for i, c in enumerate(lowered) if "chủ trì" in c), None)
            task_col = next((i for i, c in enumerate(lowered) if "nội dung" in c), 1)
            continue
        if lead_col < len(cells) and cells[lead_col].strip():
            task = cells[task_col].strip() if task_col < len(cells) else ""
            for unit in _split_units(cells[lead_col]):
                found.append(UnitRole(unit, "chu_tri", task, passage.no))
    return found


def _heading_units(text: str, passage: Passage, found: list[UnitRole]) -> list[str]:
    """The units a numbered implementation item names ("1. Sở Nội vụ: chủ trì…"), split; the
    roles its own task gives them go to ``found``."""
    body = _body(text, passage)
    if not _UNIT_WORD.match(body):
        return []
    name, _, task = _unit_and_task(body)
    if len(name) >= 100:
        return []
    name = name.strip(" .")
    units = _split_units(_REQUEST.sub("", name) if name.startswith("Đề nghị") else name)
    if task := task.strip():
        role = _role_of(task)
        found.extend(UnitRole(u, role, task, passage.no) for u in units)
    return units


_BULLETS = frozenset("-+•*–")
_NOT_UNITS = frozenset({"distribution", "signature", "header", "preamble", "decision"})


def extract_units(text: str, passages: list[Passage]) -> list[UnitRole]:
    found: list[UnitRole] = []
    units: list[str] = []  # the unit heading's units, which the passages under it are tasks of
    item: Passage | None = None  # the last numbered item: a labelled line's task
    colon = -1  # the first ":" at or after the passage (they come in text order): a label's
    appendix: list[Passage] = []  # table rows, read afterwards (_table_units)
    for passage in passages:
        kind = passage.kind
        if kind in _NOT_UNITS:
            continue
        if kind == "appendix":
            appendix.append(passage)
        if colon < passage.start:
            colon = text.find(":", passage.start)
            if colon == -1:
                colon = len(text)
        if colon < passage.end and (labelled := _LABELLED.match(text, passage.start, passage.end)):
            role = _ROLE_NAMES[labelled.group(1).lower()]
            task = _body(text, item) if item else ""  # worked out only when a line needs it
            found += [UnitRole(u, role, task, passage.no) for u in _split_units(labelled.group(2))]
            continue
        marker = passage.item
        # A numbered item ("2.", "b)"); bullets, the most common markers, are ruled out first.
        if marker and marker not in _BULLETS and (marker[0].isdigit() or marker[-1] == ")"):
            item = passage
            units = _heading_units(text, passage, found) if kind == "implementation" else []
            continue
        if units and kind == "implementation":
            body = _body(text, passage)
            if not body.startswith(_CLOSING):
                role = _role_of(body)
                found += [UnitRole(u, role, body, passage.no) for u in units]
    return found + _table_units(text, appendix)
