-- Purpose: the plans that match the filters, with their metadata and how many categories of each
--   family they have (for tables and pickers).
-- Parameters: $year_from, $year_to; $provinces, $levels, $sectors (VARCHAR[], empty = all); $view_by.
-- Grain: one row per plan.
WITH fp AS (
    SELECT plan_id, province
    FROM filtered_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
    WHERE first_in_range  -- one row per plan, as plan_picker
),
vi_order AS (  -- Vietnamese order (Bạc Liêu before Bình Dương), each name collated once
    SELECT * FROM vi_name_order()
)
SELECT p.plan_id, fp.province, p.province_2025, p.year_from, p.year_to, p.issuer,
       p.issuer_level, p.sector, p.doc_number, p.n_content_areas, p.n_channels, p.n_indicators
FROM fp
JOIN plans p ON p.plan_id = fp.plan_id
LEFT JOIN vi_order province_rank ON province_rank.name = fp.province
LEFT JOIN vi_order issuer_rank ON issuer_rank.name = p.issuer
ORDER BY province_rank.vi_rank, p.year_from, p.issuer_level, issuer_rank.vi_rank
