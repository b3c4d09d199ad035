-- Purpose: content-area coverage per plan: which of the six areas each plan covers.
-- Parameters: $year_from, $year_to; $provinces, $levels, $sectors (VARCHAR[], empty = all); $view_by.
-- Grain: one row per plan (areas as a list of category ids, in codebook order).
WITH fp AS (
    SELECT plan_id, province
    FROM filtered_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
    WHERE first_in_range  -- one row per plan, as plan_picker
),
vi_order AS (  -- Vietnamese order (Bạc Liêu before Bình Dương), each name collated once
    SELECT * FROM vi_name_order()
)
SELECT fp.plan_id, fp.province, p.year_from, p.year_to, p.issuer, p.issuer_level, p.sector,
       p.content_areas, p.n_content_areas,
       list_contains(p.corrected_fields, 'categories') AS corrected
FROM fp
JOIN plans p ON p.plan_id = fp.plan_id
LEFT JOIN vi_order province_rank ON province_rank.name = fp.province
LEFT JOIN vi_order issuer_rank ON issuer_rank.name = p.issuer
ORDER BY province_rank.vi_rank, p.year_from, issuer_rank.vi_rank
