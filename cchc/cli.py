"""Command line: `python -m cchc build | extract | query | export | bench`."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cchc.errors import CchcError
from cchc.store.build import DEFAULT_DB, default_plans_dir

if TYPE_CHECKING:
    import duckdb


def _plans_dir(args: argparse.Namespace) -> Path:
    """--plans, else the database's own folder (the one the app and `add` use)."""
    return Path(args.plans) if args.plans else default_plans_dir(Path(args.db))


def _cmd_build(args: argparse.Namespace) -> int:
    from cchc.store.build import build_database

    if not Path(args.db).exists():
        args.stopped = STOPPED_NEW_DB
    report = build_database(
        _plans_dir(args), Path(args.db), progress=not args.quiet, jobs=args.jobs
    )
    args.stopped = STOPPED  # the new database is in: Ctrl-C from here only cuts the report short
    for result in report.results:
        if result.status != "added":
            print(f"  {result.status:9} {result.source}: {result.message_vi} / {result.message_en}")
    print(report.summary())
    return 0


def _cmd_add(args: argparse.Namespace) -> int:
    from cchc.store.imports import add_plans, check_upload, expand_upload

    if not Path(args.db).exists():  # there was no old database to keep
        args.stopped = STOPPED_NOTHING_ADDED
    items: list[tuple[str, bytes]] = []
    failed = 0
    for name in args.files:
        try:
            items += expand_upload(Path(name).name, Path(name).read_bytes())
        except CchcError as error:
            failed += 1
            print(f"rejected  {name}: {error.message_vi} / {error.message_en}")
        except OSError as error:
            failed += 1
            print(f"rejected  {name}: không đọc được / cannot be read ({error.strerror})")
    results = add_plans(
        check_upload(items, Path(args.db), force=args.force), Path(args.db), _plans_dir(args)
    )
    args.stopped = STOPPED  # the plans are in: Ctrl-C from here only cuts the report short
    for result in results:
        reason = f": {result.message_vi} / {result.message_en}" if result.message_vi else ""
        print(f"{result.status:9} {result.source}{reason}")
        failed += result.status != "added"
    return 1 if failed else 0


def _cmd_corrections(args: argparse.Namespace) -> int:
    from cchc.store.corrections import corrections_path
    from cchc.store.imports import import_corrections

    path = corrections_path(Path(args.db))
    if args.action == "export":
        sys.stdout.write(path.read_text(encoding="utf-8") if path.exists() else "")
        return 0
    added = import_corrections(Path(args.db), Path(args.file).read_bytes())
    print(f"{added} hiệu chỉnh mới / new corrections → {path}")
    return 0


def _cmd_extract(args: argparse.Namespace) -> int:
    from cchc.parse.extract import extract
    from cchc.read import read_document

    status = 0
    for name in args.files:
        try:
            record = extract(read_document(name), force=args.force).to_json()
        except CchcError as error:
            record, status = {"source": name, "error": error.as_dict()}, 1
        except OSError as error:
            record, status = {"source": name, "error": {"code": "io", "message_en": str(error)}}, 1
        print(json.dumps(record, ensure_ascii=False, default=str))
    return status


def _warn_if_outdated(con: duckdb.DuckDBPyConnection, db: Path) -> None:
    """On stderr: the plans were coded by another extractor version (a rebuild recodes them)."""
    from cchc.store.build import outdated_notice
    from cchc.store.db import run_query

    info = run_query(con, "data_info", {})
    if info.empty:
        return
    for lang in ("vi", "en"):
        if notice := outdated_notice(str(info["extractor_version"].iloc[0]), db, lang=lang):
            print(notice, file=sys.stderr)


def _cmd_query(args: argparse.Namespace) -> int:
    from cchc.store.db import Filters, connect, query_params, run_query
    from cchc.store.params import parse_params

    params = Filters().params()
    # Checked before the database is opened: an unknown query lists the queries, an unknown
    # parameter the ones this query takes.
    given = parse_params(args.param, query_params(args.name))
    params.update(given)
    with connect(Path(args.db)) as con:
        _warn_if_outdated(con, Path(args.db))
        frame = run_query(con, args.name, _names_checked(con, params, given))
    if args.format == "json":
        print(frame.to_json(orient="records", force_ascii=False, date_format="iso"))
    else:
        frame.to_csv(sys.stdout, index=False)
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from cchc.export.jobs import export_bytes, filters_from
    from cchc.export.out_file import write_out
    from cchc.store.db import connect, run_query
    from cchc.store.params import FILTER_NAMES, parse_params

    given = parse_params(args.param, FILTER_NAMES)
    with connect(Path(args.db)) as con:
        _warn_if_outdated(con, Path(args.db))
        filters = filters_from(_names_checked(con, given, given))
        data = export_bytes(
            lambda name, params: run_query(con, name, params),
            filters, args.lang, args.what, args.format, args.chart,
        )  # fmt: skip
    to_stdout = write_out(args.out, data)
    print(f"{args.out} ({len(data) // 1024} KB)", file=sys.stderr if to_stdout else sys.stdout)
    return 0


def _names_checked(
    con: duckdb.DuckDBPyConnection, params: dict[str, object], given: dict[str, object]
) -> dict[str, object]:
    """``params`` with the provinces and sectors the user gave checked against the database's
    names (ParamError for one that matches no plan), and the sectors split into names."""
    if not {"provinces", "province", "sectors"} & given.keys():
        return params  # nothing to check: spare the query
    from cchc.store.db import run_query
    from cchc.store.known_values import check_known_values

    return check_known_values(params, run_query(con, "filter_options", {}))


def _cmd_bench(args: argparse.Namespace) -> int:
    from benchmarks.bench import main as bench_main

    return bench_main(args.rest)


# What Ctrl-C leaves behind, said by the commands that write: each writes to a temporary file that
# replaces the real one only once complete, and removes it on the way out.
STOPPED = "Đã dừng. / Stopped."
STOPPED_DB = "Đã dừng: cơ sở dữ liệu cũ được giữ nguyên / Stopped: the old database is unchanged"
STOPPED_NEW_DB = "Đã dừng: chưa tạo cơ sở dữ liệu / Stopped: no database was created"
STOPPED_NOTHING_ADDED = "Đã dừng: chưa thêm gì / Stopped: nothing was added"
STOPPED_EXPORT = "Đã dừng: không ghi tệp nào / Stopped: no file was written"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m cchc", description=__doc__)
    parser.set_defaults(stopped=STOPPED)
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build the database from a folder of plans")
    build.add_argument("--plans", help="folder of plans (default: the database's plans folder: "
                       "data/plans, or 'plans' beside --db)")  # fmt: skip
    build.add_argument("--db", default=str(DEFAULT_DB))
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    build.add_argument("--jobs", type=int, default=1, help="processes that read and code plans")
    build.set_defaults(func=_cmd_build, stopped=STOPPED_DB)
    add = sub.add_parser("add", help="validate and add plan files (or .zip) to the database")
    add.add_argument("files", nargs="+")
    add.add_argument("--db", default=str(DEFAULT_DB))
    add.add_argument("--plans", help="folder the files are copied into (default: the database's "
                     "plans folder: data/plans, or 'plans' beside --db)")  # fmt: skip
    add.add_argument("--force", action="store_true", help="add files that look unlike a plan")
    add.set_defaults(func=_cmd_add, stopped=STOPPED_DB)
    fixes = sub.add_parser(
        "corrections", help="export or import analysts' corrections (JSON Lines)"
    )
    fixes.add_argument("action", choices=["export", "import"])
    fixes.add_argument("file", nargs="?", help="the file to import")
    fixes.add_argument("--db", default=str(DEFAULT_DB))
    fixes.set_defaults(func=_cmd_corrections)
    extract = sub.add_parser("extract", help="print one JSON object per file (JSON Lines)")
    extract.add_argument("files", nargs="+")
    extract.add_argument(
        "--force", action="store_true", help="code it even if it looks unlike a plan"
    )
    extract.set_defaults(func=_cmd_extract)
    query = sub.add_parser("query", help="run one query of queries/")
    query.add_argument("name")
    query.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
    query.add_argument("--format", choices=["csv", "json"], default="csv")
    query.add_argument("--db", default=str(DEFAULT_DB))
    query.set_defaults(func=_cmd_query)
    export = sub.add_parser("export", help="export a briefing pack, a chart or a table to a file")
    export.add_argument("--what", choices=["pack", "chart", "table"], default="pack")
    export.add_argument("--chart", action="append", default=[], metavar="ID",
                        help="chart id (repeat for a pack; default: every chart)")  # fmt: skip
    export.add_argument("--format", choices=["png", "svg", "pdf", "pptx", "csv", "xlsx"],
                        required=True)  # fmt: skip
    export.add_argument("--out", required=True, metavar="FILE",
                        help="the file to write; - for standard output")  # fmt: skip
    export.add_argument("--lang", choices=["vi", "en"], default="vi")
    export.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
    export.add_argument("--db", default=str(DEFAULT_DB))
    export.set_defaults(func=_cmd_export, stopped=STOPPED_EXPORT)
    bench = sub.add_parser("bench", help="benchmark build and queries (see BENCHMARKS.md)")
    bench.add_argument("rest", nargs=argparse.REMAINDER)
    bench.set_defaults(func=_cmd_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _CTRL_C.clear()  # a press in an earlier call (tests run several) is not this command's
    previous = signal.signal(signal.SIGINT, _on_ctrl_c)
    try:
        return args.func(args)
    except BaseException as error:
        return _failed(error, args)
    finally:
        signal.signal(signal.SIGINT, previous)


def _failed(error: BaseException, args: argparse.Namespace) -> int:
    """The exit status for ``error``, said in one message; anything unforeseen is raised again."""
    # Ctrl-C first: a library that caught it may have raised something else meanwhile (DuckDB
    # reading the schema turns it into an error, which says "no database, run build").
    if _CTRL_C or isinstance(error, KeyboardInterrupt):
        # The writers' cleanup has run on the way here; say what was kept, no traceback.
        # 130 = 128 + SIGINT, the status a shell gives a command stopped by Ctrl-C.
        print(f"\n{args.stopped}", file=sys.stderr)
        return 130
    if isinstance(error, CchcError):
        print(f"Lỗi: {error.message_vi}\nError: {error.message_en}", file=sys.stderr)
        return 2
    if isinstance(error, BrokenPipeError):
        # The reader stopped early (`query … | head`): end quietly, not with a traceback, and
        # keep Python from failing again when it flushes stdout on exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    raise error


_CTRL_C: list[int] = []  # not empty once Ctrl-C was pressed


def _on_ctrl_c(signum: int, frame: object) -> None:
    """Python's own answer to Ctrl-C (KeyboardInterrupt), remembered: DuckDB and pandas catch it
    and raise their own error instead (RuntimeError "Query interrupted", duckdb.Error)."""
    _CTRL_C.append(signum)
    raise KeyboardInterrupt
