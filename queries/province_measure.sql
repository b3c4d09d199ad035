-- Purpose: counts behind the province map: per province, year and category of one family, how
--   many plans there are and how many name the category, plus who issued them, so the map can
--   pool years by summing counts (sum n_with_once / n_plans_total), never by averaging shares.
-- Parameters: $year_from, $year_to (INTEGER); $provinces, $levels, $sectors (VARCHAR[], empty = all);
--   $view_by ('issued' = provinces as named in the plan, 'today' = today's 34 provinces);
--   $family (VARCHAR: 'content_area', 'channel' or 'indicator').
-- Grain: one row per province × year × category of $family; provinces without a plan for the
--   filters have no row (the map draws them as "no data", not as zero). n_plans_total counts each
--   plan once over the selected years; n_after_merger counts plans issued from 1 July 2025 under
--   the name of a merged province (they cannot be split back to the former provinces).
--   n_*_once: each plan once when summed over years (see province_year_plans, cchc/store/db.py).
WITH fp AS (
    SELECT * FROM filtered_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
),
plan_counts AS (
    SELECT province, year, count(*) AS n_plans FROM fp GROUP BY province, year
),
per_province AS (
    SELECT fp.province,
           count(DISTINCT fp.plan_id) AS n_plans_total,
           count(DISTINCT fp.plan_id) FILTER (
               WHERE coalesce(p.issued_on >= DATE '2025-07-01', p.year_from > 2025)
                 AND m.n_members > 1
           ) AS n_after_merger
    FROM fp
    JOIN plans p ON p.plan_id = fp.plan_id
    LEFT JOIN provinces_34 m ON m.name = fp.province_issued
    GROUP BY fp.province
),
issued_lists AS (  -- each name collated once, not once per plan; one row per province
    SELECT province, string_agg(province_issued, ', ' ORDER BY province_issued COLLATE vi) AS issued_as,
           dense_rank() OVER (ORDER BY province COLLATE vi, province) AS province_order
    FROM (SELECT DISTINCT province, province_issued FROM fp) AS names
    GROUP BY province
),
categories AS (
    SELECT category_id, label_vi, label_en, sort_order FROM codebook WHERE family = $family
),
hits AS (
    SELECT * FROM presence_counts($year_from, $year_to, $provinces, $levels, $sectors, $view_by, $family)
)
SELECT pc.province, pc.year, c.category_id, c.label_vi, c.label_en, pc.n_plans,
       coalesce(h.n_with, 0) AS n_with, coalesce(h.n_with_once, 0) AS n_with_once,
       pp.n_plans_total, il.issued_as, pp.n_after_merger
FROM plan_counts pc
JOIN per_province pp ON pp.province IS NOT DISTINCT FROM pc.province
JOIN issued_lists il ON il.province IS NOT DISTINCT FROM pc.province
CROSS JOIN categories c
LEFT JOIN hits h ON h.province IS NOT DISTINCT FROM pc.province AND h.year = pc.year
    AND h.category_id = c.category_id
-- province_order: Vietnamese alphabetical order (Bạc Liêu before Bình Dương, Đà Nẵng after Dak
--   Lak), not code points (which put every Đ… after Yên Bái).
ORDER BY il.province_order, pc.year, c.sort_order
