-- Purpose: one plan's metadata, with the notes on how each field was found and which were corrected.
-- Parameters: $plan_id (VARCHAR).
-- Grain: one row (none when the plan does not exist).
SELECT p.plan_id, p.source, p.fmt, p.encoding, p.title, p.province, p.province_2025, p.year_from,
       p.year_to, p.issuer, p.issuer_level, p.sector, p.doc_number, p.issued_on, p.signer,
       p.metadata_notes, p.corrected_fields, p.notes, p.n_chars, p.text,
       (SELECT max(data_date) FROM build_info) AS data_date
FROM plans p
WHERE p.plan_id = $plan_id
