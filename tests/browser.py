"""Real-browser plumbing shared by the browser tests: a `streamlit run` server on a free port
and a headless Debian Chromium driven by Playwright. Every wait is bounded."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "tests" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
TIMEOUT_MS = 30_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError("streamlit did not become healthy")


@contextmanager
def running_app(env: dict[str, str]) -> Iterator[str]:
    """`streamlit run app.py` with ``env`` added; yields its URL and always stops it."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium not installed")
    port = free_port()
    # No file watcher: a "source changed" banner would never let a page settle.
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless",
           "true", "--server.port", str(port), "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none"]  # fmt: skip
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@contextmanager
def browser_tab() -> Iterator[object]:
    """A Chromium tab (1600×1100) with bounded default timeouts."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, timeout=TIMEOUT_MS)
        try:
            tab = browser.new_page(viewport={"width": 1600, "height": 1100})
            tab.set_default_timeout(TIMEOUT_MS)
            yield tab
        finally:
            browser.close()


def settle(tab) -> None:
    """Waits until Streamlit has finished running the script (no 'running' status widget)."""
    tab.wait_for_selector("[data-testid='stApp']")
    tab.wait_for_timeout(800)
    tab.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=TIMEOUT_MS
    )
    tab.wait_for_timeout(1200)  # charts render after the script run


@contextmanager
def app_on_bundled_plans(folder: Path) -> Iterator[str]:
    """The app on a database built in ``folder`` from the bundled plans; yields its URL."""
    from cchc.store.build import build_database  # only the tests that start an app pay for it

    db = folder / "cchc.duckdb"
    build_database(plans_dir=ROOT / "data" / "plans", db_path=db, progress=False)
    with running_app({"CCHC_DB": str(db)}) as url:
        yield url
