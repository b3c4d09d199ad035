"""`query`/`export --param`: a misspelt name or a value no query can take is refused, clearly."""

from __future__ import annotations

import csv
import io
import os
import stat
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc.errors import ParamError
from cchc.store.db import query_params
from cchc.store.known_values import check_known_values
from cchc.store.params import FILTER_NAMES, parse_params
from tests.conftest import query_runner


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cchc", *args], capture_output=True, text=True, check=False
    )


def test_good_parameters_become_typed_values():
    params = parse_params(
        ["year_from=2023", "year_to=2025", "levels=province,district", "view_by=today",
         "family=channel", "provinces=Hà Giang,Cao Bằng"],
        query_params("trends_by_year"),
    )  # fmt: skip
    assert params == {
        "year_from": 2023, "year_to": 2025, "levels": ["province", "district"],
        "view_by": "today", "family": "channel", "provinces": ["Hà Giang", "Cao Bằng"],
    }  # fmt: skip


def test_a_misspelt_parameter_names_the_ones_the_query_takes():
    with pytest.raises(ParamError) as caught:
        parse_params(["famly=channel"], query_params("trends_by_year"))
    error = caught.value
    assert "famly" in error.message_vi and "famly" in error.message_en
    assert "family" in error.message_vi and "year_from" in error.message_en
    assert "plan_id" not in error.message_en  # only this query's parameters are offered


@pytest.mark.parametrize(
    "pair,words_en",
    [("year_from=abc", "whole number from 1990 to 2100"),
     ("year_to=2300", "whole number from 1990 to 2100"),
     ("view_by=now", "issued, today"),
     ("levels=province,distrct", "distrct"),
     ("year_from", "key=value")],
)  # fmt: skip
def test_a_value_a_filter_cannot_take_is_refused_in_both_languages(pair, words_en):
    with pytest.raises(ParamError) as caught:
        parse_params([pair], FILTER_NAMES)
    assert words_en in caught.value.message_en
    assert caught.value.message_vi and caught.value.message_vi != caught.value.message_en


def test_years_that_select_nothing_are_refused():
    with pytest.raises(ParamError, match="before"):
        parse_params(["year_from=2025", "year_to=2020"], FILTER_NAMES)


@pytest.mark.parametrize(
    "args,words",
    [(["trends_by_year", "--param", "family=channel", "--param", "year_from=abc"], "1990"),
     (["trends_by_year", "--param", "famly=channel"], "Accepted parameters: year_from"),
     (["data_info", "--param", "year_from=2020"], "Accepted parameters: (không có / none)"),
     (["coverage_by_provinc"], "Available: cell_evidence, cell_plans")],
)  # fmt: skip
def test_cli_query_refuses_bad_parameters_with_status_2_and_no_traceback(seed_db, args, words):
    run = _cli("query", *args, "--db", str(seed_db))
    assert run.returncode == 2, run.stderr
    assert "Lỗi:" in run.stderr and "Error:" in run.stderr and words in run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""


def _export_refused(db, out, param: str, what: str, chart: str, fmt: str):
    """``export`` with one bad --param: exit 2, no traceback, nothing at --out."""
    run = _cli("export", "--what", what, "--chart", chart, "--format", fmt, "--out", str(out),
               "--param", param, "--db", str(db))  # fmt: skip
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert not out.exists()
    return run


def test_cli_export_refuses_a_bad_year_before_making_anything(seed_db, tmp_path):
    out = tmp_path / "x.png"
    run = _export_refused(seed_db, out, "year_from=20x5", "chart", "coverage", "png")
    assert "20x5" in run.stderr


# Province and sector names: checked against the database once it is open. A name that matches
# no plan gave an empty table with exit status 0, and a scheduled report went out empty.

NFD_SON_LA = unicodedata.normalize("NFD", "Sơn La")
VH_TT_DL = "Văn hóa, Thể thao và Du lịch"  # a real sector whose name holds a comma


def _rows(csv_text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csv_text)))


def test_names_typed_in_decomposed_form_are_the_same_names():
    params = parse_params([f"provinces={NFD_SON_LA}"], FILTER_NAMES)
    assert params == {"provinces": ["Sơn La"]}


def test_a_semicolon_separates_list_items_and_sectors_keep_their_commas_for_the_database():
    params = parse_params(
        ["levels=province;district", f"sectors={VH_TT_DL};Ngoại vụ"], FILTER_NAMES
    )
    assert params == {"levels": ["province", "district"], "sectors": [VH_TT_DL, "Ngoại vụ"]}


def test_a_sector_is_one_name_when_whole_else_its_commas_split_it(seed_db):
    with query_runner(seed_db) as run:
        options = run("filter_options", {})
    whole = check_known_values({"sectors": [VH_TT_DL]}, options)
    assert whole["sectors"] == [VH_TT_DL]
    split = check_known_values({"sectors": ["Khoa học và Công nghệ,Ngoại vụ"]}, options)
    assert split["sectors"] == ["Khoa học và Công nghệ", "Ngoại vụ"]


@pytest.mark.parametrize(
    "params,words",
    [(["provinces=Son La"], ["'Son La'", "did you mean: Sơn La?", "có phải: Sơn La?"]),
     (["view_by=today", "provinces=Hà Giang"],
      ["'Hà Giang' (now part of Tuyên Quang)", "nay thuộc Tuyên Quang", "today's 34"]),
     (["provinces=Hà Tĩnh,Hà Nội"], ["'Hà Nội'", "province (as issued)"]),
     (["sectors=Văn hoá"], [f"did you mean: {VH_TT_DL}?", "Ngoại vụ; Văn hóa"])],
)  # fmt: skip
def test_cli_query_refuses_a_name_no_plan_has_with_the_close_matches(seed_db, params, words):
    pairs = [arg for pair in params for arg in ("--param", pair)]
    run = _cli("query", "plans_list", *pairs, "--db", str(seed_db))
    assert run.returncode == 2, run.stderr
    assert run.stdout == "" and "Traceback" not in run.stderr
    assert "Lỗi:" in run.stderr and "Error:" in run.stderr
    for word in words:
        assert word in run.stderr


def test_cli_traces_a_cell_only_for_a_province_the_database_has(seed_db):
    """cell_plans takes one province: a misspelt one is refused, not answered with no plans."""
    cell = ("query", "cell_plans", "--param", "category_id=tthc", "--db", str(seed_db))
    wrong = _cli(*cell, "--param", "province=Son La")
    assert wrong.returncode == 2 and "did you mean: Sơn La?" in wrong.stderr
    right = _cli(*cell, "--param", "province=Sơn La")
    assert right.returncode == 0, right.stderr
    rows = _rows(right.stdout)
    assert len(rows) == 1 and rows[0]["has_category"] == "True"
    plan_ids = ("--param", f"plan_ids={rows[0]['plan_id']}")  # a list parameter, one id
    said = _cli("query", "cell_evidence", "--param", "category_id=tthc", *plan_ids,
                "--db", str(seed_db))  # fmt: skip
    row = _rows(said.stdout)[0]
    marked = row["passage_text"][int(row["offset_in_passage"]) : int(row["offset_end_in_passage"])]
    assert "thủ tục hành chính" in marked.lower() or "tthc" in marked.lower(), marked


def test_cli_query_finds_a_province_typed_in_decomposed_form(seed_db):
    run = _cli("query", "plans_list", "--param", f"provinces={NFD_SON_LA}", "--db", str(seed_db))
    assert run.returncode == 0, run.stderr
    assert [row["province"] for row in _rows(run.stdout)] == ["Sơn La"]


@pytest.mark.parametrize(
    "value,sectors",
    [(VH_TT_DL, [VH_TT_DL]),
     (f"Ngoại vụ;{VH_TT_DL}", ["Ngoại vụ", VH_TT_DL]),
     ("Khoa học và Công nghệ,Ngoại vụ", ["Khoa học và Công nghệ", "Ngoại vụ"])],
)  # fmt: skip
def test_cli_query_takes_a_sector_whose_name_holds_a_comma(seed_db, value, sectors):
    run = _cli("query", "plans_list", "--param", f"sectors={value}", "--db", str(seed_db))
    assert run.returncode == 0, run.stderr
    assert sorted(row["sector"] for row in _rows(run.stdout)) == sorted(sectors)


def test_cli_export_refuses_a_province_no_plan_has_and_writes_nothing(seed_db, tmp_path):
    out = tmp_path / "report.csv"
    run = _export_refused(seed_db, out, "provinces=Son La", "table", "channel_mix", "csv")
    assert "did you mean: Sơn La?" in run.stderr


# `export --out`: a file is replaced whole; a link, a pipe or standard output is not replaced.

_TABLE = ("export", "--what", "table", "--chart", "channel_mix", "--format", "csv")


def test_export_through_a_symlink_rewrites_its_target_and_keeps_the_link(seed_db, tmp_path):
    (tmp_path / "shared").mkdir()
    target = tmp_path / "shared" / "channels.csv"
    target.write_text("last week\n", encoding="utf-8")
    link = tmp_path / "latest.csv"
    link.symlink_to(target)
    run = _cli(*_TABLE, "--out", str(link), "--db", str(seed_db))
    assert run.returncode == 0, run.stderr
    assert link.is_symlink() and link.resolve() == target
    assert target.read_text(encoding="utf-8-sig").startswith("Mục,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.csv", "shared"]
    assert [p.name for p in target.parent.iterdir()] == ["channels.csv"]  # no temp file left


def test_export_to_dash_writes_the_csv_to_standard_output(seed_db, tmp_path):
    run = _cli(*_TABLE, "--out", "-", "--db", str(seed_db))
    assert run.returncode == 0, run.stderr
    rows = _rows(run.stdout.removeprefix("\ufeff"))
    assert len(rows) > 5 and "Mục" in rows[0]  # the CSV, and nothing else, on stdout
    assert "- (" in run.stderr  # the size line went to stderr
    assert not (Path.cwd() / "-").exists()


@pytest.fixture()
def dev_stdout_kept() -> Iterator[os.stat_result]:
    """/dev/stdout as it was; put back if the test replaced it, as the export once did when run as
    root (a regular file there breaks every later `> /dev/stdout` on the machine)."""
    link = os.readlink("/dev/stdout")
    before = os.lstat("/dev/stdout")
    try:
        yield before
    finally:
        if not os.path.islink("/dev/stdout"):
            os.unlink("/dev/stdout")
            os.symlink(link, "/dev/stdout")


def test_export_to_dev_stdout_writes_to_the_pipe_and_leaves_dev_alone(seed_db, dev_stdout_kept):
    run = _cli(*_TABLE, "--out", "/dev/stdout", "--db", str(seed_db))
    after = os.lstat("/dev/stdout")
    assert stat.S_ISLNK(after.st_mode) and after.st_ino == dev_stdout_kept.st_ino
    assert run.returncode == 0, run.stderr
    assert _rows(run.stdout.removeprefix("\ufeff"))[0]["Mục"]
    assert not [p for p in os.listdir("/dev") if ".part-" in p]


def test_export_into_a_fifo_writes_to_the_reader(seed_db, tmp_path):
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    run = _cli(*_TABLE, "--out", str(fifo), "--db", str(seed_db))
    reader.join(timeout=60)
    assert run.returncode == 0, run.stderr
    assert received and received[0].decode("utf-8-sig").startswith("Mục,")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
