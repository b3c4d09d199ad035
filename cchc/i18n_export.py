"""Words of the export feature, Vietnamese first: merged into cchc.i18n.STRINGS."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # Download buttons under every chart and table
    "download": ("Tải xuống", "Download"),
    "dl_png": ("Ảnh PNG (trình chiếu)", "PNG image (slides)"),
    "dl_svg": ("SVG (chỉnh sửa được)", "SVG (editable)"),
    "dl_pdf": ("PDF (in ấn)", "PDF (print)"),
    "dl_csv": ("CSV (Excel, UTF-8)", "CSV (Excel, UTF-8)"),
    "dl_xlsx": ("Excel (.xlsx)", "Excel (.xlsx)"),
    # Briefing page
    "brief_intro": (
        "Chọn biểu đồ; báo cáo dùng bộ lọc ở thanh bên. Mỗi trang có một biểu đồ và một nhận xét "
        "rút ra từ số liệu.",
        "Pick the charts; the pack uses the sidebar filters. Each page has one chart and one "
        "finding drawn from the data.",
    ),
    "brief_pick": ("Biểu đồ đưa vào báo cáo", "Charts in the pack"),
    "brief_build": ("Tạo báo cáo", "Build the pack"),
    "brief_building": ("Đang tạo báo cáo…", "Building the pack…"),
    "brief_ready": ("Báo cáo đã sẵn sàng: {n} biểu đồ.", "The pack is ready: {n} charts."),
    "brief_pptx": ("Tải PowerPoint (.pptx)", "Download PowerPoint (.pptx)"),
    "brief_pdf": ("Tải PDF", "Download PDF"),
    "brief_none": ("Hãy chọn ít nhất một biểu đồ.", "Pick at least one chart."),
    "brief_title": (
        "Kế hoạch tuyên truyền cải cách hành chính: so sánh các tỉnh",
        "Administrative reform communication plans: provinces compared",
    ),
    "brief_filters": ("Phạm vi: {filters}", "Scope: {filters}"),
    "brief_meta": (
        "{n} kế hoạch · dữ liệu ngày {date} · Bộ Nội vụ",
        "{n} plans · data as of {date} · Ministry of Home Affairs",
    ),
    "brief_finding": ("Nhận xét", "Finding"),
    # Chart titles of the briefing catalogue (dashboard titles are reused where they exist)
    "x_channel_prov": ("Hình thức tuyên truyền, theo tỉnh", "Channels, by province"),
    "x_indicator_prov": ("Chỉ số cần cải thiện, theo tỉnh", "Indices to improve, by province"),
    "x_trend": ("{family}: tỷ lệ kế hoạch theo năm", "{family}: share of plans by year"),
    "x_citations": (
        "Văn bản trung ương được trích dẫn (gộp các năm đã chọn)",
        "Central documents cited (selected years pooled)",
    ),
    "x_citations_what": (
        "Tỷ lệ kế hoạch trích dẫn từng văn bản trung ương",
        "Share of plans citing each central document",
    ),
    # Findings: one or two sentences per chart, computed from the numbers
    "f_full": ("Có đủ cả 6 lĩnh vực: {items}.", "All six content areas: {items}."),
    "f_full_none": ("Không tỉnh nào có đủ cả 6 lĩnh vực.", "No province covers all six areas."),
    "f_lacks": ("{prov} thiếu {items}.", "{prov} lacks {items}."),
    "f_most_least": (
        "Dùng nhiều nhất: {top} ({a:.0%} kế hoạch); ít nhất: {low} ({b:.0%}).",
        "Most used: {top} ({a:.0%} of plans); least used: {low} ({b:.0%}).",
    ),
    "f_top_indicator": (
        "Chỉ số được nêu nhiều nhất: {top} ({a:.0%} kế hoạch).",
        "Most cited index: {top} ({a:.0%} of plans).",
    ),
    "f_never": ("Không kế hoạch nào nêu: {items}.", "No plan names: {items}."),
    "f_breadth": (
        "{top} có nhiều mục nhất ({a} mục); {low} ít nhất ({b} mục).",
        "{top} has the most items ({a}); {low} the fewest ({b}).",
    ),
    "f_rise": (
        "{label} tăng nhiều nhất ({a:.0%} → {b:.0%} kế hoạch).",
        "{label} rose the most ({a:.0%} → {b:.0%} of plans).",
    ),
    "f_fall": (
        "{label} giảm nhiều nhất ({a:.0%} → {b:.0%} kế hoạch).",
        "{label} fell the most ({a:.0%} → {b:.0%} of plans).",
    ),
    "f_flat": ("{y0}→{y1}: không có thay đổi đáng kể.", "{y0}→{y1}: no notable change."),
    "f_one_year": (
        "Chỉ có số liệu năm {year}; phổ biến nhất: {top} ({a:.0%} kế hoạch).",
        "Only {year} has data; most common: {top} ({a:.0%} of plans).",
    ),
    "f_top_cited": (
        "Được trích dẫn nhiều nhất: {top} ({a:.0%} kế hoạch).",
        "Most cited: {top} ({a:.0%} of plans).",
    ),
    # Provinces of fewer than small_samples.MIN_PLANS plans: marked on heatmaps, never ranked.
    # A no-break space after the mark: a caption wrapped between the two lost what "†" means.
    "small_note": (
        "{mark}\u00a0dưới {n} kế hoạch: tỷ lệ dễ dao động.",
        "{mark}\u00a0fewer than {n} plans: shares are unstable.",
    ),
    "f_small_unranked": (
        "Tỉnh dưới {n} kế hoạch không được xếp hạng.",
        "Provinces with fewer than {n} plans are not ranked.",
    ),
    "f_breadth_none": (
        "Không tỉnh nào có từ {n} kế hoạch trở lên: chưa xếp hạng được.",
        "No province has {n} or more plans: no ranking.",
    ),
    # The map's finding: its tiles' highest and lowest shares, and its grey tiles.
    "f_map_high_low": (
        "Cao nhất: {top} ({a:.0%}); thấp nhất: {low} ({b:.0%}).",
        "Highest: {top} ({a:.0%}); lowest: {low} ({b:.0%}).",
    ),
    "f_map_grey": (
        "Số tỉnh không có kế hoạch khớp bộ lọc (ô xám): {n}.",
        "Provinces with no plan matching the filters (grey tiles): {n}.",
    ),
    "f_no_data": ("Không có số liệu cho bộ lọc này.", "No data for these filters."),
}
