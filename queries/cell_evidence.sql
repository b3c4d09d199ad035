-- Purpose: the sentence each of some plans was counted from for one category: its first counted
--   mention, the section it sits in and the cue's span in the sentence (written at build time, so
--   no plan text is read). The plans are those a page shows of cell_plans.
-- Parameters: $plan_ids (VARCHAR[]), $category_id (VARCHAR).
-- Grain: one row per listed plan that has a counted mention of the category.
SELECT plan_id, section_kind, passage_text, offset_in_passage, offset_end_in_passage
FROM first_evidence
WHERE category_id = $category_id AND list_contains($plan_ids, plan_id)
