"""Pure helpers behind the dashboard: translations, charts, escaping of plan text."""

from __future__ import annotations

import datetime as dt
import json
import re

import altair as alt
import pandas as pd

from cchc import charts
from cchc.i18n import level_name, role_name, t
from cchc.ui.detail import evidence_html, metadata_rows, plan_labels


def test_vietnamese_is_the_default_language_with_diacritics() -> None:
    assert t("empty") == "Không có kế hoạch nào khớp với bộ lọc này"
    assert t("empty", "en") == "No plan matches these filters"
    assert level_name("province") == "Cấp tỉnh (UBND tỉnh)"
    assert level_name("department") == "Sở, ngành"
    assert role_name("chu_tri") == "Chủ trì"
    assert role_name("phoi_hop", "en") == "Support"


def test_a_plan_label_names_the_level_once_without_nested_brackets() -> None:
    """Not "UBND tỉnh (Cấp tỉnh (UBND tỉnh))": the level's short name after a dot, none if unknown."""
    plans = pd.DataFrame({
        "plan_id": ["a", "b", "c"], "province": ["An Giang", "Hà Giang", "Sơn La"],
        "year_from": [2025, 2021, 2025], "year_to": pd.array([2025, 2025, None], dtype="Int32"),  # as DuckDB gives it
        "issuer": ["UBND tỉnh", "Sở Nội vụ", "UBND tỉnh"],
        "issuer_level": ["province", "department", None],
    })  # fmt: skip
    assert plan_labels(plans, "vi") == {
        "a": "An Giang · 2025 · UBND tỉnh · Cấp tỉnh",
        "b": "Hà Giang · 2021–2025 · Sở Nội vụ · Sở, ngành",
        "c": "Sơn La · 2025 · UBND tỉnh",
    }
    assert plan_labels(plans, "en")["a"] == "An Giang · 2025 · UBND tỉnh · Province"


def test_evidence_escapes_plan_text_and_marks_only_the_cue() -> None:
    out = evidence_html("<script>x</script> thủ tục hành chính", 19, 37)
    assert "<script>" not in out
    assert "&lt;script&gt;" in out
    assert "<mark" in out and "thủ tục hành chính</mark>" in out


def _shares(family_ids: list[str], **extra: list) -> pd.DataFrame:
    n = len(family_ids)
    return pd.DataFrame({
        "category_id": family_ids, "label_vi": family_ids, "label_en": family_ids,
        "year": [2025] * n, "n_plans": [4] * n, "n_with": [2] * n, "n_plans_once": [4] * n,
        "n_with_once": [2] * n, "share": [0.5] * n, **extra,
    })  # fmt: skip


def _colours(chart: alt.TopLevelMixin) -> set[str]:
    """Every colour a chart draws with (its marks and scales, not its config's greys)."""
    spec = chart.to_dict()
    spec.pop("config", None)
    return set(re.findall(r"#[0-9a-fA-F]{6}\b", json.dumps(spec)))


def test_index_and_trend_charts_do_not_reuse_the_channel_groups_colours() -> None:
    """On the overview blue and orange mean digital and traditional channels: the index chart
    under it drew its first bars blue and orange too, with no such meaning."""
    channels = _shares(["cong_thong_tin", "hoi_nghi"], channel_group=["digital", "traditional"])
    groups = _colours(charts.channel_bars(channels, "vi", "cap"))
    assert groups == set(charts.GROUP_COLORS.values())
    indices = _colours(charts.category_bars(_shares(["par_index", "sipas", "pci"]), "vi", "cap"))
    trends = _colours(charts.trend_lines(_shares(["cong_thong_tin", "hoi_nghi"]), "vi", "cap"))
    assert indices == trends == {charts.NEUTRAL_COLOR}  # one colour: each bar or panel is named
    assert not indices & groups


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


def test_plan_detail_gives_the_issue_date_as_the_reader_writes_it() -> None:
    detail = pd.Series({"province": "Sơn La", "issued_on": dt.date(2026, 2, 5), "signer": None})
    for lang, shown in (("vi", "05/02/2026"), ("en", "5 Feb 2026")):
        rows = metadata_rows(detail, lang).set_index("field")["value"]
        assert rows[t("col_issued_on", lang)] == shown and rows[t("col_signer", lang)] == "—"
