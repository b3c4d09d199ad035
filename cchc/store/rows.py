"""One extraction to table rows, with analysts' corrections applied on top."""

from __future__ import annotations

import json
from collections import Counter

from cchc.errors import InputError
from cchc.geo.provinces import current_province
from cchc.parse.codebook import load_codebook
from cchc.parse.extract import Extraction, extract
from cchc.read import Document

_INT_FIELDS = {"year_from", "year_to"}


def corrected_values(corrections: list[dict]) -> dict[str, object]:
    """Field -> the analyst's value (None when cleared) for every corrected metadata field: what
    ``extract(corrected=…)`` judges facts with and what the plans row shows."""
    values: dict[str, object] = {}
    for item in corrections:  # in file order: the latest correction of a field wins
        field, new = item["field"], item["new_value"]
        if field.startswith("category:"):
            continue
        if field in _INT_FIELDS:  # "" clears a year as None does (the year columns are integers)
            new = int(new) if new not in (None, "") else None
        values[field] = new
    return values


def extract_corrected(doc: Document, corrections: list[dict], force: bool = False) -> Extraction:
    """Code one plan with its analyst's corrections (``corrections``: those of its plan id), the
    same at a build, an import and a re-code: its metadata stays as read (``plan_rows`` lays the
    corrections over it), but a corrected first year decides which quantities are past results."""
    return extract(doc, force=force, corrected=corrected_values(corrections))


def _corrected_metadata(extraction: Extraction, corrections: list[dict]) -> tuple[dict, list[str]]:
    values = {name: f.value for name, f in extraction.metadata.items()}
    changed: list[str] = []
    for field, new in corrected_values(corrections).items():
        if field not in values:
            continue
        values[field] = new
        changed.append(field)
        if field == "province" and new:
            values["province_2025"] = current_province(new) or values["province_2025"]
            changed.append("province_2025")
    return values, sorted(set(changed))


def _corrected_presence(extraction: Extraction, corrections: list[dict]) -> dict[tuple, tuple]:
    """(family, category) -> (n_mentions, corrected) for every present category."""
    counts = Counter((m.family, m.category) for m in extraction.mentions)
    present = {
        (family, cat): (counts[(family, cat)], False)
        for family, cats in extraction.present.items()
        for cat in cats
    }
    for item in corrections:
        if not item["field"].startswith("category:"):
            continue
        family, _, category = item["field"][len("category:") :].partition("/")
        key = (family, category)
        if item["new_value"] == "present":
            present[key] = (counts.get(key, 0), True)
        else:
            present.pop(key, None)
    return present


def _family_counts(presence: dict[tuple, tuple]) -> tuple[list[str], int, int, int]:
    """The plan's content areas (codebook order) and how many channels and indicators it has."""
    order = load_codebook().order
    areas = sorted((c for f, c in presence if f == "content_area"), key=order.get)
    n_channels = sum(1 for f, _ in presence if f == "channel")
    n_indicators = sum(1 for f, _ in presence if f == "indicator")
    return areas, len(areas), n_channels, n_indicators


def check_year_order(years: dict[str, tuple[int | None, int | None]], items: list[dict]) -> None:
    """Refuse corrections that would leave a plan ending before it starts (it would vanish from
    every view). ``years``: each plan's (year_from, year_to) before them; the latest wins."""
    for pid, (start, end) in years.items():
        values = corrected_values([item for item in items if item["plan_id"] == pid])
        start, end = values.get("year_from", start), values.get("year_to", end)
        if start is not None and end is not None and end < start:
            raise InputError(
                f"Năm kết thúc ({end}) trước năm bắt đầu ({start}): hiệu chỉnh không được ghi.",
                f"The end year ({end}) is before the start year ({start}): nothing was saved.",
            )


def plan_rows(extraction: Extraction, corrections: list[dict]) -> dict[str, list[tuple]]:
    pid = extraction.plan_id
    doc = extraction.doc
    values, changed = _corrected_metadata(extraction, corrections)
    notes = {n: {"confidence": f.confidence, "how": f.how} for n, f in extraction.metadata.items()}
    year_from, year_to = values["year_from"], values["year_to"]
    text = doc.text
    presence = _corrected_presence(extraction, corrections)
    if any(c["field"].startswith("category:") for c in corrections):  # also marks presence
        changed = [*changed, "categories"]
    rows: dict[str, list[tuple]] = {
        "plans": [(
            pid, doc.content_hash, doc.source, doc.fmt, doc.encoding, extraction.structure.title,
            values["province"], values["province_2025"], year_from, year_to, values["issuer"],
            values["issuer_level"], values["sector"], values["doc_number"], values["issued_on"],
            values["signer"], json.dumps(notes, ensure_ascii=False), changed, len(text), text,
            doc.raw, doc.notes + extraction.plan_doubts, *_family_counts(presence),
        )],
        "sections": [
            (pid, s.no, s.kind, s.heading, s.level, s.start, s.end)
            for s in extraction.structure.sections
        ],
        "passages": [
            (pid, p.no, p.section_no, p.kind, p.item, p.start, p.end)
            for p in extraction.structure.passages
        ],
        "mentions": [
            (pid, m.family, m.category, m.cue, m.weak, m.start, m.end, m.passage_no, m.section_no,
             m.section_kind)
            for m in extraction.mentions
        ],
        "presence": [
            (pid, family, cat, n, corrected)
            for (family, cat), (n, corrected) in presence.items()
        ],
        "targets": [
            (pid, t.text, t.value, t.unit, t.period, t.start, t.end, t.passage_no)
            for t in extraction.targets
        ],
        "citations": [
            (pid, c.key, c.doc_type, c.issuer_code, c.issued_on, c.start, c.end, c.passage_no)
            for c in extraction.citations
        ],
        "units": [(pid, u.unit, u.role, u.task, u.passage_no) for u in extraction.units],
        "first_evidence": _first_evidence(pid, extraction),
    }  # fmt: skip
    return rows


def _first_evidence(pid: str, extraction: Extraction) -> list[tuple]:
    """Each category's first counted mention with its sentence (mentions come in text order).
    Stored so the dashboard's cell lists need not read plans.text: decompressing the texts of a
    few hundred plans took 110 ms at 10,000 plans. (In SQL at build time it cost 1.3 ms a plan.)"""
    passages = extraction.structure.passages  # numbered in order: a passage's no is its index
    text, seen, rows = extraction.doc.text, set(), []
    for m in extraction.mentions:
        if m.category not in seen:
            seen.add(m.category)
            p = passages[m.passage_no]
            rows.append((pid, m.category, m.section_kind, text[p.start : p.end], m.start - p.start,
                         m.end - p.start))  # fmt: skip
    return rows
