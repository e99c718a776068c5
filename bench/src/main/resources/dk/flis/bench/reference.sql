-- The DuckDB reference of bench/run: the core of flis-lakehouse written once more, independently, in plain SQL
-- straight over the landing CSVs. bench/run checks that these results equal the Spark gold tables.
-- Placeholders filled in by DuckDbReference: ${visitation_files}, ${yr_files} (SQL lists of paths in delivery
-- order), ${history_start}, ${horizon} (dates of the latest delivery, SPEC 3.2), ${trapper} (the ladders of
-- conf/application.conf as VALUES) and ${kommuner} (the 98 codes). Statements end with a semicolon at the end of
-- a line.

-- The bronze field rules (SPEC 2): a row breaking one goes to quarantine, so it is left out here.
CREATE MACRO ok_cpr(v) AS v IS NOT NULL AND regexp_full_match(v, '[0-9]{10}');
CREATE MACRO ok_kommune(v) AS v IS NOT NULL AND regexp_full_match(v, '[0-9]{3}')
    AND list_contains([${kommuner}], TRY_CAST(v AS INTEGER));
CREATE MACRO ok_date(v) AS v IS NULL
    OR (regexp_full_match(v, '[0-9]{4}-[0-9]{2}-[0-9]{2}') AND try_strptime(v, '%Y-%m-%d') IS NOT NULL);
CREATE MACRO ok_timestamp(v) AS v IS NULL
    OR (regexp_full_match(v, '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}')
        AND try_strptime(v, '%Y-%m-%d %H:%M:%S') IS NOT NULL);
CREATE MACRO ok_int(v) AS v IS NULL OR regexp_full_match(v, '-?[0-9]{1,9}');
CREATE MACRO ok_decimal(v) AS v IS NULL OR regexp_full_match(v, '-?[0-9]{1,16}(\.[0-9]{1,2})?');
CREATE MACRO ok_month(v) AS v IS NULL OR regexp_full_match(v, '[0-9]{4}-(0[1-9]|1[0-2])');

-- Landing rows in file order; rowid keeps that order (the "last line wins" tie-breaker). A row must have exactly
-- the header's fields: two spare columns and null padding show a missing field (the last real column is NULL, as
-- an empty field reads as '' here) and an extra one (_x1 is not NULL, even for an empty trailing field, which
-- read_csv would otherwise accept silently). auto_detect off: the columns are given, no sniffing. Empty fields
-- become NULL afterwards (SPEC 2: empty = null).
CREATE TABLE raw_visitation AS
SELECT nullif(COLUMNS(* EXCLUDE (filename, _x1, _x2)), ''), filename
FROM read_csv(${visitation_files}, delim = ';', header = true, auto_detect = false, filename = true,
              quote = '"', escape = '"', null_padding = true, nullstr = chr(1), ignore_errors = true,
              columns = {'forloeb_id': 'VARCHAR', 'cpr': 'VARCHAR', 'kommunekode': 'VARCHAR',
                           'visitationskategori': 'VARCHAR', 'visitationstidspunkt': 'VARCHAR',
                           'visiterende_organisation': 'VARCHAR', '_x1': 'VARCHAR',
                           '_x2': 'VARCHAR'})
WHERE visiterende_organisation IS NOT NULL AND _x1 IS NULL;

CREATE TABLE raw_yr AS
SELECT nullif(COLUMNS(* EXCLUDE (filename, _x1, _x2)), ''), filename
FROM read_csv(${yr_files}, delim = ';', header = true, auto_detect = false, filename = true,
              quote = '"', escape = '"', null_padding = true, nullstr = chr(1), ignore_errors = true,
              columns = {'beregning_id': 'VARCHAR', 'cpr': 'VARCHAR', 'finansieringskommune': 'VARCHAR',
                           'bopaelskommune': 'VARCHAR', 'betalingskommune': 'VARCHAR',
                           'ydelse': 'VARCHAR', 'finansieringstype': 'VARCHAR', 'sats': 'VARCHAR',
                           'beregningsstart': 'VARCHAR', 'beregningsslut': 'VARCHAR',
                           'koerselsperiode': 'VARCHAR', 'bruttoudgift': 'VARCHAR',
                           'refusion': 'VARCHAR', 'medfinansiering': 'VARCHAR',
                           'fleksbidrag': 'VARCHAR', 'finansieringsbeloeb': 'VARCHAR',
                           'ydelsestaeller': 'VARCHAR', 'genoptjeningstaeller': 'VARCHAR',
                           'funktion': 'VARCHAR', 'dranst': 'VARCHAR', 'e_indkomst_id': 'VARCHAR',
                           '_x1': 'VARCHAR', '_x2': 'VARCHAR'})
WHERE e_indkomst_id IS NOT NULL AND _x1 IS NULL;

-- Latest version of every visitation: the latest delivery, then the last line.
CREATE TABLE visitation AS
SELECT forloeb_id, cpr, CAST(kommunekode AS INTEGER) AS kommunekode, visitationskategori,
       CAST(visitationstidspunkt AS TIMESTAMP) AS visitationstidspunkt, visiterende_organisation,
       regexp_extract(filename, '([0-9]{4}-[0-9]{2})[/\\][^/\\]+$', 1) AS leverance, rowid AS seq
FROM raw_visitation
WHERE ok_cpr(cpr) AND ok_kommune(kommunekode) AND ok_timestamp(visitationstidspunkt)
QUALIFY row_number() OVER (PARTITION BY forloeb_id
                           ORDER BY regexp_extract(filename, '([0-9]{4}-[0-9]{2})[/\\][^/\\]+$', 1) DESC,
                                    rowid DESC) = 1;

-- Spells: of a citizen's visitations on one date the latest time is kept; a spell ends at the next start.
CREATE TABLE fact_dfdg_visitationsforloeb AS
WITH kept AS (
    SELECT *, CAST(visitationstidspunkt AS DATE) AS startdato
    FROM visitation
    QUALIFY row_number() OVER (PARTITION BY cpr, CAST(visitationstidspunkt AS DATE)
                               ORDER BY visitationstidspunkt DESC, leverance DESC, seq DESC) = 1)
SELECT kommunekode, cpr, forloeb_id, visitationskategori, visitationstidspunkt, startdato,
       coalesce(lead(startdato) OVER (PARTITION BY cpr ORDER BY startdato), DATE '9999-12-31') AS slutdato,
       visiterende_organisation
FROM kept;

-- Weekly roll-out: every ISO week with a day in force between the history start and the horizon.
CREATE TABLE fact_dfdg_visitation_uge AS
WITH bounded AS (
    SELECT *, CAST(slutdato - INTERVAL 1 DAY AS DATE) AS sidste_dag,
           greatest(startdato, DATE '${history_start}') AS fra,
           least(CAST(slutdato - INTERVAL 1 DAY AS DATE), DATE '${horizon}') AS til
    FROM fact_dfdg_visitationsforloeb),
weeks AS (
    SELECT *, CAST(unnest(generate_series(CAST(date_trunc('week', fra) AS TIMESTAMP),
                                          CAST(date_trunc('week', til) AS TIMESTAMP), INTERVAL 7 DAY)) AS DATE)
              AS mandag
    FROM bounded
    WHERE fra <= til)
SELECT kommunekode, cpr, forloeb_id, isoyear(mandag) * 100 + week(mandag) AS uge, visitationskategori, startdato,
       datediff('day', greatest(mandag, startdato), least(CAST(mandag + INTERVAL 6 DAY AS DATE), sidste_dag)) + 1
           AS dage_i_kraft
FROM weeks;

-- Ydelsesrefusion: latest version per beregning_id (corrections are rows of their own).
CREATE TABLE yr AS
SELECT beregning_id, cpr, CAST(finansieringskommune AS INTEGER) AS finansieringskommune, ydelse, finansieringstype,
       CAST(sats AS INTEGER) AS sats, CAST(beregningsstart AS DATE) AS beregningsstart, koerselsperiode,
       CAST(bruttoudgift AS DECIMAL(18, 2)) AS bruttoudgift, CAST(refusion AS DECIMAL(18, 2)) AS refusion,
       CAST(medfinansiering AS DECIMAL(18, 2)) AS medfinansiering,
       CAST(fleksbidrag AS DECIMAL(18, 2)) AS fleksbidrag,
       CAST(finansieringsbeloeb AS DECIMAL(18, 2)) AS finansieringsbeloeb,
       CAST(ydelsestaeller AS INTEGER) AS ydelsestaeller, funktion, dranst,
       CAST(date_trunc('week', CAST(beregningsstart AS DATE)) AS DATE) AS mandag,
       isoyear(CAST(beregningsstart AS DATE)) * 100 + week(CAST(beregningsstart AS DATE)) AS uge
FROM raw_yr
WHERE ok_cpr(cpr) AND ok_kommune(finansieringskommune) AND ok_kommune(bopaelskommune)
  AND ok_kommune(betalingskommune) AND ok_int(sats) AND ok_date(beregningsstart) AND ok_date(beregningsslut)
  AND ok_month(koerselsperiode) AND ok_decimal(bruttoudgift) AND ok_decimal(refusion)
  AND ok_decimal(medfinansiering) AND ok_decimal(fleksbidrag) AND ok_decimal(finansieringsbeloeb)
  AND ok_int(ydelsestaeller) AND ok_int(genoptjeningstaeller)
QUALIFY row_number() OVER (PARTITION BY beregning_id
                           ORDER BY regexp_extract(filename, '([0-9]{4}-[0-9]{2})[/\\][^/\\]+$', 1) DESC,
                                    rowid DESC) = 1;

-- Finance: amounts belong to the beregningsperiode (month of beregningsstart), per koerselsperiode, sats, funktion
-- and dranst.
CREATE TABLE fact_yr_finans AS
SELECT finansieringskommune AS kommunekode, koerselsperiode, strftime(beregningsstart, '%Y-%m') AS beregningsperiode,
       ydelse, finansieringstype, sats, funktion, dranst, sum(bruttoudgift) AS bruttoudgift,
       sum(refusion) AS refusion,
       sum(medfinansiering) AS medfinansiering, sum(fleksbidrag) AS fleksbidrag,
       sum(finansieringsbeloeb) AS finansieringsbeloeb, count(*) AS antal_beregninger
FROM yr
GROUP BY ALL;

-- Counter findings work per citizen and ISO week: week parts and corrections summed, the week's highest counter.
CREATE TABLE citizen_week AS
SELECT cpr, uge, any_value(mandag) AS mandag, arg_max(finansieringskommune, beregningsstart) AS kommunekode,
       string_agg(DISTINCT ydelse, ', ' ORDER BY ydelse) AS ydelse, sum(bruttoudgift) AS bruttoudgift,
       max(ydelsestaeller) AS ydelsestaeller
FROM yr
GROUP BY cpr, uge;

-- The ladders as ranges; below the first step (or no counter) the first sats applies.
CREATE TABLE trin AS
WITH steps(finansieringstype, fra, sats) AS (VALUES ${trapper})
SELECT finansieringstype,
       CASE WHEN fra = min(fra) OVER (PARTITION BY finansieringstype) THEN -2147483648 ELSE fra END AS fra,
       coalesce(lead(fra) OVER (PARTITION BY finansieringstype ORDER BY fra) - 1, 2147483647) AS til,
       sats
FROM steps;

CREATE TABLE consecutive_paid AS
SELECT * FROM (
    SELECT *, lag(mandag) OVER w AS forrige_mandag, lag(ydelsestaeller) OVER w AS forrige_taeller
    FROM citizen_week
    WHERE bruttoudgift > 0
    WINDOW w AS (PARTITION BY cpr ORDER BY uge))
WHERE forrige_mandag = CAST(mandag - INTERVAL 7 DAY AS DATE);

CREATE TABLE dq_yr_findings AS
SELECT 'BRUTTO_OVER_10000' AS regel, kommunekode, cpr, uge, ydelse, NULL AS beregning_id, ydelsestaeller,
       NULL AS forrige_ydelsestaeller, bruttoudgift, NULL AS sats, NULL AS forventet_sats,
       NULL AS finansieringsbeloeb, NULL AS forventet_finansieringsbeloeb
FROM citizen_week WHERE bruttoudgift >= 10000
UNION ALL
SELECT 'TAELLER_STAAR_STILLE', kommunekode, cpr, uge, ydelse, NULL, ydelsestaeller, forrige_taeller, bruttoudgift,
       NULL, NULL, NULL, NULL
FROM consecutive_paid WHERE ydelsestaeller <= forrige_taeller
UNION ALL
SELECT 'TAELLER_SPRING', kommunekode, cpr, uge, ydelse, NULL, ydelsestaeller, forrige_taeller, bruttoudgift,
       NULL, NULL, NULL, NULL
FROM consecutive_paid WHERE ydelsestaeller - forrige_taeller > 1
UNION ALL
SELECT 'SATS_FORKERT', y.finansieringskommune, y.cpr, y.uge, y.ydelse, y.beregning_id, w.ydelsestaeller, NULL,
       y.bruttoudgift, y.sats, t.sats, y.finansieringsbeloeb, NULL
FROM yr y
JOIN citizen_week w ON w.cpr = y.cpr AND w.uge = y.uge
JOIN trin t ON t.finansieringstype = y.finansieringstype AND coalesce(w.ydelsestaeller, -1) BETWEEN t.fra AND t.til
WHERE y.sats <> t.sats
UNION ALL
SELECT 'BELOEB_UOVERENSSTEMMELSE', finansieringskommune, cpr, uge, ydelse, beregning_id, ydelsestaeller, NULL,
       bruttoudgift, sats, NULL, finansieringsbeloeb, refusion - medfinansiering - fleksbidrag
FROM yr WHERE abs(finansieringsbeloeb - (refusion - medfinansiering - fleksbidrag)) > 0.01;
