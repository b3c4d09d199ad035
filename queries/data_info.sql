-- Purpose: when the data was built, from how many plans, by which extractor and codebook.
-- Parameters: none.
-- Grain: one row (the latest build).
SELECT built_at, data_date, n_plans, n_rejected, extractor_version, codebook_version, schema_version
FROM build_info
ORDER BY built_at DESC
LIMIT 1
