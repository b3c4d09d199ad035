"""The sidebar's notice when the database was coded by another extractor version.

Leaders see the sidebar projected in meetings: the notice says in plain words what it means for
the numbers; the versions and the server's rebuild command (paths included) wait in a closed
expander for whoever runs the server.
"""

from __future__ import annotations

import streamlit as st

from cchc.i18n import t
from cchc.parse.extract import EXTRACTOR_VERSION
from cchc.store.build import rebuild_command
from cchc.ui.data import db_path, plans_dir


def _version(text: str) -> tuple[int, ...] | None:
    try:
        return tuple(int(part) for part in text.split("."))
    except ValueError:
        return None  # "?" or a hand-edited value: not comparable


def coded_by_older(coded_by: str, current: str = EXTRACTOR_VERSION) -> bool:
    """Whether ``coded_by`` is an older version than ``current`` ("1.4" < "1.10")."""
    old, new = _version(coded_by), _version(current)
    return old is not None and new is not None and old < new


def data_version_notice(info: dict[str, object], lang: str) -> None:
    """Nothing when ``info``'s plans were coded by this program's extractor; else a warning in
    the reader's words and, collapsed under it, the versions and the command that recodes."""
    coded_by = info["extractor_version"]
    if coded_by is None or str(coded_by) == EXTRACTOR_VERSION:
        return
    key = "data_coded_older" if coded_by_older(str(coded_by)) else "data_coded_other"
    st.sidebar.warning(t(key, lang), icon=":material/update:")
    with st.sidebar.expander(t("for_operators", lang), icon=":material/terminal:"):
        st.caption(t("operator_recode", lang, old=coded_by, new=EXTRACTOR_VERSION))
        st.code(rebuild_command(db_path(), plans_dir()), language="bash", wrap_lines=True)
