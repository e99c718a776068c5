package dk.flis.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Per-step figures of one pipeline run, read back from the run's own {@code audit.runs} rows: the bench measures
 * what operations can see afterwards, not a private stopwatch.
 */
final class StepTimings {
    /** One layer of a run. rowsIn: landing lines for bronze, all bronze rows for silver, silver rows for gold. */
    record Step(String step, double seconds, long rowsIn, long rowsOut) {
        double rowsPerSecond() {
            return seconds <= 0 ? 0 : Math.max(rowsIn, rowsOut) / seconds;
        }
    }

    private StepTimings() {}

    /** The bronze, silver and gold steps of the latest run in {@code lakehouse}. */
    static List<Step> latestRun(SparkSession spark, String lakehouse) {
        Dataset<Row> audit = spark.read().format("delta").load(lakehouse + "/audit/runs")
                .withColumn("step", split(col("trin"), "[. ]").getItem(0));
        Row latest = audit.where(col("trin").equalTo("run")).orderBy(col("afsluttet").desc()).first();
        String runId = latest.getAs("run_id");
        long bronzeTotal = sumLong(audit.where(col("step").equalTo("bronze")).agg(sum("raekker_ud")).first());

        Map<String, Row> perStep = new HashMap<>();
        for (Row r : audit.where(col("run_id").equalTo(runId).and(col("step").isin("bronze", "silver", "gold")))
                .groupBy("step")
                .agg(min(unix_micros(col("startet").cast("timestamp"))),
                        max(unix_micros(col("afsluttet").cast("timestamp"))), sum("raekker_ind"), sum("raekker_ud"))
                .collectAsList()) { // three rows
            perStep.put(r.getString(0), r);
        }
        List<Step> steps = new ArrayList<>();
        long previousOut = 0;
        for (String name : List.of("bronze", "silver", "gold")) {
            Row r = perStep.get(name);
            if (r == null) {
                continue;
            }
            long out = r.isNullAt(4) ? 0 : r.getLong(4);
            long in = switch (name) {
                case "bronze" -> r.isNullAt(3) ? 0 : r.getLong(3);
                case "silver" -> bronzeTotal;
                default -> previousOut;
            };
            steps.add(new Step(name, (r.getLong(2) - r.getLong(1)) / 1e6, in, out));
            previousOut = out;
        }
        dream(audit.where(col("run_id").equalTo(runId))).ifPresent(steps::add);
        return steps;
    }

    /**
     * DREAM's own share of the run (issue 13): the wall time of its bronze load and its silver and gold tables,
     * landing lines in, citizen-weeks out (silver.dream_uge), so rows/s is citizen-weeks per second.
     */
    private static java.util.Optional<Step> dream(Dataset<Row> run) {
        Column trin = col("trin");
        Column isDream = trin.startsWith("bronze.dream").or(trin.startsWith("silver.dream_"))
                .or(trin.startsWith("gold.dream_"));
        // Per table, first start to last end: bronze writes one row per delivered file, all with the start of
        // the table's whole load, so summing the rows counted a 12-file backfill's bronze 12 times.
        Row r = run.where(isDream).groupBy(split(trin, " ").getItem(0).as("tabel"))
                .agg(max(unix_micros(col("afsluttet").cast("timestamp")))
                                .minus(min(unix_micros(col("startet").cast("timestamp")))).as("micros"),
                        sum(when(trin.startsWith("bronze.dream"), col("raekker_ind"))).as("ind"),
                        sum(when(trin.equalTo("silver.dream_uge"), col("raekker_ud"))).as("ud"))
                .agg(sum("micros"), sum("ind"), sum("ud"))
                .first();
        if (r.isNullAt(0)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Step("DREAM (its bronze, silver and gold)", r.getLong(0) / 1e6,
                r.isNullAt(1) ? 0 : r.getLong(1), r.isNullAt(2) ? 0 : r.getLong(2)));
    }

    private static long sumLong(Row r) {
        return r.isNullAt(0) ? 0 : r.getLong(0);
    }
}
