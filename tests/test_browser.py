"""The dashboard in a real Chromium: every page renders, a filter change lands in the URL, and the
URL alone (a shared link) reproduces the view. Screenshots go to tests/screenshots/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc.store.build import build_database

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "tests" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
PAGES = {
    "": "Tổng quan",
    "so-sanh": "So sánh tỉnh",
    "xu-huong": "Xu hướng",
    "chi-tiet": "Chi tiết kế hoạch",
    "bo-ma": "Bộ mã",
}
TIMEOUT_MS = 30_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
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


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium not installed")
    db = tmp_path_factory.mktemp("db") / "cchc.duckdb"
    build_database(plans_dir=ROOT / "data" / "plans", db_path=db, progress=False)
    port = _free_port()
    env = {**os.environ, "CCHC_DB": str(db)}
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless",
           "true", "--server.port", str(port), "--browser.gatherUsageStats", "false"]  # fmt: skip
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, proc)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def page(server: str):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, timeout=TIMEOUT_MS)
        try:
            tab = browser.new_page(viewport={"width": 1600, "height": 1100})
            tab.set_default_timeout(TIMEOUT_MS)
            yield tab
        finally:
            browser.close()


def _settle(tab) -> None:
    """Waits until Streamlit has finished running the script (no 'running' status widget)."""
    tab.wait_for_selector("[data-testid='stApp']")
    tab.wait_for_timeout(800)
    tab.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=TIMEOUT_MS
    )
    tab.wait_for_timeout(1200)  # charts render after the script run


def test_every_page_renders_its_title(server: str, page) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for path, title in PAGES.items():
        page.goto(f"{server}/{path}", timeout=TIMEOUT_MS)
        _settle(page)
        page.get_by_role("heading", name=title).first.wait_for(timeout=TIMEOUT_MS)
        errors = page.locator("[data-testid='stException']")
        assert not errors.count(), errors.first.inner_text()
        page.screenshot(path=str(SHOTS / f"{path or 'tong-quan'}.png"), full_page=True)


def test_changed_filter_is_in_the_url_and_a_reload_shows_the_same_view(server: str, page) -> None:
    page.goto(f"{server}/", timeout=TIMEOUT_MS)
    _settle(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("English", exact=True).click()
    page.get_by_role("heading", name="Overview").first.wait_for(timeout=TIMEOUT_MS)
    sidebar.get_by_text("Today's 34 provinces", exact=True).click()
    _settle(page)
    page.wait_for_function("() => location.search.includes('view=today')", timeout=TIMEOUT_MS)
    shared = page.url
    assert "lang=en" in shared
    page.goto(shared, timeout=TIMEOUT_MS)  # a fresh session from the link alone
    _settle(page)
    page.get_by_role("heading", name="Overview").first.wait_for(timeout=TIMEOUT_MS)
    assert page.get_by_text("Source: 5 plans", exact=False).count() > 0
    assert "view=today" in page.url
    page.screenshot(path=str(SHOTS / "shared_link_en_today.png"), full_page=True)
