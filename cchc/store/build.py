"""Build the database from a folder of plans: a new file, written whole, swapped in atomically.

A failed or killed build leaves the previous database untouched: rows go to a temporary file in
the same folder, which replaces the real one (os.replace) only once it is complete.
"""

from __future__ import annotations

import fcntl
import gc
import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from cchc.errors import CchcError, DuplicatePlan
from cchc.parse.codebook import load_codebook
from cchc.parse.extract import EXTRACTOR_VERSION, extract
from cchc.read import FORMATS, MAX_BYTES, read_bytes, too_large
from cchc.store.corrections import correction_rows, corrections_path, load_corrections
from cchc.store.reference import load_reference_tables
from cchc.store.rows import plan_rows
from cchc.store.schema import COLUMNS, DDL, SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PLANS = ROOT / "data" / "plans"
DEFAULT_DB = ROOT / "data" / "cchc.duckdb"
FLUSH_EVERY = 2000


@dataclass
class FileResult:
    source: str
    status: str  # added, duplicate, rejected
    plan_id: str | None = None
    code: str | None = None
    message_vi: str = ""
    message_en: str = ""

    @classmethod
    def refused(cls, name: str, error: CchcError, plan_id: str | None = None) -> FileResult:
        """A file refused for ``error``; a duplicate (DuplicatePlan) keeps the id it duplicates."""
        status = "duplicate" if isinstance(error, DuplicatePlan) else "rejected"
        return cls(name, status, plan_id, error.code, error.message_vi, error.message_en)


@dataclass
class BuildReport:
    db_path: Path
    results: list[FileResult] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    def summary(self) -> str:
        rate = self.count("added") / self.seconds if self.seconds else 0.0
        return (
            f"{self.count('added')} kế hoạch / plans, {self.count('duplicate')} trùng / duplicates, "
            f"{self.count('rejected')} bị từ chối / rejected — {self.seconds:.1f} s "
            f"({rate:.0f} plans/s) → {self.db_path}"
        )


def plan_files(plans_dir: Path) -> list[Path]:
    """Every readable plan file under a folder, in a stable order."""
    return sorted(
        p for p in Path(plans_dir).rglob("*") if p.is_file() and p.suffix.lower() in FORMATS
    )


@contextmanager
def writer_lock(db_path: Path) -> Iterator[None]:
    """One writer at a time per database; readers are never blocked (they read the old file)."""
    lock_path = Path(db_path).with_suffix(".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# DuckDB column types -> Arrow types. Giving Arrow the types (instead of letting it infer them
# from Python objects) makes the conversion ~4x faster; dates arrive as ISO strings and DuckDB
# casts them on insert.
_ARROW_TYPES = {
    "VARCHAR": pa.string(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
    "DATE": pa.string(), "JSON": pa.string(), "VARCHAR[]": pa.list_(pa.string()),
}  # fmt: skip


# Tables derived in SQL from a batch's plans and presence rows: one row per plan and year it covers
# (a 2022-2025 plan counts in each year). Cheaper than building them in Python, and they cannot
# disagree with the rows they come from. They read the views batch_plans and batch_presence that
# RowBatch.flush registers (the replication benchmark registers views of the same names).
DERIVED_SQL = (
    """INSERT INTO plan_years
       SELECT plan_id, unnest(generate_series(year_from, coalesce(year_to, year_from))),
              province, province_2025, issuer_level, sector, year_from
       FROM batch_plans WHERE year_from IS NOT NULL""",
    """INSERT INTO presence_by_year
       SELECT y.plan_id, y.year, y.province, y.province_2025, y.issuer_level, y.sector,
              pr.family, pr.category_id, pr.n_mentions, y.plan_year_from
       FROM plan_years y JOIN batch_presence pr ON pr.plan_id = y.plan_id""",
)
DERIVED_TABLES = ("plan_years", "presence_by_year")


class RowBatch:
    """Rows buffered per table and flushed to DuckDB in bulk (row-by-row inserts are ~100x slower)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        tables = [table for table in COLUMNS if table not in DERIVED_TABLES]
        self.types = {table: self._arrow_types(table) for table in tables}
        self.columns: dict[str, list[list]] = {t: [[] for _ in self.types[t]] for t in tables}
        self.pending = 0

    def _arrow_types(self, table: str) -> list[pa.DataType]:
        found = self.con.execute(
            "SELECT data_type FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position",
            [table],
        ).fetchall()
        return [_ARROW_TYPES[data_type] for (data_type,) in found]

    def add(self, rows: dict[str, list[tuple]]) -> None:
        """One plan's rows (``plan_rows``), kept as columns: ``zip`` turns them in C, and Arrow
        takes the columns as they are (2x faster than taking rows apart column by column)."""
        for table, table_rows in rows.items():
            if table_rows:
                for column, values in zip(
                    self.columns[table], zip(*table_rows, strict=True), strict=True
                ):
                    column.extend(values)
        self.pending += 1
        if self.pending >= FLUSH_EVERY:
            self.flush()

    def _frame(self, table: str) -> pa.Table:
        arrays = [
            pa.array(column, type=kind)
            for column, kind in zip(self.columns[table], self.types[table], strict=True)
        ]
        return pa.Table.from_arrays(arrays, names=COLUMNS[table])

    def flush(self) -> None:
        if not self.pending:
            return
        # One transaction for the whole batch: each autocommitted INSERT would write its own
        # commit to the file (~25 % of the flush). The file is swapped in only when complete,
        # so nothing is lost by committing less often.
        self.con.begin()
        try:
            for table in self.columns:
                self.con.register(f"batch_{table}", self._frame(table))
                self.con.execute(f"INSERT INTO {table} SELECT * FROM batch_{table}")
            for statement in DERIVED_SQL:
                self.con.execute(statement)
            self.con.commit()
        except BaseException:
            self.con.rollback()
            raise
        for table, columns in self.columns.items():
            self.con.unregister(f"batch_{table}")
            for column in columns:
                column.clear()
        self.pending = 0


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cycle collector less often while coding plans in bulk.

    A build allocates millions of small objects, and the rows of up to FLUSH_EVERY plans stay alive
    until the next flush; the collector would walk them again and again (~10 % of build time).
    The rows hold no reference cycles: reference counting frees them.
    """
    threshold = gc.get_threshold()
    gc.freeze()  # modules, codebook and automata: never garbage, never walked again
    gc.set_threshold(50_000, 20, 100)
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _sources(files: Iterable[Path]) -> Iterator[tuple[str, bytes | Exception]]:
    for path in files:
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:  # refused before reading: a 50 MB file is never loaded
                yield path.name, too_large(size, MAX_BYTES)
            else:
                yield path.name, path.read_bytes()
        except OSError as error:
            yield path.name, error


def _code_one(
    item: tuple[str, bytes | Exception], corrections: dict
) -> tuple[FileResult, dict | None]:
    """Read and code one file into table rows (runs in a worker process when jobs > 1)."""
    name, data = item
    if isinstance(data, Exception):
        if isinstance(data, CchcError):
            return FileResult.refused(name, data), None
        return FileResult(name, "rejected", None, "io", str(data), str(data)), None
    try:
        extraction = extract(read_bytes(data, name))
    except CchcError as error:
        return FileResult.refused(name, error), None
    pid = extraction.plan_id
    return FileResult(name, "added", pid), plan_rows(extraction, corrections.get(pid, []))


_WORKER_CORRECTIONS: dict = {}


def _init_worker(corrections: dict) -> None:
    _WORKER_CORRECTIONS.update(corrections)


def _code_in_worker(item: tuple[str, bytes | Exception]) -> tuple[FileResult, dict | None]:
    return _code_one(item, _WORKER_CORRECTIONS)


def _coded(items, corrections: dict, jobs: int) -> Iterator[tuple[FileResult, dict | None]]:
    if jobs <= 1:
        for item in items:
            yield _code_one(item, corrections)
        return
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(jobs, _init_worker, (corrections,)) as pool:
        yield from pool.imap(_code_in_worker, items, chunksize=8)


def build_database(
    plans_dir: Path = DEFAULT_PLANS,
    db_path: Path = DEFAULT_DB,
    sources: Iterable[tuple[str, bytes | Exception]] | None = None,
    progress: bool = True,
    jobs: int = 1,
) -> BuildReport:
    """Build ``db_path`` from ``plans_dir`` (or from in-memory ``sources``); atomic swap at the end."""
    db_path = Path(db_path)
    started = datetime.now()
    report = BuildReport(db_path)
    files = plan_files(plans_dir) if sources is None else None
    items = _sources(files) if sources is None else sources
    total = len(files) if files is not None else None
    with writer_lock(db_path):
        corrections = load_corrections(corrections_path(db_path))
        for stale in db_path.parent.glob(f".{db_path.name}.tmp-*"):  # left by a killed build
            stale.unlink(missing_ok=True)
        tmp_path = db_path.with_name(f".{db_path.name}.tmp-{os.getpid()}")
        try:
            with fewer_collections(), duckdb.connect(str(tmp_path)) as con:
                _fill(con, _coded(items, corrections, jobs), total, progress, report, corrections)
                con.execute("CHECKPOINT")
            os.replace(tmp_path, db_path)
        finally:
            tmp_path.unlink(missing_ok=True)
            Path(str(tmp_path) + ".wal").unlink(missing_ok=True)
    report.seconds = (datetime.now() - started).total_seconds()
    return report


def _fill(con, coded, total, progress, report: BuildReport, corrections: dict) -> None:
    from tqdm import tqdm

    con.execute(DDL)
    load_reference_tables(con, load_codebook())
    batch = RowBatch(con)
    seen: set[str] = set()
    for result, rows in tqdm(
        coded, total=total, unit="plan", disable=not progress, file=sys.stderr
    ):
        if rows and result.plan_id in seen:  # the same words twice: one plan
            dup = DuplicatePlan("Trùng với một kế hoạch đã có.", "Same as a plan already loaded.")
            result = FileResult.refused(result.source, dup, result.plan_id)
            rows = None
        report.results.append(result)
        if rows:
            seen.add(result.plan_id)
            batch.add(rows)
    batch.flush()
    rows = correction_rows(corrections)
    if rows:
        con.executemany("INSERT INTO corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.execute(
        "INSERT INTO build_info VALUES (now(), current_date, ?, ?, ?, ?, ?)",
        [report.count("added"), report.count("rejected"), EXTRACTOR_VERSION,
         load_codebook().version, SCHEMA_VERSION],
    )  # fmt: skip
