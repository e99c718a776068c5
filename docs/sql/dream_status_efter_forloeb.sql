-- Status 1, 3 and 6 months (4, 13 and 26 weeks) after a programme (seed 002's Brobygningsforløb): per
-- aktivitetstype and horizon, how many citizens are in each DREAM state, and how many in all. A citizen with
-- several programmes of one type counts once per state and once in the total (count DISTINCT at every level).
SELECT aktivitetstype, horisont_uger, status, antal_borgere FROM (
  SELECT aktivitetstype, horisont_uger,
         IF(grouping(status) = 1, 'I alt', status) AS status, grouping(status) AS er_total,
         count(DISTINCT cpr_id) AS antal_borgere
  FROM gold.dream_status_efter_aktivering
  WHERE horisont_uger IN (4, 13, 26)
  GROUP BY GROUPING SETS ((aktivitetstype, horisont_uger, status), (aktivitetstype, horisont_uger)))
ORDER BY aktivitetstype, horisont_uger, er_total, status
