-- Purpose: every counted mention in one plan, for highlighting the text by category.
-- Parameters: $plan_id (VARCHAR).
-- Grain: one row per mention.
SELECT m.family, m.category_id, c.label_vi, c.label_en, m.cue, m.weak, m.start_pos, m.end_pos,
       m.passage_no, m.section_kind
FROM mentions m
JOIN codebook c ON c.category_id = m.category_id
WHERE m.plan_id = $plan_id
ORDER BY m.start_pos
