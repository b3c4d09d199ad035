-- Purpose: the evidence for one category in one plan: every sentence with a counted mention,
--   the section it sits in and the exact span of the cue (offsets into plans.text).
-- Parameters: $plan_id (VARCHAR), $category_id (VARCHAR).
-- Grain: one row per mention.
SELECT m.plan_id, m.category_id, m.family, m.cue, m.weak, m.section_kind,
       s.heading AS section_heading, ps.passage_no, substr(p.text, ps.start_pos + 1, ps.end_pos - ps.start_pos) AS passage_text,
       ps.start_pos AS passage_start, m.start_pos, m.end_pos,
       m.start_pos - ps.start_pos AS offset_in_passage,
       m.end_pos - ps.start_pos AS offset_end_in_passage
FROM mentions m
JOIN passages ps ON ps.plan_id = m.plan_id AND ps.passage_no = m.passage_no
JOIN plans p ON p.plan_id = m.plan_id
LEFT JOIN sections s ON s.plan_id = m.plan_id AND s.section_no = m.section_no
WHERE m.plan_id = $plan_id AND m.category_id = $category_id
ORDER BY m.start_pos
