-- Lemvig (seed 004): citizens on refusion per benefit and ladder step (sats), the last 12 months.
-- Each citizen counts once per benefit, on the step of their latest month in the window; the total counts
-- each citizen once per step (distinct), not the sum of the rows above it.
WITH vindue AS (
  SELECT date_format(add_months(to_date(max(maaned), 'yyyy-MM'), -11), 'yyyy-MM') AS fra, max(maaned) AS til
  FROM gold.fact_yr_person_maaned WHERE kommunekode = 665
),
seneste AS (
  SELECT p.ydelse, p.cpr_id, max_by(p.trin_sats, p.maaned) AS trin_sats
  FROM gold.fact_yr_person_maaned p CROSS JOIN vindue v
  WHERE p.kommunekode = 665 AND p.finansieringstype = 'Refusion' AND p.dage > 0
    AND p.maaned BETWEEN v.fra AND v.til
  GROUP BY p.ydelse, p.cpr_id
)
SELECT ydelse, pct_20, pct_30, pct_40, pct_80 FROM (
  SELECT IF(grouping(ydelse) = 1, 'Total', ydelse) AS ydelse, grouping(ydelse) AS er_total,
         count(DISTINCT IF(trin_sats = 20, cpr_id, NULL)) AS pct_20,
         count(DISTINCT IF(trin_sats = 30, cpr_id, NULL)) AS pct_30,
         count(DISTINCT IF(trin_sats = 40, cpr_id, NULL)) AS pct_40,
         count(DISTINCT IF(trin_sats = 80, cpr_id, NULL)) AS pct_80
  FROM seneste
  GROUP BY ROLLUP (ydelse))
ORDER BY er_total, ydelse
