"""One file per defect (tests/bad_inputs/): each gets its own clear error and changes nothing."""

from __future__ import annotations

import json
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
}


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
    assert files - {"plan_cp1258.txt"} == set(EXPECTED)


def test_fifty_megabyte_file_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    error = _error_for(huge)
    assert error.code == "too_large" and "50.0 MB" in error.message_vi


def test_windows_1258_plan_is_decoded_and_noted():
    cp1258 = extract(read_document(CORPUS / "plan_cp1258.txt"))
    utf8 = extract(read_document(Path("data/plans/001_dffca6ef078e301f.txt")))
    assert cp1258.doc.encoding == "cp1258"
    assert any("1258" in note for note in cp1258.to_json()["notes"])
    assert cp1258.plan_id == utf8.plan_id  # same words: the same plan, whatever the encoding


def test_not_a_plan_says_why_and_can_be_forced():
    error = _error_for(CORPUS / "not_a_plan.txt")
    assert "cải cách hành chính" in error.message_vi
    forced = extract(read_document(CORPUS / "not_a_plan.txt"), force=True)
    assert forced.plan_doubts


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
