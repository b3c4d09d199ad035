-- Purpose: the quantitative targets and deadlines of one plan, with the sentence they come from.
-- Parameters: $plan_id (VARCHAR).
-- Grain: one row per target.
SELECT t.text, t.value, t.unit, t.period, t.start_pos, t.end_pos, substr(p.text, ps.start_pos + 1, ps.end_pos - ps.start_pos) AS passage_text
FROM targets t
LEFT JOIN passages ps ON ps.plan_id = t.plan_id AND ps.passage_no = t.passage_no
LEFT JOIN plans p ON p.plan_id = t.plan_id
WHERE t.plan_id = $plan_id
ORDER BY t.start_pos
