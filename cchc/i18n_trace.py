"""Words of the "where does this number come from" feature: merged into cchc.i18n.STRINGS."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "trace_title": ("Con số này từ đâu?", "Where does this number come from?"),
    "trace_help": (
        "Bấm vào một ô của bảng màu ở trên, hoặc chọn tỉnh và mục dưới đây, để xem các kế hoạch "
        "đằng sau con số và câu văn làm căn cứ, đúng như trong văn bản.",
        "Click a cell of the grid above, or choose a province and a category below, to see the "
        "plans behind the number and the sentence each one was counted from, as written.",
    ),
    "trace_family": ("Nhóm", "Group"),
    "trace_category": ("Mục", "Category"),
    "trace_summary": (
        "{province} · {category}: {k} trong {n} kế hoạch có mục này.",
        "{province} · {category}: {k} of {n} plans have this category.",
    ),
    "trace_none": (
        "Không có kế hoạch nào của tỉnh này khớp bộ lọc.",
        "No plan of this province matches the filters.",
    ),
    "trace_first": (
        "Câu đầu tiên được tính, phần {section}",
        "First counted sentence, in {section}",
    ),
    "trace_n_mentions": ("{n} lần nhắc trong kế hoạch", "{n} mentions in the plan"),
    "trace_added": (
        "Mục này do người hiệu chỉnh thêm; văn bản không có câu nào được tính.",
        "An analyst added this category; no sentence of the text was counted.",
    ),
    "trace_open": ("Mở kế hoạch", "Open plan"),
    "trace_without": ("Không có mục này ({n}):", "Without this category ({n}):"),
    "trace_more": (
        "… và {n} kế hoạch khác có mục này: thu hẹp bộ lọc (năm, cấp) để xem.",
        "… and {n} more plans with this category: narrow the filters (years, level) to see them.",
    ),
}
