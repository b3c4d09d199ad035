-- Purpose: the plans a picker offers (plan detail page): enough to label each one, newest first,
--   capped at $limit so the page stays fast at 100,000 plans (narrow the filters to see others).
-- Parameters: $year_from, $year_to; $provinces, $levels, $sectors (VARCHAR[], empty = all); $view_by;
--   $limit (INTEGER).
-- Grain: one row per plan, at most $limit rows; n_matching is the number of plans before the cap.
WITH fp AS (
    SELECT plan_id, province
    FROM filtered_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
    WHERE first_in_range
)
SELECT p.plan_id, fp.province, p.year_from, p.year_to, p.issuer, p.issuer_level,
       count(*) OVER () AS n_matching
FROM fp
JOIN plans p ON p.plan_id = fp.plan_id
ORDER BY fp.province, p.year_from DESC, p.issuer_level, p.issuer
LIMIT $limit
