package dk.flis.common.yr;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dk.flis.common.calendar.IsoWeek;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The FLIS "NBI tests" on YR (seed 004; SPEC 3.4): five named rules, each yielding finding rows of one shape in
 * {@code gold.dq_yr_findings}. Week rules work per citizen and ISO week: week-parts of a
 * month-split week and corrections of the same week are summed first, and a week's counter is the highest
 * ydelsestaeller among its rows (the counter is the citizen's, across benefits).
 */
public final class CounterValidation {
    public static final String BRUTTO_OVER_10000 = "BRUTTO_OVER_10000";
    public static final String TAELLER_STAAR_STILLE = "TAELLER_STAAR_STILLE";
    public static final String TAELLER_SPRING = "TAELLER_SPRING";
    public static final String SATS_FORKERT = "SATS_FORKERT";
    public static final String BELOEB_UOVERENSSTEMMELSE = "BELOEB_UOVERENSSTEMMELSE";

    /** Columns of every finding, in order. */
    public static final List<String> COLUMNS = List.of("regel", "kommunekode", "cpr_id", "uge", "ydelse",
            "beregning_id", "ydelsestaeller", "forrige_ydelsestaeller", "bruttoudgift", "sats", "forventet_sats",
            "finansieringsbeloeb", "forventet_finansieringsbeloeb");

    // Every rule reads a citizen's calculations in week order: one shuffle and one sort for all five. A week's
    // figures are those of its peers (RANGE on the int week key), earlier weeks are the keys below it.
    private static final WindowSpec PER_CITIZEN_BY_WEEK = Window.partitionBy(col("cpr_id")).orderBy(col("uge"));
    private static final WindowSpec SAME_WEEK =
            PER_CITIZEN_BY_WEEK.rangeBetween(Window.currentRow(), Window.currentRow());
    private static final WindowSpec EARLIER_WEEKS =
            PER_CITIZEN_BY_WEEK.rangeBetween(Window.unboundedPreceding(), -1);
    private static final String MONEY = "decimal(18,2)";

    private CounterValidation() {}

    public static Dataset<Row> findings(Dataset<Row> yr, RefusionLadder ladder) {
        return findings(yr, ladder, Optional.empty());
    }

    /**
     * The findings of the ISO weeks from {@code fromWeek} (yyyyww) on only, for a maintained run: a week's findings
     * read that week's calculations and, for the counter rules, the week before it, so only those are read.
     *
     * <p>Each calculation carries its citizen-week's figures (kommune of the latest start, benefits, summed
     * bruttoudgift, highest counter) and the previous paid week's; one calculation per week stands for the week in
     * the week rules. Windows over one scan rather than a week aggregate re-read per rule and joined back (a
     * sort-based aggregate, for the benefits' list): 30 → 15 s of a like-for-like run at 0.1 × 36.
     */
    public static Dataset<Row> findings(Dataset<Row> yr, RefusionLadder ladder, Optional<Integer> fromWeek) {
        Dataset<Row> weekFigures = YrMonthly.byWeek(yr, fromWeek.map(IsoWeek::previous))
                .withColumn("uge_kommune", max_by(col("finansieringskommune"), col("beregningsstart")).over(SAME_WEEK))
                .withColumn("uge_ydelse", concat_ws(", ", sort_array(collect_set(col("ydelse")).over(SAME_WEEK))))
                .withColumn("uge_brutto", sum(col("bruttoudgift")).over(SAME_WEEK))
                .withColumn("uge_taeller", max(col("ydelsestaeller")).over(SAME_WEEK))
                .withColumn("ugens_raekke", row_number().over(PER_CITIZEN_BY_WEEK)
                        .equalTo(count(lit(1)).over(EARLIER_WEEKS).plus(1)));
        // Consecutive = the previous paid week is exactly the ISO week before (202053 → 202101).
        Column paidWeek = col("ugens_raekke").and(col("uge_brutto").gt(0));
        Dataset<Row> rows = weekFigures.withColumn("forrige",
                max(when(paidWeek, struct(col("uge"), col("uge_taeller").as("taeller")))).over(EARLIER_WEEKS));

        Column previous = col("forrige.taeller");
        Column still = col("uge_taeller").leq(previous);
        Column counterRule = paidWeek.and(IsoWeek.previousKey(col("uge")).equalTo(col("forrige.uge")))
                .and(still.or(col("uge_taeller").minus(previous).gt(1)));
        Column expected = ladder.expectedSats(col("finansieringstype"), col("uge_taeller"));
        Column net = col("refusion").minus(col("medfinansiering")).minus(col("fleksbidrag"));
        Column all = array(
                when(col("ugens_raekke").and(col("uge_brutto").geq(10000)),
                        weekFinding(lit(BRUTTO_OVER_10000), lit(null))),
                when(counterRule, weekFinding(when(still, lit(TAELLER_STAAR_STILLE)).otherwise(lit(TAELLER_SPRING)),
                        previous)),
                // A calculation without cpr_id or week has no week counter to check its sats against.
                when(col("cpr_id").isNotNull().and(col("uge").isNotNull()).and(expected.isNotNull())
                                .and(col("sats").notEqual(expected)),
                        struct(finding(lit(SATS_FORKERT), col("finansieringskommune"), col("cpr_id"), col("uge"),
                                col("ydelse"), col("beregning_id"), col("uge_taeller"), lit(null), col("bruttoudgift"),
                                col("sats"), expected, col("finansieringsbeloeb"), lit(null)))),
                when(abs(col("finansieringsbeloeb").minus(net)).gt(0.01),
                        struct(finding(lit(BELOEB_UOVERENSSTEMMELSE), col("finansieringskommune"), col("cpr_id"),
                                col("uge"), col("ydelse"), col("beregning_id"), col("ydelsestaeller"), lit(null),
                                col("bruttoudgift"), col("sats"), lit(null), col("finansieringsbeloeb"), net))));
        // Nulls dropped after the explode, not by array_compact: that is a lambda (filter), evaluated interpreted.
        Dataset<Row> found = rows.select(explode(all).as("f")).where(col("f").isNotNull()).select("f.*");
        return fromWeek.map(w -> found.where(col("uge").geq(w))).orElse(found);
    }

    /** A week rule's finding: the week's figures, standing for all its calculations. */
    private static Column weekFinding(Column rule, Column previousCounter) {
        return struct(finding(rule, col("uge_kommune"), col("cpr_id"), col("uge"), col("uge_ydelse"), lit(null),
                col("uge_taeller"), previousCounter, col("uge_brutto"), lit(null), lit(null), lit(null), lit(null)));
    }

    private static Column[] finding(Column rule, Column kommune, Column cprId, Column uge, Column ydelse,
                                    Column beregningId, Column taeller, Column forrigeTaeller, Column brutto,
                                    Column sats, Column forventetSats, Column beloeb, Column forventetBeloeb) {
        return new Column[] {
            rule.as("regel"), kommune.cast("int").as("kommunekode"), cprId.as("cpr_id"),
            uge.cast("int").as("uge"), ydelse.cast("string").as("ydelse"),
            beregningId.cast("string").as("beregning_id"), taeller.cast("int").as("ydelsestaeller"),
            forrigeTaeller.cast("int").as("forrige_ydelsestaeller"), brutto.cast(MONEY).as("bruttoudgift"),
            sats.cast("int").as("sats"), forventetSats.cast("int").as("forventet_sats"),
            beloeb.cast(MONEY).as("finansieringsbeloeb"), forventetBeloeb.cast(MONEY).as("forventet_finansieringsbeloeb")
        };
    }
}
