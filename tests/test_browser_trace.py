"""In a real Chromium: clicking a cell of the overview grid shows the plans and sentences behind its
"k/n" where the user clicked, and opens a plan's page on that category."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser import SHOTS, TIMEOUT_MS, app_on_bundled_plans, browser_tab, settle

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with app_on_bundled_plans(tmp_path_factory.mktemp("trace")) as url:
        yield url


def test_clicking_a_cell_shows_its_plans_and_opens_one_on_that_category(server: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with browser_tab() as page:
        page.goto(f"{server}/", timeout=TIMEOUT_MS)
        settle(page)
        grid = page.locator("[data-testid='stVegaLiteChart']").first
        # Each seed province has one plan: "0/1" is a province whose plan lacks the area, the
        # dialog names the plan without it; "1/1" one whose plan has it, with its sentence.
        grid.locator("svg text", has_text="0/1").first.click()
        dialog = page.get_by_role("dialog")
        dialog.get_by_text("0 trong 1 kế hoạch có mục này").wait_for(timeout=TIMEOUT_MS)
        dialog.get_by_text("Không có mục này (1):").wait_for(timeout=TIMEOUT_MS)
        assert not dialog.locator("mark").count()
        page.keyboard.press("Escape")
        dialog.wait_for(state="hidden", timeout=TIMEOUT_MS)
        grid.locator("svg text", has_text="1/1").first.click()
        dialog.wait_for(timeout=TIMEOUT_MS)
        dialog.get_by_text("1 trong 1 kế hoạch có mục này").wait_for(timeout=TIMEOUT_MS)
        marked = dialog.locator("mark")
        assert marked.count() >= 1 and marked.first.inner_text().strip()
        page.screenshot(path=str(SHOTS / "trace-dialog.png"))
        dialog.get_by_role("button", name="Mở kế hoạch").first.click()
        page.wait_for_function("() => location.pathname.endsWith('/chi-tiet')", timeout=TIMEOUT_MS)
        settle(page)
        page.wait_for_function("() => location.search.includes('cat=')", timeout=TIMEOUT_MS)
        page.get_by_role("heading", name="Chi tiết kế hoạch").first.wait_for(timeout=TIMEOUT_MS)
        # on the evidence tab: the sentences of the category clicked, not the plan's fields
        chosen = page.locator("[role='tab'][aria-selected='true']").first
        assert chosen.inner_text().strip() == "Bằng chứng trong văn bản"
        assert not page.locator("[data-testid='stException']").count()
