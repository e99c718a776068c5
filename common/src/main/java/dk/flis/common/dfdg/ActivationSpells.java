package dk.flis.common.dfdg;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;

import dk.flis.common.calendar.WeeklyRollout;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Aktiveringsforløb (seed 000 §5.1.3, §6.3, §6.6; SPEC 3.2–3.3). An activation is in force from
 * {@code startdato} through {@code slutdato} inclusive (null = ongoing). It counts as "aktiveret" only when it took
 * place: Planlagt, Henvist and Annulleret never did, and rows with aarsag Fejloprettet were registered by mistake.
 */
public final class ActivationSpells {
    public static final List<String> TOOK_PLACE = List.of("Optaget", "Gennemført", "Afbrudt", "Ansat", "Afsluttet");
    public static final String FEJLOPRETTET = "Fejloprettet";
    public static final String ER_AKTIVERET = "er_aktiveret";
    public static final String DAGE_AKTIVERET = "dage_aktiveret";
    /** The label aggregates give a citizen-week without any visitation spell in force. */
    public static final String UDEN_VISITATION = "Uden visitation";

    private ActivationSpells() {}

    public static Column erAktiveret() {
        return col("status").isin(TOOK_PLACE.toArray())
                .and(coalesce(col("aarsag"), lit("")).notEqual(FEJLOPRETTET));
    }

    /** Flags every spell (all rows are kept) and counts its days in force up to the horizon. */
    public static Dataset<Row> spells(Dataset<Row> activations, WeeklyRollout rollout) {
        Column lastDay = least(coalesce(col("slutdato"), lit(rollout.horizon())), lit(rollout.horizon()));
        return activations
                .withColumn(ER_AKTIVERET, erAktiveret())
                .withColumn(DAGE_AKTIVERET, greatest(lit(0), datediff(lastDay, col("startdato")).plus(1)));
    }

    /** One row per activation × ISO week in force; {@code dage_aktiveret} = the week's days inside the spell. */
    public static Dataset<Row> weeks(Dataset<Row> spells, WeeklyRollout rollout) {
        return rollout.explodeWeeks(spells.drop(DAGE_AKTIVERET), col("startdato"), col("slutdato"))
                .withColumnRenamed(WeeklyRollout.DAGE_I_KRAFT, DAGE_AKTIVERET);
    }

    /**
     * The visitation category of each citizen-week: the one in force at the end of the week (the latest-starting
     * spell of that week), so a week is never counted under two categories.
     *
     * <p>A citizen's spells never share a day (each ends where the next starts, {@link VisitationSpells}), so a
     * week one spell is in force all seven days of is that spell's alone and passes as it is; only part-weeks (a
     * spell's first and last) can meet another spell's and are compared — a sort-based aggregate (the category is
     * a string) over a few rows per spell instead of over every citizen-week. The union is hash-partitioned on the
     * readers' join keys, as the aggregate's output was, so a reader joins the cached view without shuffling it.
     */
    public static Dataset<Row> categoryPerWeek(Dataset<Row> visitationWeeks) {
        Column wholeWeek = coalesce(col(WeeklyRollout.DAGE_I_KRAFT), lit(0)).equalTo(7);
        Dataset<Row> whole = visitationWeeks.where(wholeWeek)
                .select("kommunekode", "cpr_id", WeeklyRollout.UGE, "visitationskategori");
        Dataset<Row> partWeeks = visitationWeeks.where(not(wholeWeek))
                .groupBy("kommunekode", "cpr_id", WeeklyRollout.UGE)
                .agg(max(struct(col("startdato"), col("visitationskategori"))).as("s"))
                .select(col("kommunekode"), col("cpr_id"), col(WeeklyRollout.UGE),
                        col("s.visitationskategori").as("visitationskategori"));
        return whole.unionByName(partWeeks).repartition(col("kommunekode"), col("cpr_id"), col(WeeklyRollout.UGE));
    }

    /**
     * Adds the citizen-week's visitation category: null when no visitation spell is in force that week, also when
     * no visitation was ever delivered (SPEC 3.9: the empty side of a join). Aggregates label it
     * {@value #UDEN_VISITATION}.
     */
    public static Dataset<Row> withVisitationCategory(Dataset<Row> weeks, Dataset<Row> categoryPerWeek) {
        return weeks.join(categoryPerWeek, new String[] {"kommunekode", "cpr_id", WeeklyRollout.UGE}, "left");
    }
}
