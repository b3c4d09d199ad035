"""Benchmarks: `python -m cchc bench build --n 1000` and `python -m cchc bench queries --n 10000`.

Prints a Markdown report (machine, exact command, medians, ratio to goal); see BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shlex
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from benchmarks.corpus import generate_plans
from cchc.parse.extract import extract
from cchc.read import read_bytes
from cchc.store.batch import DERIVED_SQL, DERIVED_TABLES
from cchc.store.build import build_database
from cchc.store.db import Filters, connect, query_names, query_params, run_query
from cchc.store.rows import plan_rows
from cchc.store.schema import COLUMNS
from cchc.ui.detail import PICKER_LIMIT  # what the plan detail page asks plan_picker for

BUILD_GOAL = 300.0  # plans per second, one core
# Tables keyed by plan that replication copies (plans itself is varied; derived ones re-derived).
PLAN_TABLES = tuple(t for t in COLUMNS if t != "plans" and t not in DERIVED_TABLES)
RUNS = 15


def machine_info() -> list[str]:
    cpu = "?"
    if Path("/proc/cpuinfo").exists():
        lines = Path("/proc/cpuinfo").read_text().splitlines()
        cpu = next(
            (ln.split(":", 1)[1].strip() for ln in lines if ln.startswith("model name")), cpu
        )
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return [
        f"- Machine: {cpu}, {os.cpu_count()} CPUs, RAM {mem:.0f} GiB, "
        f"{platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}, DuckDB {duckdb.__version__}",
        f"- Command: `python -m cchc bench {shlex.join(sys.argv[2:] if _via_cli() else sys.argv[1:])}`",
    ]


def _via_cli() -> bool:
    return len(sys.argv) > 1 and sys.argv[1] == "bench"


def table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


# ---------------------------------------------------------------- build


def stage_times(plans: list[tuple[str, bytes]]) -> dict[str, float]:
    """Seconds spent reading, extracting and turning extractions into rows (no database)."""
    spent = {"read_bytes": 0.0, "extract": 0.0, "plan_rows": 0.0}
    for name, data in plans:
        t0 = time.perf_counter()
        doc = read_bytes(data, name)
        t1 = time.perf_counter()
        extraction = extract(doc)
        t2 = time.perf_counter()
        plan_rows(extraction, [])
        t3 = time.perf_counter()
        spent["read_bytes"] += t1 - t0
        spent["extract"] += t2 - t1
        spent["plan_rows"] += t3 - t2
    return spent


def one_core(jobs: int) -> str:
    """Pin this process (and DuckDB's threads) to one CPU for a one-process build: the goal is
    per core, and DuckDB would otherwise checkpoint on the second core. Says what was done."""
    if jobs > 1 or not hasattr(os, "sched_setaffinity"):
        return "not pinned"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def bench_build(args: argparse.Namespace) -> list[str]:
    pinned = one_core(args.jobs)
    plans = list(generate_plans(args.n, args.seed))
    mb = sum(len(d) for _, d in plans) / 2**20
    rates = []
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
        for i in range(args.repeat):
            report = build_database(
                db_path=Path(tmp) / f"b{i}.duckdb", sources=plans, progress=False, jobs=args.jobs
            )
            assert report.count("added") == len(plans), report.summary()
            rates.append(len(plans) / report.seconds)
    best = statistics.median(rates)
    stages = stage_times(plans)
    no_db = sum(stages.values())
    rows = [[f"build_database (whole build, {args.jobs} process{'es' if args.jobs > 1 else ''})", f"{best:.0f}", f"{1000 / best:.2f}",
             f"{best / BUILD_GOAL:.2f}", "yes" if best >= BUILD_GOAL else "**no**"]]  # fmt: skip
    for stage, seconds in [*stages.items(), ("all three, no database", no_db)]:
        rate = len(plans) / seconds
        rows.append([stage, f"{rate:.0f}", f"{1000 * seconds / len(plans):.2f}", "", ""])
    rows.append(["database writes (build − no-database)", "",
                 f"{1000 / best - 1000 * no_db / len(plans):.2f}", "", ""])  # fmt: skip
    return [
        f"### Build: {len(plans)} generated plans ({mb:.1f} MiB), median of {args.repeat} runs",
        "",
        *machine_info(),
        f"- Process {pinned}; runs (plans/s): {', '.join(f'{r:.0f}' for r in rates)}; "
        f"goal ≥ {BUILD_GOAL:.0f} plans/s",
        "",
        *table(["stage", "plans/s", "ms/plan", "ratio to goal", "goal met"], rows),
    ]


# ---------------------------------------------------------------- replication


def replicate(db_path: Path, k: int) -> int:
    """Multiply every plan K times inside DuckDB: new ids, varied province, years and issuer."""
    with duckdb.connect(str(db_path)) as con:
        con.execute("""
            CREATE TEMP TABLE idmap AS
            SELECT p.plan_id AS old_id, c.k, substr(md5(p.plan_id || '/' || c.k), 1, 16) AS new_id,
                   CAST(hash(p.plan_id, c.k) >> 1 AS BIGINT) AS h
            FROM plans p CROSS JOIN range(1, $k) c(k)""", {"k": k})  # fmt: skip
        con.execute(REPLICATE_PLANS)
        for name in PLAN_TABLES:
            con.execute(
                f"INSERT INTO {name} SELECT t.* REPLACE (m.new_id AS plan_id) "
                f"FROM {name} t JOIN idmap m ON m.old_id = t.plan_id"
            )
        # The build's own SQL derives plan_years and presence_by_year from the new rows.
        for name in ("plans", "presence"):
            con.execute(
                f"CREATE TEMP VIEW batch_{name} AS SELECT * FROM {name} "
                "WHERE plan_id IN (SELECT new_id FROM idmap)"
            )
        for statement in DERIVED_SQL:
            con.execute(statement)
        n = con.execute("SELECT count(*) FROM plans").fetchone()[0]
        con.execute("UPDATE build_info SET n_plans = ?", [n])
        con.execute("CHECKPOINT")
    return n


REPLICATE_PLANS = """
WITH p63 AS (SELECT name, province_2025, row_number() OVER (ORDER BY code) - 1 AS i FROM provinces_63),
     p34 AS (SELECT name, row_number() OVER (ORDER BY code) - 1 AS i FROM provinces_34),
     shifted AS (
        SELECT p.*, m.new_id, m.h,
               2021 + (p.year_from - 2021 + m.h % 10) % 10 AS yf
        FROM plans p JOIN idmap m ON m.old_id = p.plan_id),
     varied AS (
        SELECT s.*, s.yf + (s.year_to - s.year_from) AS yt,
               ['province', 'department', 'commune', 'district'][1 + (s.h // 10) % 4] AS lvl
        FROM shifted s)
INSERT INTO plans
SELECT v.* EXCLUDE (new_id, h, yf, yt, lvl)
       REPLACE (v.new_id AS plan_id, v.new_id AS content_hash,
                CASE WHEN v.yt > 2025 THEN b.name ELSE a.name END AS province,
                CASE WHEN v.yt > 2025 THEN b.name ELSE a.province_2025 END AS province_2025,
                v.yf AS year_from, v.yt AS year_to,
                CASE v.lvl WHEN 'province' THEN 'UBND tỉnh' WHEN 'department' THEN v.issuer
                     WHEN 'commune' THEN 'UBND xã'
                     ELSE CASE WHEN v.yt > 2025 THEN 'UBND xã' ELSE 'UBND huyện' END END AS issuer,
                CASE WHEN v.lvl = 'district' AND v.yt > 2025 THEN 'commune' ELSE v.lvl END
                    AS issuer_level,
                CASE WHEN v.lvl = 'department' THEN v.sector END AS sector)
FROM varied v
JOIN p63 a ON a.i = (v.h // 1000) % 63
JOIN p34 b ON b.i = (v.h // 1000) % 34
"""


# ---------------------------------------------------------------- queries


def ensure_db(args: argparse.Namespace, tmp: str) -> tuple[Path, str]:
    """The database to query, and how it was made."""
    db = Path(args.db) if args.db else Path(tmp) / "q.duckdb"
    if db.exists():
        with duckdb.connect(str(db), read_only=True) as con:
            n = con.execute("SELECT count(*) FROM plans").fetchone()[0]
        return db, f"reused {db} ({n} plans)"
    k = max(1, args.replicate)
    base = -(-args.n // k)
    seconds = timed(lambda: build_database(db_path=db, sources=generate_plans(base, args.seed),
                                           progress=False))  # fmt: skip
    how = f"built by extraction from {base} generated plans in {seconds:.0f} s"
    if k > 1:
        seconds = timed(lambda: replicate(db, k))
        how += f", then **replicated ×{k}** inside DuckDB in {seconds:.0f} s"
    return db, how


def scenarios(con: duckdb.DuckDBPyConnection) -> dict[str, Filters]:
    top = con.execute(
        "SELECT province FROM plans WHERE province IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 3"
    ).fetchall()
    three = tuple(r[0] for r in top)
    return {
        "all, issued": Filters(view_by="issued"),
        "all, today": Filters(view_by="today"),
        "3 provinces, issued": Filters(provinces=three, view_by="issued"),
    }


def busiest(con: duckdb.DuckDBPyConnection, filters: Filters) -> str:
    """The province (of the filters' view) with the most plans: cell_plans' slowest cell."""
    column = "province_2025" if filters.view_by == "today" else "province"
    return con.execute(
        f"SELECT {column} FROM plans WHERE {column} IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"
    ).fetchone()[0]


def median_ms(run: Callable[[int], object], runs: int = RUNS) -> tuple[float, object]:
    result = run(-1)  # warm
    times = [timed(lambda i=i: run(i)) for i in range(runs)]
    return 1000 * statistics.median(times), result


def dashboard_rows(con: duckdb.DuckDBPyConnection, goal: float) -> list[list[object]]:
    rows = []
    for name in query_names():
        if {"plan_id", "plan_ids"} & set(query_params(name)):  # timed in per_plan_rows
            continue
        cases = scenarios(con).items() if query_params(name) else [("(no parameters)", Filters())]
        for label, filters in cases:
            params = filters.params() | {"family": "content_area", "limit": PICKER_LIMIT,
                                         "province": busiest(con, filters), "category_id": "tthc"}  # fmt: skip
            ms, frame = median_ms(lambda _i, n=name, p=params: run_query(con, n, p))
            rows.append(_row(name, label, len(frame), ms, goal))
    return rows


def per_plan_rows(con: duckdb.DuckDBPyConnection, goal: float, seed: int) -> list[list[object]]:
    rng = random.Random(seed)
    picks = con.execute(
        "SELECT plan_id, category_id FROM presence USING SAMPLE 200 ROWS"
    ).fetchall()
    # cell_evidence takes the dozen plans a trace dialog shows
    params = [{"plan_id": p, "category_id": c, "plan_ids": [p for p, _ in rng.sample(picks, 12)]}
              for p, c in picks]  # fmt: skip
    chosen = [rng.choice(params) for _ in range(RUNS + 1)]
    rows = []
    for name in query_names():
        if {"plan_id", "plan_ids"} & set(query_params(name)):
            ms, frame = median_ms(lambda i, n=name: run_query(con, n, chosen[i]))
            rows.append(_row(name, "random plan", len(frame), ms, goal))
    return rows


def _row(name: str, label: str, n_rows: int, ms: float, goal: float) -> list[object]:
    met = "yes" if ms < goal else "**no**"
    return [name, label, n_rows, f"{ms:.1f}", f"{ms / goal:.2f}", met]


def bench_queries(args: argparse.Namespace) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
        db, how = ensure_db(args, tmp)
        con = connect(db)
        n_plans = con.execute("SELECT count(*) FROM plans").fetchone()[0]
        goal = 50.0 if n_plans <= 10_000 else 200.0
        rows = dashboard_rows(con, goal) + per_plan_rows(con, goal, args.seed)
        size = db.stat().st_size / 2**20
        con.close()
    missed = [r for r in rows if r[-1] != "yes"]
    return [
        f"### Queries: {n_plans} plans, median of {RUNS} warm runs (ms, incl. fetch to pandas)",
        "",
        *machine_info(),
        f"- Database: {how}; {size:.0f} MiB on disk",
        f"- Goal: each query < {goal:.0f} ms at this size; {len(rows) - len(missed)}/{len(rows)} met",
        "",
        *table(["query", "filters", "rows", "median ms", "ratio to goal", "goal met"], rows),
    ]


# ---------------------------------------------------------------- command line


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m cchc bench", description=__doc__)
    sub = p.add_subparsers(dest="what", required=True)
    build = sub.add_parser("build", help="time build_database on N generated plans")
    build.add_argument("--n", type=int, default=1000)
    build.add_argument("--repeat", type=int, default=3)
    build.add_argument("--jobs", type=int, default=1, help="processes for reading and coding")
    queries = sub.add_parser("queries", help="time every named query on a database of N plans")
    queries.add_argument("--n", type=int, default=10_000)
    queries.add_argument("--db", help="reuse (or create) this database instead of a temporary one")
    queries.add_argument("--replicate", type=int, default=1,
                         help="build N/K plans by extraction, then copy them K times in DuckDB")  # fmt: skip
    for command in (build, queries):
        command.add_argument("--seed", type=int, default=0)
        command.add_argument("--out", help="also append the report to this Markdown file")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    lines = bench_build(args) if args.what == "build" else bench_queries(args)
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        with open(args.out, "a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
