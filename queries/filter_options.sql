-- Purpose: the values the sidebar filters can take, from the data itself.
-- Parameters: none.
-- Grain: one row per filter dimension × value.
SELECT 'year' AS dimension, CAST(year AS VARCHAR) AS value, count(DISTINCT plan_id) AS n_plans
FROM plan_years GROUP BY year
UNION ALL
SELECT 'province', province, count(*) FROM plans WHERE province IS NOT NULL GROUP BY province
UNION ALL
SELECT 'province_2025', province_2025, count(*) FROM plans WHERE province_2025 IS NOT NULL
GROUP BY province_2025
UNION ALL
SELECT 'issuer_level', issuer_level, count(*) FROM plans WHERE issuer_level IS NOT NULL
GROUP BY issuer_level
UNION ALL
SELECT 'sector', sector, count(*) FROM plans WHERE sector IS NOT NULL GROUP BY sector
-- COLLATE vi: Vietnamese alphabetical order (Bạc Liêu before Bình Dương, Đà Nẵng after Dak Lak),
--   not code points (which put every Đ… after Yên Bái).
ORDER BY dimension, value COLLATE vi
