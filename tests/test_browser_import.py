"""A real-browser import: upload a seed plan through the uploader, review it, save, see the count.

The server runs on a temporary database of three seeds with its own plans folder (CCHC_DB,
CCHC_PLANS): nothing is written into the repository. Screenshots go to tests/screenshots/.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc.store.build import DEFAULT_PLANS, build_database, plan_files
from tests.test_browser import ARGS, CHROMIUM, TIMEOUT_MS, _free_port, _settle, _wait_healthy

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "tests" / "screenshots"
SEEDS = plan_files(DEFAULT_PLANS)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium not installed")
    folder = tmp_path_factory.mktemp("import")
    plans = folder / "plans"
    plans.mkdir()
    for seed in SEEDS[:3]:
        (plans / seed.name).write_bytes(seed.read_bytes())
    db = folder / "cchc.duckdb"
    build_database(plans, db, progress=False)
    port = _free_port()
    env = {**os.environ, "CCHC_DB": str(db), "CCHC_PLANS": str(plans)}
    # No file watcher: others edit the tree, and a "source changed" banner never settles.
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless",
           "true", "--server.port", str(port), "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none"]  # fmt: skip
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, proc)
        yield url, plans
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def page(server):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, timeout=TIMEOUT_MS)
        try:
            tab = browser.new_page(viewport={"width": 1600, "height": 1100})
            tab.set_default_timeout(TIMEOUT_MS)
            yield tab
        finally:
            browser.close()


def test_upload_review_save_and_the_count_goes_up(server, page) -> None:
    url, plans = server
    SHOTS.mkdir(parents=True, exist_ok=True)
    new = SEEDS[3]
    page.goto(f"{url}/", timeout=TIMEOUT_MS)
    _settle(page)
    page.get_by_role("link", name="Nhập kế hoạch").first.click()
    _settle(page)
    page.get_by_role("heading", name="Nhập kế hoạch").first.wait_for()
    page.get_by_text("Số kế hoạch trong dữ liệu: 3").first.wait_for()
    page.locator("[data-testid='stFileUploader'] input[type=file]").first.set_input_files(str(new))
    page.get_by_text("Xem lại trước khi lưu").first.wait_for()
    _settle(page)
    page.get_by_text("Sẵn sàng lưu").first.wait_for()
    page.screenshot(path=str(SHOTS / "nhap-ke-hoach-review.png"), full_page=True)
    assert not page.locator("[data-testid='stException']").count()
    page.get_by_role("button", name="Lưu / Save").click()
    page.get_by_text("Đã lưu 1 kế hoạch mới").first.wait_for()
    page.get_by_text("Số kế hoạch trong dữ liệu: 4").first.wait_for()
    page.screenshot(path=str(SHOTS / "nhap-ke-hoach-saved.png"), full_page=True)
    assert (plans / new.name).exists()
    page.goto(f"{url}/", timeout=TIMEOUT_MS)
    _settle(page)
    metric = page.locator("[data-testid='stMetricValue']").first
    assert metric.inner_text().strip() == "4"
