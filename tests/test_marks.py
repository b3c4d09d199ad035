"""The str.find short cut gives exactly what a full regex scan gives."""

from pathlib import Path

import pytest

from cchc.parse.facts import _CODE_CORE
from cchc.parse.issuers import _COUNCIL_WORDS, _DEPT_WORDS, _SELF_INTRO, _UBND
from cchc.parse.structure import _SENT_END
from cchc.read import read_document
from cchc.read.marks import matches_at, positions

SEEDS = sorted((Path(__file__).parents[1] / "data" / "plans").glob("*.txt"))


def spans(matches) -> list[tuple]:
    return [(m.span(), m.groups()) for m in matches]


def test_positions_lists_every_occurrence_in_order_overlaps_included():
    assert positions("a  b   c", ["  "]) == [1, 4, 5]
    assert positions("1/2-3/4", "/-") == [1, 3, 5]
    assert positions("no marks here", "|") == []


def test_a_match_is_never_taken_inside_the_previous_one():
    import re

    pattern = re.compile(r"-+x")
    text = "--x -x"
    assert spans(matches_at(pattern, text, positions(text, "-"))) == spans(pattern.finditer(text))


@pytest.mark.parametrize(
    "pattern, marks",
    [
        (_SENT_END, ".!?…"),
        (_CODE_CORE, "/-"),
        (_SELF_INTRO, _DEPT_WORDS),
        (_UBND, _COUNCIL_WORDS),
    ],
    ids=["sentence ends", "document codes", "department intro", "council intro"],
)
def test_matching_at_the_marks_finds_what_a_scan_finds_in_every_seed(pattern, marks):
    found = 0
    for seed in SEEDS:
        text = read_document(seed).text
        scanned = spans(pattern.finditer(text))
        assert spans(matches_at(pattern, text, positions(text, marks))) == scanned, seed.name
        found += len(scanned)
    assert found, "the seeds should exercise the pattern"
