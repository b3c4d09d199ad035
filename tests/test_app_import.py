"""The import page driven headless (AppTest): upload, review, correct, save, and nothing lost.

Every test gets its own database of three seed plans and its own plans folder (CCHC_DB and
CCHC_PLANS), so nothing is ever written into the repository's data/plans.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from cchc.i18n import t
from cchc.i18n_dates import moment_text
from cchc.parse.metadata import FIELDS
from cchc.store.build import DEFAULT_PLANS, build_database, plan_files
from cchc.store.corrections import corrections_path, make_correction
from cchc.ui.corrections import category_label, category_options

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
PAGE = "pages/7_nhap_ke_hoach.py"
BAD = ROOT / "tests" / "bad_inputs"
SEEDS = plan_files(DEFAULT_PLANS)
NEW = SEEDS[3]  # An Giang 2025: not in the three-plan database


@pytest.fixture()
def small_db(
    three_seed_db: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    db, plans = three_seed_db
    monkeypatch.setenv("CCHC_DB", str(db))
    monkeypatch.setenv("CCHC_PLANS", str(plans))
    return db, plans


def open_import(lang: str = "vi") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    at.file_uploader[0].set_value(
        [(name, data, "application/octet-stream") for name, data in files]
    )
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    for kind in (at.info, at.warning, at.error, at.success):
        parts += [e.value for e in kind]
    return "\n".join(str(p) for p in parts)


def plan_count(db: Path) -> int:
    # ATTACH, not connect: the app's cached connection would hand back the replaced file.
    with duckdb.connect(":memory:") as con:
        con.execute(f"ATTACH '{db}' AS d (READ_ONLY)")
        return con.execute("SELECT count(*) FROM d.plans").fetchone()[0]


def overview_count(at: AppTest) -> str:
    at.switch_page("pages/1_tong_quan.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at.metric[0].value


def test_review_then_save_adds_the_plan_and_the_overview_shows_it(small_db) -> None:
    db, plans = small_db
    repo_files = sorted(p.name for p in DEFAULT_PLANS.iterdir())
    at = open_import()
    assert overview_count(open_import()) == "3"
    upload(at, (NEW.name, NEW.read_bytes()))
    review = at.table[0].value
    assert list(review["Tệp"]) == [NEW.name.replace("_", "\\_")]  # shown literally, not as Markdown
    assert "Sẵn sàng" in review["Trạng thái"].iloc[0]
    assert review["Tỉnh"].iloc[0] == "An Giang"
    assert review[t("imp_col_years")].iloc[0] == "2025", "a one-year plan is not '2025–2025'"
    assert plan_count(db) == 3, "reviewing writes nothing"
    assert any("<mark" in m.value for m in at.markdown), "evidence sentences are highlighted"
    at.button(key="imp_save").click().run()
    assert not at.exception
    assert "Đã lưu 1 kế hoạch mới" in texts(at)
    result = at.table[0].value
    assert "Đã thêm" in result["Trạng thái"].iloc[0]
    assert plan_count(db) == 4 and (plans / NEW.name).exists()
    assert sorted(p.name for p in DEFAULT_PLANS.iterdir()) == repo_files
    assert overview_count(at) == "4"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_review_shows_every_reason_whole_in_a_static_table(small_db, lang) -> None:
    """A grid cuts "how it was found" at its column edge ("tên tỉnh trong văn bản (đi…"): the
    review's metadata is a full-width static table that wraps, one row per field."""
    at = upload(open_import(lang), (NEW.name, NEW.read_bytes()))
    assert not at.dataframe, "no grid: the one-row-per-file summary is static too"
    field, how = {"vi": ("Trường", "Cách xác định"), "en": ("Field", "How it was found")}[lang]
    meta = at.table[1].value.set_index(field)
    assert len(meta) == len(FIELDS)
    reason = meta.loc[{"vi": "Tỉnh", "en": "Province"}[lang], how]
    whole = {"vi": r"tên tỉnh trong văn bản \(điểm \d+\)", "en": r"named in text.*"}[lang]
    assert re.fullmatch(whole, reason), reason
    assert all(meta[how].str.len() > 0)


def test_the_review_gives_the_issue_date_as_the_reader_writes_it(small_db) -> None:
    dated = "Số: 123/QĐ-UBND\nAn Giang, ngày 05 tháng 02 năm 2025\n" + NEW.read_text("utf-8")
    at = upload(open_import(), ("dated.txt", dated.encode("utf-8")))
    meta = at.table[1].value.set_index("Trường")  # under the one-row-per-file summary
    assert meta.loc["Ngày ban hành", "Giá trị"] == "05/02/2025"


BAD_FILES = [
    ("empty.txt", "empty"),
    ("binary.txt", "binary"),
    ("scanned_no_text.pdf", "no_text_layer"),
    ("chinese_gb2312.txt", "encoding"),
    ("not_a_plan.txt", "not_a_plan"),
]


def _evil_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../evil.txt", NEW.read_bytes())
    return buffer.getvalue()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_bad_input_says_why_in_the_readers_language_and_changes_nothing(
    small_db, lang
) -> None:
    db, plans = small_db
    before = (plan_count(db), db.stat().st_mtime, sorted(plans.iterdir()))
    files = [(name, (BAD / name).read_bytes()) for name, _ in BAD_FILES]
    files += [("copy_of_ha_giang.txt", SEEDS[0].read_bytes()), ("batch.zip", _evil_zip())]
    at = upload(open_import(lang), *files)
    errors = [e.value for e in at.error] + [w.value for w in at.warning]
    assert len(errors) == len(files), errors
    assert all(message.strip() for message in errors)
    shown = texts(at)
    duplicate, outside = {
        "vi": ("Trùng với kế hoạch đã có", "đường dẫn ra ngoài thư mục"),
        "en": ("Duplicate of a stored plan", "path outside its folder"),
    }[lang]
    other = {"vi": "path outside its folder", "en": "đường dẫn ra ngoài thư mục"}[lang]
    assert "OCR" in shown
    assert duplicate in shown and SEEDS[0].name.replace("_", "\\_") in shown
    assert outside in shown and other not in shown, "each message in the reader's language only"
    assert at.button(key="imp_save").disabled
    assert (plan_count(db), db.stat().st_mtime, sorted(plans.iterdir())) == before


NOT_A_PLAN_REASONS = {
    "vi": ["không nói đến cải cách hành chính", "không nói đến tuyên truyền"],
    "en": ["never mentions administrative reform", "never mentions communication"],
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_text_that_is_no_plan_is_refused_with_reasons_in_the_readers_language(small_db, lang):
    at = upload(open_import(lang), ("tin_tuc.txt", (BAD / "not_a_plan.txt").read_bytes()))
    summary = at.table[0].value[t("imp_col_message", lang)].iloc[0]
    for reason in NOT_A_PLAN_REASONS[lang]:
        assert reason in summary and reason in at.error[0].value
    for reason in NOT_A_PLAN_REASONS["en" if lang == "vi" else "vi"]:
        assert reason not in texts(at) + summary, f"{reason!r} on the {lang} page"


def test_not_a_plan_can_be_imported_anyway(small_db) -> None:
    db, _ = small_db
    at = upload(open_import(), ("tin_tuc.txt", (BAD / "not_a_plan.txt").read_bytes()))
    assert "Bị từ chối" in at.table[0].value["Trạng thái"].iloc[0]
    at.checkbox[0].check().run()
    assert "Sẵn sàng" in at.table[0].value["Trạng thái"].iloc[0]
    at.button(key="imp_save").click().run()
    assert plan_count(db) == 4


def _detail(at: AppTest, plan_id: str) -> AppTest:
    at.switch_page("pages/4_chi_tiet.py").run()
    at.selectbox(key="detail_plan").set_value(plan_id).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _year_row(at: AppTest):
    meta = at.table[0].value.set_index("Trường")  # the detail page's full-height table
    return meta.loc["Từ năm"]


def test_a_correction_made_on_import_shows_on_the_detail_page_and_survives_a_rebuild(
    small_db,
) -> None:
    db, plans = small_db
    at = upload(open_import(), (NEW.name, NEW.read_bytes()))
    pid = at.table[0].value["Mã kế hoạch"].iloc[0]
    at.number_input(key=f"imp_{pid}_year_from").set_value(2024)
    at.multiselect(key=f"imp_{pid}_remove").set_value(["channel/bao_chi"])
    at.button(key="imp_save").click().run()
    assert "Hãy nhập tên người hiệu chỉnh" in texts(at), "a correction needs its author"
    assert plan_count(db) == 3
    at.text_input(key=f"imp_{pid}_author").input("chuyen.vien@bnv")
    at.text_input(key=f"imp_{pid}_note").input("năm ghi sai")
    at.button(key="imp_save").click().run()
    assert "Đã ghi 2 hiệu chỉnh" in texts(at)
    at = _detail(at, pid)
    row = _year_row(at)
    assert row["Giá trị"] == "2024" and row["Hiệu chỉnh"] == "✎ đã hiệu chỉnh"
    assert "✎ đã hiệu chỉnh: Từ năm" in texts(at)
    build_database(plans, db, progress=False)  # a full rebuild from the folder
    at = _detail(open_import(), pid)
    assert _year_row(at)["Giá trị"] == "2024"
    assert "channel/bao_chi" in corrections_path(db).read_text(encoding="utf-8")


def test_the_uploader_states_its_limits_in_the_readers_language(small_db) -> None:
    label = open_import().file_uploader[0].label
    assert "tối đa 20 MB mỗi kế hoạch, 100 MB mỗi tệp tải lên" in label  # .streamlit/config.toml
    assert "up to 20 MB a plan" in open_import("en").file_uploader[0].label


def test_an_end_year_before_the_start_year_on_import_saves_nothing_and_keeps_the_form(
    small_db,
) -> None:
    db, plans = small_db
    at = upload(open_import(), (NEW.name, NEW.read_bytes()))
    pid = at.table[0].value["Mã kế hoạch"].iloc[0]
    at.number_input(key=f"imp_{pid}_year_to").set_value(2020)  # the plan starts in 2025
    at.text_input(key=f"imp_{pid}_author").input("chuyen.vien@bnv")
    at.button(key="imp_save").click().run()
    assert "Năm kết thúc (2020) trước năm bắt đầu (2025)" in texts(at)
    assert plan_count(db) == 3 and not (plans / NEW.name).exists()
    assert not corrections_path(db).exists()
    # Nothing was saved, so the file is still ready and the analyst's entry is still there.
    assert at.number_input(key=f"imp_{pid}_year_to").value == 2020
    assert not at.button(key="imp_save").disabled


def open_detail_form() -> tuple[AppTest, str]:
    """The plan detail page of the first plan, whose correction form is keyed by its id."""
    at = open_import()
    at.switch_page("pages/4_chi_tiet.py").run()
    return at, at.selectbox(key="detail_plan").value


def test_the_detail_page_form_records_a_correction(small_db) -> None:
    db, _ = small_db
    at, pid = open_detail_form()
    at.number_input(key=f"fix_{pid}_year_to").set_value(2026)
    add = at.multiselect(key=f"fix_{pid}_add")
    label = add.options[0]  # a category the machine did not find in this plan
    key = next(k for k in category_options() if category_label(k, "vi") == label)
    add.set_value([key])
    at.text_input(key=f"fix_{pid}_author").input("chuyen.vien@bnv")
    at.button[-1].click().run()  # the form's submit button
    assert not at.exception, [e.message for e in at.exception]
    assert "Đã ghi 2 hiệu chỉnh" in texts(at)
    meta = at.table[0].value.set_index("Trường")
    assert meta.loc["Đến năm", "Giá trị"] == "2026"
    assert meta.loc["Đến năm", "Hiệu chỉnh"] == "✎ đã hiệu chỉnh"
    short = label.split(" · ", 1)[1]
    assert f"{short} ✎ đã hiệu chỉnh" in at.selectbox(key="detail_cat").options
    # the evidence tab's line names the corrected category once, without a second badge
    assert f"✎ đã hiệu chỉnh: {short}" in texts(at)
    assert f"{short} ✎ đã hiệu chỉnh" not in " ".join(c.value for c in at.caption)
    # the history gives the time as readers write it (Vietnam's clock); the file keeps ISO UTC
    stamp = json.loads(corrections_path(db).read_text(encoding="utf-8").splitlines()[0])
    assert stamp["created_at"].endswith("+00:00")
    when = at.table[1].value["Thời điểm"]
    assert set(when) == {moment_text(stamp["created_at"], "vi")}
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", when.iloc[0]), when.iloc[0]
    # and names what changed in the reader's words, not the file's keys
    fields = list(at.table[1].value["Trường"])
    assert "Đến năm" in fields and f"{label.split(' · ', 1)[0]} · {short}" in fields, fields
    assert "có" in set(at.table[1].value["Giá trị mới"]), at.table[1].value


def test_the_detail_page_refuses_an_end_year_before_the_start_year(small_db) -> None:
    db, _ = small_db
    at, pid = open_detail_form()
    at.number_input(key=f"fix_{pid}_year_to").set_value(2020)
    at.text_input(key=f"fix_{pid}_author").input("chuyen.vien@bnv")
    at.button[-1].click().run()
    assert not at.exception, [e.message for e in at.exception]
    shown = texts(at) + " ".join(e.value for e in at.error)
    assert "Năm kết thúc (2020) trước năm bắt đầu" in shown and "nothing was saved" in shown
    assert not corrections_path(db).exists()


def test_a_corrections_file_can_be_imported(small_db) -> None:
    db, _ = small_db
    with duckdb.connect(str(db), read_only=True) as con:
        pid = con.execute("SELECT plan_id FROM plans ORDER BY plan_id LIMIT 1").fetchone()[0]
    item = make_correction(pid, "issuer", None, "Sở Nội vụ", "chuyen.vien@bnv", "từ máy khác")
    at = open_import()
    at.file_uploader(key="cf_upload").set_value(
        ("corrections.jsonl", (json.dumps(item, ensure_ascii=False) + "\n").encode(), "text/plain")
    )
    at.run()
    at.button(key="cf_import").click().run()
    assert "Đã gộp 1 hiệu chỉnh mới" in texts(at)
    assert at.get("download_button"), "the corrections file can now be downloaded"
    at.file_uploader(key="cf_upload").set_value(("bad.jsonl", b"{not json\n", "text/plain"))
    at.run()
    at.button(key="cf_import").click().run()
    shown = texts(at)
    assert "không hợp lệ" in shown and "is invalid" in shown
