package dk.flis.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dk.flis.common.config.FlisConfig;
import dk.flis.jobs.Sessions;
import dk.flis.jobs.audit.RunRecord;
import dk.flis.jobs.bronze.BronzeStep;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.LakehouseLock;
import dk.flis.jobs.lake.Layer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flis status}: what operations and monitoring need at a glance — loaded deliveries, the last runs and
 * their outcome (an unfinished one included), who holds the lakehouse, and every table's Delta version, rows and
 * time of last change. Reads Delta logs and metadata only (row counts come from the log's file statistics).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Loaded deliveries, last runs, the lock, and every table's version, rows and last change.")
public final class StatusCommand implements Callable<Integer> {
    private static final int RUNS = 10;
    private static final StructType TABLES = new StructType()
            .add("lag", DataTypes.StringType)
            .add("tabel", DataTypes.StringType)
            .add("version", DataTypes.LongType)
            .add("raekker", DataTypes.LongType)
            .add("sidst_aendret", DataTypes.TimestampType)
            .add("operation", DataTypes.StringType);

    @Mixin
    CommonOptions common;

    @Option(names = "--format", defaultValue = "table",
            description = "table (for people) or json (one object, for monitoring). Default ${DEFAULT-VALUE}.")
    Format format;

    enum Format { table, json }

    @Override
    public Integer call() throws IOException {
        FlisConfig config = common.load();
        SparkSession spark = Sessions.create(config);
        Lakehouse lake = new Lakehouse(spark, config.lakehouse());
        Map<String, Dataset<Row>> sections = new LinkedHashMap<>();
        sections.put("leverancer", deliveries(lake));
        sections.put("koersler", runs(lake));
        sections.put("tabeller", tables(lake));
        String lock = LakehouseLock.holder(spark.sparkContext().hadoopConfiguration(), config.lakehouse())
                .orElse(null);
        if (format == Format.json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("lakehouse", config.lakehouse());
            out.put("laas", lock);
            for (Map.Entry<String, Dataset<Row>> s : sections.entrySet()) {
                out.put(s.getKey(), rows(s.getValue()));
            }
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(out));
            return 0;
        }
        System.out.println("Lakehouse " + config.lakehouse());
        System.out.println("Lock: " + (lock == null ? "free" : lock));
        for (Map.Entry<String, Dataset<Row>> s : sections.entrySet()) {
            System.out.println();
            System.out.println(s.getKey() + ":");
            ResultPrinter.print(s.getValue(), ResultPrinter.Format.table, System.out);
        }
        return 0;
    }

    private static Dataset<Row> deliveries(Lakehouse lake) {
        return lake.readIfExists(Layer.BRONZE, BronzeStep.DELIVERIES)
                .map(d -> d.groupBy("leverance").agg(count(lit(1)).as("filer"), sum("antal_raekker").as("raekker"))
                        .orderBy("leverance"))
                .orElse(empty(new StructType().add("leverance", DataTypes.StringType)));
    }

    /** The last runs, newest first: ok, fejl, or "ikke afsluttet" (still running, or killed: redone next run). */
    private static Dataset<Row> runs(Lakehouse lake) {
        return lake.readIfExists(Layer.AUDIT, RunRecord.TABLE)
                .map(d -> RunRecord.perRun(d).orderBy(col("startet").desc()).limit(RUNS))
                .orElse(empty(new StructType().add("run_id", DataTypes.StringType)));
    }

    /** One row per Delta table: version and time of its last commit, and rows from the log's statistics. */
    private static Dataset<Row> tables(Lakehouse lake) {
        SparkSession spark = lake.spark();
        List<Row> rows = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            for (String t : lake.tables(layer)) {
                // The commit file, not DeltaTable.history(1): a query per table took most of a status.
                Lakehouse.Commit last = lake.lastCommit(layer, t).orElseThrow();
                long n = lake.read(layer, t).count(); // answered from the Delta log's numRecords
                rows.add(RowFactory.create(layer.dir(), t, last.version(), n, last.timestamp(), last.operation()));
            }
        }
        return spark.createDataFrame(rows, TABLES);
    }

    private static List<Map<String, Object>> rows(Dataset<Row> d) {
        List<Map<String, Object>> out = new ArrayList<>();
        String[] cols = d.columns();
        for (Row r : d.collectAsList()) { // metadata: one row per month, run or table
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < cols.length; i++) {
                Object v = r.get(i);
                m.put(cols[i], v == null || v instanceof Number || v instanceof Boolean ? v : ResultPrinter.text(v));
            }
            out.add(m);
        }
        return out;
    }

    private static Dataset<Row> empty(StructType schema) {
        return SparkSession.active().createDataFrame(List.of(), schema);
    }
}
