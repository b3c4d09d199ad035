"""Long tables read whole: the plan detail's and the codebook's tables are static, full-height
tables that wrap long text (a grid scrolls inside a fixed height and cuts text at its columns),
and plan text in them is shown as written, never as Markdown."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from cchc.parse.codebook import load_codebook
from cchc.read import read_document
from cchc.ui.detail import FIELDS
from cchc.ui.widgets import md_literal
from tests.apptest import open_page
from tests.conftest import seed_path

pytestmark = pytest.mark.usefixtures("app_on_seed_db")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_plan_detail_tabs_show_every_row_and_the_whole_text_without_a_scrolling_grid(
    lang: str,
) -> None:
    """A grid has a fixed height and cuts text at its column edge ("tên tỉnh trong văn bản (điểm
    2…"): every tab's tables are full-height static tables that wrap the title and the reasons."""
    an_giang = read_document(seed_path("an_giang"))
    at = open_page("pages/4_chi_tiet.py", plan=an_giang.content_hash[:16], lang=lang)
    assert not at.dataframe  # metadata, outline, targets, citations, units: all static
    meta = at.table[0].value.set_index({"vi": "Trường", "en": "Field"}[lang])
    assert len(meta) == len(FIELDS)
    title = meta.loc[{"vi": "Tiêu đề", "en": "Title"}[lang], {"vi": "Giá trị", "en": "Value"}[lang]]
    assert title == at.subheader[0].value and len(title) > 40
    how = meta.loc[{"vi": "Tỉnh", "en": "Province"}[lang]][
        {"vi": "Cách xác định", "en": "How it was found"}[lang]
    ]
    assert re.fullmatch(
        {"vi": r"tên tỉnh trong văn bản \(điểm \d+\)", "en": r"named in text.*"}[lang], how
    ), how
    outline = at.table[1].value
    assert len(outline) > 5 and list(outline.columns) == (
        ["Loại phần", "Đề mục"] if lang == "vi" else ["Section kind", "Heading"]
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_codebook_shows_every_category_and_cue_without_a_scrolling_grid(lang: str) -> None:
    """One full-height table per family under its heading: no grid that scrolls inside itself or
    cuts a cue list at the column edge, so the whole codebook reads on a projected screen."""
    at = open_page("pages/5_bo_ma.py", lang=lang)
    assert not at.dataframe
    headings = [m.value.removeprefix("#### ") for m in at.markdown if m.value.startswith("####")]
    assert headings[0] == ("Lĩnh vực cải cách" if lang == "vi" else "Content areas")
    assert len(headings) == len(at.table) == 5
    rows = pd.concat([table.value for table in at.table])
    assert len(rows) == len(load_codebook().categories)
    cues = rows["Dấu hiệu" if lang == "vi" else "Cues"]
    assert any(len(cue) > 150 and cue.count("; ") > 5 for cue in cues)  # whole lists, not cut
    assert set(rows["Tỷ lệ" if lang == "vi" else "Share"]) <= {f"{p}%" for p in range(101)}


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("1. Mục đích", "1\\. Mục đích"),  # not a numbered list
        ("2) Yêu cầu", "2\\) Yêu cầu"),
        ("- gạch đầu dòng", "\\- gạch đầu dòng"),  # not a bullet
        ("# Tiêu đề", "\\# Tiêu đề"),  # not a heading
        ("a*b*c_d", "a\\*b\\*c\\_d"),  # no italics
        ("[bấm](javascript:x)", "\\[bấm\\](javascript:x)"),  # no link
        (":red[đỏ] :material/home:", ":red\\[đỏ\\] \\:material/home:"),  # no Streamlit directive
        ("$x$ <b>", "\\$x\\$ \\<b\\>"),  # no formula, no tag
        ("06/QĐ-TTg ngày 1.2.2024: I. MỤC ĐÍCH", "06/QĐ-TTg ngày 1.2.2024: I. MỤC ĐÍCH"),
    ],
)
def test_plan_text_in_a_static_table_is_written_literally(text: str, shown: str) -> None:
    """st.table reads cells as Markdown; plan text must show as written (backslash escapes)."""
    assert md_literal(text) == shown
    assert md_literal(7) == 7
