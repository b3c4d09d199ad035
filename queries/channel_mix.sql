-- Purpose: the channel mix per province and year: how many plans use each channel, how many
--   mentions it gets, its share of all channel mentions, and whether it is digital or traditional.
-- Parameters: $year_from, $year_to; $provinces, $levels, $sectors (VARCHAR[], empty = all); $view_by.
-- Grain: one row per province × year × channel.
--   n_*_once: each plan once when summed over years (see province_year_plans, cchc/store/db.py).
WITH plan_counts AS (
    SELECT * FROM province_year_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
),
categories AS (
    SELECT category_id, label_vi, label_en, channel_group, sort_order
    FROM codebook WHERE family = 'channel'
),
hits AS (
    SELECT * FROM presence_counts($year_from, $year_to, $provinces, $levels, $sectors, $view_by, 'channel')
),
totals AS (  -- all channel mentions of a province and year: the denominator of share_mentions
    SELECT province, year, sum(n_mentions) AS all_mentions FROM hits GROUP BY province, year
)
SELECT pc.province, pc.year, c.category_id, c.label_vi, c.label_en, c.channel_group, pc.n_plans,
       coalesce(h.n_with, 0) AS n_with, pc.n_plans_once, coalesce(h.n_with_once, 0) AS n_with_once, coalesce(h.n_with, 0) / pc.n_plans AS share_plans,
       coalesce(h.n_mentions, 0) AS n_mentions,
       coalesce(coalesce(h.n_mentions, 0) / nullif(tt.all_mentions, 0), 0) AS share_mentions,
       pc.issued_as
FROM plan_counts pc
CROSS JOIN categories c
LEFT JOIN hits h ON h.province IS NOT DISTINCT FROM pc.province AND h.year = pc.year
    AND h.category_id = c.category_id
LEFT JOIN totals tt ON tt.province IS NOT DISTINCT FROM pc.province AND tt.year = pc.year
-- province_order: Vietnamese alphabetical order (Bạc Liêu before Bình Dương, Đà Nẵng after Dak
--   Lak), not code points (which put every Đ… after Yên Bái); see province_year_plans.
ORDER BY pc.province_order, pc.year, c.sort_order
