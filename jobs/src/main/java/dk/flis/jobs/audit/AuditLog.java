package dk.flis.jobs.audit;

import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code audit.runs}: one row per run and step with rows in/out and quarantined, so every input row can be
 * reconciled (rows in = bronze + quarantine for every file). Rows are collected on the driver (a handful per
 * run) and appended once at the end, also when the run fails.
 */
public final class AuditLog {
    public static final String TABLE = "runs";
    private static final StructType SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType)
            .add("maaned", DataTypes.StringType)
            .add("trin", DataTypes.StringType)
            .add("raekker_ind", DataTypes.LongType)
            .add("raekker_ud", DataTypes.LongType)
            .add("raekker_karantaene", DataTypes.LongType)
            .add("startet", DataTypes.TimestampNTZType)
            .add("afsluttet", DataTypes.TimestampNTZType)
            .add("status", DataTypes.StringType)
            .add("fejl", DataTypes.StringType);

    private final String runId;
    private final List<Row> rows = java.util.Collections.synchronizedList(new ArrayList<>());

    public AuditLog(String runId) {
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }

    public void record(String month, String step, Long in, Long out, Long quarantined, LocalDateTime started,
                       String status, String error) {
        rows.add(RowFactory.create(runId, month, step, in, out, quarantined, started, LocalDateTime.now(),
                status, error));
    }

    public List<Row> rows() {
        synchronized (rows) {
            return List.copyOf(rows);
        }
    }

    public void flush(Lakehouse lake) {
        if (rows.isEmpty()) {
            return;
        }
        lake.append(lake.spark().createDataFrame(rows(), SCHEMA).coalesce(1), Layer.AUDIT, TABLE);
        rows.clear();
    }
}
