"""Dashboard words in Vietnamese (default) and English; no streamlit, so exports can reuse them.

``t(key, lang)`` returns the Vietnamese text unless ``lang == "en"``; an unknown key comes back
as itself so a missing translation is visible on screen instead of crashing a page.
"""

from __future__ import annotations

from numbers import Integral

from cchc import i18n_export, i18n_import, i18n_map, i18n_pages, i18n_trace

STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("Kế hoạch tuyên truyền CCHC", "CCHC communication plans"),
    "page_overview": ("Tổng quan", "Overview"),
    "page_compare": ("So sánh tỉnh", "Compare provinces"),
    "page_trends": ("Xu hướng", "Trends"),
    "page_detail": ("Chi tiết kế hoạch", "Plan detail"),
    "page_codebook": ("Bộ mã", "Codebook"),
    "page_briefing": ("Xuất báo cáo", "Briefing"),
    "page_import": ("Nhập kế hoạch", "Import plans"),
    "picker_capped": (
        "Hiện {shown} trong {total} kế hoạch khớp bộ lọc: thu hẹp bộ lọc (tỉnh, năm, cấp) để thấy kế hoạch khác.",
        "Showing {shown} of {total} matching plans: narrow the filters (province, year, level) to see others.",
    ),
    "filters": ("Bộ lọc", "Filters"),
    "years": ("Năm kế hoạch", "Plan years"),
    "provinces": ("Tỉnh", "Provinces"),
    "levels": ("Cấp ban hành", "Issuer level"),
    "sectors": ("Ngành", "Sector"),
    "view": ("Cách xem tỉnh", "Province view"),
    "view_issued": ("Theo tỉnh khi ban hành", "As issued"),
    "view_today": ("Theo 34 tỉnh hiện nay", "Today's 34 provinces"),
    "language": ("Ngôn ngữ", "Language"),
    "all": ("Tất cả", "All"),
    "choose": ("Chọn…", "Choose…"),
    "data_date": ("Dữ liệu ngày", "Data as of"),
    "n_plans_db": ("Số kế hoạch trong dữ liệu", "Plans in the database"),
    "outdated_data": (
        "Các kế hoạch được mã hóa bằng bộ trích xuất phiên bản {old}; chương trình hiện dùng "
        "phiên bản {new}. Chạy `{command}` để mã hóa lại (hiệu chỉnh được giữ nguyên).",
        "The plans were coded by extractor version {old}; this program has version {new}. Run "
        "`{command}` to recode them (corrections are kept).",
    ),
    "building_db": (
        "Đang dựng cơ sở dữ liệu từ các kế hoạch trong {plans}…",
        "Building the database from the plans in {plans}…",
    ),
    "empty": (
        "Không có kế hoạch nào khớp với bộ lọc này",
        "No plan matches these filters",
    ),
    "source": (
        "Nguồn: {n} kế hoạch · dữ liệu ngày {date}",
        "Source: {n} plans · data as of {date}",
    ),
    "no_filter": ("không lọc", "no filters"),
    "pooled_many": (
        "{n} tỉnh hiện nay gộp kế hoạch của các tỉnh cũ (ghi trong ngoặc sau tên tỉnh).",
        "{n} current provinces pool plans of former provinces (named in brackets after each).",
    ),
    "pooled": (
        "{label} gộp kế hoạch của các tỉnh cũ (kế hoạch ở đây ban hành dưới tên: {members}).",
        "{label} pools plans of former provinces (plans here issued as: {members}).",
    ),
    # Headline numbers
    "m_plans": ("Kế hoạch", "Plans"),
    "m_provinces": ("Tỉnh", "Provinces"),
    "m_years": ("Năm", "Years"),
    "m_full": ("Đủ 6 lĩnh vực", "All 6 content areas"),
    "m_mean": ("Lĩnh vực trung bình", "Mean content areas"),
    # What each chart counts
    "c_heatmap": (
        "Tỷ lệ kế hoạch cam kết tuyên truyền từng lĩnh vực cải cách (gộp các năm đã chọn)",
        "Share of plans committing to each content area (selected years pooled)",
    ),
    "c_channels": (
        "Tỷ lệ kế hoạch dùng từng hình thức tuyên truyền",
        "Share of plans using each channel",
    ),
    "c_indicators": (
        "Tỷ lệ kế hoạch nêu từng chỉ số cần cải thiện",
        "Share of plans naming each index to improve",
    ),
    "c_trends": ("Tỷ lệ kế hoạch có từng mục, theo năm", "Share of plans with each item, by year"),
    "plans_per_year": ("Số kế hoạch theo năm", "Plans per year"),
    "c_citations": (
        "Số kế hoạch trích dẫn văn bản trung ương, theo năm",
        "Plans citing central documents, by year",
    ),
    "c_codebook": ("Số kế hoạch có từng mục của bộ mã", "Plans with each codebook category"),
    "c_plans": ("Danh sách kế hoạch khớp bộ lọc", "Plans matching the filters"),
    "table_numbers": ("Bảng số liệu", "Numbers as a table"),
    "changes": ("Thay đổi so với năm trước", "Changes since the previous year"),
    "no_prev_year": (
        "Chưa có năm trước để so sánh trong phạm vi đã chọn.",
        "No previous year to compare within the selected range.",
    ),
    "change_up": (
        "{year}: {label} tăng từ {a:.0%} lên {b:.0%} số kế hoạch ({n} kế hoạch).",
        "{year}: {label} rose from {a:.0%} to {b:.0%} of plans ({n} plans).",
    ),
    "change_down": (
        "{year}: {label} giảm từ {a:.0%} xuống {b:.0%} số kế hoạch ({n} kế hoạch).",
        "{year}: {label} fell from {a:.0%} to {b:.0%} of plans ({n} plans).",
    ),
    "no_changes": ("{year}: không có thay đổi đáng kể.", "{year}: no notable change."),
    "pick_provinces": ("Chọn 2–6 tỉnh để so sánh", "Pick 2–6 provinces to compare"),
    "need_two": ("Hãy chọn ít nhất 2 tỉnh.", "Pick at least 2 provinces."),
    "unique_title": ("Điểm riêng của từng tỉnh", "What sets each province apart"),
    "unique": (
        "{prov} có mục mà các tỉnh khác không có: {items}.",
        "{prov} has what the others lack: {items}.",
    ),
    "nothing_unique": (
        "{prov} không có mục nào mà các tỉnh khác đều thiếu.",
        "{prov} has nothing the others all lack.",
    ),
    "family": ("Nhóm mã", "Family"),
    "pick_plan": ("Chọn kế hoạch", "Pick a plan"),
    "metadata": ("Thông tin kế hoạch", "Plan metadata"),
    "outline": ("Bố cục", "Outline"),
    "evidence": ("Bằng chứng trong văn bản", "Evidence in the text"),
    "pick_category": ("Chọn mục của bộ mã", "Pick a category"),
    "no_evidence": ("Không có câu bằng chứng.", "No evidence sentence."),
    "targets": ("Chỉ tiêu", "Targets"),
    "citations": ("Văn bản được trích dẫn", "Cited documents"),
    "units": ("Đơn vị thực hiện", "Responsible units"),
    "none_found": ("Không tìm thấy.", "None found."),
    "targets_heading": ("Chỉ tiêu định lượng và thời hạn", "Quantitative targets and deadlines"),
    "targets_what": (
        "Con số có đơn vị kèm từ cam kết (tối thiểu, ít nhất, đạt…) hoặc chu kỳ (/quý, /năm), và "
        'thời hạn "chậm nhất / trước ngày…" trong kế hoạch này; không tính phần đầu, Nơi nhận và chữ ký.',
        "Numbers with a unit and a commitment word (tối thiểu, ít nhất, đạt…) or a period (/quý, "
        '/năm), and "chậm nhất / trước ngày…" deadlines in this plan; the header, distribution '
        "list and signature are not read.",
    ),
    "targets_none": (
        "Kế hoạch này không nêu chỉ tiêu định lượng hay thời hạn nào.",
        "This plan states no quantitative target or deadline.",
    ),
    "citations_what": (
        "Số lần: số lần văn bản được nhắc trong kế hoạch này (không tính Nơi nhận và chữ ký).",
        "Times: how often the document is named in this plan (not counting the distribution list "
        "and signature).",
    ),
    "units_what": (
        'Vai trò đọc từ các dòng "Cơ quan chủ trì / phối hợp / thực hiện: …", từ mục Tổ chức thực '
        'hiện và từ cột "Đơn vị chủ trì" của bảng phụ lục; mỗi dòng là một đơn vị với một nhiệm vụ.',
        'Roles read from "Cơ quan chủ trì / phối hợp / thực hiện: …" lines (Lead / Support / '
        'Implement), the implementation section and the appendix table\'s "Đơn vị chủ trì" '
        "column; one row per unit and task.",
    ),
    "field": ("Trường", "Field"),
    "value": ("Giá trị", "Value"),
    "how_found": ("Cách xác định", "How it was found"),
    "confidence": ("Độ tin cậy", "Confidence"),
    "weak_cue": ("(dấu hiệu yếu)", "(weak cue)"),
    # Column labels
    "col_province": ("Tỉnh", "Province"),
    "col_year": ("Năm", "Year"),
    "col_year_from": ("Từ năm", "From"),
    "col_year_to": ("Đến năm", "To"),
    "col_issuer": ("Cơ quan ban hành", "Issuer"),
    "col_level": ("Cấp", "Level"),
    "col_sector": ("Ngành", "Sector"),
    "col_doc_number": ("Số hiệu", "Number"),
    "col_issued_on": ("Ngày ban hành", "Issued on"),
    "col_signer": ("Người ký", "Signer"),
    "col_label": ("Mục", "Category"),
    "col_category_id": ("Mã mục", "Category id"),
    "col_family": ("Nhóm", "Family"),
    "col_cues": ("Dấu hiệu", "Cues"),
    "col_weak_cues": ("Dấu hiệu yếu", "Weak cues"),
    "col_n_plans_with": ("Số kế hoạch có", "Plans with it"),
    "col_n_mentions": ("Số lần nhắc", "Mentions"),
    "col_n_plans": ("Số kế hoạch", "Plans"),
    "col_n_citing": ("Số kế hoạch trích dẫn", "Plans citing"),
    "col_share": ("Tỷ lệ", "Share"),
    "col_cite_key": ("Văn bản", "Document"),
    "col_doc_type": ("Loại văn bản", "Type"),
    "col_issuer_code": ("Cơ quan", "Issuer code"),
    "col_cited_on": ("Ngày văn bản", "Dated"),
    "col_first_year": ("Năm đầu trích dẫn", "First year cited"),
    "col_n_content_areas": ("Lĩnh vực", "Content areas"),
    "col_n_channels": ("Hình thức", "Channels"),
    "col_n_indicators": ("Chỉ số", "Indicators"),
    "col_text": ("Nội dung", "Text"),
    "col_doc_title": ("Tiêu đề", "Title"),
    "col_period": ("Kỳ", "Period"),
    "col_unit": ("Đơn vị", "Unit"),
    "col_role": ("Vai trò", "Role"),
    "col_task": ("Nhiệm vụ", "Task"),
    "col_heading": ("Đề mục", "Heading"),
    "col_kind": ("Loại phần", "Section kind"),
    "col_times": ("Số lần", "Times"),
    "group_digital": ("Số", "Digital"),
    "group_traditional": ("Truyền thống", "Traditional"),
    "group": ("Nhóm hình thức", "Channel group"),
}

LEVELS: dict[str, tuple[str, str]] = {
    "province": ("Cấp tỉnh (UBND tỉnh)", "Province (People's Committee)"),
    "department": ("Sở, ngành", "Department"),
    "district": ("Cấp huyện", "District"),
    "commune": ("Cấp xã", "Commune"),
    "national": ("Trung ương", "National"),
}

ROLES: dict[str, tuple[str, str]] = {
    "chu_tri": ("Chủ trì", "Lead"),
    "phoi_hop": ("Phối hợp", "Support"),
    "thuc_hien": ("Thực hiện", "Implement"),
}

SECTION_KINDS: dict[str, tuple[str, str]] = {
    "header": ("Phần đầu", "Header"),
    "preamble": ("Căn cứ", "Preamble"),
    "decision": ("Quyết định", "Decision"),
    "purpose": ("Mục đích, yêu cầu", "Purpose"),
    "targets": ("Chỉ tiêu", "Targets"),
    "audience": ("Đối tượng", "Audience"),
    "content": ("Nội dung", "Content"),
    "channels": ("Hình thức", "Channels"),
    "budget": ("Kinh phí", "Budget"),
    "implementation": ("Tổ chức thực hiện", "Implementation"),
    "appendix": ("Phụ lục", "Appendix"),
    "distribution": ("Nơi nhận", "Distribution"),
    "signature": ("Chữ ký", "Signature"),
    "other": ("Khác", "Other"),
}

FAMILIES: dict[str, tuple[str, str]] = {
    "content_area": ("Lĩnh vực cải cách", "Content areas"),
    "theme": ("Chủ đề", "Themes"),
    "channel": ("Hình thức tuyên truyền", "Channels"),
    "indicator": ("Chỉ số", "Indicators"),
    "audience": ("Đối tượng", "Audiences"),
}

# Short axis labels: the full content-area names do not fit an axis at meeting-room font sizes.
SHORT_LABELS: dict[str, tuple[str, str]] = {
    "the_che": ("Thể chế", "Institutions"),
    "tthc": ("Thủ tục hành chính", "Procedures"),
    "bo_may": ("Bộ máy", "Apparatus"),
    "cong_vu": ("Công vụ", "Civil service"),
    "tai_chinh_cong": ("Tài chính công", "Public finance"),
    "chinh_quyen_so": ("Chính quyền số", "Digital government"),
}


# Each feature keeps its words in its own module; they join the one table here.
for _feature in (i18n_export, i18n_import, i18n_map, i18n_pages, i18n_trace):
    STRINGS.update(_feature.STRINGS)


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


_COUNTS = frozenset(
    {"n", "total", "shown"}
)  # values that count plans, provinces, charts: never years


def t(key: str, lang: str = "vi", **values: object) -> str:
    """The text for ``key`` in ``lang``, formatted with ``values`` when given."""
    pair = STRINGS.get(key)
    text = _pick(pair, lang) if pair else key
    for name in _COUNTS.intersection(values):  # "12.000 kế hoạch", never "12000" (nor a year)
        if isinstance(values[name], Integral) and not isinstance(values[name], bool):
            values[name] = number(values[name], lang)
    return text.format(**values) if values else text


def number(value: float, lang: str = "vi", digits: int = 0) -> str:
    """A number as its readers write it: 12.345,6 in Vietnamese, 12,345.6 in English."""
    text = f"{value:,.{digits}f}"
    return text.translate(str.maketrans(",.", ".,")) if lang != "en" else text


def level_name(level: str | None, lang: str = "vi") -> str:
    return _pick(LEVELS[level], lang) if level in LEVELS else str(level or "")


def role_name(role: str | None, lang: str = "vi") -> str:
    return _pick(ROLES[role], lang) if role in ROLES else str(role or "")


def section_kind_name(kind: str | None, lang: str = "vi") -> str:
    return _pick(SECTION_KINDS[kind], lang) if kind in SECTION_KINDS else str(kind or "")


def family_name(family: str, lang: str = "vi") -> str:
    return _pick(FAMILIES[family], lang) if family in FAMILIES else family


def short_label(category_id: str, full: str, lang: str = "vi") -> str:
    """A short axis label for content areas; other categories keep their codebook label."""
    return _pick(SHORT_LABELS[category_id], lang) if category_id in SHORT_LABELS else full
