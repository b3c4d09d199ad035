-- Purpose: uptake of cited legal documents by year: how many plans cite each document (e.g. who
--   cites 57-NQ/TW and from when). Party (TW), Government (CP), Prime Minister (TTg) and ministry
--   (BNV) documents only: the central ones analysts follow.
-- Parameters: $year_from, $year_to; $provinces, $levels, $sectors (VARCHAR[], empty = all); $view_by.
-- Grain: one row per year × cited document.
--   n_citing_once counts a plan only in its first selected year (summed over the years: each plan
--   once); n_plans_selected is every selected plan once, those citing nothing included.
WITH fp AS (
    SELECT plan_id, year, first_in_range
    FROM filtered_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
),
year_counts AS (
    SELECT year, count(*) AS n_plans FROM fp GROUP BY year
),
central AS (  -- one row per plan and cited central document, however often it is cited
    SELECT DISTINCT plan_id, cite_key, doc_type, issuer_code
    FROM citations
    WHERE issuer_code IN ('TW', 'CP', 'TTg', 'BNV')
),
cited AS (
    SELECT fp.year, c.cite_key, any_value(c.doc_type) AS doc_type,
           any_value(c.issuer_code) AS issuer_code, count(*) AS n_citing,
           count(*) FILTER (WHERE fp.first_in_range) AS n_citing_once
    FROM fp JOIN central c ON c.plan_id = fp.plan_id
    GROUP BY fp.year, c.cite_key
)
SELECT cited.year, cite_key, doc_type, issuer_code, n_citing, yc.n_plans, n_citing_once,
       (SELECT count(*) FROM fp WHERE first_in_range) AS n_plans_selected,
       n_citing / yc.n_plans AS share,
       min(cited.year) OVER (PARTITION BY cite_key) AS first_year_cited
FROM cited JOIN year_counts yc ON yc.year = cited.year
ORDER BY cite_key, cited.year
