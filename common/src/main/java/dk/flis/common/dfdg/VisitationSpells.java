package dk.flis.common.dfdg;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.to_date;

import dk.flis.common.calendar.WeeklyRollout;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Visitationsforløb (seed 000 §5.1.2, SPEC 3.1). DFDG visitations have no end date: a spell ends on the date of
 * the citizen's next kept visitation (in any municipality), the last one is open until 9999-12-31.
 */
public final class VisitationSpells {
    public static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);
    public static final String STARTDATO = "startdato";
    public static final String SLUTDATO = "slutdato";

    private static final WindowSpec PER_CITIZEN_DAY_LATEST_FIRST = Window.partitionBy(col("cpr_id"), col(STARTDATO))
            .orderBy(col("visitationstidspunkt").desc(), col("leverance").desc(), col("linje").desc());
    private static final WindowSpec PER_CITIZEN_BY_START = Window.partitionBy(col("cpr_id")).orderBy(col(STARTDATO));

    private VisitationSpells() {}

    /** Marks {@code behold}: of several visitations of a citizen on the same date only the latest time is kept. */
    public static Dataset<Row> markSameDay(Dataset<Row> visitations) {
        return visitations
                .withColumn(STARTDATO, to_date(col("visitationstidspunkt")))
                .withColumn("behold", row_number().over(PER_CITIZEN_DAY_LATEST_FIRST).equalTo(1));
    }

    /** Kept visitations → spells ending at the citizen's next start. */
    public static Dataset<Row> endAtNextStart(Dataset<Row> kept) {
        return kept.withColumn(SLUTDATO, coalesce(lead(col(STARTDATO), 1).over(PER_CITIZEN_BY_START), lit(OPEN_END)));
    }

    /** The whole rule: visitations (latest versions, pseudonymised) → spells. Same-day losers are dropped. */
    public static Dataset<Row> spells(Dataset<Row> visitations) {
        return endAtNextStart(markSameDay(visitations).where(col("behold")).drop("behold"));
    }

    /** One row per spell × ISO week in force ({@code slutdato} itself is not in force). */
    public static Dataset<Row> weeks(Dataset<Row> spells, WeeklyRollout rollout) {
        Column lastDay = date_sub(col(SLUTDATO), 1);
        return rollout.explodeWeeks(spells, col(STARTDATO), lastDay);
    }
}
