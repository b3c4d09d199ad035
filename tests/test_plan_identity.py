"""A plan's id is the hash of its words: it must not move, or analysts' corrections are orphaned."""

import sys
from pathlib import Path

import pytest

from cchc.read import read_document, words_only

SEEDS = Path(__file__).parents[1] / "data" / "plans"

# The ids the bundled plans have had since the id was defined as the hash of
# " ".join(folded.split()); corrections files in use are keyed by them.
SEED_IDS = {
    "000_4eaf13089674b3df.txt": "4cb181a0f92266af",
    "001_dffca6ef078e301f.txt": "36d0722b0cad5392",
    "002_73c13d778971c9c9.txt": "385287c8677b104f",
    "003_6c615e608a24bf4c.txt": "f78a8cd55d0b1da4",
    "004_63e9c6af6d83632b.txt": "ed678c9ad7c47083",
}


@pytest.mark.parametrize("name", sorted(SEED_IDS))
def test_bundled_plans_keep_their_ids(name):
    assert read_document(SEEDS / name).content_hash[:16] == SEED_IDS[name]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "một dòng",
        "hai\ndòng\tvà ô bảng",
        "  thụt đầu dòng",
        "cuối dòng có dấu cách ",
        "hai  dấu cách",
        "\n\ndòng trống ở đầu",
        "dòng\r\nWindows",
        "dấu cách\u00a0không ngắt",
        "em\u2003space và\u3000ideographic",
        "ngắt\u2028dòng Unicode\x0bvà\x0cform feed\x1cseparator",
        "\t",
    ],
)
def test_the_words_hashed_are_the_words_of_a_plain_split(text):
    assert words_only(text) == " ".join(text.split())


def test_every_whitespace_character_is_known_to_the_short_cut():
    every_space = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
    for space in every_space:
        text = f"trước{space}sau"
        assert words_only(text) == " ".join(text.split()), hex(ord(space))
