"""A plan whose province could not be read is not drawn on the map, and the caption says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.store.build import DEFAULT_PLANS, build_database
from tests.apptest import open_page
from tests.builders import PLAN_BODY

NO_PROVINCE = f"""KẾ HOẠCH
Tuyên truyền cải cách hành chính năm 2025
Sở Nội vụ xây dựng Kế hoạch tuyên truyền cải cách hành chính năm 2025 như sau:{PLAN_BODY}"""


@pytest.fixture()
def db_with_unplaced_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "son_la.txt").write_bytes((DEFAULT_PLANS / "004_63e9c6af6d83632b.txt").read_bytes())
    (plans / "no_province.txt").write_text(NO_PROVINCE, encoding="utf-8")
    db = tmp_path / "cchc.duckdb"
    report = build_database(plans, db, progress=False)
    assert report.count("added") == 2
    monkeypatch.setenv("CCHC_DB", str(db))
    return db


def test_map_caption_counts_plans_without_a_province(db_with_unplaced_plan: Path) -> None:
    at = open_page()
    captions = " ".join(c.value for c in at.caption)
    assert "1 kế hoạch chưa xác định được tỉnh" in captions
