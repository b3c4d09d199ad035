"""The dashboard in a real Chromium: every page renders, a filter change lands in the URL, and the
URL alone (a shared link) reproduces the view. Screenshots go to tests/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from cchc.store.build import build_database
from tests.browser import ROOT, SHOTS, TIMEOUT_MS, browser_tab, running_app, settle

pytestmark = pytest.mark.browser
PAGES = {
    "": "Tổng quan",
    "so-sanh": "So sánh tỉnh",
    "xu-huong": "Xu hướng",
    "chi-tiet": "Chi tiết kế hoạch",
    "bo-ma": "Bộ mã",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "cchc.duckdb"
    build_database(plans_dir=ROOT / "data" / "plans", db_path=db, progress=False)
    with running_app({"CCHC_DB": str(db)}) as url:
        yield url


@pytest.fixture(scope="module")
def page(server: str):
    with browser_tab() as tab:
        yield tab


def test_every_page_renders_its_title(server: str, page) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for path, title in PAGES.items():
        page.goto(f"{server}/{path}", timeout=TIMEOUT_MS)
        settle(page)
        page.get_by_role("heading", name=title).first.wait_for(timeout=TIMEOUT_MS)
        errors = page.locator("[data-testid='stException']")
        assert not errors.count(), errors.first.inner_text()
        page.screenshot(path=str(SHOTS / f"{path or 'tong-quan'}.png"), full_page=True)


def test_changed_filter_is_in_the_url_and_a_reload_shows_the_same_view(server: str, page) -> None:
    page.goto(f"{server}/", timeout=TIMEOUT_MS)
    settle(page)
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("English", exact=True).click()
    page.get_by_role("heading", name="Overview").first.wait_for(timeout=TIMEOUT_MS)
    sidebar.get_by_text("Today's 34 provinces", exact=True).click()
    settle(page)
    page.wait_for_function("() => location.search.includes('view=today')", timeout=TIMEOUT_MS)
    # The map follows the sidebar to the 34-province layout (AppTest cannot rerun the sidebar).
    page.wait_for_function("() => location.search.includes('mapv=34')", timeout=TIMEOUT_MS)
    shared = page.url
    assert "lang=en" in shared
    page.goto(shared, timeout=TIMEOUT_MS)  # a fresh session from the link alone
    settle(page)
    page.get_by_role("heading", name="Overview").first.wait_for(timeout=TIMEOUT_MS)
    assert page.get_by_text("Source: 5 plans", exact=False).count() > 0
    assert "view=today" in page.url
    page.screenshot(path=str(SHOTS / "shared_link_en_today.png"), full_page=True)
