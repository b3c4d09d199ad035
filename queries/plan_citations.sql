-- Purpose: the legal documents one plan cites, once per document, with the first place cited.
--   cited_on is the document's date as the plan gives it ("ngày 19 tháng 6 năm 2015"), ISO text
--   so a grid shows a missing date as missing.
-- Parameters: $plan_id (VARCHAR).
-- Grain: one row per cited document.
SELECT cite_key, any_value(doc_type) AS doc_type, any_value(issuer_code) AS issuer_code,
       CAST(max(cited_date) AS VARCHAR) AS cited_on, count(*) AS n_times, min(start_pos) AS first_pos
FROM citations
WHERE plan_id = $plan_id
GROUP BY cite_key
ORDER BY first_pos
