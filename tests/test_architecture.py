"""Import boundaries: reading and parsing know nothing of storage; only the UI imports streamlit."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _offenders(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _modules(folder)
        for name in _imports(path)
        if name.startswith(forbidden)
    ]


def test_reading_and_parsing_know_nothing_of_storage_or_ui():
    forbidden = ("cchc.store", "cchc.ui", "cchc.export", "duckdb", "streamlit", "pandas")
    assert _offenders("cchc/read", forbidden) == []
    assert _offenders("cchc/parse", forbidden) == []
    assert _offenders("cchc/geo", forbidden) == []


def test_storage_knows_nothing_of_streamlit():
    assert _offenders("cchc/store", ("streamlit", "cchc.ui")) == []


def test_only_the_ui_layer_imports_streamlit():
    outside_ui = [p for p in _modules("cchc") if "ui" not in p.relative_to(ROOT / "cchc").parts]
    offenders = [str(p) for p in outside_ui if any(n.startswith("streamlit") for n in _imports(p))]
    assert offenders == []


def test_pages_hold_no_sql_and_no_database_import():
    pages = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
    for page in [p for p in pages if p.exists()]:
        assert not any(n.startswith(("duckdb", "sqlite3")) for n in _imports(page)), page
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"\bSELECT\b.+\bFROM\b", text, re.S | re.I), page


def test_modules_stay_small():
    too_long = [
        str(p.relative_to(ROOT))
        for p in _modules("cchc")
        if len(p.read_text(encoding="utf-8").splitlines()) > 320
    ]
    assert too_long == []
