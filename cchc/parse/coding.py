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
    """Every cue, mask phrase and province name -> (key, length - 1, cues, masked families or
    None, province).

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
            key, (key, len(key) - 1, tuple(cues.get(key, ())), masks.get(key), places.get(key))
        )
    automaton.make_automaton()
    return automaton


@dataclass
class Scan:
    """Whole-word hits of one walk over a plan's folded text."""

    hits: list[tuple]  # cue hits (start, -end, key, payloads): by start, longest first
    masks: list[tuple[int, int, frozenset[str]]]  # names (start, end, families they mask), sorted
    places: list[tuple[int, str, str]]  # province names (start, key, name), in the walk's order


# Characters that often border a hit: a set lookup settles them without calling str.isalnum.
_SEPARATORS = frozenset(" \n\t,.;:()\"'-/")


def scan(folded: str, codebook: Codebook) -> Scan:
    """Find every cue, mask phrase and province name that stands as whole words."""
    hits, masks, places = [], [], []
    # The text with a separator at each end: a hit's neighbours can be read without a bounds check.
    padded = f" {folded} "
    for end, (key, back, cues, masked, place) in build_automaton(codebook).iter(folded):
        start = end - back  # ``end``: the index of the hit's last character
        if (before := padded[start]) not in _SEPARATORS and before.isalnum():
            continue  # part of a longer word
        if (after := padded[end + 2]) not in _SEPARATORS and after.isalnum():
            continue
        if cues:  # one tuple per cue key: (start, -end) never ties, so the sort stops there
            hits.append((start, ~end, key, cues))  # ~end == -(end + 1): longest first
        if masked:
            masks.append((start, end + 1, masked))
        if place:
            places.append((start, key, place))
    hits.sort()  # by start, longest first
    masks.sort()
    return Scan(hits, masks, places)


def _masked(start: int, family: str, window: list[tuple]) -> bool:
    """Does the hit start inside a name that masks its family? ``window``: the last three masks
    starting at or before the hit (masks are few and sorted: no earlier one can still be open)."""
    for _, mask_end, families in window:
        if mask_end > start and family in families:
            return True
    return False


def code_mentions(scanned: Scan, passages: list[Passage]) -> list[Mention]:
    """Mentions that count under the codebook's section rules, longest cue first per category.

    ``scanned``: the text's ``scan`` (its cue hits and masks)."""
    masks, n_masks = scanned.masks, len(scanned.masks)
    upto, window, reach = 0, [], -1  # masks starting at or before the hit; the window's last end
    next_mask = masks[0][0] if masks else _NEVER
    kept: list[Mention] = []
    last_end: dict[str, int] = {}
    if not passages:
        return kept  # a text without passages has no words to find
    # Hits come in text order: walk the passages alongside, re-reading one only when it changes.
    index, last = 0, len(passages) - 1
    no, section_no, kind = passages[0].no, passages[0].section_no, passages[0].kind
    next_start = passages[1].start if last else _NEVER
    for start, neg_end, key, cues in scanned.hits:
        if start >= next_start:
            while index < last and passages[index + 1].start <= start:
                index += 1
            passage = passages[index]
            no, section_no, kind = passage.no, passage.section_no, passage.kind
            next_start = passages[index + 1].start if index < last else _NEVER
        if start >= next_mask:
            while upto < n_masks and masks[upto][0] <= start:
                upto += 1
            window = masks[max(0, upto - 3) : upto]
            reach = max(mask[1] for mask in window)
            next_mask = masks[upto][0] if upto < n_masks else _NEVER
        for family, category, weak, sections, maskable in cues:
            if start < last_end.get(category, -1):
                continue  # "một cửa" inside "một cửa liên thông": one mention, not two
            if kind not in sections:
                continue
            if maskable and start < reach and _masked(start, family, window):
                continue
            last_end[category] = -neg_end
            kept.append(Mention(family, category, key, weak, start, -neg_end, no, section_no, kind))
    return kept


_NEVER = 1 << 62  # beyond any offset


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
