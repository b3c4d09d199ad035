"""Build the database from a folder of plans: a new file, written whole, swapped in atomically.

A failed or killed build leaves the previous database untouched: rows go to a temporary file in
the same folder, which replaces the real one (os.replace) only once it is complete.
"""

from __future__ import annotations

import fcntl
import gc
import os
import shlex
import sys
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from cchc.errors import CchcError, DuplicatePlan, StoreError
from cchc.i18n import t
from cchc.parse.codebook import load_codebook
from cchc.parse.extract import EXTRACTOR_VERSION, plan_id_of
from cchc.read import FORMATS, MAX_BYTES, read_bytes, too_large
from cchc.store.batch import RowBatch
from cchc.store.corrections import correction_rows, corrections_path, load_corrections
from cchc.store.pool import imap_in_workers
from cchc.store.reference import load_reference_tables
from cchc.store.rows import extract_corrected, plan_rows
from cchc.store.schema import DDL, SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PLANS = ROOT / "data" / "plans"
DEFAULT_DB = ROOT / "data" / "cchc.duckdb"


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
    unmatched_corrections: int = (
        0  # corrections of plans not in this build (file edited or removed)
    )

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    def summary(self) -> str:
        rate = self.count("added") / self.seconds if self.seconds else 0.0
        unmatched = self.unmatched_corrections
        return (
            f"{self.count('added')} kế hoạch / plans, {self.count('duplicate')} trùng / duplicates, "
            f"{self.count('rejected')} bị từ chối / rejected — {self.seconds:.1f} s "
            f"({rate:.0f} plans/s) → {self.db_path}"
        ) + (
            f"\n{unmatched} hiệu chỉnh không khớp kế hoạch nào (tệp kế hoạch đã sửa hoặc bị xóa?): "
            f"chúng được giữ trong {corrections_path(self.db_path).name} nhưng không được áp dụng. / "
            f"{unmatched} corrections match no plan (plan file edited or removed?): kept in "
            f"{corrections_path(self.db_path).name}, not applied."
            if unmatched
            else ""
        )


def default_plans_dir(db_path: Path) -> Path:
    """The plans folder of a database: data/plans for the bundled one, else "plans" beside it
    (where the app and `add` keep its files)."""
    if Path(db_path).resolve() == DEFAULT_DB.resolve():
        return DEFAULT_PLANS
    return Path(db_path).parent / "plans"


def rebuild_command(db_path: Path, plans_dir: Path | None = None) -> str:
    """The `python -m cchc build` line that rebuilds ``db_path`` from its plans folder; defaults
    are left out. ``plans_dir`` None: data/plans for the default database, else not known (DIR)."""
    parts = ["python -m cchc build"]
    default_db = Path(db_path).resolve() == DEFAULT_DB.resolve()
    if plans_dir is None:
        if not default_db:
            parts.append("--plans DIR")
    elif Path(plans_dir).resolve() != DEFAULT_PLANS.resolve():
        parts.append(f"--plans {shlex.quote(str(plans_dir))}")
    if not default_db:
        parts.append(f"--db {shlex.quote(str(db_path))}")
    return " ".join(parts)


def outdated_notice(
    coded_by: str, db_path: Path, plans_dir: Path | None = None, lang: str = "vi"
) -> str:
    """What to tell a user whose plans were coded by extractor ``coded_by``: "" when that is this
    program's version, else which versions and the exact line that recodes them."""
    if coded_by == EXTRACTOR_VERSION:
        return ""
    command = rebuild_command(db_path, plans_dir)
    return t("outdated_data", lang, old=coded_by, new=EXTRACTOR_VERSION, command=command)


def plan_files(plans_dir: Path) -> list[Path]:
    """Every readable plan file under a folder, in a stable order.

    A folder that does not exist is refused: a mistyped --plans would otherwise build an empty
    database and swap it in for the real one."""
    if not Path(plans_dir).is_dir():
        raise StoreError(
            f"Không có thư mục kế hoạch {plans_dir}: cơ sở dữ liệu không bị thay đổi.",
            f"There is no plans folder {plans_dir}: the database was not changed.",
        )
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


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cycle collector less often while coding plans in bulk.

    A build allocates millions of small objects, and the rows of up to batch.FLUSH_EVERY plans stay alive
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
        doc = read_bytes(data, name)
        # Coded with the analyst's corrected year, if any: it decides which results are past.
        mine = corrections.get(plan_id_of(doc), [])
        extraction = extract_corrected(doc, mine)
    except CchcError as error:
        return FileResult.refused(name, error), None
    return FileResult(name, "added", extraction.plan_id), plan_rows(extraction, mine)


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
    yield from imap_in_workers(_code_in_worker, items, jobs, _init_worker, (corrections,))


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
    with writer_lock(db_path):
        # Listed under the lock: a plan an `add` saves meanwhile is in the folder and the database.
        files = plan_files(plans_dir) if sources is None else None
        if files == [] and db_path.exists():  # an unmounted share must not empty the database
            raise StoreError(
                f"Thư mục {plans_dir} không có tệp kế hoạch nào ({', '.join(FORMATS)}): cơ sở "
                "dữ liệu không bị thay đổi.",
                f"The folder {plans_dir} holds no plan files ({', '.join(FORMATS)}): the "
                "database was not changed.",
            )
        items = _sources(files) if files is not None else sources
        total = len(files) if files is not None else None
        corrections = load_corrections(corrections_path(db_path))
        for stale in db_path.parent.glob(f".{db_path.name}.tmp-*"):  # left by a killed build
            stale.unlink(missing_ok=True)
        tmp_path = db_path.with_name(f".{db_path.name}.tmp-{os.getpid()}")
        try:
            # closing(): a failed or stopped build ends its worker pool here, not whenever the
            # generator happens to be collected.
            coded = closing(_coded(items, corrections, jobs))
            with fewer_collections(), duckdb.connect(str(tmp_path)) as con, coded as results:
                _fill(con, results, total, progress, report, corrections)
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
    report.unmatched_corrections = sum(len(c) for pid, c in corrections.items() if pid not in seen)
    rows = correction_rows(corrections)
    if rows:
        con.executemany("INSERT INTO corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.execute(
        "INSERT INTO build_info VALUES (now(), current_date, ?, ?, ?, ?, ?)",
        [report.count("added"), report.count("rejected"), EXTRACTOR_VERSION,
         load_codebook().version, SCHEMA_VERSION],
    )  # fmt: skip
