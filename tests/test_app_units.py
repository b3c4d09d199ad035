"""Pure helpers behind the dashboard: translations, charts, escaping of plan text."""

from __future__ import annotations

import altair as alt
import pandas as pd

from cchc import charts
from cchc.i18n import level_name, role_name, t
from cchc.ui.detail import evidence_html


def test_vietnamese_is_the_default_language_with_diacritics() -> None:
    assert t("empty") == "Không có kế hoạch nào khớp với bộ lọc này"
    assert t("empty", "en") == "No plan matches these filters"
    assert level_name("province") == "Cấp tỉnh (UBND tỉnh)"
    assert level_name("department") == "Sở, ngành"
    assert role_name("chu_tri") == "Chủ trì"
    assert role_name("phoi_hop", "en") == "Support"


def test_evidence_escapes_plan_text_and_marks_only_the_cue() -> None:
    out = evidence_html("<script>x</script> thủ tục hành chính", 19, 37)
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "<mark" in out and "thủ tục hành chính</mark>" in out


def test_category_colours_are_fixed_per_category() -> None:
    colors = charts.category_colors()
    assert colors["the_che"] == colors["hoi_nghi"] == colors["par_index"]  # first of each family
    assert colors["tthc"] != colors["the_che"]


def test_heatmap_carries_caption_as_subtitle_and_counts_in_tooltip() -> None:
    df = pd.DataFrame(
        {
            "province": ["Hà Giang", "Hà Giang"], "year": [2025, 2025],
            "category_id": ["the_che", "tthc"], "label_vi": ["Cải cách thể chế", "Cải cách TTHC"],
            "label_en": ["Institutions", "Procedures"], "n_plans": [1, 1], "n_with": [1, 0],
            "n_plans_once": [1, 1], "n_with_once": [1, 0],
            "share": [1.0, 0.0],
        }
    )  # fmt: skip
    chart = charts.heatmap(df, "vi", "Nguồn: 1 kế hoạch · dữ liệu ngày 2025-01-01", "Lĩnh vực")
    spec = chart.to_dict()
    assert isinstance(chart, alt.TopLevelMixin)
    assert "Nguồn: 1 kế hoạch" in " ".join(spec["title"]["subtitle"])
    assert "n_plans" in str(spec) and "n_with" in str(spec)
