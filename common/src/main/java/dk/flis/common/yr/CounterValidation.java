package dk.flis.common.yr;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;

import dk.flis.common.calendar.IsoWeek;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The FLIS "NBI tests" on YR (seed 004; SPEC 3.4), declared as named rules that each yield finding rows of one
 * shape, unioned into {@code gold.dq_yr_findings}. Week rules work per citizen and ISO week: week-parts of a
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

    private static final WindowSpec PER_CITIZEN_BY_WEEK = Window.partitionBy(col("cpr_id")).orderBy(col("uge"));
    private static final String MONEY = "decimal(18,2)";

    private CounterValidation() {}

    /**
     * Per citizen and ISO week: kommune, benefits, summed bruttoudgift and the week's counter, from calculations
     * with their week ({@link YrMonthly#byWeek}).
     */
    private static Dataset<Row> citizenWeeks(Dataset<Row> rows) {
        return rows.groupBy("cpr_id", "uge")
                .agg(max_by(col("finansieringskommune"), col("beregningsstart")).as("kommunekode"),
                        concat_ws(", ", sort_array(collect_set(col("ydelse")))).as("ydelse"),
                        sum(col("bruttoudgift")).as("bruttoudgift"),
                        max(col("ydelsestaeller")).as("ydelsestaeller"));
    }

    public static Dataset<Row> findings(Dataset<Row> yr, RefusionLadder ladder) {
        return findings(yr, ladder, Optional.empty());
    }

    /**
     * The findings of the ISO weeks from {@code fromWeek} (yyyyww) on only, for a maintained run: a week's findings
     * read that week's calculations and, for the counter rules, the week before it, so only those are read.
     */
    public static Dataset<Row> findings(Dataset<Row> yr, RefusionLadder ladder, Optional<Integer> fromWeek) {
        Dataset<Row> rows = YrMonthly.byWeek(yr, fromWeek.map(IsoWeek::previous));
        Dataset<Row> weeks = citizenWeeks(rows);
        Dataset<Row> brutto = weeks.where(col("bruttoudgift").geq(10000))
                .select(finding(BRUTTO_OVER_10000, col("kommunekode"), col("cpr_id"), col("uge"), col("ydelse"),
                        lit(null), col("ydelsestaeller"), lit(null), col("bruttoudgift"), lit(null), lit(null),
                        lit(null), lit(null)));

        // Consecutive = the previous paid week is exactly the ISO week before (202053 → 202101).
        Dataset<Row> paid = weeks.where(col("bruttoudgift").gt(0))
                .withColumn("forrige_uge", lag(col("uge"), 1).over(PER_CITIZEN_BY_WEEK))
                .withColumn("forrige_taeller", lag(col("ydelsestaeller"), 1).over(PER_CITIZEN_BY_WEEK))
                .where(IsoWeek.previousKey(col("uge")).equalTo(col("forrige_uge")));
        Dataset<Row> still = paid.where(col("ydelsestaeller").leq(col("forrige_taeller")))
                .select(counterFinding(TAELLER_STAAR_STILLE));
        Dataset<Row> jump = paid.where(col("ydelsestaeller").minus(col("forrige_taeller")).gt(1))
                .select(counterFinding(TAELLER_SPRING));

        Dataset<Row> rowsWithWeek = rows.join(
                weeks.select(col("cpr_id"), col("uge"), col("ydelsestaeller").as("uge_taeller")),
                new String[] {"cpr_id", "uge"});
        Column expected = ladder.expectedSats(col("finansieringstype"), col("uge_taeller"));
        Dataset<Row> sats = rowsWithWeek.where(expected.isNotNull().and(col("sats").notEqual(expected)))
                .select(finding(SATS_FORKERT, col("finansieringskommune"), col("cpr_id"), col("uge"), col("ydelse"),
                        col("beregning_id"), col("uge_taeller"), lit(null), col("bruttoudgift"), col("sats"),
                        expected, col("finansieringsbeloeb"), lit(null)));

        Column net = col("refusion").minus(col("medfinansiering")).minus(col("fleksbidrag"));
        Dataset<Row> amount = rows.where(abs(col("finansieringsbeloeb").minus(net)).gt(0.01))
                .select(finding(BELOEB_UOVERENSSTEMMELSE, col("finansieringskommune"), col("cpr_id"), col("uge"),
                        col("ydelse"), col("beregning_id"), col("ydelsestaeller"), lit(null), col("bruttoudgift"),
                        col("sats"), lit(null), col("finansieringsbeloeb"), net));
        Dataset<Row> all = brutto.unionByName(still).unionByName(jump).unionByName(sats).unionByName(amount);
        return fromWeek.map(w -> all.where(col("uge").geq(w))).orElse(all);
    }

    private static Column[] counterFinding(String rule) {
        return finding(rule, col("kommunekode"), col("cpr_id"), col("uge"), col("ydelse"), lit(null),
                col("ydelsestaeller"), col("forrige_taeller"), col("bruttoudgift"), lit(null), lit(null), lit(null),
                lit(null));
    }

    private static Column[] finding(String rule, Column kommune, Column cprId, Column uge, Column ydelse,
                                    Column beregningId, Column taeller, Column forrigeTaeller, Column brutto,
                                    Column sats, Column forventetSats, Column beloeb, Column forventetBeloeb) {
        return new Column[] {
            lit(rule).as("regel"), kommune.cast("int").as("kommunekode"), cprId.as("cpr_id"),
            uge.cast("int").as("uge"), ydelse.cast("string").as("ydelse"),
            beregningId.cast("string").as("beregning_id"), taeller.cast("int").as("ydelsestaeller"),
            forrigeTaeller.cast("int").as("forrige_ydelsestaeller"), brutto.cast(MONEY).as("bruttoudgift"),
            sats.cast("int").as("sats"), forventetSats.cast("int").as("forventet_sats"),
            beloeb.cast(MONEY).as("finansieringsbeloeb"), forventetBeloeb.cast(MONEY).as("forventet_finansieringsbeloeb")
        };
    }
}
