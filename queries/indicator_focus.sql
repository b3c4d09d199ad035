-- Purpose: which governance indices (PAR INDEX, SIPAS, PAPI, PCI, DDCI, DTI, POBI…) the plans of
--   each province and year aim to improve or report.
-- Parameters: $year_from, $year_to; $provinces, $levels, $sectors (VARCHAR[], empty = all); $view_by.
-- Grain: one row per province × year × indicator.
WITH fp AS (
    SELECT * FROM filtered_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
),
plan_counts AS (
    SELECT province, year, count(DISTINCT plan_id) AS n_plans,
           string_agg(DISTINCT province_issued, ', ' ORDER BY province_issued) AS issued_as
    FROM fp GROUP BY province, year
),
indicators AS (
    SELECT category_id, label_vi, label_en, sort_order FROM codebook WHERE family = 'indicator'
),
hits AS (
    SELECT fp.province, fp.year, pr.category_id,
           count(DISTINCT fp.plan_id) AS n_with, sum(pr.n_mentions) AS n_mentions
    FROM fp JOIN presence pr ON pr.plan_id = fp.plan_id AND pr.family = 'indicator'
    GROUP BY fp.province, fp.year, pr.category_id
)
SELECT pc.province, pc.year, i.category_id, i.label_vi, i.label_en, pc.n_plans,
       coalesce(h.n_with, 0) AS n_with, coalesce(h.n_with, 0) / pc.n_plans AS share,
       coalesce(h.n_mentions, 0) AS n_mentions, pc.issued_as
FROM plan_counts pc
CROSS JOIN indicators i
LEFT JOIN hits h ON h.province IS NOT DISTINCT FROM pc.province AND h.year = pc.year
    AND h.category_id = i.category_id
ORDER BY pc.province, pc.year, i.sort_order
