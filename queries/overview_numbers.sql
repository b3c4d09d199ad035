-- Purpose: headline numbers for the filters: plans, provinces, years, plans covering all six
--   content areas, and the data date.
-- Parameters: $year_from, $year_to; $provinces, $levels, $sectors (VARCHAR[], empty = all); $view_by.
-- Grain: one row.
WITH fp AS (
    SELECT plan_id, any_value(province) AS province, min(year) AS first_year,
           max(year) AS last_year
    FROM filtered_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
    GROUP BY plan_id
)
SELECT count(*) AS n_plans,
       count(DISTINCT fp.province) AS n_provinces,
       min(fp.first_year) AS first_year,
       max(fp.last_year) AS last_year,
       count(*) FILTER (WHERE p.n_content_areas = 6) AS n_full_coverage,
       avg(p.n_content_areas) AS mean_areas,
       (SELECT max(data_date) FROM build_info) AS data_date,
       (SELECT count(*) FROM plans) AS n_plans_total
FROM fp
JOIN plans p ON p.plan_id = fp.plan_id
