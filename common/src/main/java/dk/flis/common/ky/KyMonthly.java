package dk.flis.common.ky;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import dk.flis.common.privacy.Suppression;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * KY monthly measures (seed 003 §7.10–7.13, §8.1; SPEC 3.5): benefit days and full-time persons per person, month
 * and ydelsesart; the municipality aggregate {@code agg_ky_maaned}; and {@code benchmark_ky}.
 */
public final class KyMonthly {
    private static final Column MONTH_STEP = expr("INTERVAL 1 MONTH");

    private KyMonthly() {}

    /**
     * Months (first days) from {@code from}'s month through {@code to}'s month; none when to < from (a benefit that
     * ends before it starts, a case closed before its start): Spark's {@code sequence} would fail the whole run on
     * such a row instead of giving an empty range.
     */
    static Column months(Column from, Column to) {
        Column first = trunc(from, "month");
        Column last = trunc(to, "month");
        return explode(when(last.geq(first), sequence(first, last, MONTH_STEP)));
    }

    /**
     * One row per benefit × month it runs in, up to {@code lastDay} (an open benefit runs to it): the days inside
     * the month ({@code dage}) and the benefit's whole duration so far ({@code varighed_dage}).
     */
    public static Dataset<Row> benefitMonths(Dataset<Row> benefits, LocalDate lastDay) {
        Column end = least(coalesce(col("slutdato"), lit(lastDay)), lit(lastDay));
        return benefits.where(col("startdato").leq(lit(lastDay)))
                .withColumn("_slut", end)
                .withColumn("_m", months(col("startdato"), col("_slut")))
                .withColumn("maaned", date_format(col("_m"), "yyyy-MM"))
                .withColumn("dage", datediff(least(col("_slut"), last_day(col("_m"))),
                        greatest(col("startdato"), col("_m"))).plus(1))
                .withColumn("varighed_dage", datediff(col("_slut"), col("startdato")).plus(1))
                .drop("_m", "_slut");
    }

    /**
     * fact_ky_ydelse_maaned (SPEC 3.5): kommune × month × ydelsesart × ydelsestype × person. Days with the benefit in
     * the month (overlapping benefits of one kind counted once per day would need day-level data; benefits of the
     * same kind are summed, capped at the month), fuldtidsperson = days ÷ days in the month. A recipient that is
     * not a person is a case, never a person: it has no row here.
     */
    public static Dataset<Row> personMonths(Dataset<Row> benefitMonths) {
        Column daysInMonth = dayofmonth(last_day(to_date(col("maaned"), "yyyy-MM")));
        return benefitMonths.where(col("ydelsesmodtager_cpr_id").isNotNull())
                .groupBy(col("kommunekode"), col("maaned"), col("ydelsesart"), col("ydelsestype"),
                        col("ydelsesmodtager_cpr_id").as("cpr_id"))
                .agg(sum(col("dage")).as("dage"), sum(col("beloeb")).as("beloeb"),
                        org.apache.spark.sql.functions.count_distinct(col("sag_id")).as("antal_sager"))
                .withColumn("dage", least(col("dage"), daysInMonth))
                .withColumn("fuldtidsperson", col("dage").divide(daysInMonth).cast("double"));
    }

    /**
     * agg_ky_maaned: kommune × month × ydelsesart, plus {@code I alt} over ydelsesart. A case counts in every month
     * from its start through the month it closes (open cases through {@code lastMonth}); oprettede / afsluttede
     * sagsbehandlinger / afsluttede sager in the month of the start / first decision / close; a task likewise from
     * its creation through its end. Averages are over the cases (tasks, benefits) counted in the row. Every citizen
     * count is distinct at every level.
     */
    public static Dataset<Row> aggregate(Dataset<Row> cases, Dataset<Row> tasks, Dataset<Row> benefitMonths,
                                         String lastMonth) {
        Column last = to_date(lit(lastMonth), "yyyy-MM");
        Dataset<Row> caseMonths = cases.where(col("sagsbehandling_start").isNotNull())
                .withColumn("_m", months(col("sagsbehandling_start"),
                        least(coalesce(to_date(col("afsluttet_maaned"), "yyyy-MM"), last), last)))
                .withColumn("maaned", date_format(col("_m"), "yyyy-MM"));
        Dataset<Row> taskMonths = tasks.join(cases.select("sag_id", "ydelsesart"), new String[] {"sag_id"}, "left")
                .where(col("oprettet_tidspunkt").isNotNull())
                .withColumn("_m", months(col("oprettet_tidspunkt"),
                        least(coalesce(to_date(col("afsluttet_maaned"), "yyyy-MM"), last), last)))
                .withColumn("maaned", date_format(col("_m"), "yyyy-MM"));
        String cv = "ky_cases_" + Integer.toHexString(System.identityHashCode(caseMonths));
        String tv = "ky_tasks_" + Integer.toHexString(System.identityHashCode(taskMonths));
        String bv = "ky_benefits_" + Integer.toHexString(System.identityHashCode(benefitMonths));
        caseMonths.createOrReplaceTempView(cv);
        taskMonths.createOrReplaceTempView(tv);
        benefitMonths.createOrReplaceTempView(bv);
        String ydelsesart = "IF(grouping(ydelsesart) = 1, 'I alt', coalesce(ydelsesart, 'Ukendt')) AS ydelsesart";
        String grouping = "GROUP BY GROUPING SETS ((kommunekode, maaned, ydelsesart), (kommunekode, maaned))";
        Dataset<Row> c = cases.sparkSession().sql("""
                SELECT kommunekode, maaned, %s,
                       count(DISTINCT sag_id) AS antal_sager,
                       count(DISTINCT IF(start_maaned = maaned, sag_id, NULL)) AS antal_oprettede_sager,
                       count(DISTINCT IF(sagsbehandling_afsluttet_maaned = maaned, sag_id, NULL))
                         AS antal_afsluttede_sagsbehandlinger,
                       count(DISTINCT IF(afsluttet_maaned = maaned, sag_id, NULL)) AS antal_afsluttede_sager,
                       avg(sagsbehandlingstid_min) AS gns_sagsbehandlingstid_min,
                       avg(sagstid_min) AS gns_sagstid_min,
                       count(DISTINCT bevillingsmodtager_cpr_id) AS unik_bevillingsmodtagere,
                       count(DISTINCT ydelsesmodtager_cpr_id) AS unik_ydelsesmodtagere_sager
                FROM %s %s""".formatted(ydelsesart, cv, grouping));
        Dataset<Row> t = cases.sparkSession().sql("""
                SELECT kommunekode, maaned, %s,
                       count(DISTINCT opgave_id) AS antal_opgaver,
                       avg(opgavetid_min) AS gns_opgavetid_min,
                       count(DISTINCT IF(oprettet_maaned = maaned, opgave_id, NULL)) AS antal_oprettede_opgaver,
                       count(DISTINCT IF(afsluttet_maaned = maaned, opgave_id, NULL)) AS antal_afsluttede_opgaver,
                       count(DISTINCT IF(afsluttet_maaned IS NULL OR afsluttet_maaned > maaned, opgave_id, NULL))
                         AS antal_aabne_opgaver,
                       count(DISTINCT IF(sag_id IS NOT NULL, opgave_id, NULL)) AS antal_opgaver_med_sag,
                       sum(IF(sag_id IS NOT NULL, opgavetid_min, NULL)) AS opgavetid_med_sag_min,
                       count(DISTINCT IF(sag_id IS NOT NULL AND opgavetid_min IS NOT NULL, sag_id, NULL))
                         AS sager_med_opgavetid
                FROM %s %s""".formatted(ydelsesart, tv, grouping));
        Dataset<Row> b = cases.sparkSession().sql("""
                SELECT kommunekode, maaned, %s,
                       count(DISTINCT ydelsesmodtager_cpr_id) AS antal_modtagere,
                       count(DISTINCT ydelsesmodtager_cpr_id) AS unik_person,
                       count(DISTINCT IF(ydelsesmodtager_cpr_id IS NOT NULL,
                                         concat(ydelsesmodtager_cpr_id, '|', ydelsesart), NULL)) AS antal_personer,
                       avg(varighed_dage) AS gns_ydelsestid_dage,
                       CAST(sum(IF(ydelsesmodtager_cpr_id IS NOT NULL, dage, 0))
                            / any_value(day(last_day(to_date(maaned, 'yyyy-MM')))) AS DOUBLE) AS fuldtidspersoner
                FROM %s %s""".formatted(ydelsesart, bv, grouping));
        String[] keys = {"kommunekode", "maaned", "ydelsesart"};
        Dataset<Row> all = c.join(t, keys, "full").join(b, keys, "full");
        List<String> counts = List.of("antal_sager", "antal_oprettede_sager", "antal_afsluttede_sagsbehandlinger",
                "antal_afsluttede_sager", "unik_bevillingsmodtagere", "unik_ydelsesmodtagere_sager", "antal_opgaver",
                "antal_oprettede_opgaver", "antal_afsluttede_opgaver", "antal_aabne_opgaver", "antal_modtagere",
                "unik_person", "antal_personer");
        for (String n : counts) {
            all = all.withColumn(n, coalesce(col(n), lit(0L)));
        }
        return all
                .withColumn("sager_pr_unik_bevillingsmodtager",
                        ratio(col("antal_sager"), col("unik_bevillingsmodtagere")))
                .withColumn("sager_pr_unik_ydelsesmodtager",
                        ratio(col("antal_sager"), col("unik_ydelsesmodtagere_sager")))
                .withColumn("gns_opgaver_pr_sag", ratio(coalesce(col("antal_opgaver_med_sag"), lit(0L)),
                        col("antal_sager")))
                .withColumn("gns_opgavetid_pr_sag_min", ratio(col("opgavetid_med_sag_min"),
                        col("sager_med_opgavetid")))
                .withColumn("fuldtidspersoner", coalesce(col("fuldtidspersoner"), lit(0.0)))
                .select("kommunekode", "maaned", "ydelsesart", "antal_sager", "antal_oprettede_sager",
                        "antal_afsluttede_sagsbehandlinger", "antal_afsluttede_sager", "gns_sagsbehandlingstid_min",
                        "gns_sagstid_min", "unik_bevillingsmodtagere", "sager_pr_unik_bevillingsmodtager",
                        "sager_pr_unik_ydelsesmodtager", "antal_opgaver", "gns_opgavetid_min",
                        "antal_oprettede_opgaver", "antal_afsluttede_opgaver", "antal_aabne_opgaver",
                        "gns_opgaver_pr_sag", "gns_opgavetid_pr_sag_min", "antal_modtagere", "gns_ydelsestid_dage",
                        "fuldtidspersoner", "antal_personer", "unik_person");
    }

    private static Column ratio(Column a, Column b) {
        return org.apache.spark.sql.functions.when(b.gt(0), a.divide(b).cast("double"));
    }

    /**
     * benchmark_ky: every municipality in every month from the first KY month through {@code lastMonth}, per
     * ydelsesart and {@code I alt}. Months before a municipality's own first KY data are "no data" (null counts,
     * {@code har_data = false}), not zeros. A count of cases or persons of 1 … min-cell−1 — and the averages over
     * those cases — are suppressed through the shared disclosure control.
     */
    public static Dataset<Row> benchmark(Dataset<Row> agg, Dataset<Row> municipalities, String lastMonth,
                                         int minCell) {
        Dataset<Row> firstMonth = agg.where(col("ydelsesart").equalTo(Suppression.I_ALT))
                .groupBy("kommunekode").agg(org.apache.spark.sql.functions.min("maaned").as("ky_start"));
        Dataset<Row> nationalStart = firstMonth.agg(org.apache.spark.sql.functions.min("ky_start").as("start"));
        Dataset<Row> scaffold = municipalities.select("kommunekode").crossJoin(nationalStart)
                .where(col("start").isNotNull())
                .withColumn("_m", months(to_date(col("start"), "yyyy-MM"), to_date(lit(lastMonth), "yyyy-MM")))
                .select(col("kommunekode"), date_format(col("_m"), "yyyy-MM").as("maaned"))
                .withColumn("ydelsesart", lit(Suppression.I_ALT));
        Dataset<Row> published = agg.select("kommunekode", "maaned", "ydelsesart", "antal_sager", "fuldtidspersoner",
                "unik_bevillingsmodtagere", "unik_person", "gns_sagsbehandlingstid_min", "gns_opgavetid_min")
                .withColumnRenamed("unik_person", "unik_ydelsesmodtagere");
        Dataset<Row> missing = scaffold.join(published, new String[] {"kommunekode", "maaned", "ydelsesart"},
                "left_anti")
                .join(firstMonth, new String[] {"kommunekode"}, "left")
                .withColumn("_data", col("ky_start").isNotNull().and(col("maaned").geq(col("ky_start"))))
                .select(col("kommunekode"), col("maaned"), col("ydelsesart"),
                        org.apache.spark.sql.functions.when(col("_data"), lit(0L)).as("antal_sager"),
                        org.apache.spark.sql.functions.when(col("_data"), lit(0.0)).as("fuldtidspersoner"),
                        org.apache.spark.sql.functions.when(col("_data"), lit(0L)).as("unik_bevillingsmodtagere"),
                        org.apache.spark.sql.functions.when(col("_data"), lit(0L)).as("unik_ydelsesmodtagere"),
                        lit(null).cast("double").as("gns_sagsbehandlingstid_min"),
                        lit(null).cast("double").as("gns_opgavetid_min"));
        Dataset<Row> table = published.join(scaffold.select("kommunekode", "maaned").distinct(),
                        new String[] {"kommunekode", "maaned"}, "left_semi")
                .unionByName(missing)
                .withColumn("har_data", col("antal_sager").isNotNull());
        String[] columns = {"kommunekode", "maaned", "ydelsesart", "antal_sager", "fuldtidspersoner",
            "unik_bevillingsmodtagere", "unik_ydelsesmodtagere", "gns_sagsbehandlingstid_min", "gns_opgavetid_min",
            "har_data", Suppression.UNDERTRYKT};
        // A month without data has nothing to hide: only months with data go through disclosure control.
        Dataset<Row> suppressed = new Suppression(List.of("kommunekode", "maaned"), List.of("ydelsesart"),
                List.of("antal_sager", "unik_bevillingsmodtagere", "unik_ydelsesmodtagere"),
                List.of("antal_sager", "fuldtidspersoner", "unik_bevillingsmodtagere", "unik_ydelsesmodtagere",
                        "gns_sagsbehandlingstid_min", "gns_opgavetid_min"), "antal_sager", minCell)
                .apply(table.where(col("har_data")))
                .selectExpr(columns);
        return suppressed.unionByName(table.where(org.apache.spark.sql.functions.not(col("har_data")))
                .withColumn(Suppression.UNDERTRYKT, lit(false)).selectExpr(columns));
    }
}
