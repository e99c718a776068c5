-- Lemvig (seed 004): refusion % = finansieringsbeløb / bruttoudgift per benefit per quarter, with a total.
WITH kvartaler AS (
  SELECT ydelse, concat(substr(maaned, 1, 4), ' Qtr ', quarter(to_date(maaned, 'yyyy-MM'))) AS kvartal,
         finansieringsbeloeb, bruttoudgift
  FROM gold.fact_yr_udvikling_maaned
  WHERE kommunekode = 665 AND finansieringstype = 'Refusion'
)
SELECT ydelse, kvartal, refusionsprocent FROM (
  SELECT IF(grouping(ydelse) = 1, 'Total', ydelse) AS ydelse, grouping(ydelse) AS er_total, kvartal,
         round(100 * sum(finansieringsbeloeb) / sum(bruttoudgift), 1) AS refusionsprocent
  FROM kvartaler
  GROUP BY GROUPING SETS ((ydelse, kvartal), (kvartal)))
ORDER BY kvartal, er_total, ydelse
