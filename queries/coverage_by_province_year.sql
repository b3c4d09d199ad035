-- Purpose: coverage of the six CCHC content areas, per province and year: how many of the
--   province's plans commit to each area (counts and share of plans).
-- Parameters: $year_from, $year_to (INTEGER); $provinces, $levels, $sectors (VARCHAR[], empty = all);
--   $view_by ('issued' = provinces as named in the plan, 'today' = today's 34 provinces).
-- Grain: one row per province × year × content area. A plan covering 2022–2025 counts in each year.
--   In the 'today' view, plans of several former provinces are pooled (shares are of the pooled
--   plans, never averages of shares); issued_as lists the former provinces behind each row.
--   n_*_once: each plan once when summed over years (see province_year_plans, cchc/store/db.py).
WITH plan_counts AS (
    SELECT * FROM province_year_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
),
areas AS (
    SELECT category_id, label_vi, label_en, sort_order FROM codebook WHERE family = 'content_area'
),
hits AS (
    SELECT * FROM presence_counts($year_from, $year_to, $provinces, $levels, $sectors, $view_by, 'content_area')
)
SELECT pc.province, pc.year, a.category_id, a.label_vi, a.label_en, pc.n_plans,
       coalesce(h.n_with, 0) AS n_with, pc.n_plans_once, coalesce(h.n_with_once, 0) AS n_with_once,
       coalesce(h.n_with, 0) / pc.n_plans AS share,
       pc.issued_as, pc.n_issued_as
FROM plan_counts pc
CROSS JOIN areas a
LEFT JOIN hits h ON h.province IS NOT DISTINCT FROM pc.province AND h.year = pc.year
    AND h.category_id = a.category_id
-- province_order: Vietnamese alphabetical order (Bạc Liêu before Bình Dương, Đà Nẵng after Dak
--   Lak), not code points (which put every Đ… after Yên Bái); see province_year_plans.
ORDER BY pc.province_order, pc.year, a.sort_order
