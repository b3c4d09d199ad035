"""The DuckDB schema. Grain of every table is stated; offsets are into plans.text (clean text)."""

from __future__ import annotations

import re

SCHEMA_VERSION = 4  # bump on any change below: older files are rebuilt, not misread

DDL = """
-- one row per build: when the data was made and by which extractor
CREATE TABLE build_info (
    built_at TIMESTAMP, data_date DATE, n_plans INTEGER, n_rejected INTEGER,
    extractor_version VARCHAR, codebook_version INTEGER, schema_version INTEGER
);
-- one row per plan (a plan is identified by the hash of its words)
CREATE TABLE plans (
    plan_id VARCHAR PRIMARY KEY, content_hash VARCHAR, source VARCHAR, fmt VARCHAR,
    encoding VARCHAR, title VARCHAR,
    province VARCHAR, province_2025 VARCHAR, year_from INTEGER, year_to INTEGER,
    issuer VARCHAR, issuer_level VARCHAR, sector VARCHAR, doc_number VARCHAR,
    issued_on DATE, signer VARCHAR,
    metadata_notes JSON,      -- per field: confidence and where it was read / why it is missing
    corrected_fields VARCHAR[], -- fields an analyst corrected (values above are corrected ones)
    n_chars INTEGER, text VARCHAR, raw VARCHAR, notes VARCHAR[],
    content_areas VARCHAR[], n_content_areas INTEGER, n_channels INTEGER, n_indicators INTEGER
);
-- one row per plan and year it covers (a 2022–2025 plan counts in each of its years), with the
-- filter dimensions copied in so dashboard queries filter and group without joins
CREATE TABLE plan_years (
    plan_id VARCHAR, year INTEGER, province VARCHAR, province_2025 VARCHAR,
    issuer_level VARCHAR, sector VARCHAR,
    plan_year_from INTEGER  -- lets a query keep one row per plan without count(DISTINCT)
);
-- one row per section of a plan
CREATE TABLE sections (
    plan_id VARCHAR, section_no INTEGER, kind VARCHAR, heading VARCHAR, level INTEGER,
    start_pos INTEGER, end_pos INTEGER
);
-- one row per sentence (or table row) of a plan: the unit of evidence
CREATE TABLE passages (
    plan_id VARCHAR, passage_no INTEGER, section_no INTEGER, kind VARCHAR, item VARCHAR,
    start_pos INTEGER, end_pos INTEGER  -- the words are substr(plans.text, start_pos + 1, ...)
);
-- one row per codebook category
CREATE TABLE codebook (
    category_id VARCHAR PRIMARY KEY, family VARCHAR, label_vi VARCHAR, label_en VARCHAR,
    family_vi VARCHAR, family_en VARCHAR, channel_group VARCHAR, cues VARCHAR[], weak_cues VARCHAR[],
    sort_order INTEGER
);
-- one row per cue found where the codebook's section rules let it count
CREATE TABLE mentions (
    plan_id VARCHAR, family VARCHAR, category_id VARCHAR, cue VARCHAR, weak BOOLEAN,
    start_pos INTEGER, end_pos INTEGER, passage_no INTEGER, section_no INTEGER, section_kind VARCHAR
);
-- one row per plan and present category (after analysts' corrections)
CREATE TABLE presence (
    plan_id VARCHAR, family VARCHAR, category_id VARCHAR, n_mentions INTEGER, corrected BOOLEAN
);
-- one row per plan, year and present category: the fact table behind the per-year charts
CREATE TABLE presence_by_year (
    plan_id VARCHAR, year INTEGER, province VARCHAR, province_2025 VARCHAR, issuer_level VARCHAR,
    sector VARCHAR, family VARCHAR, category_id VARCHAR, n_mentions INTEGER, plan_year_from INTEGER
);
-- one row per plan and category with a counted mention: the sentence of its first mention, for
-- the "where does this number come from" lists (reading plans.text for a few hundred plans
-- decompresses every plan's text: 110 ms at 10,000 plans; these short rows take a few ms)
CREATE TABLE first_evidence (
    plan_id VARCHAR, category_id VARCHAR, section_kind VARCHAR, passage_text VARCHAR,
    offset_in_passage INTEGER, offset_end_in_passage INTEGER
);
-- one row per quantitative target or deadline
CREATE TABLE targets (
    plan_id VARCHAR, text VARCHAR, value DOUBLE, unit VARCHAR, period VARCHAR,
    start_pos INTEGER, end_pos INTEGER, passage_no INTEGER
);
-- one row per citation of a legal document
CREATE TABLE citations (
    plan_id VARCHAR, cite_key VARCHAR, doc_type VARCHAR, issuer_code VARCHAR, cited_date DATE,
    start_pos INTEGER, end_pos INTEGER, passage_no INTEGER
);
-- one row per unit, role and task
CREATE TABLE units (plan_id VARCHAR, unit VARCHAR, role VARCHAR, task VARCHAR, passage_no INTEGER);
-- analysts' corrections, copied from the corrections file at build time (the file is the truth)
CREATE TABLE corrections (
    correction_id VARCHAR, plan_id VARCHAR, field VARCHAR, old_value VARCHAR, new_value VARCHAR,
    author VARCHAR, created_at TIMESTAMP, note VARCHAR
);
-- reference: the 63 provinces before 1 July 2025 and the 34 after, and the mapping
CREATE TABLE provinces_63 (name VARCHAR PRIMARY KEY, code VARCHAR, full_name VARCHAR,
    lat DOUBLE, lon DOUBLE, province_2025 VARCHAR);
CREATE TABLE provinces_34 (name VARCHAR PRIMARY KEY, code VARCHAR, full_name VARCHAR,
    lat DOUBLE, lon DOUBLE, label_vi VARCHAR, label_en VARCHAR, n_members INTEGER);
"""

# Column order of the bulk-loaded tables, as the builder produces rows.
COLUMNS = {
    "plans": [
        "plan_id", "content_hash", "source", "fmt", "encoding", "title", "province",
        "province_2025", "year_from", "year_to", "issuer", "issuer_level", "sector", "doc_number",
        "issued_on", "signer", "metadata_notes", "corrected_fields", "n_chars", "text", "raw",
        "notes", "content_areas", "n_content_areas", "n_channels", "n_indicators",
    ],
    "plan_years": [
        "plan_id", "year", "province", "province_2025", "issuer_level", "sector", "plan_year_from",
    ],
    "presence_by_year": [
        "plan_id", "year", "province", "province_2025", "issuer_level", "sector", "family",
        "category_id", "n_mentions", "plan_year_from",
    ],
    "sections": ["plan_id", "section_no", "kind", "heading", "level", "start_pos", "end_pos"],
    "passages": ["plan_id", "passage_no", "section_no", "kind", "item", "start_pos", "end_pos"],
    "mentions": [
        "plan_id", "family", "category_id", "cue", "weak", "start_pos", "end_pos", "passage_no",
        "section_no", "section_kind",
    ],
    "presence": ["plan_id", "family", "category_id", "n_mentions", "corrected"],
    "first_evidence": [
        "plan_id", "category_id", "section_kind", "passage_text", "offset_in_passage",
        "offset_end_in_passage",
    ],
    "targets": ["plan_id", "text", "value", "unit", "period", "start_pos", "end_pos", "passage_no"],
    "citations": [
        "plan_id", "cite_key", "doc_type", "issuer_code", "cited_date", "start_pos", "end_pos",
        "passage_no",
    ],
    "units": ["plan_id", "unit", "role", "task", "passage_no"],
}  # fmt: skip


def column_types() -> dict[str, list[str]]:
    """Table -> its columns' DuckDB types, in order, read from ``DDL``: the bulk loader needs them
    before the database exists to be asked (asking its catalogue cost ~30 ms a build)."""
    without_comments = re.sub(r"--[^\n]*", "", DDL)
    types: dict[str, list[str]] = {}
    for table, body in re.findall(r"CREATE TABLE (\w+) \((.*?)\);", without_comments, re.S):
        types[table] = [column.split()[1] for column in body.split(",")]
    return types
