"""Words of the import feature, Vietnamese first: merged into cchc.i18n.STRINGS."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "imp_intro": (
        "Tải lên kế hoạch mới (.txt, .md, .docx, .pdf hoặc .zip). Máy đọc và mã hoá từng tệp để "
        "anh/chị xem lại trước khi lưu; chưa có gì được ghi cho đến khi bấm Lưu.",
        "Upload new plans (.txt, .md, .docx, .pdf or .zip). Each file is read and coded for "
        "review before saving; nothing is written until you press Save.",
    ),
    "imp_upload": (
        "Chọn tệp kế hoạch: .txt, .md, .docx, .pdf hoặc .zip; tối đa {mb} MB mỗi kế hoạch, {upload_mb} MB mỗi tệp tải lên",
        "Choose plan files: .txt, .md, .docx, .pdf or .zip; up to {mb} MB a plan, {upload_mb} MB a file uploaded",
    ),
    "imp_review": ("Xem lại trước khi lưu", "Review before saving"),
    "imp_col_file": ("Tệp", "File"),
    "imp_col_status": ("Trạng thái", "Status"),
    "imp_col_plan": ("Mã kế hoạch", "Plan id"),
    "imp_col_message": ("Ghi chú", "Message"),
    "imp_col_years": ("Năm", "Years"),
    "conf_high": ("cao", "high"),
    "conf_medium": ("trung bình", "medium"),
    "conf_low": ("thấp", "low"),
    "conf_none": ("không có", "none"),
    "st_ready": ("Sẵn sàng", "Ready"),
    "st_duplicate": ("Trùng", "Duplicate"),
    "st_rejected": ("Bị từ chối", "Rejected"),
    "st_added": ("Đã thêm", "Added"),
    "imp_ready_msg": (
        "Sẵn sàng lưu · mã {pid}. Kiểm tra và hiệu chỉnh bên dưới nếu cần.",
        "Ready to save · id {pid}. Check and correct below if needed.",
    ),
    "imp_force": ("Vẫn nhập / Import anyway", "Import anyway / Vẫn nhập"),
    "imp_force_help": (
        "Chỉ chọn khi chắc chắn đây là kế hoạch tuyên truyền CCHC.",
        "Only tick when you are sure this is a CCHC communication plan.",
    ),
    "imp_categories": ("Các mục tìm thấy", "Categories found"),
    "imp_no_categories": ("Không tìm thấy mục nào.", "No category found."),
    "imp_evidence_more": ("… và {n} câu khác", "… and {n} more sentences"),
    "imp_fix_title": ("Hiệu chỉnh trước khi lưu", "Correct before saving"),
    "imp_save": ("Lưu / Save", "Save / Lưu"),
    "imp_nothing_ready": (
        "Không có tệp nào sẵn sàng để lưu.",
        "No file is ready to save.",
    ),
    "imp_saved": (
        "Đã lưu {n} kế hoạch mới. Dữ liệu hiện có {total} kế hoạch — xem trên trang Tổng quan.",
        "Saved {n} new plans. The database now holds {total} plans — see the Overview page.",
    ),
    "imp_saved_fixes": ("Đã ghi {n} hiệu chỉnh.", "Recorded {n} corrections."),
    "imp_result": ("Kết quả lưu", "Save result"),
    "imp_save_failed": ("Không lưu được: {err}", "Could not save: {err}"),
    # Correction form (import page and plan detail)
    "fix_form": ("Hiệu chỉnh kế hoạch này", "Correct this plan"),
    "fix_add": ("Thêm mục (máy bỏ sót)", "Add a category (missed)"),
    "fix_remove": ("Bỏ mục (máy nhận nhầm)", "Remove a category (wrongly found)"),
    "fix_author": ("Người hiệu chỉnh", "Corrected by"),
    "fix_note": ("Ghi chú hiệu chỉnh", "Correction note"),
    "fix_submit": ("Ghi hiệu chỉnh", "Save corrections"),
    "fix_need_author": (
        "Hãy nhập tên người hiệu chỉnh. / Enter who made the correction.",
        "Enter who made the correction. / Hãy nhập tên người hiệu chỉnh.",
    ),
    "fix_none": ("Không có thay đổi nào để ghi.", "Nothing changed."),
    "fix_done": (
        "Đã ghi {n} hiệu chỉnh; các giá trị bên trên đã được cập nhật.",
        "Recorded {n} corrections; the values above are updated.",
    ),
    "fix_badge": ("✎ đã hiệu chỉnh", "✎ corrected"),
    "fix_corrected_fields": ("✎ đã hiệu chỉnh: {items}", "✎ corrected: {items}"),
    "fix_history": ("Lịch sử hiệu chỉnh", "Correction history"),
    "fix_unknown": ("— (không rõ)", "— (unknown)"),
    "col_fix_field": ("Trường", "Field"),
    "col_fix_old": ("Giá trị cũ", "Old value"),
    "col_fix_new": ("Giá trị mới", "New value"),
    "col_fix_author": ("Người sửa", "By"),
    "col_fix_at": ("Thời điểm", "When"),
    "col_fix_note": ("Ghi chú", "Note"),
    "col_corrected": ("Hiệu chỉnh", "Corrected"),
    # Corrections file
    "cf_title": ("Tệp hiệu chỉnh", "Corrections file"),
    "cf_intro": (
        "Mọi hiệu chỉnh được lưu trong một tệp riêng và được áp dụng lại mỗi lần dựng lại dữ "
        "liệu. Tải về để lưu trữ hoặc chuyển sang máy khác; tải lên để gộp hiệu chỉnh từ nơi khác.",
        "Every correction is kept in its own file and re-applied on every rebuild. Download it to "
        "keep or move it; upload one to merge corrections made elsewhere.",
    ),
    "cf_download": ("Tải tệp hiệu chỉnh", "Download corrections"),
    "cf_empty": ("Chưa có hiệu chỉnh nào.", "No corrections yet."),
    "cf_upload": ("Tải lên tệp hiệu chỉnh (.jsonl)", "Upload a corrections file (.jsonl)"),
    "cf_import": ("Nhập hiệu chỉnh", "Import corrections"),
    "cf_done": ("Đã gộp {n} hiệu chỉnh mới.", "Merged {n} new corrections."),
    "cf_nothing_new": (
        "Tệp không có hiệu chỉnh nào mới (đã có sẵn).",
        "The file holds no new correction (all known already).",
    ),
}
