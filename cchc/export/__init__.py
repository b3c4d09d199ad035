"""Exports without streamlit: chart images, CSV/XLSX tables and briefing packs (PPTX, PDF).

The dashboard (cchc/ui/exports.py) and the CLI (`python -m cchc export`) both call into here.
"""
