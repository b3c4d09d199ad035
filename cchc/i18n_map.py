"""Words of the map feature, Vietnamese first: merged into cchc.i18n.STRINGS."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "map_heading": ("Bản đồ các tỉnh", "Province map"),
    "map_title": ("Bản đồ {n} tỉnh, thành phố", "Map of {n} provinces"),
    "map_measure": ("Chỉ số tô màu", "Colour by"),
    "map_layout": ("Bố cục", "Layout"),
    "map_layout_34": ("34 tỉnh hiện nay", "Today's 34 provinces"),
    "map_layout_63": ("63 tỉnh khi ban hành", "63 provinces as issued"),
    "map_areas_mean": ("Bao phủ 6 lĩnh vực (trung bình)", "Coverage of the 6 areas (mean)"),
    "map_opt_content_area": ("Lĩnh vực: {label}", "Content area: {label}"),
    "map_opt_channel": ("Kênh: {label}", "Channel: {label}"),
    "map_opt_indicator": ("Chỉ số: {label}", "Index: {label}"),
    "map_what_mean": (
        "Mức bao phủ trung bình 6 lĩnh vực cải cách trong các kế hoạch",
        "Mean coverage of the six reform content areas in the plans",
    ),
    "map_what_content_area": (
        "Tỷ lệ kế hoạch cam kết tuyên truyền lĩnh vực «{label}»",
        "Share of plans committing to the content area “{label}”",
    ),
    "map_what_channel": (
        "Tỷ lệ kế hoạch sử dụng kênh «{label}»",
        "Share of plans using the channel “{label}”",
    ),
    "map_what_indicator": (
        "Tỷ lệ kế hoạch nêu chỉ số «{label}»",
        "Share of plans naming the index “{label}”",
    ),
    "map_pooled_years": (
        "gộp số kế hoạch các năm đã chọn",
        "counts of the selected years pooled",
    ),
    "map_no_data": ("Không có dữ liệu", "No data"),
    "map_share": ("Tỷ lệ", "Share"),
    # The legend entry of the striped corner of a tile of few plans (cchc.charts_map_marks).
    "map_small_legend": ("{mark}\u00a0dưới {n} kế hoạch", "{mark}\u00a0fewer than {n} plans"),
    "map_tt_province": ("Tỉnh, thành phố", "Province"),
    "map_tt_value": ("Giá trị", "Value"),
    "map_tt_plans": ("Số kế hoạch", "Plans"),
    "map_tt_counts": ("Có / tổng (kế hoạch-năm)", "With / total (plan-years)"),
    "map_tt_issued": ("Ban hành dưới tên", "Issued as"),
    "map_tt_note": ("Ghi chú", "Note"),
    "map_archipelago": ("{name} ({owner})", "{name} ({owner})"),
    "map_islands": ("Quần đảo", "Archipelago"),
    "map_after_merger": (
        "gồm {n} kế hoạch ban hành từ 1/7/2025 dưới tên tỉnh mới, không chia lại cho tỉnh cũ",
        "includes {n} plans issued from 1 July 2025 under the new province's name, not split back",
    ),
    "map_note_34": (
        "Bố cục 34 tỉnh hiện nay: mỗi ô gộp kế hoạch của các tỉnh cũ đã sáp nhập vào tỉnh đó.",
        "Today's 34 provinces: each tile pools the plans of the former provinces merged into it.",
    ),
    "map_note_63": (
        "Bố cục 63 tỉnh theo tỉnh ban hành. Kế hoạch do tỉnh sau sáp nhập ban hành (từ 1/7/2025)"
        " nằm ở ô tỉnh cũ cùng tên (đánh dấu *), không chia lại cho các tỉnh cũ đã nhập vào.",
        "63 provinces as issued. Plans issued from 1 July 2025 by a merged province sit on the"
        " tile of the former province of that name (marked *) and are not split back.",
    ),
    "map_note_grey": (
        "Ô xám: không có kế hoạch khớp bộ lọc (không phải 0%).",
        "Grey tiles: no plan matches the filters (not 0%).",
    ),
    "map_note_highlight": (
        "Bản đồ hiện mọi tỉnh; viền đậm: tỉnh đã chọn.",
        "The map shows every province; bold outline: selected provinces.",
    ),
    "map_note_unplaced": (
        "{n} kế hoạch chưa xác định được tỉnh nên không có trên bản đồ (xem trang Chi tiết kế hoạch).",
        "{n} plans whose province could not be read are not on the map (see Plan detail).",
    ),
}
