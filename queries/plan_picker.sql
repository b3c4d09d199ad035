-- Purpose: the plans a picker offers (plan detail page): enough to label each one, newest first,
--   capped at $limit so the page stays fast at 100,000 plans (narrow the filters to see others).
-- Parameters: $year_from, $year_to; $provinces, $levels, $sectors (VARCHAR[], empty = all); $view_by;
--   $limit (INTEGER).
-- Grain: one row per plan, at most $limit rows; n_matching is the number of plans before the cap.
WITH fp AS (
    SELECT plan_id, province
    FROM filtered_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
    WHERE first_in_range
),
vi_order AS (  -- Vietnamese order, each name collated once (see vi_name_order)
    SELECT * FROM vi_name_order()
)
SELECT p.plan_id, fp.province, p.year_from, p.year_to, p.issuer, p.issuer_level,
       count(*) OVER () AS n_matching
FROM fp
JOIN plans p ON p.plan_id = fp.plan_id
LEFT JOIN vi_order province_rank ON province_rank.name = fp.province
LEFT JOIN vi_order issuer_rank ON issuer_rank.name = p.issuer
ORDER BY province_rank.vi_rank, p.year_from DESC, p.issuer_level, issuer_rank.vi_rank
LIMIT $limit
