"""One document in, one coded plan out: structure, metadata, mentions, facts.

``extract`` is pure: it reads nothing from disk and writes nothing; the store and the CLI call it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cchc.errors import NotAPlan
from cchc.parse.codebook import Codebook, load_codebook
from cchc.parse.coding import Mention, code_mentions, present_categories, scan
from cchc.parse.facts import Citation, Target, extract_citations, extract_targets
from cchc.parse.metadata import FIELDS, Field, extract_metadata
from cchc.parse.structure import Structure, parse_structure
from cchc.parse.units import UnitRole, extract_units
from cchc.read import Document

# Recorded in build_info. 1.1: a numbered heading is not joined to the sentence after a blank
# line. 1.2: whole names of amending laws, no self-citation. 1.3: districts and communes named.
# 1.4: a PDF's paragraph spacing read as a blank line; a wrapped line starting "2025." joins;
# PDF table rows split across pages joined, repeated header rows dropped; a plan's own number
# typed in capitals is not cited. 1.5: on a PDF page with ruled tables, the text around the
# tables gets its paragraph gaps too. 1.6: laws keyed by their official name (data/law_names.yaml),
# with the year and date of "ngày 19 tháng 6 năm 2015" or "số 83/2015/QH13" after the name; a law's
# name ends before "có hiệu lực", a number or another document named after it. 1.7: a title in
# capitals gives the plan year; masks per family (bodies are not audiences, Party plenums not
# meetings), and a cue that starts inside a masked name does not count; "gương" alone is no
# longer a cue (gương mẫu); deadlines written "ngày d tháng m năm y". 1.8: a broadcast news
# bulletin ("Thời sự và bản tin khác") is not a publication, the press's "đội ngũ cán bộ, phóng
# viên" not civil servants (codebook masks); a quantity already reached ("Năm 2024 … đạt 45%",
# "đã đạt", "kết quả đạt được", "năm qua") is a past result, not a target. 1.9: a year that
# names a document ("Luật … năm 2022", "ban hành năm 2023") does not make a quantity past; a
# date needs a space after "ngày"; the signer's note names the title, not initials ("HL").
EXTRACTOR_VERSION = "1.9"

# Why a document looks unlike a plan, as (Vietnamese, English): each message is in one language.
Doubt = tuple[str, str]


def plan_id_of(doc: Document) -> str:
    """A plan's id, known before it is coded (its corrections are looked up by it): a hash of its
    words, so the same plan read from any format is one plan."""
    return doc.content_hash[:16]


@dataclass
class Extraction:
    doc: Document
    structure: Structure
    metadata: dict[str, Field]
    mentions: list[Mention]
    present: dict[str, list[str]]
    targets: list[Target]
    citations: list[Citation]
    units: list[UnitRole]
    doubts: list[Doubt] = field(default_factory=list)

    @property
    def plan_doubts(self) -> list[str]:
        """The doubts as stored with the plan's notes (plans.notes, extract's JSON): "vi / en",
        the form of the reader's own notes, which ``how_text`` splits for the page."""
        return [f"{vi} / {en}" for vi, en in self.doubts]

    @property
    def plan_id(self) -> str:
        return plan_id_of(self.doc)

    def value(self, name: str) -> object:
        return self.metadata[name].value

    def to_json(self) -> dict:
        """The CLI's `extract` record for this plan."""
        text = self.doc.text
        kinds = {s.no: s.kind for s in self.structure.sections}
        return {
            "source": self.doc.source,
            "plan_id": self.plan_id,
            "metadata": {name: self.metadata[name].value for name in FIELDS},
            "metadata_notes": {n: f.how for n, f in self.metadata.items() if f.value is None},
            "present": self.present,
            "mentions": [
                {
                    "family": m.family,
                    "id": m.category,
                    "section": kinds[m.section_no],
                    "start": m.start,
                    "end": m.end,
                    "text": text[m.start : m.end],
                }
                for m in self.mentions
            ],  # fmt: skip
            "targets": [
                {"text": t.text, "value": t.value, "unit": t.unit, "period": t.period}
                for t in self.targets
            ],
            "citations": sorted({c.key for c in self.citations}),
            "notes": self.doc.notes + self.plan_doubts,
        }


def doubts_of(doc: Document, structure: Structure, present: dict[str, list[str]]) -> list[Doubt]:
    """Why a document looks unlike a CCHC communication plan (empty when it looks like one)."""
    head = doc.folded[:3000]
    doubts = []
    if "kế hoạch" not in head:
        doubts.append(("không có tiêu đề 'Kế hoạch'", "no 'Kế hoạch' title"))
    if "cải cách hành chính" not in doc.folded and "cchc" not in doc.folded:
        doubts.append(("không nói đến cải cách hành chính", "never mentions administrative reform"))
    if "tuyên truyền" not in doc.folded and "truyền thông" not in doc.folded:
        doubts.append(("không nói đến tuyên truyền", "never mentions communication"))
    body = {s.kind for s in structure.sections} & {
        "purpose",
        "content",
        "channels",
        "implementation",
    }
    if len(body) < 2:
        doubts.append(
            ("thiếu các mục Mục đích, Nội dung, Hình thức, Tổ chức thực hiện", "no plan sections")
        )
    if not present.get("content_area") and not present.get("channel"):
        doubts.append(
            (
                "không thấy lĩnh vực CCHC hay hình thức tuyên truyền nào",
                "no content area or channel",
            )
        )
    return doubts


def not_a_plan(doubts: list[Doubt]) -> NotAPlan:
    """The refusal, each language with its own reasons only."""
    reasons_vi = "; ".join(vi for vi, _ in doubts)
    reasons_en = "; ".join(en for _, en in doubts)
    return NotAPlan(
        f"Tệp không giống một kế hoạch tuyên truyền CCHC: {reasons_vi}. "
        "Có thể nhập bắt buộc nếu chắc chắn.",
        f"The file does not look like a CCHC communication plan: {reasons_en}. "
        "It can be imported anyway.",
    )


def extract(
    doc: Document,
    codebook: Codebook | None = None,
    force: bool = False,
    corrected: Mapping[str, Any] | None = None,
) -> Extraction:
    """Code one document; raises NotAPlan (with reasons) unless ``force``.

    ``corrected`` holds the metadata an analyst corrected (field -> value, None for cleared). The
    metadata stays as read (the store lays corrections over it), but the facts that depend on it
    are judged with it: a corrected first year decides which quantities are past results."""
    codebook = codebook or load_codebook()
    structure = parse_structure(doc.text)
    scanned = scan(doc.folded, codebook)  # one walk: cues, masks and province names
    mentions = code_mentions(scanned, structure.passages)
    present = present_categories(mentions)
    doubts = doubts_of(doc, structure, present)
    if len(doubts) >= 2 and not force:
        raise not_a_plan(doubts)
    metadata = extract_metadata(doc.text, doc.folded, structure, scanned.places)
    # "Số: 1391/KH-SNgV" names the plan, cites nothing. Citation keys normalise the issuer's case
    # ("SNGV" -> "SNgV"), the number keeps it as written: compare without case.
    own_number = str(metadata["doc_number"].value or "").upper()
    year_from = (corrected or {}).get("year_from", metadata["year_from"].value)
    return Extraction(
        doc,
        structure,
        metadata,
        mentions,
        present,
        extract_targets(doc.text, structure.passages, doc.folded, year_from),
        [c for c in extract_citations(doc.text, structure.passages) if c.key.upper() != own_number],
        extract_units(doc.text, structure.passages),
        doubts,
    )
