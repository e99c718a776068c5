package dk.flis.common.yr;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import dk.flis.common.calendar.IsoWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;

/**
 * The YR finance and development models (seed 004, seed 001 §3.1). Amounts belong to the
 * {@code beregningsperiode} (month of beregningsstart); corrections arrive as negative rows in a later
 * {@code koerselsperiode} and are summed into the period they correct. A month-split week contributes its two parts
 * to their own months.
 */
public final class YrMonthly {
    private static final List<String> AMOUNTS =
            List.of("bruttoudgift", "refusion", "medfinansiering", "fleksbidrag", "finansieringsbeloeb");

    private YrMonthly() {}

    public static Column beregningsperiode() {
        return date_format(col("beregningsstart"), "yyyy-MM");
    }

    /**
     * "Finansieringsbeløb fordelt på periode, sats og gruppering" and "fordelt på funktion, dranst og ydelse"
     * (seed 001, 004): each is one GROUP BY away from this grain.
     */
    public static Dataset<Row> finance(Dataset<Row> yr) {
        return withAmounts(yr.withColumn("beregningsperiode", beregningsperiode())
                        .groupBy(col("finansieringskommune").as("kommunekode"), col("koerselsperiode"),
                                col("beregningsperiode"), col("ydelse"), col("finansieringstype"), col("sats"),
                                col("funktion"), col("dranst")),
                count(lit(1)).as("antal_beregninger"));
    }

    /**
     * The calculations with {@code uge}, the ISO week of their first day (a calculation counts in the week it starts
     * in); with {@code fromWeek} (a maintained run) only those from that week on, filtered on {@code beregningsstart}
     * itself so that the restriction reaches the scan.
     */
    public static Dataset<Row> byWeek(Dataset<Row> yr, Optional<Integer> fromWeek) {
        return fromWeek.map(w -> yr.where(col("beregningsstart").geq(lit(IsoWeek.mondayOf(w))))).orElse(yr)
                .withColumn("uge", IsoWeek.keyOf(col("beregningsstart")));
    }

    /**
     * "Antal Person uge" (seed 004): citizen × ISO week × ydelse, week-parts of a month-split week and corrections
     * together. The counters are the citizen's, across benefits: the week's highest ydelsestæller and
     * genoptjeningstæller, with their interval and genoptjening groupings. {@code dage} counts the distinct paid
     * days of the week (a correction of the same days does not count them twice).
     */
    public static Dataset<Row> personWeeks(Dataset<Row> yr, RefusionLadder ladder, Optional<Integer> fromWeek) {
        // Only the weeks from fromWeek (a maintained run): every row of a week comes from that week's calculations.
        Dataset<Row> rows = byWeek(yr, fromWeek);
        Dataset<Row> counters = rows.groupBy("cpr_id", "uge")
                .agg(max(col("ydelsestaeller")).as("ydelsestaeller"),
                        max(col("genoptjeningstaeller")).as("genoptjeningstaeller"));
        Dataset<Row> days = paidDays(rows, "uge");
        Dataset<Row> amounts = withAmounts(rows.groupBy("finansieringskommune", "cpr_id", "ydelse", "uge"),
                max(col("finansieringstype")).as("finansieringstype"), count(lit(1)).as("antal_beregninger"));
        return amounts.join(days, new String[] {"finansieringskommune", "cpr_id", "ydelse", "uge"}, "left")
                .join(counters, new String[] {"cpr_id", "uge"})
                .select(col("finansieringskommune").as("kommunekode"), col("cpr_id"), col("uge"), col("ydelse"),
                        col("finansieringstype"), col("ydelsestaeller"), ladder.interval(col("ydelsestaeller"))
                                .as("interval"), col("genoptjeningstaeller"),
                        genoptjening(col("genoptjeningstaeller")).as("genoptjening"),
                        coalesce(col("dage"), lit(0L)).as("dage"), col("bruttoudgift"), col("refusion"),
                        col("medfinansiering"), col("fleksbidrag"), col("finansieringsbeloeb"),
                        col("antal_beregninger"));
    }

    /**
     * The genoptjening grouping of a genoptjeningstæller (weeks of self-support; 52 within 3 years resets the
     * ydelsestæller, SPEC 3.4): {@code 0}, {@code 1-25}, {@code 26-51}, {@code 52+}.
     */
    public static Column genoptjening(Column taeller) {
        return when(taeller.isNull(), lit(null).cast("string"))
                .when(taeller.leq(0), lit("0"))
                .when(taeller.leq(25), lit("1-25"))
                .when(taeller.leq(51), lit("26-51"))
                .otherwise(lit("52+"));
    }

    /**
     * Citizen × benefit × month: days with the benefit (distinct paid week-parts, so a correction of the same days
     * does not count them twice), fuldtidsperson = days ÷ days in the month, the amounts, and the week counter.
     */
    public static Dataset<Row> personMonths(Dataset<Row> yr, RefusionLadder ladder, Optional<String> fromMonth) {
        // Only the months from fromMonth (a maintained run): every row of a month comes from that month's calculations.
        Dataset<Row> rows = fromMonth.map(m -> yr.where(col("beregningsstart")
                        .geq(lit(java.time.YearMonth.parse(m).atDay(1))))).orElse(yr)
                .withColumn("maaned", beregningsperiode());
        Dataset<Row> days = paidDays(rows, "maaned");
        Dataset<Row> amounts = withAmounts(rows.groupBy("finansieringskommune", "cpr_id", "ydelse", "maaned"),
                max(col("finansieringstype")).as("finansieringstype"),
                max(col("ydelsestaeller")).as("ydelsestaeller"),
                max(col("genoptjeningstaeller")).as("genoptjeningstaeller"),
                max_by(col("bopaelskommune"), col("beregningsstart")).as("bopaelskommune"),
                max_by(col("betalingskommune"), col("beregningsstart")).as("betalingskommune"));
        Column daysInMonth = dayofmonth(last_day(to_date(col("maaned"), "yyyy-MM")));
        return amounts.join(days, new String[] {"finansieringskommune", "cpr_id", "ydelse", "maaned"}, "left")
                .withColumnRenamed("finansieringskommune", "kommunekode")
                .withColumn("dage", when(col("dage").isNull(), lit(0)).otherwise(col("dage")))
                .withColumn("fuldtidsperson", least(lit(1.0), col("dage").divide(daysInMonth)))
                .withColumn("interval", ladder.interval(col("ydelsestaeller")))
                .withColumn("genoptjening", genoptjening(col("genoptjeningstaeller")))
                .withColumn("trin_sats", ladder.expectedSats(col("finansieringstype"), col("ydelsestaeller")));
    }

    /**
     * Kommune × month × ydelse (× extra dimensions such as interval, bopaelskommune), from {@link #personMonths}.
     * antal_personer counts (person, ydelse) pairs and unik_person persons; at this grain they are equal — across
     * benefits count {@code fact_yr_person_maaned} again instead of adding unik_person up.
     */
    public static Dataset<Row> development(Dataset<Row> personMonths, String... extraDimensions) {
        Column brutto = col("bruttoudgift");
        Column finans = col("finansieringsbeloeb");
        List<Column> keys = new ArrayList<>(List.of(col("kommunekode"), col("maaned"), col("ydelse")));
        for (String d : extraDimensions) {
            keys.add(col(d));
        }
        return personMonths.groupBy(keys.toArray(Column[]::new))
                // Summed exactly: a double sum depends on row order, and gold must not (a MERGE reorders files).
                .agg(sum(col("fuldtidsperson").cast("decimal(38,18)")).cast("double").as("fuldtidspersoner"),
                        count_distinct(when(col("dage").gt(0), col("cpr_id"))).as("antal_personer"),
                        count_distinct(when(col("dage").gt(0), col("cpr_id"))).as("unik_person"),
                        max(col("finansieringstype")).as("finansieringstype"),
                        sum(brutto).as("bruttoudgift"), sum(col("refusion")).as("refusion"),
                        sum(col("medfinansiering")).as("medfinansiering"), sum(col("fleksbidrag")).as("fleksbidrag"),
                        sum(finans).as("finansieringsbeloeb"))
                .withColumn("refusionsprocent", when(col("finansieringstype").equalTo(RefusionLadder.REFUSION)
                        .and(brutto.notEqual(0)), finans.multiply(100.0).divide(brutto).cast("double")))
                .withColumn("medfinansieringsprocent",
                        when(col("finansieringstype").equalTo(RefusionLadder.MEDFINANSIERING)
                                .and(brutto.notEqual(0)),
                                col("medfinansiering").multiply(100.0).divide(brutto).cast("double")))
                .withColumn("bruttoudgift_pr_fuldtidsperson", when(col("fuldtidspersoner").gt(0),
                        brutto.divide(col("fuldtidspersoner")).cast("double")))
                .withColumn("kommunal_finansieringsudgift", brutto.minus(finans))
                .withColumn("kommunal_finansieringsandel", when(brutto.notEqual(0),
                        brutto.minus(finans).multiply(100.0).divide(brutto).cast("double")));
    }

    /**
     * Days of the distinct paid week-parts (bruttoudgift > 0) per kommune, citizen, ydelse and period: two payments
     * for the same days count them once, and negative corrections add none.
     */
    private static Dataset<Row> paidDays(Dataset<Row> rows, String period) {
        return rows.where(col("bruttoudgift").gt(0))
                .select("finansieringskommune", "cpr_id", "ydelse", period, "beregningsstart", "beregningsslut")
                .distinct()
                .groupBy("finansieringskommune", "cpr_id", "ydelse", period)
                .agg(sum(datediff(col("beregningsslut"), col("beregningsstart")).plus(1)).as("dage"));
    }

    /** Sums of the five amounts plus {@code extra} aggregates. */
    private static Dataset<Row> withAmounts(RelationalGroupedDataset grouped, Column... extra) {
        List<Column> aggs = new ArrayList<>();
        AMOUNTS.forEach(a -> aggs.add(sum(col(a)).as(a)));
        aggs.addAll(List.of(extra));
        return grouped.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    }
}
