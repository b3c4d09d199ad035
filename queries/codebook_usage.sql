-- Purpose: every codebook category with its labels, cues and how many of the filtered plans have it.
-- Parameters: $year_from, $year_to; $provinces, $levels, $sectors (VARCHAR[], empty = all); $view_by.
-- Grain: one row per codebook category.
WITH plans_in AS (
    SELECT count(*) AS n_plans
    FROM filtered_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
    WHERE first_in_range
),
usage AS (
    SELECT category_id, count(*) AS n_plans_with, sum(n_mentions) AS n_mentions
    FROM filtered_presence($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
    WHERE first_in_range
    GROUP BY category_id
)
SELECT c.family, c.family_vi, c.family_en, c.category_id, c.label_vi, c.label_en,
       c.channel_group, c.cues, c.weak_cues, coalesce(u.n_plans_with, 0) AS n_plans_with,
       coalesce(u.n_mentions, 0) AS n_mentions, (SELECT n_plans FROM plans_in) AS n_plans
FROM codebook c
LEFT JOIN usage u ON u.category_id = c.category_id
ORDER BY c.sort_order
