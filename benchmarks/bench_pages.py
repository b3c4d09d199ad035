"""Page script time of the dashboard, warm, through AppTest (no browser, no network).

    python -m benchmarks.bench_pages --n 10000 --replicate 10
    python -m benchmarks.bench_pages --n 100000 --replicate 50 --db /tmp/cchc_100k.duckdb

Each page is opened once (cold: caches fill), then re-run ``--runs`` times with the same filters;
the median of those warm runs is the page's script time (app.py's sidebar included). Goal: under
500 ms per page at 10,000 plans.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench import ensure_db, machine_info, table

PAGES = ["pages/1_tong_quan.py", "pages/2_so_sanh.py", "pages/3_xu_huong.py",
         "pages/4_chi_tiet.py", "pages/5_bo_ma.py", "pages/6_xuat_bao_cao.py",
         "pages/7_nhap_ke_hoach.py"]  # fmt: skip
GOAL_MS = 500.0
APP = str(Path(__file__).resolve().parents[1] / "app.py")


def page_times(page: str, runs: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=300)
    at.run()
    at.switch_page(page).run()  # cold: fills the connection and query caches
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].message}")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--replicate", type=int, default=10)
    parser.add_argument("--db")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cchc-pages-") as tmp:
        db, how = ensure_db(args, tmp)
        os.environ["CCHC_DB"] = str(db)
        rows = []
        for page in PAGES:
            median = statistics.median(page_times(page, args.runs))
            met = "yes" if median < GOAL_MS else "**no**"
            rows.append([page, f"{median:.0f}", f"{median / GOAL_MS:.2f}", met])
    lines = [
        f"### Pages: warm script time at {args.n} plans (AppTest, median of {args.runs} runs)",
        "",
        *machine_info()[:2],
        f"- Command: `python -m benchmarks.bench_pages {' '.join(argv or sys.argv[1:])}`",
        f"- Database: {how}",
        "",
        *table(["page", "median ms", "ratio to 500 ms goal", "goal met"], rows),
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
