package dk.flis.jobs.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.LakehouseLock;
import dk.flis.jobs.lake.Layer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code audit.koersler}: a run's start is committed before it writes anything and its end after everything, so
 * a run killed at any point (kill -9, a lost driver) leaves a start without an end. The next run loads that run's
 * deliveries again (every write is a replace of those months, so this is idempotent) and rebuilds silver and gold:
 * a killed run is finished by the next one, never taken for done because bronze.leverancer already lists it.
 */
public final class RunRecord {
    public static final String TABLE = "koersler";
    public static final String RUNNING = "koerer";
    /** A run with a start and no end: still going, or killed (the next run redoes it). */
    public static final String NOT_FINISHED = "ikke afsluttet";
    private static final StructType SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType)
            .add("maaneder", DataTypes.StringType)
            .add("status", DataTypes.StringType)
            .add("startet", DataTypes.TimestampNTZType)
            .add("afsluttet", DataTypes.TimestampNTZType)
            .add("vaert", DataTypes.StringType);

    /** A run that started and has no end, or ended in an error, after the last run that finished. */
    public record Unfinished(String runId, List<DeliveryMonth> months, LocalDateTime started, String host,
                             String status) {}

    private final Lakehouse lake;
    private final String runId;
    private final String months;
    private final LocalDateTime started;

    private RunRecord(Lakehouse lake, String runId, String months, LocalDateTime started) {
        this.lake = lake;
        this.runId = runId;
        this.months = months;
        this.started = started;
    }

    /** Commits the start of a run over {@code months}, before its first write. */
    public static RunRecord start(Lakehouse lake, List<DeliveryMonth> months) {
        RunRecord r = new RunRecord(lake, UUID.randomUUID().toString(),
                months.stream().map(DeliveryMonth::toString).collect(Collectors.joining(",")), LocalDateTime.now());
        r.write(RUNNING, null);
        return r;
    }

    public String runId() {
        return runId;
    }

    /** Commits the end: {@code ok}, or {@code fejl} (then the next run redoes it like a killed one). */
    public void finish(String status) {
        write(status, LocalDateTime.now());
    }

    private void write(String status, LocalDateTime ended) {
        Row row = RowFactory.create(runId, months, status, started, ended, host());
        lake.append(lake.spark().createDataFrame(List.of(row), SCHEMA).coalesce(1), Layer.AUDIT, TABLE);
    }

    /**
     * One row per run from {@code audit.koersler}'s start and end rows: run_id, maaneder, startet, afsluttet,
     * status ({@code ok}, {@code fejl}, or {@link #NOT_FINISHED}: still going, or killed), vaert.
     */
    public static Dataset<Row> perRun(Dataset<Row> records) {
        return records.groupBy("run_id")
                .agg(min("startet").as("startet"), max("afsluttet").as("afsluttet"), first("maaneder").as("maaneder"),
                        max_by(col("status"), col("afsluttet")).as("slut"),
                        count_if(col("status").notEqual(RUNNING)).as("ender"), first("vaert").as("vaert"))
                .select(col("run_id"), col("maaneder"), col("startet"), col("afsluttet"),
                        when(col("ender").equalTo(0), lit(NOT_FINISHED)).otherwise(col("slut")).as("status"),
                        col("vaert"));
    }

    /**
     * Runs begun after the start of the last run that finished ok and not finished ok themselves: a run redoes
     * every unfinished run it finds, so older ones were redone by that ok run. A few rows per run, aggregated.
     */
    public static List<Unfinished> unfinished(Lakehouse lake) {
        if (!lake.exists(Layer.AUDIT, TABLE)) {
            return List.of();
        }
        Dataset<Row> runs = perRun(lake.read(Layer.AUDIT, TABLE));
        Row lastOk = runs.where(col("status").equalTo("ok")).agg(max("startet")).first();
        Dataset<Row> open = runs.where(col("status").notEqual("ok"));
        if (!lastOk.isNullAt(0)) {
            open = open.where(col("startet").gt(lastOk.get(0)));
        }
        List<Unfinished> out = new ArrayList<>();
        for (Row r : open.orderBy("startet").collectAsList()) { // the runs since the last good one: a handful
            List<DeliveryMonth> months = r.getString(r.fieldIndex("maaneder")).isEmpty() ? List.of()
                    : Arrays.stream(r.getString(r.fieldIndex("maaneder")).split(",")).map(DeliveryMonth::parse)
                            .toList();
            out.add(new Unfinished(r.getString(r.fieldIndex("run_id")), months,
                    (LocalDateTime) r.get(r.fieldIndex("startet")), r.getString(r.fieldIndex("vaert")),
                    r.getString(r.fieldIndex("status")).equals("fejl") ? "fejl" : RUNNING));
        }
        return out;
    }

    /** "host pid N": who ran it, for the operator reading a stuck or killed run. */
    static String host() {
        return LakehouseLock.hostName() + " pid " + ProcessHandle.current().pid();
    }
}
