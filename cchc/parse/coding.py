"""Coding: find every cue of the codebook in a plan, keep the ones its section rules allow.

All cues go into one Aho-Corasick automaton (pyahocorasick), so a plan is scanned once whatever
the size of the codebook. A mention keeps its category, section kind and character span: it is
the evidence an analyst checks.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from cchc.geo.provinces import name_variants, province_keys
from cchc.parse.codebook import Codebook, load_codebook
from cchc.parse.structure import Passage
from cchc.read.fold import fold


@dataclass(slots=True)  # thousands per build: slots make them smaller and quicker
class Mention:
    family: str
    category: str
    cue: str
    weak: bool
    start: int
    end: int
    passage_no: int
    section_no: int
    section_kind: str


def _province_press_cues() -> list[str]:
    """'báo sơn la', 'báo an giang'…: a provincial newspaper is named after its province."""
    return sorted({fold("báo " + name) for name in name_variants()})


@lru_cache(maxsize=4)
def build_automaton(codebook: Codebook) -> ahocorasick.Automaton:
    """Every cue, mask phrase and province name -> (key, length, cues, masked families or None,
    province).

    A cue payload carries what the section rules need. Province names ride in the same
    automaton: one walk over the text finds both.
    """
    cues: dict[str, list[tuple]] = defaultdict(list)

    def cue(key: str, family: str, category: str, weak: bool) -> None:
        rules = (codebook.families[family].sections, family in codebook.masked_families)
        cues[key].append((family, category, weak, *rules))

    for category in codebook.categories:
        for key in category.cues:
            cue(key, category.family, category.id, False)
        for key in category.weak:
            cue(key, category.family, category.id, True)
    for key in _province_press_cues():
        cue(key, "channel", "bao_chi", False)
    masks = codebook.masks
    places = province_keys()
    automaton = ahocorasick.Automaton()
    for key in dict.fromkeys([*cues, *masks, *places]):
        automaton.add_word(
            key, (key, len(key), tuple(cues.get(key, ())), masks.get(key), places.get(key))
        )
    automaton.make_automaton()
    return automaton


@dataclass
class Scan:
    """Whole-word hits of one walk over a plan's folded text."""

    hits: list[tuple]  # cue hits (start, -end, order, key, payload): by start, longest first
    masks: list[tuple[int, int, frozenset[str]]]  # names (start, end, families they mask), sorted
    places: list[tuple[int, str, str]]  # province names (start, key, name), in the walk's order


def scan(folded: str, codebook: Codebook) -> Scan:
    """Find every cue, mask phrase and province name that stands as whole words."""
    hits, masks, places = [], [], []
    size = len(folded)
    for end_index, (key, length, cues, masked, place) in build_automaton(codebook).iter(folded):
        end = end_index + 1
        start = end - length
        if (start and folded[start - 1].isalnum()) or (end < size and folded[end].isalnum()):
            continue  # part of a longer word
        for cue in cues:
            hits.append((start, -end, len(hits), key, cue))
        if masked:
            masks.append((start, end, masked))
        if place:
            places.append((start, key, place))
    hits.sort()  # by start, longest first; ties keep the automaton's order
    masks.sort()
    return Scan(hits, masks, places)


def _masked(start: int, family: str, masks: list[tuple], upto: int) -> bool:
    """Does the hit start inside a name that masks its family? ``masks[:upto]`` start at or
    before the hit; masks are few and sorted, so only the last three of those can still be open."""
    for j in range(max(0, upto - 3), upto):
        mask_end, families = masks[j][1], masks[j][2]
        if mask_end > start and family in families:
            return True
    return False


def code_mentions(scanned: Scan, passages: list[Passage]) -> list[Mention]:
    """Mentions that count under the codebook's section rules, longest cue first per category.

    ``scanned``: the text's ``scan`` (its cue hits and masks)."""
    hits, masks = scanned.hits, scanned.masks
    upto, n_masks = 0, len(masks)  # masks starting at or before the hit: hits come in order
    kept: list[Mention] = []
    last_end: dict[str, int] = {}
    index, last = 0, len(passages) - 1  # hits come in text order: walk the passages alongside
    for start, neg_end, _, cue, (family, category, weak, sections, maskable) in hits:
        if start < last_end.get(category, -1):
            continue  # "một cửa" inside "một cửa liên thông": one mention, not two
        while index < last and passages[index + 1].start <= start:
            index += 1
        passage = passages[index]
        if passage.kind not in sections:
            continue
        if maskable and masks:
            while upto < n_masks and masks[upto][0] <= start:
                upto += 1
            if _masked(start, family, masks, upto):
                continue
        last_end[category] = -neg_end
        kept.append(
            Mention(family, category, cue, weak, start, -neg_end, passage.no, passage.section_no,
                    passage.kind)
        )  # fmt: skip
    return kept


def present_categories(mentions: list[Mention]) -> dict[str, list[str]]:
    """Family -> present category ids: one strong cue, or two different weak cues."""
    strong: set[tuple[str, str]] = set()
    weak: dict[tuple[str, str], set[str]] = defaultdict(set)
    for mention in mentions:
        key = (mention.family, mention.category)
        if mention.weak:
            weak[key].add(mention.cue)
        else:
            strong.add(key)
    present = strong | {key for key, cues in weak.items() if len(cues) >= 2}
    result: dict[str, list[str]] = defaultdict(list)
    order = load_codebook().order
    for family, category in sorted(present, key=lambda k: order.get(k[1], 999)):
        result[family].append(category)
    return dict(result)
