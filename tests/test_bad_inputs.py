"""One file per defect (tests/bad_inputs/): each gets its own clear error and changes nothing."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from cchc.errors import InputError
from cchc.parse.extract import extract
from cchc.read import read_document
from cchc.store.build import build_database

CORPUS = Path(__file__).parent / "bad_inputs"
EXPECTED = {
    "empty.txt": ("empty", "rỗng"),
    "whitespace_only.md": ("empty", "rỗng"),
    "binary.txt": ("binary", "nhị phân"),
    "not_a_plan.txt": ("not_a_plan", "không giống một kế hoạch"),
    "chinese_gb2312.txt": ("encoding", "UTF-8"),
    "scanned_no_text.pdf": ("no_text_layer", "OCR"),
    "photo.pdf": ("no_text_layer", "OCR"),
    "corrupt.docx": ("binary", "Word"),
    "old_word.docx": ("binary", ".doc"),
    "spreadsheet.xlsx": ("unsupported_format", "không được hỗ trợ"),
    "binary_alternate_nuls.txt": ("binary", "nhị phân"),
}
# Not defects: the seed plan as other tools save it, each read as the seed (encoding it reports).
GOOD_VARIANTS = {
    "plan_cp1258.txt": "cp1258",
    "plan_utf8_bom.txt": "utf-8-sig",
    "plan_utf16_bom.txt": "utf-16",
    "plan_utf16le_nobom.txt": "utf-16-le",
    "plan_utf16be_nobom.txt": "utf-16-be",
}
SEED = Path("data/plans/001_dffca6ef078e301f.txt")


def _error_for(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        extract(read_document(path))
    return caught.value


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_gets_its_own_message_in_both_languages(name):
    error = _error_for(CORPUS / name)
    code, words_vi = EXPECTED[name]
    assert error.code == code
    assert words_vi in error.message_vi
    assert error.message_en and error.message_en != error.message_vi


def test_every_corpus_file_has_an_expectation():
    files = {p.name for p in CORPUS.iterdir() if p.suffix != ".py" and not p.name.startswith("__")}
    assert files - set(GOOD_VARIANTS) == set(EXPECTED)
    assert set(GOOD_VARIANTS) <= files


def test_fifty_megabyte_file_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    error = _error_for(huge)
    assert error.code == "too_large" and "50.0 MB" in error.message_vi


def test_windows_1258_plan_is_decoded_and_noted():
    cp1258 = extract(read_document(CORPUS / "plan_cp1258.txt"))
    utf8 = extract(read_document(SEED))
    assert cp1258.doc.encoding == "cp1258"
    assert any("1258" in note for note in cp1258.to_json()["notes"])
    assert cp1258.plan_id == utf8.plan_id  # same words: the same plan, whatever the encoding


@pytest.mark.parametrize("name", [n for n in GOOD_VARIANTS if "utf" in n])
def test_utf16_and_utf8_bom_plans_read_as_the_same_plan_with_their_encoding(name):
    variant = extract(read_document(CORPUS / name))
    utf8 = extract(read_document(SEED))
    assert variant.doc.encoding == GOOD_VARIANTS[name]
    assert variant.plan_id == utf8.plan_id and variant.doc.text == utf8.doc.text
    guessed = [n for n in variant.to_json()["notes"] if "UTF-16" in n]
    assert bool(guessed) == name.endswith("_nobom.txt")  # a guess is said; a BOM is not a guess


def test_cli_extract_reads_every_encoding_variant_as_the_seed():
    names = [str(CORPUS / n) for n in GOOD_VARIANTS]
    run = subprocess.run(
        [sys.executable, "-m", "cchc", "extract", str(SEED), *names],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    seed, *records = [json.loads(line) for line in run.stdout.splitlines()]
    assert run.returncode == 0, run.stdout
    assert len(records) == len(GOOD_VARIANTS)
    for record in records:
        assert "error" not in record, record
        assert (record["plan_id"], record["metadata"]) == (seed["plan_id"], seed["metadata"])
        assert record["present"] == seed["present"]


def test_a_build_stores_a_utf16_plan_once_with_its_encoding(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("plan_utf16le_nobom.txt", "plan_utf16be_nobom.txt"):
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    report = build_database(folder, tmp_path / "x.duckdb", progress=False)
    assert (report.count("added"), report.count("duplicate")) == (1, 1)
    with duckdb.connect(str(tmp_path / "x.duckdb"), read_only=True) as con:
        [(encoding, notes)] = con.execute("SELECT encoding, notes FROM plans").fetchall()
    assert encoding == "utf-16-be"  # files are read in name order: the BE file comes first
    assert any("UTF-16 BE" in note for note in notes)


def test_not_a_plan_says_why_and_can_be_forced():
    error = _error_for(CORPUS / "not_a_plan.txt")
    assert "cải cách hành chính" in error.message_vi
    forced = extract(read_document(CORPUS / "not_a_plan.txt"), force=True)
    assert forced.plan_doubts
    # Stored with the plan and printed by `extract` as "vi / en", like the reader's own notes.
    assert all(len(note.split(" / ")) == 2 for note in forced.to_json()["notes"])


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_not_a_plan_gives_each_language_its_own_reasons_only():
    error = _error_for(CORPUS / "not_a_plan.txt")
    vi, en = error.message_vi, error.message_en
    assert (
        "không nói đến cải cách hành chính" in vi and "never mentions administrative reform" in en
    )
    outside_quotes = re.sub(r"'[^']*'", "", en)  # "no 'Kế hoạch' title" names the word it lacks
    assert outside_quotes.isascii(), f"Vietnamese words in the English message: {en}"
    english = {word for word in _words(outside_quotes) if len(word) > 3} - {"cchc"}
    assert not english & _words(vi), f"English words in the Vietnamese message: {vi}"
    assert " / " not in vi and " / " not in en


def test_a_build_with_bad_files_stores_only_the_good_plan(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in EXPECTED:
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    (folder / "good.txt").write_bytes(Path("data/plans/003_6c615e608a24bf4c.txt").read_bytes())
    report = build_database(folder, tmp_path / "x.duckdb", progress=False)
    assert report.count("added") == 1
    assert report.count("rejected") == len(EXPECTED) - 1  # the .xlsx is not a plan file at all
    with duckdb.connect(str(tmp_path / "x.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM plans").fetchone() == (1,)


def test_cli_extract_reports_errors_as_json_and_fails():
    run = subprocess.run(
        [sys.executable, "-m", "cchc", "extract", str(CORPUS / "empty.txt"),
         "data/plans/000_4eaf13089674b3df.txt"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert run.returncode == 1
    assert records[0]["error"]["code"] == "empty"
    assert records[1]["metadata"]["province"] == "Hà Giang"
