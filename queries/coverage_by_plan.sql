-- Purpose: which content areas each plan covers, with the number of mentions behind each.
-- Parameters: $year_from, $year_to; $provinces, $levels, $sectors (VARCHAR[], empty = all); $view_by.
-- Grain: one row per plan × content area (present or not).
WITH fp AS (
    SELECT DISTINCT plan_id, province
    FROM filtered_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
),
areas AS (
    SELECT category_id, label_vi, label_en, sort_order FROM codebook WHERE family = 'content_area'
)
SELECT p.plan_id, fp.province, p.year_from, p.year_to, p.issuer, p.issuer_level, p.sector,
       a.category_id, a.label_vi, a.label_en,
       pr.plan_id IS NOT NULL AS present,
       coalesce(pr.n_mentions, 0) AS n_mentions,
       coalesce(pr.corrected, false) AS corrected
FROM fp
JOIN plans p ON p.plan_id = fp.plan_id
CROSS JOIN areas a
LEFT JOIN presence pr ON pr.plan_id = fp.plan_id AND pr.category_id = a.category_id
ORDER BY fp.province, p.year_from, p.issuer, a.sort_order
