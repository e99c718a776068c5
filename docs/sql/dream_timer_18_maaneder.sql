-- Hours in work within 18 months of a programme start (seed 002's IPS follow-up), per municipality and
-- aktivitetstype. DREAM has no hours, so the proxy is 37 hours × beskaeftigelsesgrad for each covered week among
-- the 78 weeks from the week of the citizen's first start of that programme type (a second programme of the
-- same type does not count the same weeks twice). A week without a delivered degree counts 0 hours.
WITH start AS (
  SELECT kommunekode, aktivitetstype, cpr_id, to_date(date_trunc('week', min(startdato))) AS fra
  FROM gold.fact_dfdg_aktivering
  WHERE er_aktiveret AND startdato IS NOT NULL
  GROUP BY kommunekode, aktivitetstype, cpr_id
),
pr_borger AS (
  SELECT s.kommunekode, s.aktivitetstype, s.cpr_id, coalesce(sum(37 * u.beskaeftigelsesgrad), 0) AS timer
  FROM start s
  LEFT JOIN gold.dream_uge u
    ON u.cpr_id = s.cpr_id AND u.uge_mandag >= s.fra AND u.uge_mandag < date_add(s.fra, 78 * 7)
  GROUP BY s.kommunekode, s.aktivitetstype, s.cpr_id
)
SELECT kommunekode, aktivitetstype, count(DISTINCT cpr_id) AS antal_borgere,
       cast(sum(timer) AS DECIMAL(12, 2)) AS timer_i_alt,
       cast(sum(timer) / count(DISTINCT cpr_id) AS DECIMAL(12, 2)) AS timer_pr_borger
FROM pr_borger
GROUP BY kommunekode, aktivitetstype
ORDER BY kommunekode, aktivitetstype
