package dk.flis.common.ky;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_diff;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * KY case and task times (seed 003 §7, SPEC 3.5). A case's state changes may arrive over several deliveries and in
 * any order: every time is recomputed from all its events. Durations are whole minutes on the Danish wall clock
 * (the timestamps carry no zone, so a daylight-saving change adds or removes nothing), truncated.
 */
public final class CaseTimes {
    /** States that end the case handling (sagsbehandling): a decision. */
    public static final List<String> DECISION = List.of("Bevilget", "Afslag", "Henlagt");
    /** States that close the case. */
    public static final List<String> CLOSED = List.of("Afsluttet", "Henlagt", "Afslag");
    /** Task states that end a task. */
    public static final List<String> TASK_DONE = List.of("Gennemført", "Afbrudt");

    private CaseTimes() {}

    /**
     * Whole minutes from {@code from} to {@code to}, truncated. Both are TIMESTAMP_NTZ, whose difference Spark takes
     * without any zone: a case across the 2021-03-28 daylight-saving change is counted on the wall clock.
     */
    public static Column minutes(Column from, Column to) {
        return timestamp_diff("MINUTE", from, to);
    }

    /**
     * One row per case from its state-change events (silver.ky_sag_tilstand): the latest reported attributes
     * (latest by tilstand_tidspunkt, then delivery), the current state, the start (ansøgning, else oprettelse),
     * the first decision and the close, their minutes and months.
     */
    public static Dataset<Row> cases(Dataset<Row> events) {
        Column order = struct(col("tilstand_tidspunkt"), col("leverance"), col("linje"));
        Column start = coalesce(min(col("ansoegningstidspunkt")), min(col("oprettet_tidspunkt")));
        Dataset<Row> perCase = events.groupBy("sag_id").agg(
                max_by(col("kommunekode"), order).as("kommunekode"),
                latestNonNull("ydelsesart", order), latestNonNull("ydelsestype", order),
                latestNonNull("kle_nummer", order), latestNonNull("afgoerelsestype", order),
                max_by(col("sagstilstand"), order).as("sagstilstand"),
                latestNonNull("ydelsesmodtager_cpr_id", order), latestNonNull("bevillingsmodtager_cpr_id", order),
                latestNonNull("sagsbehandler_id", order), latestNonNull("organisation", order),
                start.as("sagsbehandling_start"),
                min(when(col("sagstilstand").isin(DECISION.toArray()), col("tilstand_tidspunkt")))
                        .as("sagsbehandling_slut"),
                min(when(col("sagstilstand").isin(CLOSED.toArray()), col("tilstand_tidspunkt"))).as("sag_slut"));
        return perCase
                .withColumn("sagsbehandlingstid_min", minutes(col("sagsbehandling_start"), col("sagsbehandling_slut")))
                .withColumn("sagstid_min", minutes(col("sagsbehandling_start"), col("sag_slut")))
                .withColumn("start_maaned", date_format(col("sagsbehandling_start"), "yyyy-MM"))
                .withColumn("sagsbehandling_afsluttet_maaned", date_format(col("sagsbehandling_slut"), "yyyy-MM"))
                .withColumn("afsluttet_maaned", date_format(col("sag_slut"), "yyyy-MM"))
                .withColumn("sagsbehandling_afsluttet", col("sagsbehandling_slut").isNotNull())
                .withColumn("sag_afsluttet", col("sag_slut").isNotNull())
                .withColumn("ydelsesmodtager_er_person", col("ydelsesmodtager_cpr_id").isNotNull())
                .select("kommunekode", "sag_id", "ydelsesart", "ydelsestype", "kle_nummer", "afgoerelsestype",
                        "sagstilstand", "ydelsesmodtager_cpr_id", "bevillingsmodtager_cpr_id",
                        "ydelsesmodtager_er_person", "sagsbehandler_id", "organisation", "sagsbehandling_start",
                        "sagsbehandling_slut", "sag_slut", "sagsbehandlingstid_min", "sagstid_min", "start_maaned",
                        "sagsbehandling_afsluttet_maaned", "afsluttet_maaned", "sagsbehandling_afsluttet",
                        "sag_afsluttet");
    }

    /** The latest non-null value of a column by {@code order} ("kle_nummer: the latest reported per case"). */
    private static Column latestNonNull(String column, Column order) {
        return max_by(col(column), when(col(column).isNotNull(), order)).as(column);
    }

    /** One row per task with its time: oprettet to afsluttet when Gennemført or Afbrudt, null while open. */
    public static Dataset<Row> tasks(Dataset<Row> tasks) {
        Column done = col("opgavestatus").isin(TASK_DONE.toArray()).and(col("afsluttet_tidspunkt").isNotNull());
        return tasks
                .withColumn("opgave_afsluttet", done)
                .withColumn("opgavetid_min", when(done, minutes(col("oprettet_tidspunkt"),
                        col("afsluttet_tidspunkt"))))
                .withColumn("oprettet_maaned", date_format(col("oprettet_tidspunkt"), "yyyy-MM"))
                .withColumn("afsluttet_maaned", when(done, date_format(col("afsluttet_tidspunkt"), "yyyy-MM")))
                .select("kommunekode", "opgave_id", "sag_id", "cpr_id", "opgavetitel", "opgavestatus",
                        "oprettet_tidspunkt", "afsluttet_tidspunkt", "opgave_afsluttet", "opgavetid_min",
                        "oprettet_maaned", "afsluttet_maaned");
    }
}
