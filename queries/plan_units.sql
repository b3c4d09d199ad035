-- Purpose: the units responsible for one plan's tasks, with their role (chủ trì / phối hợp /
--   thực hiện) and the task.
-- Parameters: $plan_id (VARCHAR).
-- Grain: one row per unit × role × task.
SELECT unit, role, task, passage_no
FROM units
WHERE plan_id = $plan_id
ORDER BY passage_no, unit
