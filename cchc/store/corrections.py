"""Analysts' corrections: a JSON Lines file kept apart from the database.

The database is rebuilt from the plans at any time; this file is not, so a rebuild or a new
extractor version re-applies every correction. Appends take a lock and fsync, so two writers
never interleave and a crash never leaves half a line.
"""

from __future__ import annotations

import fcntl
import json
import os
import uuid
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from cchc.i18n import LEVELS
from cchc.parse.codebook import load_codebook
from cchc.store.db import YEAR_MAX, YEAR_MIN

CORRECTABLE = ("province", "year_from", "year_to", "issuer", "issuer_level", "sector")
# The years the filters offer; "2000000" would expand into millions of plan-year rows.
YEARS = range(YEAR_MIN, YEAR_MAX + 1)


def corrections_path(db_path: Path) -> Path:
    """Corrections live beside the database: data/cchc.duckdb -> data/corrections.jsonl."""
    return Path(db_path).with_name("corrections.jsonl")


def load_corrections(path: Path) -> dict[str, list[dict]]:
    """plan_id -> corrections in the order they were made. Unreadable lines are skipped, loudly."""
    by_plan: dict[str, list[dict]] = defaultdict(list)
    if not Path(path).exists():
        return by_plan
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                problem = correction_problem(item)
            except json.JSONDecodeError as error:
                problem = ("không phải JSON", f"not JSON: {error}")
            if problem:  # an invalid line must not stop every later build
                print(f"{path.name} dòng/line {number} bỏ qua/skipped: {problem[0]} / {problem[1]}")
                continue
            by_plan[item["plan_id"]].append(item)
    return by_plan


def correction_problem(item: object) -> tuple[str, str] | None:
    """Why a correction cannot be applied (Vietnamese, English), or None when it can."""
    if not isinstance(item, dict):
        return "không phải một hiệu chỉnh", "not a correction"
    missing = [k for k in ("correction_id", "plan_id", "field", "new_value") if k not in item]
    if missing:
        return f"thiếu {', '.join(missing)}", f"missing {', '.join(missing)}"
    field, new = str(item["field"]), item["new_value"]
    if field.startswith("category:"):
        family, _, category = field.removeprefix("category:").partition("/")
        known = any(c.id == category and c.family == family for c in load_codebook().categories)
        if not known or new not in ("present", "absent"):
            return f"mục không có trong bộ mã: {field}={new}", f"unknown category: {field}={new}"
    elif field not in CORRECTABLE:
        return f"trường không sửa được: {field}", f"field cannot be corrected: {field}"
    elif field in ("year_from", "year_to") and new not in (None, ""):
        if not str(new).isdigit() or int(new) not in YEARS:
            return f"năm không hợp lệ: {new}", f"not a year from {YEAR_MIN} to {YEAR_MAX}: {new}"
    elif field == "issuer_level" and new not in (None, "", *LEVELS):
        return f"cấp ban hành không hợp lệ: {new}", f"unknown issuer level: {new}"
    return _bad_date(item.get("created_at"))


def _bad_date(value: object) -> tuple[str, str] | None:
    try:
        if value is not None:
            datetime.fromisoformat(str(value))
    except ValueError:
        return f"thời điểm không hợp lệ: {value}", f"not a timestamp: {value}"
    return None


def make_correction(
    plan_id: str, field: str, old_value: object, new_value: object, author: str, note: str = ""
) -> dict:
    if field not in CORRECTABLE and not field.startswith("category:"):
        raise ValueError(f"field cannot be corrected: {field}")
    return {
        "correction_id": uuid.uuid4().hex[:12],
        "plan_id": plan_id,
        "field": field,
        "old_value": None if old_value is None else str(old_value),
        "new_value": None if new_value is None else str(new_value),
        "author": author or "analyst",
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "note": note,
    }


def append_corrections(path: Path, items: list[dict]) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
    with open(path, "a", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())
        fcntl.flock(handle, fcntl.LOCK_UN)


def correction_rows(by_plan: dict[str, list[dict]]) -> list[tuple]:
    return [
        (c["correction_id"], c["plan_id"], c["field"], c.get("old_value"), c.get("new_value"),
         c.get("author"), c.get("created_at"), c.get("note"))
        for items in by_plan.values()
        for c in items
    ]  # fmt: skip
