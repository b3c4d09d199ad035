"""Export timings: `python -m benchmarks.bench_exports [--db PATH] [--runs 5]`.

Medians of one chart (coverage heatmap) to PNG/SVG/PDF, its table to CSV/XLSX, and a 10-chart
briefing pack (queries + charts + PNGs, then PPTX and PDF). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from cchc.export import briefing, images, tables
from cchc.export.catalog import CHART_IDS, build_item, context, table_columns
from cchc.store.build import DEFAULT_PLANS, build_database
from cchc.store.db import Filters, connect, run_query

PACK_GOAL = 10.0  # seconds for a 10-chart pack


def _median(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up: vl-convert starts its JavaScript engine on the first call
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_exports")
    parser.add_argument("--db", help="database (default: built from data/plans in a temp dir)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    db = Path(args.db) if args.db else Path(tempfile.mkdtemp()) / "cchc.duckdb"
    if not db.exists():
        build_database(DEFAULT_PLANS, db, progress=False)
    con = connect(db)

    def run(name: str, params: dict[str, object]):
        return run_query(con, name, params)

    item = build_item(context(run, Filters(), "vi"), "coverage")
    spec = images.standalone(item.chart, item.caption)
    data, percent = tables.labelled(item.table, table_columns(), "vi")
    ids = list(CHART_IDS[:10])
    pack = briefing.build_pack(run, Filters(), "vi", ids)
    rows = [
        ("chart → PNG (2x)", _median(lambda: images.render_spec(spec, "png"), args.runs)),
        ("chart → SVG", _median(lambda: images.render_spec(spec, "svg"), args.runs)),
        ("chart → PDF", _median(lambda: images.render_spec(spec, "pdf"), args.runs)),
        ("table → CSV", _median(lambda: tables.to_csv(data), args.runs)),
        ("table → XLSX", _median(lambda: tables.to_xlsx(data, "t", "n", percent), args.runs)),
        ("10-chart pack: queries, charts, PNGs", _median(
            lambda: briefing.build_pack(run, Filters(), "vi", ids), args.runs)),
        ("10-chart pack: → PPTX", _median(lambda: briefing.to_pptx(pack), args.runs)),
        ("10-chart pack: → PDF", _median(lambda: briefing.to_pdf(pack), args.runs)),
    ]  # fmt: skip
    pack_total = rows[5][1] + rows[6][1] + rows[7][1]
    print(f"Command: `python -m benchmarks.bench_exports {' '.join(argv or sys.argv[1:])}`")
    print(f"(database: the 5 bundled plans; median of {args.runs} runs after one warm-up)\n")
    print("| export | median |\n|---|---|")
    for name, secs in rows:
        print(f"| {name} | {secs * 1000:.0f} ms |")
    print(f"| 10-chart pack, PPTX + PDF (goal < {PACK_GOAL:.0f} s) | {pack_total:.1f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
