package dk.flis.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_micros;

import java.util.ArrayList;
import java.util.List;
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

        List<Step> steps = new ArrayList<>();
        long previousOut = 0;
        for (Row r : audit.where(col("run_id").equalTo(runId).and(col("step").isin("bronze", "silver", "gold")))
                .groupBy("step")
                .agg(min(unix_micros(col("startet").cast("timestamp"))), max(unix_micros(col("afsluttet").cast("timestamp"))), sum("raekker_ind"),
                        sum("raekker_ud"))
                .orderBy(col("step")) // bronze, gold, silver: re-ordered below
                .collectAsList()) { // three rows
            String step = r.getString(0);
            double seconds = (r.getLong(2) - r.getLong(1)) / 1e6;
            long in = r.isNullAt(3) ? 0 : r.getLong(3);
            long out = r.isNullAt(4) ? 0 : r.getLong(4);
            steps.add(new Step(step, seconds, in, out));
        }
        List<Step> ordered = new ArrayList<>();
        for (String name : List.of("bronze", "silver", "gold")) {
            for (Step s : steps) {
                if (s.step().equals(name)) {
                    long in = switch (name) {
                        case "bronze" -> s.rowsIn();
                        case "silver" -> bronzeTotal;
                        default -> previousOut;
                    };
                    ordered.add(new Step(name, s.seconds(), in, s.rowsOut()));
                    previousOut = s.rowsOut();
                }
            }
        }
        return ordered;
    }

    private static long sumLong(Row r) {
        return r.isNullAt(0) ? 0 : r.getLong(0);
    }
}
