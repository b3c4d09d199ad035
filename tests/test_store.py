"""The DuckDB store: idempotent, atomic, one plan per content, queries that add up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from cchc.charts import pool_years
from cchc.export.findings import citation_shares
from cchc.store.build import DEFAULT_PLANS, build_database, plan_files
from cchc.store.db import Filters, connect, load_sql, query_names, query_params, run_query
from cchc.store.schema import column_types

TABLES = ["plans", "sections", "passages", "codebook", "mentions", "presence", "targets",
          "citations", "units", "provinces_63", "provinces_34", "build_info"]  # fmt: skip


def _counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_build_makes_every_table(seed_db):
    counts = _counts(seed_db)
    assert counts["plans"] == 5 and counts["provinces_63"] == 63 and counts["provinces_34"] == 34
    assert all(counts[t] > 0 for t in TABLES)


def test_the_loader_knows_every_column_type_the_built_database_has(seed_db):
    """The bulk loader types its columns from the DDL text; the database must agree."""
    with duckdb.connect(str(seed_db), read_only=True) as con:
        found: dict[str, list[str]] = {}
        for table, kind in con.execute(
            "SELECT table_name, data_type FROM duckdb_columns() "
            "WHERE database_name = current_database() ORDER BY table_name, column_index"
        ).fetchall():
            found.setdefault(table, []).append(kind)
    assert column_types() == found


def test_build_is_idempotent(seed_db, tmp_path):
    again = tmp_path / "again.duckdb"
    build_database(DEFAULT_PLANS, again, progress=False)
    counts = _counts(again)
    counts.pop("build_info")
    expected = _counts(seed_db)
    expected.pop("build_info")
    assert counts == expected


def test_the_same_plan_twice_is_one_plan(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    seed = plan_files(DEFAULT_PLANS)[0]
    (folder / "a.txt").write_bytes(seed.read_bytes())
    (folder / "b.md").write_bytes(seed.read_bytes().replace(b"\n", b"\r\n"))  # same words
    report = build_database(folder, tmp_path / "db.duckdb", progress=False)
    assert (report.count("added"), report.count("duplicate")) == (1, 1)
    duplicate = next(r for r in report.results if r.status == "duplicate")
    assert "Trùng" in duplicate.message_vi


def test_a_failed_build_leaves_the_previous_database(seed_db, tmp_path):
    db = tmp_path / "db.duckdb"
    db.write_bytes(seed_db.read_bytes())
    before = _counts(db)

    def exploding_sources():
        yield "a.txt", plan_files(DEFAULT_PLANS)[0].read_bytes()
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        build_database(DEFAULT_PLANS, db, sources=exploding_sources(), progress=False)
    assert _counts(db) == before
    assert [p.name for p in tmp_path.iterdir() if "tmp" in p.name] == []


def test_a_killed_build_leaves_the_previous_database(seed_db, tmp_path):
    db = tmp_path / "db.duckdb"
    db.write_bytes(seed_db.read_bytes())
    before = _counts(db)
    script = (
        "import os, sys\n"
        "from cchc.store.build import build_database, plan_files, DEFAULT_PLANS\n"
        "def sources():\n"
        "    yield 'a.txt', plan_files(DEFAULT_PLANS)[0].read_bytes()\n"
        "    os._exit(9)  # killed mid-build: no cleanup runs\n"
        f"build_database(DEFAULT_PLANS, {str(db)!r}, sources=sources(), progress=False)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], check=False, env={**os.environ})
    assert run.returncode == 9
    assert _counts(db) == before
    build_database(DEFAULT_PLANS, db, progress=False)  # the next build sweeps the leftover file
    assert [p.name for p in tmp_path.iterdir() if "tmp" in p.name] == []


def test_queries_are_one_select_with_a_header():
    for name in query_names():
        sql = load_sql(name)
        header = "\n".join(line for line in sql.splitlines() if line.startswith("--"))
        for word in ("Purpose:", "Parameters:", "Grain:"):
            assert word in header, (name, word)
        body = "\n".join(line.split("--", 1)[0] for line in sql.splitlines())
        assert body.strip().upper().startswith(("SELECT", "WITH")), name
        assert ";" not in body, name  # one statement
        assert "{" not in body and "%s" not in body, name  # parameters are bound, never formatted


def test_every_query_runs_on_the_bundled_data(seed_db):
    params = Filters().params() | {
        "family": "channel",
        "plan_id": "x",
        "category_id": "tthc",
        "province": "Sơn La",
        "plan_ids": ["x"],
        "limit": 10,
    }
    with connect(seed_db) as con:
        for name in query_names():
            assert set(query_params(name)) <= set(params), name
            run_query(con, name, params)


def test_today_view_pools_former_provinces_without_double_counting(seed_db):
    with connect(seed_db) as con:
        issued = run_query(con, "coverage_by_province_year", Filters().params())
        today = run_query(con, "coverage_by_province_year", Filters(view_by="today").params())
    assert "Tuyên Quang" in set(today.province) and "Hà Giang" in set(issued.province)
    for (year, category), group in issued.groupby(["year", "category_id"]):
        pooled = today[(today.year == year) & (today.category_id == category)]
        assert pooled.n_with.sum() == group.n_with.sum()
        assert (
            pooled.drop_duplicates("province").n_plans.sum()
            == group.drop_duplicates("province").n_plans.sum()
        )
    tq = today[(today.province == "Tuyên Quang") & (today.year == 2025)]
    assert set(tq.issued_as) == {"Hà Giang"}


def test_coverage_matches_the_seed_reading(seed_db):
    with connect(seed_db) as con:
        frame = run_query(con, "coverage_by_province_year", Filters().params())
    an_giang = frame[(frame.province == "An Giang") & (frame.year == 2025)]
    missing = set(an_giang[an_giang.n_with == 0].category_id)
    assert missing == {"bo_may", "tai_chinh_cong"}


def test_evidence_query_points_at_the_cue(seed_db):
    with connect(seed_db) as con:
        plan = run_query(con, "plans_list", Filters(provinces=("Sơn La",)).params())
        evidence = run_query(con, "evidence", {"plan_id": plan.plan_id[0], "category_id": "pobi"})
    row = evidence.iloc[0]
    cue = row.passage_text[row.offset_in_passage : row.offset_end_in_passage]
    assert cue.lower() in ("pobi", "chỉ số công khai ngân sách")


def test_cli_query_prints_csv_and_json(seed_db):
    base = [sys.executable, "-m", "cchc", "query", "plans_list", "--db", str(seed_db)]
    csv = subprocess.run(base + ["--param", "levels=province"], capture_output=True, text=True)
    assert csv.returncode == 0 and csv.stdout.count("\n") == 3  # header + 2 province plans
    out = subprocess.run(base + ["--format", "json", "--param", "view_by=today"],
                         capture_output=True, text=True)  # fmt: skip
    assert "Tuyên Quang" in {r["province"] for r in json.loads(out.stdout)}


def test_cli_query_into_a_reader_that_stops_early_ends_without_a_traceback(seed_db):
    # `python -m cchc query … | head`: the reader has gone before the first write.
    command = [sys.executable, "-m", "cchc", "query", "plans_list", "--db", str(seed_db)]
    reader_gone = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader_gone.stdout.close()
    errors = reader_gone.stderr.read().decode()
    assert reader_gone.wait() == 1 and "Traceback" not in errors, errors


def test_cli_build_prints_a_summary(tmp_path):
    run = subprocess.run(
        [sys.executable, "-m", "cchc", "build", "--plans", str(DEFAULT_PLANS),
         "--db", str(tmp_path / "c.duckdb"), "--quiet"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0 and "5 kế hoạch / plans" in run.stdout


def test_cli_build_and_add_use_the_plans_folder_beside_their_database(tmp_path):
    # `add --db X` saves into X's plans folder; a later `build --db X` must read that folder,
    # not the bundled plans (the added plan would be lost).
    cli = [sys.executable, "-m", "cchc"]
    db = tmp_path / "c.duckdb"
    seeds = plan_files(DEFAULT_PLANS)
    added = subprocess.run([*cli, "add", str(seeds[0]), "--db", str(db)], capture_output=True)
    assert added.returncode == 0 and (tmp_path / "plans" / seeds[0].name).exists()
    built = subprocess.run(
        [*cli, "build", "--db", str(db), "--quiet"], capture_output=True, text=True
    )
    assert built.returncode == 0 and "1 kế hoạch / plans" in built.stdout


def test_a_database_that_could_not_be_read_once_is_read_again(seed_db, tmp_path):
    """While another connection writes the file (a build or an import swapping it in), its
    version cannot be read; that failure was remembered, and the app said "no database: run
    build" for the life of the process although the file, unchanged, was readable again."""
    from cchc.store.db import needs_build

    db = tmp_path / "cchc.duckdb"
    db.write_bytes(seed_db.read_bytes())
    written = db.stat().st_mtime
    with duckdb.connect(str(db)):  # held for writing: read-only connections are refused
        assert needs_build(db)
    assert db.stat().st_mtime == written  # the same file, as far as any cache by mtime knows
    assert not needs_build(db)
    with connect(db) as con:
        assert con.execute("SELECT count(*) FROM plans").fetchone()[0] > 0


def test_a_database_of_an_older_schema_is_rebuilt_not_misread(seed_db, tmp_path):
    from cchc.store.db import needs_build

    old = tmp_path / "old.duckdb"
    old.write_bytes(seed_db.read_bytes())
    with duckdb.connect(str(old)) as con:
        con.execute("UPDATE build_info SET schema_version = 1")
    assert needs_build(old) and not needs_build(seed_db)
    with pytest.raises(Exception, match="older version"):
        connect(old)


def test_a_build_from_a_plans_folder_that_does_not_exist_changes_nothing(seed_db, tmp_path):
    """A mistyped --plans must not swap an empty database in for the real one."""
    db = tmp_path / "c.duckdb"
    db.write_bytes(seed_db.read_bytes())
    before = db.read_bytes()
    run = subprocess.run(
        [sys.executable, "-m", "cchc", "build", "--plans", str(tmp_path / "plnas"), "--db", str(db)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode != 0
    assert "Không có thư mục kế hoạch" in run.stderr and "no plans folder" in run.stderr
    assert db.read_bytes() == before


def test_cli_query_on_a_database_coded_by_another_extractor_says_so_on_stderr(seed_db, tmp_path):
    old = tmp_path / "old.duckdb"
    old.write_bytes(seed_db.read_bytes())
    with duckdb.connect(str(old)) as con:
        con.execute("UPDATE build_info SET extractor_version = '1.0'")
    query = [sys.executable, "-m", "cchc", "query", "plans_list", "--db"]
    stale = subprocess.run([*query, str(old)], capture_output=True, text=True)
    fresh = subprocess.run([*query, str(seed_db)], capture_output=True, text=True)
    assert stale.returncode == 0 and stale.stdout == fresh.stdout  # the rows still come out
    assert "phiên bản 1.0" in stale.stderr
    assert f"python -m cchc build --plans DIR --db {old}" in stale.stderr
    assert fresh.stderr == ""


def test_a_new_connection_sees_a_rebuilt_database_while_an_old_one_is_open(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    db = tmp_path / "db.duckdb"
    build_database(DEFAULT_PLANS, db, progress=False)
    old = connect(db)
    for seed in plan_files(DEFAULT_PLANS)[:2]:
        (plans / seed.name).write_bytes(seed.read_bytes())
    build_database(plans, db, progress=False)  # swapped in while `old` is still open
    with connect(db) as new:
        assert run_query(new, "overview_numbers", Filters().params()).n_plans[0] == 2
    assert run_query(old, "overview_numbers", Filters().params()).n_plans[0] == 5  # its snapshot
    old.close()


def test_a_multi_year_plan_counts_once_when_years_are_pooled(tmp_path):
    # Quảng Ngãi's 2022–2025 plan is one plan: "1/1" on the heatmap, not "4/4" beside
    # "Nguồn: 1 kế hoạch"; each year on its own still counts it (trends, per-year rows).
    plans = tmp_path / "plans"
    plans.mkdir()
    fixture = Path(__file__).parent / "fixtures" / "quang_ngai_2022_2025.txt"
    (plans / fixture.name).write_bytes(fixture.read_bytes())
    db = tmp_path / "c.duckdb"
    build_database(plans, db, progress=False)
    with connect(db) as con:
        rows = run_query(con, "coverage_by_province_year", Filters().params())
        cited = run_query(con, "citation_uptake", Filters().params())
    assert sorted(rows["year"].unique()) == [2022, 2023, 2024, 2025]
    assert set(rows["n_plans"]) == {1}
    pooled = pool_years(rows, ["province", "category_id"])
    assert set(pooled["n_plans"]) == {1} and set(pooled["n_with"]) <= {0, 1}
    assert set(citation_shares(cited)["n_plans"]) == {1}


def test_a_plans_folder_with_no_plan_file_leaves_the_database_as_it_was(seed_db, tmp_path):
    # An unmounted share looks like an empty folder: it must not swap in an empty database.
    db = tmp_path / "c.duckdb"
    db.write_bytes(seed_db.read_bytes())
    before = db.read_bytes()
    (tmp_path / "empty").mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "cchc", "build", "--plans", str(tmp_path / "empty"), "--db", str(db)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 2 and "không có tệp kế hoạch nào" in run.stderr
    assert "holds no plan files" in run.stderr and db.read_bytes() == before


def test_a_citation_share_counts_the_plans_that_cite_nothing(tmp_path):
    # Two plans selected, one citing central documents: no document is cited by 100 % of them.
    plans = tmp_path / "plans"
    plans.mkdir()
    son_la = next(f for f in plan_files(DEFAULT_PLANS) if f.name.startswith("004"))
    (plans / son_la.name).write_bytes(son_la.read_bytes())
    bare = "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2024\nSở Nội vụ tỉnh Sơn La xây dựng Kế hoạch như sau:\nI. NỘI DUNG\n1. Tuyên truyền thủ tục hành chính.\n"
    (plans / "bare.txt").write_text(bare, encoding="utf-8")
    db = tmp_path / "c.duckdb"
    assert build_database(plans, db, progress=False).count("added") == 2
    with connect(db) as con:
        cited = run_query(con, "citation_uptake", Filters().params())
    assert set(citation_shares(cited)["n_plans"]) == {2}
