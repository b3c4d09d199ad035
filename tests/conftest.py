"""Shared fixtures: the bundled plans, read once, and a real DuckDB built from them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from cchc.parse.extract import extract
from cchc.read import read_document
from cchc.store.build import DEFAULT_PLANS, build_database
from cchc.store.db import connect, run_query

SEEDS = {
    "ha_giang": "000_4eaf13089674b3df.txt",
    "ha_tinh": "001_dffca6ef078e301f.txt",
    "cao_bang": "002_73c13d778971c9c9.txt",
    "an_giang": "003_6c615e608a24bf4c.txt",
    "son_la": "004_63e9c6af6d83632b.txt",
}

# The six content areas as the dashboard labels them (short labels, codebook order).
AREAS_VI = [
    "Thể chế",
    "Thủ tục hành chính",
    "Bộ máy",
    "Công vụ",
    "Tài chính công",
    "Chính quyền số",
]


def seed_path(key: str) -> Path:
    return DEFAULT_PLANS / SEEDS[key]


@contextmanager
def query_runner(db: Path) -> Iterator[Callable]:
    """``run(name, params)`` on one open connection to ``db``, as the exports take it."""
    con = connect(db)
    try:
        yield lambda name, params: run_query(con, name, params)
    finally:
        con.close()


@pytest.fixture(scope="session")
def seed_extractions():
    return {key: extract(read_document(seed_path(key))) for key in SEEDS}


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    db_path = tmp_path_factory.mktemp("db") / "cchc.duckdb"
    build_database(DEFAULT_PLANS, db_path, progress=False)
    return db_path


@pytest.fixture()
def app_on_seed_db(seed_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The dashboard reads the seed database (CCHC_DB), never the repository's data/."""
    monkeypatch.setenv("CCHC_DB", str(seed_db))
    return seed_db


@pytest.fixture()
def three_seed_db(tmp_path: Path) -> tuple[Path, Path]:
    """A database of the first three seeds, with its own plans folder (imports write there)."""
    plans = tmp_path / "plans"
    plans.mkdir()
    for seed in sorted(DEFAULT_PLANS.glob("*.txt"))[:3]:
        (plans / seed.name).write_bytes(seed.read_bytes())
    db = tmp_path / "cchc.duckdb"
    build_database(plans, db, progress=False)
    return db, plans
