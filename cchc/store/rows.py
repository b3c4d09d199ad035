"""One extraction to table rows, with analysts' corrections applied on top."""

from __future__ import annotations

import json
from collections import Counter
from operator import attrgetter

from cchc.geo.provinces import current_province
from cchc.parse.codebook import load_codebook
from cchc.parse.extract import Extraction

_INT_FIELDS = {"year_from", "year_to"}


def _corrected_metadata(extraction: Extraction, corrections: list[dict]) -> tuple[dict, list[str]]:
    values = {name: f.value for name, f in extraction.metadata.items()}
    changed: list[str] = []
    for item in corrections:  # in file order: the latest correction of a field wins
        field = item["field"]
        if field.startswith("category:") or field not in values:
            continue
        new = item["new_value"]
        values[field] = int(new) if field in _INT_FIELDS and new not in (None, "") else new
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


Columns = list[list]  # one list per table column, in the table's column order

# Each table's columns after plan_id, as attributes of the extraction's objects.
_FIELDS = {
    "sections": ("no", "kind", "heading", "level", "start", "end"),
    "passages": ("no", "section_no", "kind", "item", "start", "end"),
    "mentions": ("family", "category", "cue", "weak", "start", "end", "passage_no",
                 "section_no", "section_kind"),
    "targets": ("text", "value", "unit", "period", "start", "end", "passage_no"),
    "citations": ("key", "doc_type", "issuer_code", "issued_on", "start", "end", "passage_no"),
    "units": ("unit", "role", "task", "passage_no"),
}  # fmt: skip


def _columns(pid: str, items: list, fields: tuple[str, ...]) -> Columns:
    """The plan id repeated, then each field of every item: a table's columns for one plan.

    Columns, not rows: the batch hands each column to Arrow as it is, with no per-row tuples to
    build and take apart again (map with attrgetter runs in C).
    """
    return [[pid] * len(items), *(list(map(attrgetter(f), items)) for f in fields)]


def plan_rows(extraction: Extraction, corrections: list[dict]) -> dict[str, Columns]:
    """Every table's columns for one plan, with the analysts' corrections applied."""
    pid = extraction.plan_id
    doc = extraction.doc
    values, changed = _corrected_metadata(extraction, corrections)
    notes = {n: {"confidence": f.confidence, "how": f.how} for n, f in extraction.metadata.items()}
    text = doc.text
    presence = _corrected_presence(extraction, corrections)
    if any(c["field"].startswith("category:") for c in corrections):  # also marks presence
        changed = [*changed, "categories"]
    plan = (
        pid, doc.content_hash, doc.source, doc.fmt, doc.encoding, extraction.structure.title,
        values["province"], values["province_2025"], values["year_from"], values["year_to"],
        values["issuer"], values["issuer_level"], values["sector"], values["doc_number"],
        values["issued_on"], values["signer"], json.dumps(notes, ensure_ascii=False), changed,
        len(text), text, doc.raw, doc.notes + extraction.plan_doubts, *_family_counts(presence),
    )  # fmt: skip
    present = [(pid, family, cat, n, corrected)
               for (family, cat), (n, corrected) in presence.items()]  # fmt: skip
    items = {
        "sections": extraction.structure.sections,
        "passages": extraction.structure.passages,
        "mentions": extraction.mentions,
        "targets": extraction.targets,
        "citations": extraction.citations,
        "units": extraction.units,
    }
    columns = {table: _columns(pid, items[table], fields) for table, fields in _FIELDS.items()}
    return {
        "plans": [[value] for value in plan],
        "presence": [list(c) for c in zip(*present, strict=True)] or [[] for _ in range(5)],
        **columns,
    }
