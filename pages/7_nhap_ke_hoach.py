"""Nhập kế hoạch / Import plans: upload, review what the machine found, correct, save."""

from __future__ import annotations

import streamlit as st

from cchc.i18n import t
from cchc.ui import importer, review
from cchc.ui.corrections import corrections_file_section
from cchc.ui.widgets import plain_table, upload_label, uploader_in_readers_words

state = st.session_state["_state"]
lang = state.lang
st.title(t("page_import", lang))
st.caption(t("imp_intro", lang))
uploader_in_readers_words(lang)

results = st.container()  # filled below, once we know whether new files were uploaded
files = st.file_uploader(
    upload_label(lang), type=importer.TYPES, accept_multiple_files=True,
    key=importer.uploader_key(),
)  # fmt: skip
uploads = importer.uploaded(files)
with results:
    importer.show_results(lang, new_uploads=bool(uploads))

if uploads:
    checked = importer.check_files(uploads)
    st.subheader(t("imp_review", lang))
    plain_table(review.review_table(checked, lang))
    for item in checked:
        review.show_file(item, lang)
    importer.save_button(checked, lang)

st.divider()
corrections_file_section(lang)
