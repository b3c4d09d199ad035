-- Purpose: the plans that match the filters, with their metadata and how many categories of each
--   family they have (for tables and pickers).
-- Parameters: $year_from, $year_to; $provinces, $levels, $sectors (VARCHAR[], empty = all); $view_by.
-- Grain: one row per plan.
WITH fp AS (
    SELECT plan_id, province
    FROM filtered_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
    WHERE first_in_range  -- one row per plan, as plan_picker
)
SELECT p.plan_id, fp.province, p.province_2025, p.year_from, p.year_to, p.issuer,
       p.issuer_level, p.sector, p.doc_number, p.n_content_areas, p.n_channels, p.n_indicators
FROM fp
JOIN plans p ON p.plan_id = fp.plan_id
-- COLLATE vi: Vietnamese alphabetical order (Bạc Liêu before Bình Dương, Đà Nẵng after Dak Lak),
--   not code points (which put every Đ… after Yên Bái).
ORDER BY fp.province COLLATE vi, p.year_from, p.issuer_level, p.issuer COLLATE vi
