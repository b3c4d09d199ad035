"""The dashboard, driven headless through streamlit.testing (AppTest) on a temporary database."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from cchc.i18n import t
from cchc.parse.extract import EXTRACTOR_VERSION
from cchc.read import read_document
from cchc.ui.notices import coded_by_older
from tests.apptest import open_page
from tests.conftest import AREAS_VI, seed_path

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
PAGES = [
    "pages/1_tong_quan.py",
    "pages/2_so_sanh.py",
    "pages/3_xu_huong.py",
    "pages/4_chi_tiet.py",
    "pages/5_bo_ma.py",
]


pytestmark = pytest.mark.usefixtures("app_on_seed_db")


def all_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [w.value for w in at.warning]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_in_both_languages(page: str, lang: str) -> None:
    at = open_page(page, lang=lang)
    assert at.title, "each page has a title"


def test_overview_counts_the_five_bundled_plans() -> None:
    at = open_page()
    assert at.title[0].value == "Tổng quan"
    assert at.metric[0].value == "5"


@pytest.mark.parametrize(("lang", "mark"), [("vi", ","), ("en", ".")])
def test_overview_numbers_use_the_readers_decimal_mark(lang: str, mark: str) -> None:
    at = open_page(lang=lang)
    mean = at.metric[4].value  # mean number of content areas, e.g. "4,6 / 6" in Vietnamese
    assert mean.endswith(" / 6") and mark in mean, mean
    assert at.metric[2].value == "2023–2025"


def test_codebook_page_names_each_column_once() -> None:
    at = open_page("pages/5_bo_ma.py")
    columns = list(at.table[0].value.columns)
    assert len(columns) == len(set(columns)), columns
    assert columns[:2] == ["Mục", "Mã mục"]


@pytest.mark.parametrize(
    ("lang", "sure", "unknown"), [("vi", "cao", "không có"), ("en", "high", "none")]
)
def test_plan_details_say_how_sure_each_field_is_in_the_readers_language(
    lang: str, sure: str, unknown: str
) -> None:
    at = open_page("pages/4_chi_tiet.py", lang=lang)
    table = at.table[0].value
    assert table.iloc[0, 0] == {"vi": "Tiêu đề", "en": "Title"}[lang]
    levels = set(table[{"vi": "Độ tin cậy", "en": "Confidence"}[lang]]) - {""}
    assert sure in levels and levels <= {sure, unknown, "trung bình", "thấp", "medium", "low"}


def test_overview_table_shows_which_content_areas_each_province_covers() -> None:
    at = open_page()
    table = at.dataframe[0].value.set_index("Tỉnh")
    assert len(table) == 5 and all(p.endswith(" †") for p in table.index)  # one plan each
    table.index = table.index.str.removesuffix(" †")
    assert list(table.columns) == AREAS_VI
    assert (table.loc["Hà Giang"] == 1.0).all()  # Hà Giang 2025 covers all six areas
    assert table.loc["An Giang", "Bộ máy"] == 0.0
    assert table.loc["An Giang", "Tài chính công"] == 0.0
    assert table.loc["Sơn La", "Thể chế"] == 0.0


def test_today_view_names_merged_provinces_and_says_rows_are_pooled() -> None:
    at = open_page(view="today")
    table = at.dataframe[0].value
    assert "Tuyên Quang (gồm Hà Giang) †" in set(table["Tỉnh"])  # one plan: marked
    assert "gộp kế hoạch của các tỉnh cũ" in all_text(at)


def test_year_without_plans_shows_the_empty_state_message() -> None:
    at = open_page(y0="2019", y1="2019")
    assert "Không có kế hoạch nào khớp với bộ lọc này" in all_text(at)
    assert not at.dataframe


def test_filters_survive_a_page_switch_and_stay_in_the_url() -> None:
    at = open_page(lang="en", prov=["Sơn La", "An Giang"])
    at.switch_page("pages/5_bo_ma.py").run()
    qp = {k: v if isinstance(v, list) else [v] for k, v in at.query_params.items()}
    assert qp["lang"] == ["en"]
    assert sorted(qp["prov"]) == ["An Giang", "Sơn La"]
    assert "Source: 2 plans" in all_text(at)


def test_plan_detail_shows_highlighted_evidence_for_a_category() -> None:
    at = open_page("pages/4_chi_tiet.py")
    at.selectbox(key="detail_cat").set_value("tthc").run()
    evidence = [m.value for m in at.markdown if "<mark" in m.value]
    assert evidence, "evidence sentences are shown"
    assert all("</mark>" in e for e in evidence)
    assert any("thủ tục hành chính" in e.lower() or "tthc" in e.lower() for e in evidence)


def test_plan_detail_lists_citations_with_a_dash_where_a_law_has_no_issuer_code() -> None:
    """Sơn La cites laws (no issuer code) and decisions: the grid shows "—", never "None"."""
    son_la = read_document(seed_path("son_la"))
    at = open_page("pages/4_chi_tiet.py", plan=son_la.content_hash[:16])
    grids = [df.value for df in at.table]
    citations = next(g for g in grids if "06/QĐ-TTg" in set(g.iloc[:, 0]))
    issuers = dict(zip(citations.iloc[:, 0], citations.iloc[:, 2], strict=True))
    assert issuers["Luật Tổ chức chính quyền địa phương năm 2015"] == "—"
    assert issuers["06/QĐ-TTg"] == "TTg"
    dated = dict(zip(citations.iloc[:, 0], citations.iloc[:, 3], strict=True))
    assert dated["Luật Tổ chức chính quyền địa phương năm 2015"] == "19/06/2015"  # as read


def test_plan_detail_shows_a_dash_where_a_plan_gives_a_document_no_date() -> None:
    """An Giang cites "Luật Ngân sách nhà nước" without a date: "—", never "None" or "NaT"."""
    an_giang = read_document(seed_path("an_giang"))
    at = open_page("pages/4_chi_tiet.py", plan=an_giang.content_hash[:16])
    citations = next(df.value for df in at.table if "Văn bản" in df.value.columns)
    dated = dict(zip(citations["Văn bản"], citations["Ngày văn bản"], strict=True))
    assert dated["Luật Ngân sách nhà nước"] == "—"
    assert dated["57-NQ/TW"] == "22/12/2024"


def test_plan_detail_dates_read_as_the_reader_writes_them_in_english() -> None:
    """Cited documents' dates and a target's deadline: "19 Jun 2015", never "2015-06-19"."""
    son_la = read_document(seed_path("son_la"))
    at = open_page("pages/4_chi_tiet.py", plan=son_la.content_hash[:16], lang="en")
    citations = next(df.value for df in at.table if "Dated" in df.value.columns)
    dated = dict(zip(citations["Document"], citations["Dated"], strict=True))
    assert dated["Luật Tổ chức chính quyền địa phương năm 2015"] == "19 Jun 2015"
    targets = next(df.value for df in at.table if "Period" in df.value.columns)
    assert "24 Jan 2025" in set(targets["Period"]) and "tháng" in set(targets["Period"])
    shown = " ".join(" ".join(map(str, df.value.to_numpy().ravel())) for df in at.table)
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", shown), "no ISO date left on screen"


@pytest.mark.parametrize(("lang", "province", "department"), [
    ("vi", "Cấp tỉnh", "Sở, ngành"), ("en", "Province", "Department"),
])  # fmt: skip
def test_the_plan_picker_names_each_plan_without_nested_brackets(
    lang: str, province: str, department: str
) -> None:
    options = open_page("pages/4_chi_tiet.py", lang=lang).selectbox(key="detail_plan").options
    assert f"Sơn La · 2025 · UBND tỉnh · {province}" in options
    assert f"Hà Giang · 2025 · Sở Khoa học và Công nghệ · {department}" in options
    assert not [o for o in options if "(" in o], options


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_plan_detail_says_when_a_plan_has_no_targets_and_what_each_fact_table_counts(lang) -> None:
    """An Giang's plan sets no number or deadline: a sentence says so, not a bare "None found"."""
    an_giang = read_document(seed_path("an_giang"))
    at = open_page("pages/4_chi_tiet.py", plan=an_giang.content_hash[:16], lang=lang)
    text = all_text(at)
    headings = [h.value for h in at.subheader]
    if lang == "vi":
        assert "Chỉ tiêu định lượng và thời hạn" in headings
        assert "Kế hoạch này không nêu chỉ tiêu định lượng hay thời hạn nào." in text
        assert "Số lần: số lần văn bản được nhắc trong kế hoạch này" in text
        assert 'cột "Đơn vị chủ trì" của bảng phụ lục' in text
    else:
        assert "Quantitative targets and deadlines" in headings
        assert "This plan states no quantitative target or deadline." in text
        assert "one row per unit and task" in text


def test_compare_says_what_each_province_has_that_the_others_lack() -> None:
    at = open_page("pages/2_so_sanh.py", cmp=["An Giang", "Hà Giang"])
    text = all_text(at)
    assert "Hà Giang có mục mà các tỉnh khác không có" in text
    assert "Cải cách tổ chức bộ máy hành chính nhà nước" in text


def test_compare_grids_put_the_chosen_provinces_side_by_side_as_columns() -> None:
    """Twelve channels as columns ran into each other on a laptop; two to six provinces fit."""
    at = open_page("pages/2_so_sanh.py", cmp=["Hà Giang", "An Giang"])
    grids = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")][:3]
    for spec in grids:
        x = spec["layer"][0]["encoding"]["x"]
        # one plan each: both marked, and the caption under each grid says what the mark means
        assert x["field"] == "head" and x["sort"] == ["An Giang †", "Hà Giang †"]
    # three grids, and the province map below them (its tiles are marked too)
    assert sum("†\u00a0dưới 3 kế hoạch: tỷ lệ dễ dao động." in c.value for c in at.caption) == 4
    rows = grids[1]["layer"][0]["encoding"]["y"]["sort"]
    assert len(rows) == 12 and "Cổng/Trang thông tin điện tử" in rows


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_trend_page_shows_each_cited_document_across_the_years_in_one_whole_table(
    lang: str,
) -> None:
    """One row a document, one column a year, every row on screen (no grid scrolling inside
    itself); shares are whole percents with the number of plans: three 2025 plans, a document
    cited by one of them is "33% (1)", not 33.33 %."""
    at = open_page("pages/3_xu_huong.py", prov=["An Giang", "Hà Giang", "Cao Bằng"], lang=lang)
    assert not at.dataframe
    table = at.table[0].value
    assert list(table.columns) == [{"vi": "Văn bản", "en": "Document"}[lang], "2025"]
    cells = set(table["2025"])
    assert "33% (1)" in cells and cells <= {"33% (1)", "67% (2)", "100% (3)"}
    keys = list(table.iloc[:, 0])
    assert len(keys) == len(set(keys)) and "57-NQ/TW" in keys
    assert any(c.value.endswith(t("citations_cells", lang)) for c in at.caption)  # a cell's words


def test_first_run_without_database_builds_it(tmp_path: Path, monkeypatch) -> None:
    """From a copy of the bundled plans beside it: the folder its imports and rebuilds use."""
    path = tmp_path / "fresh" / "cchc.duckdb"
    monkeypatch.setenv("CCHC_DB", str(path))
    at = open_page()
    assert path.exists()
    assert at.metric[0].value == "5"
    assert len(list((tmp_path / "fresh" / "plans").glob("*.txt"))) == 5


def test_a_database_is_built_from_its_own_plans_folder(tmp_path: Path, monkeypatch) -> None:
    """CCHC_PLANS holds two plans: the dashboard shows those two, not the bundled five."""
    plans = tmp_path / "my_plans"
    plans.mkdir()
    for seed in sorted(Path("data/plans").glob("*.txt"))[:2]:
        (plans / seed.name).write_bytes(seed.read_bytes())
    monkeypatch.setenv("CCHC_DB", str(tmp_path / "db" / "cchc.duckdb"))
    monkeypatch.setenv("CCHC_PLANS", str(plans))
    at = open_page()
    assert at.metric[0].value == "2"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_data_coded_by_another_extractor_version_is_flagged_in_the_sidebar(
    seed_db: Path, tmp_path: Path, monkeypatch, lang: str
) -> None:
    """A database built before an upgrade still opens, but the sidebar says it needs a rebuild."""
    assert not open_page(lang=lang).sidebar.warning, "a current database raises no flag"
    old = tmp_path / "old.duckdb"
    old.write_bytes(seed_db.read_bytes())
    with duckdb.connect(str(old)) as con:
        con.execute("UPDATE build_info SET extractor_version = '1.0'")
    monkeypatch.setenv("CCHC_DB", str(old))
    at = open_page(lang=lang)
    warning = at.sidebar.warning[0].value
    assert warning == (
        "Dữ liệu được mã hóa bằng phiên bản cũ của chương trình; một số số liệu có thể khác khi "
        "dữ liệu được dựng lại."
        if lang == "vi"
        else "The data was coded by an older version of the program; some figures may differ "
        "once the data is rebuilt."
    )
    # Leaders see the sidebar projected: no command, path or version in the warning itself; the
    # operator's command waits in a closed expander.
    assert "python" not in warning and str(tmp_path) not in warning and "1.0" not in warning
    operators = at.sidebar.expander[0]
    assert operators.label == ("Dành cho người quản trị" if lang == "vi" else "For operators")
    assert not operators.proto.expanded
    assert (
        operators.code[0].value == f"python -m cchc build --plans {tmp_path / 'plans'} --db {old}"
    )
    versions = operators.caption[0].value
    assert "1.0" in versions and EXTRACTOR_VERSION in versions
    assert ("mã hóa lại" if lang == "vi" else "recode") in versions


def test_data_version_notice_tells_older_from_other_versions() -> None:
    assert coded_by_older("1.4", "1.8") and coded_by_older("1.9", "1.10")
    assert not coded_by_older("1.10", "1.9") and not coded_by_older("?", "1.8")


@pytest.mark.parametrize(("lang", "shown"), [("vi", "22/11/2026"), ("en", "22 Nov 2026")])
def test_the_data_date_is_written_as_the_reader_writes_dates(
    seed_db: Path, tmp_path: Path, monkeypatch, lang: str, shown: str
) -> None:
    dated = tmp_path / "dated.duckdb"
    dated.write_bytes(seed_db.read_bytes())
    with duckdb.connect(str(dated)) as con:
        con.execute("UPDATE build_info SET data_date = DATE '2026-11-22'")
    monkeypatch.setenv("CCHC_DB", str(dated))
    at = open_page(lang=lang)
    label = {"vi": "Dữ liệu ngày", "en": "Data as of"}[lang]
    assert f"{label}: {shown}" in [c.value for c in at.sidebar.caption]
    source = {"vi": "dữ liệu ngày", "en": "data as of"}[lang]
    assert any(f"{source} {shown}" in c.value for c in at.main.caption)  # under each chart
    assert "2026-11-22" not in all_text(at) + " ".join(c.value for c in at.sidebar.caption)


@pytest.mark.parametrize("page", ["pages/1_tong_quan.py", "pages/2_so_sanh.py",
                                  "pages/3_xu_huong.py"])  # fmt: skip
def test_each_chart_keeps_its_title_and_its_caption_is_said_once_under_it(page: str) -> None:
    """The caption was drawn in the chart and printed again under it (eight lines of it over
    the compare page's grid in today's view)."""
    at = open_page(page, view="today", cmp=["Tuyên Quang", "An Giang", "Cao Bằng"])
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    captions = [c.value for c in at.caption if "Nguồn: " in c.value]
    assert specs and len(captions) >= len(specs)
    for spec in specs:
        title = spec["title"]
        assert title["text"], "the chart keeps its own title"
        assert "Nguồn" not in json.dumps(title, ensure_ascii=False)  # nor the caption
