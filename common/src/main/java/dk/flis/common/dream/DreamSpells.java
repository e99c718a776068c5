package dk.flis.common.dream;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dk.flis.common.calendar.IsoWeek;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * DREAM spells and the state after them (SPEC 3.6, seed 002). Weeks are compared by {@link IsoWeek#index}, so
 * 202053 → 202101 is consecutive and a week is "h weeks later" across year ends.
 */
public final class DreamSpells {
    /** The horizons of SPEC 3.6, in weeks: about 1, 3, 6 and 12 months. */
    public static final int[] HORIZONS = {4, 13, 26, 52};

    private DreamSpells() {}

    /**
     * gold.dream_forloeb: maximal runs of consecutive covered weeks in one benefit group (self-supporting weeks are
     * no benefit spell; an uncovered week breaks a run). Ended ({@code afsluttet}) when the week after the last is
     * covered — then by construction in another state. The spell's kommunekode is the one of its last week.
     */
    public static Dataset<Row> spells(Dataset<Row> weeks) {
        WindowSpec perCitizen = Window.partitionBy("cpr_id").orderBy("i");
        Column previous = lag(col("i"), 1).over(perCitizen);
        Column previousGroup = lag(col("ydelsesgruppe"), 1).over(perCitizen);
        Column starts = when(previous.isNull().or(previous.notEqual(col("i").minus(1)))
                .or(previousGroup.notEqual(col("ydelsesgruppe"))), lit(1)).otherwise(lit(0));
        // The citizen's next covered week, from the same window: at a spell's last week it says whether the week
        // after is covered, without a second pass and join over the weeks.
        Dataset<Row> numbered = weeks.select(col("cpr_id"), col("kommunekode"), col("uge"), col("ydelsesgruppe"),
                        IsoWeek.index(col("uge")).as("i"))
                .withColumn("ny", starts)
                .withColumn("forloeb_nr", sum("ny").over(perCitizen.rowsBetween(Window.unboundedPreceding(), 0)))
                .withColumn("naeste_i", lead(col("i"), 1).over(perCitizen));
        return numbered.where(col("ydelsesgruppe").notEqual(DreamWeeks.SELVFORSOERGENDE))
                .groupBy("cpr_id", "forloeb_nr")
                .agg(max_by(col("kommunekode"), col("i")).as("kommunekode"), max(col("ydelsesgruppe"))
                                .as("ydelsesgruppe"), min("uge").as("start_uge"), max("uge").as("slut_uge"),
                        count(lit(1)).cast("int").as("antal_uger"), max("i").as("slut_i"),
                        max_by(col("naeste_i"), col("i")).as("naeste_i"))
                .select(col("kommunekode"), col("cpr_id"), col("ydelsesgruppe"), col("start_uge"), col("slut_uge"),
                        col("antal_uger"), coalesce(col("naeste_i").equalTo(col("slut_i").plus(1)), lit(false))
                                .as("afsluttet"));
    }

    /** gold.dream_forloeb_status: each ended spell's state h weeks after its last week, where that week is covered. */
    public static Dataset<Row> spellStatus(Dataset<Row> spells, Dataset<Row> weeks) {
        return statusAfter(spells.where(col("afsluttet")), weeks)
                .select(col("kommunekode"), col("cpr_id"), col("ydelsesgruppe"), col("slut_uge"),
                        col("horisont_uger"), col("status"));
    }

    /**
     * gold.dream_status_efter_aktivering: for each activation that took place and has ended, the citizen's DREAM
     * state h weeks after the ISO week of its slutdato (the Hjørring query-on-query, inside the lakehouse on
     * cpr_id). The activation's municipality owns the row.
     */
    public static Dataset<Row> statusAfterActivation(Dataset<Row> activations, Dataset<Row> weeks) {
        Dataset<Row> ended = activations.where(col("er_aktiveret").and(col("slutdato").isNotNull()))
                .select(col("kommunekode"), col("cpr_id"), col("aktivitet_id"), col("aktivitetstype"),
                        IsoWeek.keyOf(col("slutdato")).as("slut_uge"));
        return statusAfter(ended, weeks)
                .select(col("kommunekode"), col("cpr_id"), col("aktivitet_id"), col("aktivitetstype"),
                        col("slut_uge"), col("horisont_uger"), col("status"));
    }

    /** Rows with cpr_id and slut_uge × every horizon, inner-joined to the covered week: no row when not covered. */
    private static Dataset<Row> statusAfter(Dataset<Row> ends, Dataset<Row> weeks) {
        Column[] horizons = java.util.Arrays.stream(HORIZONS).mapToObj(h -> lit(h)).toArray(Column[]::new);
        Dataset<Row> targets = ends.withColumn("horisont_uger", explode(array(horizons)))
                .withColumn("t_i", IsoWeek.index(col("slut_uge")).plus(col("horisont_uger")));
        Dataset<Row> states = weeks.select(col("cpr_id").as("s_cpr_id"), IsoWeek.index(col("uge")).as("s_i"),
                col("ydelsesgruppe").as("status"));
        return targets.join(states, col("cpr_id").equalTo(col("s_cpr_id")).and(col("t_i").equalTo(col("s_i"))));
    }
}
