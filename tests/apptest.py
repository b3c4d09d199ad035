"""Driving the dashboard headless (streamlit.testing AppTest), shared by the app tests."""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")


def open_page(page: str | None = None, timeout: int = 120, **params: object) -> AppTest:
    """Open the app with URL ``params`` (as a shared link would), then switch to ``page``."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.query_params.update(params)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def column_headers(table) -> list[str]:
    """The headers a user sees over an st.dataframe (its column_config labels), in order."""
    labels = json.loads(table.proto.columns or "{}")
    return [labels.get(c, {}).get("label", c) for c in table.value.columns]
