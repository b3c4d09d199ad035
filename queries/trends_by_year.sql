-- Purpose: trends by year for one family of the codebook (content areas, channels, indicators,
--   themes or audiences): how many plans of the year have each category, and the share.
-- Parameters: $family (VARCHAR); $year_from, $year_to; $provinces, $levels, $sectors
--   (VARCHAR[], empty = all); $view_by.
-- Grain: one row per year × category of the family. n_plans is the number of plans behind each point.
WITH year_counts AS (
    SELECT year, count(*) AS n_plans
    FROM filtered_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
    GROUP BY year
),
categories AS (
    SELECT category_id, label_vi, label_en, channel_group, sort_order
    FROM codebook WHERE family = $family
),
hits AS (
    SELECT year, category_id, count(*) AS n_with, sum(n_mentions) AS n_mentions
    FROM filtered_presence($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
    WHERE family = $family
    GROUP BY year, category_id
)
SELECT yc.year, c.category_id, c.label_vi, c.label_en, c.channel_group, yc.n_plans,
       coalesce(h.n_with, 0) AS n_with, coalesce(h.n_with, 0) / yc.n_plans AS share,
       coalesce(h.n_mentions, 0) AS n_mentions
FROM year_counts yc
CROSS JOIN categories c
LEFT JOIN hits h ON h.year = yc.year AND h.category_id = c.category_id
ORDER BY yc.year, c.sort_order
