"""Entry point: page config, navigation, the shared sidebar filters. `streamlit run app.py`."""

from __future__ import annotations

import streamlit as st

from cchc.i18n import number, t
from cchc.i18n_dates import date_text
from cchc.ui.data import data_info, ensure_db
from cchc.ui.notices import data_version_notice
from cchc.ui.state import sidebar_filters, sync_url

st.set_page_config(page_title="Kế hoạch tuyên truyền CCHC", page_icon="📋", layout="wide")

# Build the database first (spinner) so the filters below can read their options from it.
ensure_db()
state = sidebar_filters()
st.session_state["_state"] = state
lang = state.lang

PAGES = [
    ("pages/1_tong_quan.py", "page_overview", ":material/dashboard:", None),  # the default: "/"
    ("pages/2_so_sanh.py", "page_compare", ":material/compare_arrows:", "so-sanh"),
    ("pages/3_xu_huong.py", "page_trends", ":material/trending_up:", "xu-huong"),
    ("pages/4_chi_tiet.py", "page_detail", ":material/description:", "chi-tiet"),
    ("pages/5_bo_ma.py", "page_codebook", ":material/menu_book:", "bo-ma"),
    ("pages/6_xuat_bao_cao.py", "page_briefing", ":material/slideshow:", "xuat-bao-cao"),
    ("pages/7_nhap_ke_hoach.py", "page_import", ":material/upload_file:", "nhap-ke-hoach"),
]
page = st.navigation(
    [
        st.Page(path, title=t(key, lang), icon=icon, url_path=url, default=(i == 0))
        for i, (path, key, icon, url) in enumerate(PAGES)
    ]
)

info = data_info()
st.sidebar.divider()
st.sidebar.caption(f"{t('data_date', lang)}: {date_text(info['data_date'], lang)}")
st.sidebar.caption(f"{t('n_plans_db', lang)}: {number(info['n_plans'], lang)}")
data_version_notice(info, lang)
sync_url()
page.run()
