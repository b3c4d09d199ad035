-- Purpose: the channel mix per province and year: how many plans use each channel, how many
--   mentions it gets, its share of all channel mentions, and whether it is digital or traditional.
-- Parameters: $year_from, $year_to; $provinces, $levels, $sectors (VARCHAR[], empty = all); $view_by.
-- Grain: one row per province × year × channel.
WITH fp AS (
    SELECT * FROM filtered_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
),
plan_counts AS (
    SELECT province, year, count(DISTINCT plan_id) AS n_plans,
           string_agg(DISTINCT province_issued, ', ' ORDER BY province_issued) AS issued_as
    FROM fp GROUP BY province, year
),
channels AS (
    SELECT category_id, label_vi, label_en, channel_group, sort_order
    FROM codebook WHERE family = 'channel'
),
hits AS (
    SELECT fp.province, fp.year, pr.category_id,
           count(DISTINCT fp.plan_id) AS n_with, sum(pr.n_mentions) AS n_mentions
    FROM fp JOIN presence pr ON pr.plan_id = fp.plan_id AND pr.family = 'channel'
    GROUP BY fp.province, fp.year, pr.category_id
),
mix AS (
    SELECT pc.province, pc.year, c.category_id, c.label_vi, c.label_en, c.channel_group,
           c.sort_order, pc.n_plans, pc.issued_as,
           coalesce(h.n_with, 0) AS n_with, coalesce(h.n_mentions, 0) AS n_mentions
    FROM plan_counts pc
    CROSS JOIN channels c
    LEFT JOIN hits h ON h.province IS NOT DISTINCT FROM pc.province AND h.year = pc.year
        AND h.category_id = c.category_id
)
SELECT province, year, category_id, label_vi, label_en, channel_group, n_plans, n_with,
       n_with / n_plans AS share_plans, n_mentions,
       coalesce(n_mentions / nullif(sum(n_mentions) OVER (PARTITION BY province, year), 0), 0)
           AS share_mentions,
       issued_as
FROM mix
ORDER BY province, year, sort_order
