package dk.flis.common.benchmark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;

import dk.flis.common.calendar.IsoWeek;
import dk.flis.common.privacy.Suppression;
import dk.flis.common.spark.RollupCounts;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The anonymised cross-municipality benchmarks (seed 000 §7.3, SPEC 3.8): aggregated per municipality and month,
 * distinct citizen counts at every level (GROUPING SETS, never sums of distinct counts), {@code I alt} rows over
 * each dimension, every one of the 98 municipalities in every month, and disclosure control applied last. They
 * hold no cpr, cpr_id, name or organisation.
 *
 * <p>A week belongs to the month of its Thursday (as in agg_dfdg_maaned); months run from {@code yr-start} to the
 * last month the latest delivery is about, so a trailing part-month is never published.
 */
public final class Benchmarks {
    private Benchmarks() {}

    /** kommunekode × maaned for every municipality and every month in [first, last]. */
    public static Dataset<Row> scaffold(Dataset<Row> municipalities, LocalDate first, LocalDate last) {
        SparkSession spark = municipalities.sparkSession();
        // A horizon before the first month (a first delivery of yr-start's month, whose data ends the month
        // before) has no months: zero rows, and bounds the optimizer can still fold.
        boolean none = last.withDayOfMonth(1).isBefore(first.withDayOfMonth(1));
        Dataset<Row> months = spark.range(none ? 0 : 1)
                .select(explode(sequence(lit(first.withDayOfMonth(1)), lit((none ? first : last).withDayOfMonth(1)),
                        org.apache.spark.sql.functions.expr("INTERVAL 1 MONTH"))).as("d"))
                .select(date_format(col("d"), "yyyy-MM").as("maaned"));
        return municipalities.select("kommunekode").crossJoin(months);
    }

    /** Antal borgere 16 til 66 årige per municipality and month, from befolkning. */
    public static Dataset<Row> population16to66(Dataset<Row> befolkning) {
        return befolkning.where(col("alder").between(16, 66))
                .groupBy("kommunekode", "maaned").agg(sum(col("antal")).cast("long").as("antal_borgere_16_66"));
    }

    /**
     * benchmark_ydelsesaktivitet: kommune × month × visitationskategori × ydelsesgruppe.
     *
     * @param ydelsesaktivitet fact_ydelsesaktivitet_uge
     * @param activationWeeks  fact_dfdg_aktivering_uge
     * @param fromMonth        only the months from this one (yyyy-MM), when the others are kept: every cell and
     *                         every suppression line is within one month
     */
    public static Dataset<Row> ydelsesaktivitet(Dataset<Row> ydelsesaktivitet, Dataset<Row> activationWeeks,
                                                Dataset<Row> population, Dataset<Row> scaffold, int minCell,
                                                Optional<String> fromMonth) {
        Column month = date_format(IsoWeek.thursdayOfKey(col("uge")), "yyyy-MM");
        if (fromMonth.isPresent()) {
            // Before the joins and the suppression rounds, which would otherwise run over every month.
            Column wanted = month.geq(fromMonth.get());
            ydelsesaktivitet = ydelsesaktivitet.where(wanted);
            activationWeeks = activationWeeks.where(wanted);
            scaffold = scaffold.where(col("maaned").geq(fromMonth.get()));
        }
        Dataset<Row> activated = activationWeeks.where(col("er_aktiveret"))
                .select("kommunekode", "cpr_id", "uge", "aktivitet_id");
        Dataset<Row> base = ydelsesaktivitet
                .join(activated, new String[] {"kommunekode", "cpr_id", "uge"}, "left")
                .withColumn("maaned", month)
                .join(scaffold, new String[] {"kommunekode", "maaned"}, "left_semi");
        Map<String, String> distinct = new LinkedHashMap<>();
        distinct.put("antal_ydelsesmodtagere", "cpr_id");
        distinct.put("antal_aktiverede", "IF(aktivitet_id IS NOT NULL, cpr_id, NULL)");
        distinct.put("antal_aktiveringsforloeb", "aktivitet_id");
        Dataset<Row> counts = RollupCounts.of(base, List.of("kommunekode", "maaned"),
                        List.of("visitationskategori", "ydelsesgruppe"), Suppression.I_ALT, distinct, Map.of())
                .drop("alle_visitationskategori", "alle_ydelsesgruppe");
        Dataset<Row> everyMunicipality = scaffold
                .withColumn("visitationskategori", lit(Suppression.I_ALT))
                .withColumn("ydelsesgruppe", lit(Suppression.I_ALT))
                .join(counts, new String[] {"kommunekode", "maaned", "visitationskategori", "ydelsesgruppe"},
                        "left_anti")
                .withColumn("antal_ydelsesmodtagere", lit(0L))
                .withColumn("antal_aktiverede", lit(0L))
                .withColumn("antal_aktiveringsforloeb", lit(0L));
        Dataset<Row> table = counts.unionByName(everyMunicipality)
                .join(population, new String[] {"kommunekode", "maaned"}, "left");
        return new Suppression(List.of("kommunekode", "maaned"), List.of("visitationskategori", "ydelsesgruppe"),
                List.of("antal_ydelsesmodtagere", "antal_aktiverede"),
                List.of("antal_ydelsesmodtagere", "antal_aktiverede", "antal_aktiveringsforloeb"),
                "antal_ydelsesmodtagere", minCell)
                .apply(table)
                .select("kommunekode", "maaned", "visitationskategori", "ydelsesgruppe", "antal_borgere_16_66",
                        "antal_ydelsesmodtagere", "antal_aktiverede", "antal_aktiveringsforloeb", "undertrykt");
    }

    /** benchmark_yr: kommune × month × ydelse from fact_yr_person_maaned. */
    public static Dataset<Row> yr(Dataset<Row> personMonths, Dataset<Row> scaffold, int minCell) {
        Dataset<Row> base = personMonths.join(scaffold, new String[] {"kommunekode", "maaned"}, "left_semi");
        String view = "benchmark_yr_base_" + Integer.toHexString(System.identityHashCode(base));
        base.createOrReplaceTempView(view);
        Dataset<Row> counts = base.sparkSession().sql("""
                SELECT kommunekode, maaned, IF(grouping(ydelse) = 1, 'I alt', ydelse) AS ydelse,
                       count(DISTINCT IF(dage > 0, cpr_id, NULL)) AS unik_person,
                       CAST(sum(CAST(fuldtidsperson AS DECIMAL(38, 18))) AS DOUBLE) AS fuldtidspersoner, -- exact: any row order
                       CAST(100 * sum(IF(finansieringstype = 'Refusion', finansieringsbeloeb, 0))
                            / nullif(sum(IF(finansieringstype = 'Refusion', bruttoudgift, 0)), 0) AS DOUBLE)
                         AS refusionsprocent
                FROM %s
                GROUP BY GROUPING SETS ((kommunekode, maaned, ydelse), (kommunekode, maaned))
                """.formatted(view));
        Dataset<Row> everyMunicipality = scaffold.withColumn("ydelse", lit(Suppression.I_ALT))
                .join(counts, new String[] {"kommunekode", "maaned", "ydelse"}, "left_anti")
                .withColumn("unik_person", lit(0L))
                .withColumn("fuldtidspersoner", lit(0.0))
                .withColumn("refusionsprocent", lit(null).cast("double"));
        return new Suppression(List.of("kommunekode", "maaned"), List.of("ydelse"), List.of("unik_person"),
                List.of("unik_person", "fuldtidspersoner", "refusionsprocent"), "unik_person", minCell)
                .apply(counts.unionByName(everyMunicipality))
                .select("kommunekode", "maaned", "ydelse", "unik_person", "fuldtidspersoner", "refusionsprocent",
                        "undertrykt");
    }
}
