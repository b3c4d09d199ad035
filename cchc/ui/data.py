"""Data access for the dashboard: one cached read-only connection, cached query results.

Caches are keyed by the database path and its mtime, so a rebuild (atomic file swap) is picked
up on the next rerun without restarting the server.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from cchc.errors import CchcError
from cchc.export.captions import heatmap_note, label_provinces, pooled_note  # noqa: F401  (pages)
from cchc.i18n import t
from cchc.store.build import (
    DEFAULT_DB,
    DEFAULT_PLANS,
    build_database,
    default_plans_dir,
)
from cchc.store.db import Filters, connect, needs_build, run_query


def db_path() -> Path:
    """CCHC_DB when set (tests use a temp file), else the package's default database."""
    return Path(os.environ.get("CCHC_DB") or DEFAULT_DB)


def plans_dir() -> Path:
    """Where the database's plan files live: what imports add to and what a rebuild reads.

    data/plans for the default database; else CCHC_PLANS, or a "plans" folder beside CCHC_DB."""
    db = db_path()
    if db.resolve() == DEFAULT_DB.resolve():
        return DEFAULT_PLANS
    return Path(os.environ.get("CCHC_PLANS") or default_plans_dir(db))


def ensure_db(lang: str = "vi") -> Path:
    """The database path; with no database (first run) or one of an older schema, build it.

    Rebuilding is safe: plans come from the plans folder and corrections from their own file.
    A database in a new place starts from a copy of the bundled plans, so its imports and its
    rebuilds use one folder; an existing database whose folder is gone is left as it was."""
    path = db_path()
    if needs_build(path):
        plans = plans_dir()
        with st.spinner(t("building_db", lang, plans=plans)):
            if not plans.exists() and not path.exists():
                shutil.copytree(DEFAULT_PLANS, plans)
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                build_database(plans, path, progress=False)
            except CchcError as error:  # e.g. its plans folder is missing: say so, change nothing
                st.error(f"{error.message_vi}\n\n{error.message_en}")
                st.stop()
    return path


@st.cache_resource(show_spinner=False, max_entries=4)
def _connection(path: str, mtime: float) -> tuple[duckdb.DuckDBPyConnection, threading.Lock]:
    # mtime is part of the key only: a rebuilt file gets a fresh connection. The lock serialises
    # sessions on the one connection (a cursor would lose the connection's filter macro).
    return connect(Path(path), read_only=True), threading.Lock()


@st.cache_data(show_spinner=False, max_entries=512)
def _cached(path: str, mtime: float, name: str, params: tuple) -> pd.DataFrame:
    con, lock = _connection(path, mtime)
    with lock:
        return run_query(con, name, {k: list(v) if isinstance(v, tuple) else v for k, v in params})


def query(name: str, filters: Filters | None = None, **extra: object) -> pd.DataFrame:
    """Run a named query with the filters' parameters plus ``extra``; cached per name+params."""
    path = ensure_db()
    params = dict(filters.params()) if filters else {}
    params.update(extra)
    key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))
    return _cached(str(path), path.stat().st_mtime, name, key).copy()


def data_info() -> dict[str, object]:
    """The latest build's date, plan count and extractor version (for captions and the sidebar)."""
    info = query("data_info")
    if info.empty:
        return {"data_date": "?", "n_plans": 0, "extractor_version": None}
    row = info.iloc[0]
    return {
        "data_date": str(row["data_date"])[:10],
        "n_plans": int(row["n_plans"]),
        "extractor_version": str(row["extractor_version"] or "?"),
    }
