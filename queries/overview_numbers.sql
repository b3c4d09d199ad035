-- Purpose: headline numbers for the filters: plans, provinces, years, plans covering all six
--   content areas, and the data date.
-- Parameters: $year_from, $year_to; $provinces, $levels, $sectors (VARCHAR[], empty = all); $view_by.
-- Grain: one row.
WITH fp AS (
    SELECT * FROM filtered_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
),
plan_areas AS (
    SELECT fp.plan_id, count(DISTINCT pr.category_id) AS n_areas
    FROM (SELECT DISTINCT plan_id FROM fp) fp
    LEFT JOIN presence pr ON pr.plan_id = fp.plan_id AND pr.family = 'content_area'
    GROUP BY fp.plan_id
)
SELECT (SELECT count(DISTINCT plan_id) FROM fp) AS n_plans,
       (SELECT count(DISTINCT province) FROM fp) AS n_provinces,
       (SELECT min(year) FROM fp) AS first_year,
       (SELECT max(year) FROM fp) AS last_year,
       (SELECT count(*) FROM plan_areas WHERE n_areas = 6) AS n_full_coverage,
       (SELECT avg(n_areas) FROM plan_areas) AS mean_areas,
       (SELECT max(data_date) FROM build_info) AS data_date,
       (SELECT count(*) FROM plans) AS n_plans_total
