-- Purpose: every present category of one plan, with its family, labels and mention count.
-- Parameters: $plan_id (VARCHAR).
-- Grain: one row per present category.
SELECT pr.family, c.family_vi, c.family_en, pr.category_id, c.label_vi, c.label_en,
       pr.n_mentions, pr.corrected
FROM presence pr
JOIN codebook c ON c.category_id = pr.category_id
WHERE pr.plan_id = $plan_id
ORDER BY c.sort_order
