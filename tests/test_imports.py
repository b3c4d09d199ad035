"""Bring your own plans: add, correct, and nothing lost (rebuilds, concurrent imports, crashes)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import duckdb
import pytest

from cchc.errors import UnsafeArchive
from cchc.read import read_document
from cchc.store.build import DEFAULT_PLANS, build_database, plan_files
from cchc.store.corrections import corrections_path, make_correction
from cchc.store.imports import (
    PLAN_TABLES,
    add_plans,
    check_upload,
    expand_upload,
    record_corrections,
)
from tests.builders import write_docx, write_pdf

SEEDS = plan_files(DEFAULT_PLANS)


@pytest.fixture()
def small_db(three_seed_db: tuple[Path, Path]) -> tuple[Path, Path]:
    return three_seed_db


def _plans(db: Path) -> dict[str, tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT plan_id, province, year_from, corrected_fields FROM plans"
        ).fetchall()
    return {r[0]: r[1:] for r in rows}


def test_adding_a_plan_stores_it_and_its_file(small_db):
    db, plans = small_db
    results = add_plans(check_upload([(SEEDS[3].name, SEEDS[3].read_bytes())], db), db, plans)
    assert [r.status for r in results] == ["added"]
    assert len(_plans(db)) == 4 and (plans / SEEDS[3].name).exists()


def test_a_stored_plan_is_a_duplicate_that_names_its_twin(small_db):
    db, _ = small_db
    [checked] = check_upload([("copy.docx.txt", SEEDS[0].read_bytes())], db)
    assert checked.result.status == "duplicate" and SEEDS[0].name in checked.result.message_vi


def test_zip_with_a_path_outside_its_folder_is_refused(small_db):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../evil.txt", "x")
    with pytest.raises(UnsafeArchive):
        expand_upload("plans.zip", buffer.getvalue())


def test_zip_of_plans_is_expanded(small_db):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("batch/a.txt", SEEDS[3].read_bytes())
        archive.writestr("batch/readme.xlsx", b"x")
    assert [name for name, _ in expand_upload("plans.zip", buffer.getvalue())] == ["a.txt"]


def test_corrections_survive_a_full_rebuild(small_db):
    db, plans = small_db
    pid = next(p for p, row in _plans(db).items() if row[0] == "Hà Giang")
    record_corrections(db, [
        make_correction(pid, "year_from", 2025, 2024, "analyst@bnv", "năm ghi sai"),
        make_correction(pid, "category:channel/mang_xa_hoi", None, "present", "analyst@bnv", "có Zalo"),
    ])  # fmt: skip
    assert _plans(db)[pid][1] == 2024
    build_database(plans, db, progress=False)  # a rebuild from scratch
    assert _plans(db)[pid][1] == 2024 and "year_from" in _plans(db)[pid][2]
    with duckdb.connect(str(db), read_only=True) as con:
        corrected = con.execute(
            "SELECT corrected FROM presence WHERE plan_id = ? AND category_id = 'mang_xa_hoi'",
            [pid],
        ).fetchone()
        assert corrected == (True,)
        assert con.execute("SELECT count(*) FROM corrections").fetchone() == (2,)
    assert corrections_path(db).read_text(encoding="utf-8").count("\n") == 2


def test_two_concurrent_imports_keep_both_plans(small_db):
    db, plans = small_db
    errors: list[BaseException] = []

    def run(seed: Path) -> None:
        try:
            add_plans(check_upload([(seed.name, seed.read_bytes())], db), db, plans)
        except BaseException as error:  # surfaced below: a thread would swallow it
            errors.append(error)

    threads = [threading.Thread(target=run, args=(seed,)) for seed in SEEDS[3:5]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == [] and len(_plans(db)) == 5


def test_a_killed_import_leaves_the_database_as_it_was(small_db):
    db, plans = small_db
    before = _plans(db)
    script = (
        "import os\n"
        "import cchc.store.imports as imports\n"
        "from pathlib import Path\n"
        "def crash(con):\n"
        "    os._exit(9)\n"
        "imports.RowBatch.flush = lambda self: crash(self.con)\n"
        f"seed = Path({str(SEEDS[4])!r})\n"
        f"imports.add_plans(imports.check_upload([(seed.name, seed.read_bytes())], Path({str(db)!r})),"
        f" Path({str(db)!r}), Path({str(plans)!r}))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], check=False, env={**os.environ})
    assert run.returncode == 9
    assert _plans(db) == before


def test_cli_add_gives_one_line_per_file_and_fails_on_rejects(small_db):
    db, plans = small_db
    run = subprocess.run(
        [sys.executable, "-m", "cchc", "add", str(SEEDS[3]), "tests/bad_inputs/empty.txt",
         "--db", str(db), "--plans", str(plans)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    lines = run.stdout.strip().splitlines()
    assert run.returncode == 1
    assert lines[0].startswith("added") and lines[1].startswith("rejected") and "rỗng" in lines[1]


def test_corrections_export_and_import_between_databases(small_db, tmp_path):
    db, plans = small_db
    pid = next(p for p, row in _plans(db).items() if row[0] == "Cao Bằng")
    record_corrections(db, [make_correction(pid, "province", "Cao Bằng", "Lạng Sơn", "a", "thử")])
    exported = corrections_path(db).read_bytes()
    other = tmp_path / "other" / "cchc.duckdb"
    other.parent.mkdir()
    build_database(plans, other, progress=False)
    from cchc.store.imports import import_corrections

    assert import_corrections(other, exported) == 1
    assert import_corrections(other, exported) == 0  # importing twice adds nothing
    assert _plans(other)[pid][0] == "Lạng Sơn"


def test_a_sector_correction_regroups_the_plan(small_db):
    db, _ = small_db
    pid = next(p for p, row in _plans(db).items() if row[0] == "Hà Tĩnh")
    record_corrections(db, [make_correction(pid, "sector", "Ngoại vụ", "Nội vụ", "a", "ghi nhầm")])
    with duckdb.connect(str(db), read_only=True) as con:
        sectors = con.execute(
            "SELECT DISTINCT sector FROM plan_years WHERE plan_id = ?", [pid]
        ).fetchall()
    assert sectors == [("Nội vụ",)]


@pytest.mark.parametrize(
    "line,reason",
    [('{"correction_id":"b1","plan_id":"P","field":"year_from","new_value":"năm 2024"}', "năm"),
     ('{"correction_id":"b2","plan_id":"P","field":"year_to","new_value":"2000000"}', "năm"),
     ('{"correction_id":"b3","plan_id":"P","field":"raw","new_value":"x"}', "trường"),
     ('{"correction_id":"b4","plan_id":"P","field":"category:channel/zalo","new_value":"present"}',
      "bộ mã"),
     ('{"correction_id":"b5","plan_id":"P","field":"sector","new_value":"x","created_at":"hôm qua"}',
      "thời điểm"),
     ('{"correction_id":"b6","plan_id":"P","field":"category:channel/tthc","new_value":"present"}',
      "bộ mã")],
)  # fmt: skip
def test_a_corrections_file_with_one_bad_line_is_refused_whole_and_builds_go_on(
    small_db, line, reason
):
    from cchc.errors import InputError
    from cchc.store.imports import import_corrections

    db, plans = small_db
    pid = next(iter(_plans(db)))
    good = make_correction(pid, "sector", None, "Nội vụ", "a")
    data = (json.dumps(good) + "\n" + line.replace('"P"', f'"{pid}"') + "\n").encode()
    with pytest.raises(InputError) as refused:
        import_corrections(db, data)
    assert "Dòng 2" in refused.value.message_vi and reason in refused.value.message_vi
    assert "Line 2" in refused.value.message_en
    assert not corrections_path(db).exists()  # nothing written, not even the good line
    # A bad line already in the file (written by hand, or before this check) is skipped loudly.
    corrections_path(db).write_text(line.replace('"P"', f'"{pid}"') + "\n", encoding="utf-8")
    assert build_database(plans, db, progress=False).count("added") == 3


def test_a_correction_that_ends_a_plan_before_it_starts_is_refused(small_db):
    from cchc.errors import InputError

    db, _ = small_db
    pid = next(p for p, row in _plans(db).items() if row[0] == "Hà Giang")  # a 2025 plan
    with pytest.raises(InputError) as refused:
        record_corrections(db, [make_correction(pid, "year_to", 2025, 2020, "a")])
    assert "2020" in refused.value.message_vi and "before" in refused.value.message_en
    assert _plans(db)[pid][1] == 2025 and not corrections_path(db).exists()


def test_a_build_says_which_corrections_no_longer_match_a_plan(small_db):
    # Editing a plan file gives it a new id: its correction is kept but no longer applies.
    db, plans = small_db
    pid = next(p for p, row in _plans(db).items() if row[0] == "Hà Giang")
    record_corrections(db, [make_correction(pid, "sector", None, "Nội vụ", "a")])
    edited = next(f for f in plan_files(plans) if "Hà Giang" in f.read_text(encoding="utf-8"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nGhi chú thêm.\n", encoding="utf-8")
    summary = build_database(plans, db, progress=False).summary()
    assert (
        "1 hiệu chỉnh không khớp kế hoạch nào" in summary
        and "1 corrections match no plan" in summary
    )


def test_cli_add_keeps_files_beside_its_database_and_rejects_a_zip_with_no_plan(small_db, tmp_path):
    db, plans = small_db  # plans/ beside cchc.duckdb, as the app keeps them
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("readme.xlsx", b"x")
    run = subprocess.run(
        [sys.executable, "-m", "cchc", "add", str(SEEDS[3]), str(empty), "--db", str(db)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 1
    assert "rejected  " + str(empty) + ": Tệp zip không chứa tệp kế hoạch nào" in run.stdout
    assert (plans / SEEDS[3].name).exists()
    assert not (DEFAULT_PLANS / "plans").exists() and len(plan_files(DEFAULT_PLANS)) == 5


def test_a_zip_with_a_damaged_member_is_refused_with_a_message():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", SEEDS[3].read_bytes())
    data = bytearray(buffer.getvalue())
    data[60:80] = bytes(20)  # inside the compressed member
    with pytest.raises(UnsafeArchive) as refused:
        expand_upload("plans.zip", bytes(data))
    assert "Tệp zip hỏng" in refused.value.message_vi and "Broken zip" in refused.value.message_en


def _plan_tables(db: Path, pid: str) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            table: sorted(
                con.execute(f"SELECT * FROM {table} WHERE plan_id = ?", [pid]).fetchall(), key=str
            )
            for table in PLAN_TABLES
        }


@pytest.mark.parametrize("kind", ["docx", "pdf", "cp1258"])
def test_a_correction_keeps_a_word_pdf_or_cp1258_plan_as_a_rebuild_reads_it(tmp_path, kind):
    """Applying a correction re-codes the plan from its kept text: its format, encoding notes and
    every row must be those a rebuild from the file gives (it was re-read as a .txt)."""
    plans = tmp_path / "plans"
    plans.mkdir()
    if kind == "cp1258":
        (plans / "plan.txt").write_bytes(Path("tests/bad_inputs/plan_cp1258.txt").read_bytes())
    else:
        write = write_docx if kind == "docx" else write_pdf
        write(plans / f"plan.{kind}", read_document(SEEDS[1]).text)
    db = tmp_path / "cchc.duckdb"
    build_database(plans, db, progress=False)
    [pid] = _plans(db)
    record_corrections(db, [make_correction(pid, "sector", None, "Nội vụ", "a", "ghi nhầm")])
    corrected = _plan_tables(db, pid)
    assert corrected["plans"][0][3:5] == (("txt", "cp1258") if kind == "cp1258" else (kind, kind))
    build_database(plans, db, progress=False)  # the same correction, applied by a rebuild
    assert corrected == _plan_tables(db, pid)
