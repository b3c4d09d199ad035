"""Adding plans to an existing database: validate, then write safely.

Validation (``check_upload``) writes nothing. ``add_plans`` takes the writer lock, copies each
accepted file into the plans folder (the folder is the truth a rebuild starts from), then writes the
new rows into a copy of the database and swaps it in: readers keep reading the old file, a second
import waits for the lock, and a crash at any point leaves the database as it was.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import duckdb

from cchc.errors import CchcError, DuplicatePlan, FileTooLarge, InputError, UnsafeArchive
from cchc.files import replace_file
from cchc.parse.extract import Extraction, plan_id_of
from cchc.read import FORMATS, MAX_BYTES, document_from_text, read_bytes
from cchc.store.batch import RowBatch
from cchc.store.build import FileResult, build_database, writer_lock
from cchc.store.corrections import (
    append_corrections,
    correction_problem,
    correction_rows,
    corrections_path,
    load_corrections,
)
from cchc.store.db import connect
from cchc.store.rows import check_year_order, extract_corrected, plan_rows
from cchc.store.schema import COLUMNS

PLAN_TABLES = list(COLUMNS)  # every table keyed by plan_id

MAX_ZIP_MEMBERS = 500
MAX_ZIP_BYTES = 200 * 1024 * 1024


@dataclass
class Checked:
    """One uploaded file after validation: a result to show and, if readable, its extraction."""

    name: str
    data: bytes
    result: FileResult
    extraction: Extraction | None = None


def expand_upload(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """A .zip becomes its plan files (refusing paths outside the folder); other files pass through."""
    if not name.lower().endswith(".zip"):
        return [(name, data)]
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise UnsafeArchive(f"Tệp zip hỏng: {error}", f"Broken zip file: {error}") from error
    members = [m for m in archive.infolist() if not m.is_dir()]
    for member in members:
        path = PurePosixPath(member.filename.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts:
            raise UnsafeArchive(
                f"Tệp zip chứa đường dẫn ra ngoài thư mục: {member.filename}. Không nhập gì cả.",
                f"The zip holds a path outside its folder: {member.filename}. Nothing imported.",
            )
    if len(members) > MAX_ZIP_MEMBERS or sum(m.file_size for m in members) > MAX_ZIP_BYTES:
        raise FileTooLarge(
            "Tệp zip quá lớn khi giải nén (tối đa 500 tệp, 200 MB).",
            "The zip is too large once unpacked (at most 500 files, 200 MB).",
        )
    plans = [m for m in members if PurePosixPath(m.filename).suffix.lower() in FORMATS]
    if not plans:
        raise InputError(
            f"Tệp zip không chứa tệp kế hoạch nào ({', '.join(FORMATS)}).",
            f"The zip holds no plan file ({', '.join(FORMATS)}).",
        )
    try:
        return [(PurePosixPath(m.filename).name, archive.read(m)) for m in plans]
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:  # a damaged member
        raise UnsafeArchive(f"Tệp zip hỏng: {error}", f"Broken zip file: {error}") from error


def _stored_ids(db_path: Path) -> dict[str, str]:
    if not Path(db_path).exists():
        return {}
    with duckdb.connect(str(db_path), read_only=True) as con:
        return dict(con.execute("SELECT plan_id, source FROM plans").fetchall())


def check_upload(
    items: list[tuple[str, bytes]], db_path: Path, force: bool = False
) -> list[Checked]:
    """Read and code every file; say what would happen to each. Writes nothing."""
    stored = _stored_ids(db_path)
    # A plan taken out of the folder and added again keeps its corrections (add_plans applies
    # them): its facts are judged with its corrected year, as a rebuild judges them.
    corrections = load_corrections(corrections_path(db_path))
    seen: dict[str, str] = {}
    checked: list[Checked] = []
    for name, data in items:
        try:
            doc = read_bytes(data, name, MAX_BYTES)
            mine = corrections.get(plan_id_of(doc), [])
            extraction = extract_corrected(doc, mine, force=force)
        except CchcError as error:
            result = FileResult.refused(name, error)
            checked.append(Checked(name, data, result))
            continue
        pid = extraction.plan_id
        twin = stored.get(pid) or seen.get(pid)
        if twin:
            dup = DuplicatePlan(
                f"Trùng với kế hoạch đã có: {twin} (mã {pid}).",
                f"Duplicate of a stored plan: {twin} (id {pid}).",
            )
            result = FileResult.refused(name, dup, pid)
        else:
            result = FileResult(name, "ready", pid)
            seen[pid] = name
        checked.append(Checked(name, data, result, extraction))
    return checked


def _save_file(plans_dir: Path, name: str, data: bytes, saved: list[Path]) -> None:
    """Copy a plan into the folder under a free name (the same bytes already there are left be).
    A new file goes on ``saved`` before it exists: an import stopped at any point takes it back."""
    plans_dir.mkdir(parents=True, exist_ok=True)
    target = plans_dir / Path(name).name
    stem, suffix, number = target.stem, target.suffix, 1
    while target.exists() and target.read_bytes() != data:
        number += 1
        target = plans_dir / f"{stem}_{number}{suffix}"
    if target.exists():
        return
    saved.append(target)
    replace_file(target, data)  # a crash never leaves half a plan in the folder


def add_plans(checked: list[Checked], db_path: Path, plans_dir: Path) -> list[FileResult]:
    """Store every 'ready' file: into the plans folder, then into the database, atomically."""
    db_path = Path(db_path)
    ready = [c for c in checked if c.result.status == "ready" and c.extraction]
    if ready and not db_path.exists():
        Path(plans_dir).mkdir(parents=True, exist_ok=True)  # a new database's folder may be new too
        build_database(plans_dir, db_path, progress=False)  # first import: start from the folder
    with writer_lock(db_path):
        stored = _stored_ids(db_path)  # another import may have landed while we waited
        ready = [c for c in ready if c.result.plan_id not in stored]
        if not ready:
            return [c.result for c in checked]
        corrections = load_corrections(corrections_path(db_path))
        saved: list[Path] = []

        def insert(con: duckdb.DuckDBPyConnection) -> None:
            batch = RowBatch(con)
            for item in ready:
                _save_file(plans_dir, item.name, item.data, saved)
                batch.add(plan_rows(item.extraction, corrections.get(item.result.plan_id, [])))
            batch.flush()
            con.execute(
                "UPDATE build_info SET n_plans = (SELECT count(*) FROM plans), data_date = current_date"
            )

        unchanged = db_path.stat().st_ino  # the swap puts another file (inode) in its place
        try:
            _swap_in(db_path, insert)
        except BaseException:
            # Failed or stopped (Ctrl-C) before the swap: the folder goes back with the database,
            # or the next build would add plans this import said were not added.
            if db_path.stat().st_ino == unchanged:
                for path in saved:
                    path.unlink(missing_ok=True)
            raise
    for item in ready:
        item.result.status = "added"
    return [c.result for c in checked]


def _swap_in(db_path: Path, edit) -> None:
    """Apply ``edit(con)`` to a copy of the database and swap it in (caller holds the lock)."""
    tmp = db_path.with_name(f".{db_path.name}.tmp-{os.getpid()}")
    try:
        shutil.copyfile(db_path, tmp)
        with duckdb.connect(str(tmp)) as con:
            edit(con)
            con.execute("CHECKPOINT")
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)


def record_corrections(db_path: Path, items: list[dict]) -> None:
    """Save corrections to the corrections file first (the truth), then re-code their plans."""
    db_path = Path(db_path)
    with writer_lock(db_path):
        _check_year_order(db_path, items)
        append_corrections(corrections_path(db_path), items)
        corrections = load_corrections(corrections_path(db_path))
        plan_ids = sorted({item["plan_id"] for item in items})

        def recode(con: duckdb.DuckDBPyConnection) -> None:
            batch = RowBatch(con)
            for pid in plan_ids:
                row = con.execute(
                    "SELECT raw, source, fmt, encoding FROM plans WHERE plan_id = ?", [pid]
                ).fetchone()
                if row is None:
                    continue
                # Re-coded from the text kept at its first reading, as read then: a PDF or Word
                # plan stays one (its rows are those a rebuild from its file gives).
                mine = corrections.get(pid, [])
                extraction = extract_corrected(document_from_text(*row), mine, force=True)
                for table in PLAN_TABLES:
                    con.execute(f"DELETE FROM {table} WHERE plan_id = ?", [pid])
                batch.add(plan_rows(extraction, mine))
            batch.flush()
            con.execute("DELETE FROM corrections")
            rows = correction_rows(corrections)
            if rows:
                con.executemany("INSERT INTO corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

        _swap_in(db_path, recode)


def _check_year_order(db_path: Path, items: list[dict]) -> None:
    """The stored years of the corrected plans, checked with the corrections on top."""
    pids = sorted({item["plan_id"] for item in items})
    with connect(db_path) as con:
        found = con.execute(
            "SELECT plan_id, year_from, year_to FROM plans WHERE list_contains(?, plan_id)", [pids]
        ).fetchall()
    stored = {pid: (start, end) for pid, start, end in found}
    check_year_order({pid: stored.get(pid, (None, None)) for pid in pids}, items)


def import_corrections(db_path: Path, data: bytes) -> int:
    """Merge a corrections file exported elsewhere; returns how many corrections were new."""
    known = {
        c["correction_id"]
        for items in load_corrections(corrections_path(db_path)).values()
        for c in items
    }
    incoming = []
    for number, line in enumerate(data.decode("utf-8-sig").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            problem = correction_problem(item)
        except json.JSONDecodeError:
            item, problem = None, ("không phải JSON", "not JSON")
        if problem:  # refuse the whole file: nothing is written
            raise InputError(
                f"Dòng {number} của tệp hiệu chỉnh không hợp lệ ({problem[0]}); không có gì được ghi.",
                f"Line {number} of the corrections file is invalid ({problem[1]}); nothing was saved.",
            )
        if item["correction_id"] not in known:
            incoming.append(item)
            known.add(item["correction_id"])
    if incoming:
        record_corrections(db_path, incoming)
    return len(incoming)
