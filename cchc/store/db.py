"""Read side: open the database and run the named queries in queries/ with bound parameters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from cchc.errors import QueryNotFound, StoreError
from cchc.store.schema import SCHEMA_VERSION

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"
_PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")

# The filter every dashboard query shares, as table macros so each query file stays one SELECT.
# Both read denormalised fact tables (filter dimensions copied in at build time), so dashboard
# queries filter and group without joins. ``province`` follows the chosen view.
# first_in_range marks one row per plan (its first year inside the range): counting those rows
# counts plans without count(DISTINCT). province_year_plans: plans per province and year, and
# which former provinces they pool (listed in Vietnamese order: COLLATE vi, not code points), and
# province_order, the province's place in that order: queries sort their rows by it, so each name
# is collated once, not once per row. vi_name_order: every province and issuer name once, with
# its rank in Vietnamese order, for the per-plan lists (collating each plan's names doubled
# their time at 100,000 plans).
_WHERE = """
WHERE year BETWEEN year_from AND year_to
  AND (len(CAST(levels AS VARCHAR[])) = 0 OR list_contains(CAST(levels AS VARCHAR[]), issuer_level))
  AND (len(CAST(sectors AS VARCHAR[])) = 0 OR list_contains(CAST(sectors AS VARCHAR[]), sector))
  AND (len(CAST(provinces AS VARCHAR[])) = 0
       OR list_contains(CAST(provinces AS VARCHAR[]),
                        CASE WHEN view_by = 'today' THEN province_2025 ELSE province END))
"""
# The per-year macros also count each plan in its first selected year only (n_plans_once,
# n_with_once): summed over the years those count each plan once, so pooled figures agree with
# "Nguồn: N kế hoạch" (a 2022–2025 plan is one plan, not four).
FILTER_MACROS = f"""
CREATE OR REPLACE TEMP MACRO filtered_plans(year_from, year_to, provinces, levels, sectors, view_by)
AS TABLE
SELECT plan_id, year, CASE WHEN view_by = 'today' THEN province_2025 ELSE province END AS province,
       province AS province_issued, province_2025, issuer_level, sector,
       year = greatest(plan_year_from, year_from) AS first_in_range
FROM plan_years {_WHERE};
CREATE OR REPLACE TEMP MACRO filtered_presence(year_from, year_to, provinces, levels, sectors, view_by)
AS TABLE
SELECT plan_id, year, CASE WHEN view_by = 'today' THEN province_2025 ELSE province END AS province,
       family, category_id, n_mentions, year = greatest(plan_year_from, year_from) AS first_in_range
FROM presence_by_year {_WHERE};
CREATE OR REPLACE TEMP MACRO province_year_plans(year_from, year_to, provinces, levels, sectors, view_by)
AS TABLE
WITH per_issued AS (  -- collating each plan's name (not each name once) cost 15 % at 10,000
    SELECT province, year, province_issued, count(*) AS n,
           count(*) FILTER (WHERE first_in_range) AS n_once
    FROM filtered_plans(year_from, year_to, provinces, levels, sectors, view_by)
    GROUP BY province, year, province_issued
)
SELECT province, year, sum(n)::BIGINT AS n_plans, sum(n_once)::BIGINT AS n_plans_once,
       string_agg(province_issued, ', ' ORDER BY province_issued COLLATE vi) AS issued_as,
       count(province_issued) AS n_issued_as,
       dense_rank() OVER (ORDER BY province COLLATE vi, province) AS province_order
FROM per_issued
GROUP BY province, year;
CREATE OR REPLACE TEMP MACRO vi_name_order() AS TABLE
SELECT name, row_number() OVER (ORDER BY name COLLATE vi) AS vi_rank
FROM (SELECT province FROM plans UNION SELECT province_2025 FROM plans
      UNION SELECT issuer FROM plans) AS names(name);
CREATE OR REPLACE TEMP MACRO presence_counts(year_from, year_to, provinces, levels, sectors, view_by, of_family)
AS TABLE
SELECT province, year, category_id, count(*) AS n_with,
       count(*) FILTER (WHERE first_in_range) AS n_with_once, sum(n_mentions) AS n_mentions
FROM filtered_presence(year_from, year_to, provinces, levels, sectors, view_by)
WHERE family = of_family
GROUP BY province, year, category_id;
"""


YEAR_MIN, YEAR_MAX = 1990, 2100  # the widest years a filter or a correction may name


@dataclass(frozen=True)
class Filters:
    """What the user chose: years, provinces, issuer levels, sectors and the province view."""

    year_from: int = YEAR_MIN
    year_to: int = YEAR_MAX
    provinces: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    view_by: str = "issued"  # "issued" (as named in the plan) or "today" (the 34 provinces)
    extra: tuple[tuple[str, object], ...] = field(default=())

    def params(self) -> dict[str, object]:
        values: dict[str, object] = {
            "year_from": self.year_from, "year_to": self.year_to,
            "provinces": list(self.provinces), "levels": list(self.levels),
            "sectors": list(self.sectors), "view_by": self.view_by,
        }  # fmt: skip
        values.update(dict(self.extra))
        return values


def connect(db_path: Path, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    """A connection with the filter macros. Read-only connections ATTACH the file to an in-memory
    database: DuckDB caches open databases by path, so a plain connect after a build swapped the
    file would still read the old one while any old connection is open."""
    if read_only and needs_build(db_path):
        raise StoreError(
            f"Chưa có cơ sở dữ liệu {db_path}, hoặc nó thuộc phiên bản cũ: hãy chạy `python -m cchc build`.",
            f"No database at {db_path}, or it is from an older version: run `python -m cchc build`.",
        )
    if read_only:
        con = duckdb.connect()
        quoted = str(Path(db_path).resolve()).replace("'", "''")
        con.execute(f"ATTACH '{quoted}' AS cchc (READ_ONLY)")
        con.execute("USE cchc")
    else:
        con = duckdb.connect(str(db_path))
    con.execute(FILTER_MACROS)
    return con


def _schema_version(path: str, mtime: float) -> int | None:
    """The version a database was built with; None when it cannot be read (not a database of
    ours, from before build_info existed, or held open for writing by another connection)."""
    try:
        return _read_schema_version(path, mtime)
    except (duckdb.Error, LookupError):
        return None


@lru_cache(maxsize=8)
def _read_schema_version(path: str, mtime: float) -> int:
    """Raises when no version was read: lru_cache keeps only what it returns, so a read that
    failed once (the file held by a build or an import as it swaps it in) is tried again at the
    next call instead of calling the database missing for the life of the process."""
    with duckdb.connect(path, read_only=True) as con:
        row = con.execute("SELECT max(schema_version) FROM build_info").fetchone()
    if not row or row[0] is None:
        raise LookupError(f"{path}: no schema version")
    return row[0]


def needs_build(db_path: Path) -> bool:
    """True when the database is missing or was written by another schema version."""
    path = Path(db_path)
    if not path.exists():
        return True
    return _schema_version(str(path), path.stat().st_mtime) != SCHEMA_VERSION


def query_names() -> list[str]:
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


@lru_cache(maxsize=64)
def load_sql(name: str) -> str:
    path = QUERIES_DIR / f"{name}.sql"
    if not re.fullmatch(r"[a-z0-9_]+", name) or not path.exists():
        raise QueryNotFound(
            f"Không có truy vấn '{name}'. Có: {', '.join(query_names())}",
            f"No query named '{name}'. Available: {', '.join(query_names())}",
        )
    return path.read_text(encoding="utf-8")


def query_params(name: str) -> list[str]:
    """The parameters a query uses, in order of first use (from its SQL, comments excluded)."""
    body = "\n".join(line.split("--", 1)[0] for line in load_sql(name).splitlines())
    return list(dict.fromkeys(_PARAM.findall(body)))


def run_query(
    con: duckdb.DuckDBPyConnection, name: str, params: dict[str, object] | None = None
) -> pd.DataFrame:
    """Run queries/<name>.sql; parameters are bound, never formatted into the SQL."""
    wanted = query_params(name)
    given = params or {}
    missing = [p for p in wanted if p not in given]
    if missing:
        raise StoreError(
            f"Truy vấn '{name}' thiếu tham số: {', '.join(missing)}",
            f"Query '{name}' is missing parameters: {', '.join(missing)}",
        )
    return con.execute(load_sql(name), {p: given[p] for p in wanted}).df()
