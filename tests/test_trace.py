"""Every "k/n" of a grid can be traced to its plans and to the sentences they were counted from."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.parse.codebook import load_codebook
from cchc.read.fold import fold
from cchc.store.db import Filters
from cchc.ui.trace import CONTEXT, snippet
from tests.apptest import open_page
from tests.conftest import query_runner


def _pooled_cells(run, filters: Filters, query: str):
    """The grid's cells as the dashboard pools them: each plan once over the years shown."""
    grid = run(query, filters.params())
    return grid.groupby(["province", "category_id"], dropna=False)[
        ["n_with_once", "n_plans_once"]
    ].sum()


@pytest.mark.parametrize("view_by", ["issued", "today"])
@pytest.mark.parametrize("grid", ["coverage_by_province_year", "channel_mix", "indicator_focus"])
def test_the_plans_behind_a_cell_are_the_k_of_n_the_grid_shows(
    seed_db: Path, view_by: str, grid: str
) -> None:
    filters = Filters(view_by=view_by)
    with query_runner(seed_db) as run:
        cells = _pooled_cells(run, filters, grid)
        assert not cells.empty
        for (province, category), cell in cells.iterrows():
            params = {**filters.params(), "province": province, "category_id": category}
            plans = run("cell_plans", params)
            assert len(plans) == cell["n_plans_once"], (province, category)
            assert int(plans["has_category"].sum()) == cell["n_with_once"], (province, category)


def _cell_sentences(run, province: str, category: str):
    """cell_plans for one cell, with cell_evidence's sentence for each plan (as the page joins
    them)."""
    plans = run("cell_plans", {**Filters().params(), "province": province, "category_id": category})
    ids = list(plans["plan_id"])
    sentences = run("cell_evidence", {"plan_ids": ids, "category_id": category})
    return plans.merge(sentences, on="plan_id", how="left")


def test_each_plan_with_the_category_shows_the_words_it_was_counted_from(seed_db: Path) -> None:
    cues = {c.id: {fold(k) for k in (*c.cues, *c.weak)} for c in load_codebook().categories}
    checked = 0
    with query_runner(seed_db) as run:
        for category in [
            "the_che",
            "tthc",
            "bo_may",
            "cong_vu",
            "tai_chinh_cong",
            "chinh_quyen_so",
        ]:
            for province in run("plans_list", Filters().params())["province"].unique():
                for row in _cell_sentences(run, province, category).itertuples():
                    if not row.has_category:
                        continue  # a lone weak cue has a sentence but does not count
                    marked = row.passage_text[row.offset_in_passage : row.offset_end_in_passage]
                    assert fold(marked) in cues[category], (province, category, marked)
                    checked += 1
    assert checked >= 20


def test_the_sentence_shown_for_a_plan_is_its_first_evidence_on_the_detail_page(seed_db) -> None:
    """The sentence stored at build time is the plan detail page's first evidence, same span."""
    with query_runner(seed_db) as run:
        for province in run("plans_list", Filters().params())["province"].unique():
            for row in _cell_sentences(run, province, "tthc").itertuples():
                evidence = run("evidence", {"plan_id": row.plan_id, "category_id": "tthc"})
                first = evidence.iloc[0]
                assert row.passage_text == first["passage_text"]
                assert row.offset_in_passage == first["offset_in_passage"]
                assert row.offset_end_in_passage == first["offset_end_in_passage"]


def test_a_long_passage_is_cut_at_spaces_around_the_cue_and_the_cue_stays_marked() -> None:
    words = "tuyên truyền cải cách hành chính " * 20
    passage = words + "Cải cách thể chế" + " " + words
    start = len(words)
    text, begin, end = snippet(passage, start, start + 16)
    assert text[begin:end] == "Cải cách thể chế"
    assert text.startswith("…") and text.endswith("…")
    assert text[1] != " " and text[1:].split(" ")[0] in words.split()  # a whole first word
    assert text[:-1].split(" ")[-1] in words.split()  # and a whole last word
    assert len(text) <= 2 * CONTEXT + 16 + 2
    short = "Tuyên truyền cải cách thể chế."
    assert snippet(short, 13, 29) == (short, 13, 29)


@pytest.mark.usefixtures("app_on_seed_db")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_overview_names_the_plans_behind_a_cell_and_opens_one(lang: str) -> None:
    at = open_page(lang=lang)
    province = at.selectbox(key="ov_trace_prov").value
    at.selectbox(key="ov_trace_cat").set_value("tthc").run()
    words = "kế hoạch có mục này" if lang == "vi" else "plans have this category"
    summary = [m.value for m in at.markdown if words in m.value]
    assert len(summary) == 1 and province in summary[0]
    cards = [m.value.strip("*") for m in at.markdown
             if m.value.startswith(f"**{province} · ") and m.value not in summary]  # fmt: skip
    levels = ("Cấp tỉnh", "Sở, ngành") if lang == "vi" else ("Province", "Department")
    assert cards and all(c.endswith(levels) and "(" not in c for c in cards), cards
    marked = [m.value for m in at.markdown if "<mark" in m.value]
    assert marked and all("</mark>" in m for m in marked)
    # in an HTML block: Markdown would turn a sentence's "- …" into a bullet, "*" into emphasis
    assert all(m.startswith("<div class='cchc-evidence'") for m in marked)
    opener = next(b for b in at.button if b.key and b.key.startswith("ov_trace_open_"))
    plan_id = opener.key.removeprefix("ov_trace_open_")
    opener.click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.selectbox(key="detail_plan").value == plan_id
    assert at.selectbox(key="detail_cat").value == "tthc"


@pytest.mark.usefixtures("app_on_seed_db")
def test_compare_traces_any_of_its_three_grids() -> None:
    at = open_page("pages/2_so_sanh.py")
    at.selectbox(key="cmp_trace_fam").set_value("channel").run()
    assert at.selectbox(key="cmp_trace_cat").options  # the channel categories, not content areas
    assert "Hội nghị, họp, tập huấn" in at.selectbox(key="cmp_trace_cat").options


@pytest.mark.usefixtures("app_on_seed_db")
def test_a_traced_plan_opens_even_when_the_plan_picker_is_capped(monkeypatch) -> None:
    """At 10,000 plans the picker lists the first 2,000: a plan past the cap must still open."""
    monkeypatch.setattr("cchc.ui.detail.PICKER_LIMIT", 1)  # only An Giang's plan is listed
    at = open_page()
    at.selectbox(key="ov_trace_prov").set_value("Sơn La").run()
    at.selectbox(key="ov_trace_cat").set_value("tthc").run()
    opener = next(b for b in at.button if b.key and b.key.startswith("ov_trace_open_"))
    opener.click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.selectbox(key="detail_plan").value == opener.key.removeprefix("ov_trace_open_")
    assert "Sơn La" in at.selectbox(key="detail_plan").format_func(
        at.selectbox(key="detail_plan").value
    )
