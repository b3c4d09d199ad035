"""Words of the page furniture, Vietnamese first: the sidebar's data notice and the briefing
page's chart picker. Merged into cchc.i18n.STRINGS."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # The sidebar notice speaks to the people reading the numbers (and to a meeting room when the
    # screen is projected); the command and versions are for whoever runs the server.
    "data_coded_older": (
        "Dữ liệu được mã hóa bằng phiên bản cũ của chương trình; một số số liệu có thể khác "
        "khi dữ liệu được dựng lại.",
        "The data was coded by an older version of the program; some figures may differ once "
        "the data is rebuilt.",
    ),
    "data_coded_other": (
        "Dữ liệu được mã hóa bằng một phiên bản khác của chương trình; một số số liệu có thể "
        "khác khi dữ liệu được dựng lại.",
        "The data was coded by another version of the program; some figures may differ once "
        "the data is rebuilt.",
    ),
    "for_operators": ("Dành cho người quản trị", "For operators"),
    "operator_recode": (
        "Kế hoạch được mã hóa bằng bộ trích xuất phiên bản {old}; chương trình hiện dùng phiên "
        "bản {new}. Chạy lệnh sau trên máy chủ để mã hóa lại (hiệu chỉnh được giữ nguyên):",
        "The plans were coded by extractor version {old}; this program has version {new}. Run "
        "this on the server to recode them (corrections are kept):",
    ),
    "brief_pick_help": (
        "Bấm vào một biểu đồ để bỏ ra hoặc đưa lại vào báo cáo; biểu đồ được chọn có màu đỏ.",
        "Click a chart to leave it out of the pack or put it back; chosen charts are in red.",
    ),
    "brief_chosen": ("Đã chọn {n}/{total} biểu đồ.", "{n} of {total} charts chosen."),
    "fix_present": ("có", "present"),
    "fix_absent": ("không có", "absent"),
    "citations_cells": (
        "Mỗi ô: tỷ lệ kế hoạch của năm đó có trích dẫn văn bản, trong ngoặc là số kế hoạch; "
        "— : không kế hoạch nào của năm đó trích dẫn. Văn bản được nhiều kế hoạch trích dẫn nhất "
        "ở trên cùng.",
        "Each cell: the share of that year's plans citing the document, with the number of plans "
        "in brackets; —: no plan of that year cites it. The most cited documents come first.",
    ),
    "upload_button": ("Chọn tệp", "Choose files"),
}
