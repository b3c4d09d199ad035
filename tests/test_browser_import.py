"""A real-browser import: upload a seed plan through the uploader, review it, save, see the count.

The server runs on a temporary database of three seeds with its own plans folder (CCHC_DB,
CCHC_PLANS): nothing is written into the repository. Screenshots go to tests/screenshots/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc.store.build import DEFAULT_PLANS, build_database, plan_files
from tests.browser import SHOTS, TIMEOUT_MS, browser_tab, running_app, settle

pytestmark = pytest.mark.browser
SEEDS = plan_files(DEFAULT_PLANS)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("import")
    plans = folder / "plans"
    plans.mkdir()
    for seed in SEEDS[:3]:
        (plans / seed.name).write_bytes(seed.read_bytes())
    db = folder / "cchc.duckdb"
    build_database(plans, db, progress=False)
    with running_app({"CCHC_DB": str(db), "CCHC_PLANS": str(plans)}) as url:
        yield url, plans


@pytest.fixture(scope="module")
def page(server):
    with browser_tab() as tab:
        yield tab


def test_upload_review_save_and_the_count_goes_up(server, page) -> None:
    url, plans = server
    SHOTS.mkdir(parents=True, exist_ok=True)
    new = SEEDS[3]
    page.goto(f"{url}/", timeout=TIMEOUT_MS)
    settle(page)
    page.get_by_role("link", name="Nhập kế hoạch").first.click()
    settle(page)
    page.get_by_role("heading", name="Nhập kế hoạch").first.wait_for()
    page.get_by_text("Số kế hoạch trong dữ liệu: 3").first.wait_for()
    assert _uploader_button_words(page) == ["Chọn tệp", "Chọn tệp"]  # not Streamlit's "Upload"
    page.locator("[data-testid='stFileUploader'] input[type=file]").first.set_input_files(str(new))
    page.get_by_text("Xem lại trước khi lưu").first.wait_for()
    settle(page)
    page.get_by_text("Sẵn sàng lưu").first.wait_for()
    page.screenshot(path=str(SHOTS / "nhap-ke-hoach-review.png"), full_page=True)
    assert not page.locator("[data-testid='stException']").count()
    _every_reason_reads_whole_at_1280(page)
    page.get_by_role("button", name="Lưu / Save").click()
    page.get_by_text("Đã lưu 1 kế hoạch mới").first.wait_for()
    page.get_by_text("Số kế hoạch trong dữ liệu: 4").first.wait_for()
    page.screenshot(path=str(SHOTS / "nhap-ke-hoach-saved.png"), full_page=True)
    assert (plans / new.name).exists()
    page.goto(f"{url}/", timeout=TIMEOUT_MS)
    settle(page)
    metric = page.locator("[data-testid='stMetricValue']").first
    assert metric.inner_text().strip() == "4"


def _uploader_button_words(page) -> list[str]:
    """What each uploader's button shows: its own text is hidden and the reader's word written
    after it (Streamlit's "Upload" has no parameter for its words)."""
    return page.locator("[data-testid='stFileUploaderDropzone'] button p").evaluate_all(
        "ps => ps.map(p => getComputedStyle(p).fontSize === '0px'"
        " ? JSON.parse(getComputedStyle(p, '::after').content) : p.innerText)"
    )


def _every_reason_reads_whole_at_1280(page) -> None:
    """The review's metadata wraps in a static table on a 1280-pixel screen: no cell is cut
    (a grid would end "tên tỉnh trong văn bản (đi…") and the table fits the page's width."""
    size = page.viewport_size
    page.set_viewport_size({"width": 1280, "height": size["height"]})
    try:
        settle(page)
        table = page.locator("[data-testid='stTable']").filter(has_text="Cách xác định").first
        table.wait_for()
        cut = table.evaluate(
            "t => [...t.querySelectorAll('td, th')]"
            ".filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.innerText)"
        )
        assert cut == [], cut
        box = table.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 1280
        assert "tên tỉnh trong văn bản (điểm" in table.inner_text()
    finally:
        page.set_viewport_size(size)
