-- "Hvor går de hen?" (seed 002): the DREAM state 13 weeks after uddannelseshjælp spells that ended in the first
-- half of a year (end week 1–26), per year. Citizens count distinct at every level, the year's total included
-- (a citizen with two such spells counts once in the total): never the sum of the rows above it (seed 001).
SELECT aar, status, antal_borgere FROM (
  SELECT s.slut_uge DIV 100 AS aar,
         IF(grouping(s.status) = 1, 'I alt', s.status) AS status, grouping(s.status) AS er_total,
         count(DISTINCT s.cpr_id) AS antal_borgere
  FROM gold.dream_forloeb_status s
  WHERE s.ydelsesgruppe LIKE 'Uddannelseshjælp%' AND s.horisont_uger = 13 AND s.slut_uge % 100 <= 26
  GROUP BY GROUPING SETS ((s.slut_uge DIV 100, s.status), (s.slut_uge DIV 100)))
ORDER BY aar, er_total, status
