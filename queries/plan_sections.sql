-- Purpose: the outline of one plan: its sections in order, with their kind and span.
-- Parameters: $plan_id (VARCHAR).
-- Grain: one row per section.
SELECT section_no, kind, heading, level, start_pos, end_pos
FROM sections
WHERE plan_id = $plan_id
ORDER BY section_no
