-- Purpose: the plans behind one cell of a grid (one province × one category): every plan of the
--   province under the filters and whether it has the category (after analysts' corrections).
--   The rows with the category are the cell's "k" in "k/n", all rows its "n". The sentences come
--   from cell_evidence, for the plans a page shows (reading the sentences of every plan of a
--   busy province took 600 ms at 100,000 plans).
-- Parameters: $year_from, $year_to; $provinces, $levels, $sectors (VARCHAR[], empty = all);
--   $view_by; $province (VARCHAR, a province of the chosen view); $category_id (VARCHAR).
-- Grain: one row per plan; plans with the category first, then by year and issuer.
WITH cell_plans AS (  -- each plan once (its first year in range), as the grids count them
    SELECT plan_id
    FROM filtered_plans($year_from, $year_to, $provinces, $levels, $sectors, $view_by)
    WHERE first_in_range AND province IS NOT DISTINCT FROM $province  -- "?": no province found
),
has_category AS (
    SELECT plan_id, n_mentions, corrected
    FROM presence
    WHERE category_id = $category_id AND plan_id IN (SELECT plan_id FROM cell_plans)
),
vi_order AS (  -- issuers in Vietnamese order, each name collated once
    SELECT * FROM vi_name_order()
)
SELECT p.plan_id, p.province, p.province_2025, p.year_from, p.year_to, p.issuer, p.issuer_level,
       p.doc_number, h.plan_id IS NOT NULL AS has_category, coalesce(h.n_mentions, 0) AS n_mentions,
       coalesce(h.corrected, false) AS corrected
FROM cell_plans cp
JOIN plans p ON p.plan_id = cp.plan_id
LEFT JOIN has_category h ON h.plan_id = cp.plan_id
LEFT JOIN vi_order issuer_rank ON issuer_rank.name = p.issuer
ORDER BY has_category DESC, p.year_from, p.issuer_level, issuer_rank.vi_rank, p.plan_id
