"""`query`/`export --param`: a misspelt name or a value no query can take is refused, clearly."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cchc.errors import ParamError
from cchc.store.db import query_params
from cchc.store.params import FILTER_NAMES, parse_params


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
     (["coverage_by_provinc"], "Available: channel_mix")],
)  # fmt: skip
def test_cli_query_refuses_bad_parameters_with_status_2_and_no_traceback(seed_db, args, words):
    run = _cli("query", *args, "--db", str(seed_db))
    assert run.returncode == 2, run.stderr
    assert "Lỗi:" in run.stderr and "Error:" in run.stderr and words in run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""


def test_cli_export_refuses_a_bad_year_before_making_anything(seed_db, tmp_path):
    out = tmp_path / "x.png"
    run = _cli("export", "--what", "chart", "--chart", "coverage", "--format", "png",
               "--out", str(out), "--param", "year_from=20x5", "--db", str(seed_db))  # fmt: skip
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "20x5" in run.stderr and not out.exists()
