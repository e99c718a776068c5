package dk.flis.common.dfdg;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dk.flis.common.calendar.IsoWeek;
import dk.flis.common.reference.Benefits;
import dk.flis.common.yr.YrMonthly;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Ydelsesaktivitet (seed 000 §7.2): every citizen-week of the DFDG weekly population from {@code yr-start} on,
 * with the YR benefit(s) paid that ISO week, or {@value Benefits#UDEN_YDELSE}; one row per citizen × week ×
 * benefit, with the week's visitationskategori and whether the citizen was activated that week.
 */
public final class Ydelsesaktivitet {
    private Ydelsesaktivitet() {}

    /**
     * Citizen × ISO week × benefit with a net positive payment that week (week-parts and corrections summed); with
     * {@code fromWeek} (a maintained run) only the weeks from it, filtered on the calculation's first day so that
     * the restriction reaches the scan.
     */
    public static Dataset<Row> paidBenefitWeeks(Dataset<Row> yr, Optional<Integer> fromWeek) {
        return YrMonthly.byWeek(yr, fromWeek)
                .groupBy("cpr_id", "uge", "ydelse")
                .agg(sum(col("bruttoudgift")).as("bruttoudgift"))
                .where(col("bruttoudgift").gt(0))
                .drop("bruttoudgift");
    }

    /**
     * @param categoryPerWeek  (kommunekode, cpr_id, uge, visitationskategori): the DFDG weekly population
     * @param activationWeeks  fact_dfdg_aktivering_uge
     * @param benefitWeeks     {@link #paidBenefitWeeks}
     * @param benefits         (ydelse, ydelsesgruppe) reference
     */
    public static Dataset<Row> weeks(Dataset<Row> categoryPerWeek, Dataset<Row> activationWeeks,
                                     Dataset<Row> benefitWeeks, Dataset<Row> benefits, LocalDate yrStart) {
        int firstWeek = IsoWeek.key(yrStart);
        Dataset<Row> population = categoryPerWeek.where(col("uge").geq(firstWeek));
        Dataset<Row> activated = activationWeeks.where(col(ActivationSpells.ER_AKTIVERET))
                .groupBy("kommunekode", "cpr_id", "uge")
                .agg(count_distinct(col("aktivitet_id")).as("antal_aktiveringsforloeb"),
                        sort_array(collect_set(col("aktivitetstype"))).as("aktivitetstyper"));
        return population
                .join(benefitWeeks, new String[] {"cpr_id", "uge"}, "left")
                .withColumn("ydelse", coalesce(col("ydelse"), lit(Benefits.UDEN_YDELSE)))
                .join(broadcast(benefits), new String[] {"ydelse"}, "left")
                .withColumn("ydelsesgruppe", when(col("ydelse").equalTo(Benefits.UDEN_YDELSE),
                        lit(Benefits.UDEN_YDELSE)).otherwise(coalesce(col("ydelsesgruppe"),
                        lit(Benefits.ANDEN_YDELSE))))
                .join(activated, new String[] {"kommunekode", "cpr_id", "uge"}, "left")
                .withColumn(ActivationSpells.ER_AKTIVERET, col("antal_aktiveringsforloeb").isNotNull())
                .withColumn("antal_aktiveringsforloeb", coalesce(col("antal_aktiveringsforloeb"), lit(0L)))
                .select("kommunekode", "cpr_id", "uge", "ydelse", "ydelsesgruppe", "visitationskategori",
                        ActivationSpells.ER_AKTIVERET, "antal_aktiveringsforloeb", "aktivitetstyper");
    }
}
