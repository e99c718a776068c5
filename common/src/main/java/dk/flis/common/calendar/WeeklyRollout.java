package dk.flis.common.calendar;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Udrulning på ugeniveau (SPEC 3.2): one row per ISO week in which a spell is in force on at least one day
 * between {@code historyStart} and {@code horizon} (a Sunday), with {@code sequence}+{@code explode}.
 */
public final class WeeklyRollout {
    public static final String UGE = "uge";
    /** Days of the week inside the spell (not cut by the history start: the spell was in force then too). */
    public static final String DAGE_I_KRAFT = "dage_i_kraft";

    private static final LocalDate OPEN = LocalDate.of(9999, 12, 31);

    private final LocalDate historyStart;
    private final LocalDate horizon;

    public WeeklyRollout(LocalDate historyStart, LocalDate horizon) {
        this.historyStart = historyStart;
        this.horizon = horizon;
    }

    public static WeeklyRollout of(DeliveryMonth month, int historyYears) {
        return new WeeklyRollout(month.historyStart(historyYears), month.horizon());
    }

    public LocalDate historyStart() {
        return historyStart;
    }

    public LocalDate horizon() {
        return horizon;
    }

    /**
     * @param firstDay first day in force (date column)
     * @param lastDay last day in force, inclusive (date column; null = open)
     */
    public Dataset<Row> explodeWeeks(Dataset<Row> spells, Column firstDay, Column lastDay) {
        Column last = coalesce(lastDay, lit(OPEN));
        Column from = greatest(firstDay, lit(historyStart));
        Column to = least(last, lit(horizon));
        return spells
                .withColumn("_first", firstDay)
                .withColumn("_last", last)
                .where(from.leq(to))
                .withColumn("_monday", explode(sequence(
                        IsoWeek.mondayOf(from), IsoWeek.mondayOf(to), expr("INTERVAL 7 DAYS"))))
                .withColumn(UGE, IsoWeek.keyOf(col("_monday")))
                .withColumn(DAGE_I_KRAFT, datediff(
                                least(date_add(col("_monday"), 6), col("_last")),
                                greatest(col("_monday"), col("_first")))
                        .plus(1))
                .drop("_first", "_last", "_monday");
    }
}
