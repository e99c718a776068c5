package dk.flis.jobs.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.flis.jobs.FlisException;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;

/**
 * The Delta tables under {@code <lakehouse>/<layer>/<name>}. Writes are whole-table overwrites or
 * {@code replaceWhere} overwrites of exactly what a delivery produced, so reruns never duplicate. Not final only so
 * that rule tests can run the same graph over in-memory tables (the test sources' {@code MemoryLakehouse}).
 */
public class Lakehouse {
    private final SparkSession spark;
    private final String root;

    public Lakehouse(SparkSession spark, String root) {
        this.spark = spark;
        this.root = qualify(root, spark);
    }

    /** Absolute, scheme-qualified root: relative paths would otherwise resolve against Spark's catalog folder. */
    private static String qualify(String root, SparkSession spark) {
        try {
            Path p = new Path(root);
            String q = p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
            return q.endsWith("/") ? q.substring(0, q.length() - 1) : q;
        } catch (IOException e) {
            throw new FlisException("Cannot resolve lakehouse path " + root + ": " + e.getMessage(), e);
        }
    }

    public SparkSession spark() {
        return spark;
    }

    public String root() {
        return root;
    }

    public String path(Layer layer, String name) {
        return root + "/" + layer.dir() + "/" + name;
    }

    /** A Delta table with at least one commit; read from its log folder, without loading a snapshot. */
    public boolean exists(Layer layer, String name) {
        try {
            Path log = logDir(layer, name);
            return hasCommit(fileSystem(log), log);
        } catch (IOException e) {
            throw new FlisException("Cannot read " + log(layer, name) + ": " + e.getMessage(), e);
        }
    }

    public Dataset<Row> read(Layer layer, String name) {
        return spark.read().format("delta").load(path(layer, name));
    }

    public Optional<Dataset<Row>> readIfExists(Layer layer, String name) {
        return exists(layer, name) ? Optional.of(read(layer, name)) : Optional.empty();
    }

    /**
     * Replaces the whole table (silver and gold are pure functions of bronze) and returns the rows written. The
     * count is Delta's own commit metric, so nothing is read back: a count after the write cost a snapshot
     * replay and a job per table. A table written for the first time is created instead: an overwrite would
     * still plan a query over its empty state for files to remove (a tenth of a one-file run's driver time).
     */
    public long overwrite(Dataset<Row> rows, Layer layer, String name, String... partitionBy) {
        clustered(rows, partitionBy).write().format("delta")
                .mode(exists(layer, name) ? SaveMode.Overwrite : SaveMode.ErrorIfExists)
                .option("overwriteSchema", "true")
                .partitionBy(partitionBy)
                .save(path(layer, name));
        return lastCommit(layer, name).flatMap(c -> c.metric("numOutputRows"))
                .orElseGet(() -> read(layer, name).count());
    }

    /**
     * The newest commit of a table as {@code DeltaTable.history(1)} shows it, read from its commit file's
     * {@code commitInfo} instead of planning and running a query per table (the run's rows written, a MERGE's
     * metrics, {@code flis status}). Empty for a table without a commit.
     */
    public Optional<Commit> lastCommit(Layer layer, String name) {
        try {
            Path log = logDir(layer, name);
            FileSystem fs = fileSystem(log);
            FileStatus latest = null;
            FileStatus[] commits;
            try {
                commits = fs.listStatus(log, p -> COMMIT_FILE.matcher(p.getName()).matches());
            } catch (java.io.FileNotFoundException noLog) {
                return Optional.empty();
            }
            for (FileStatus f : commits) {
                latest = latest == null || f.getPath().getName().compareTo(latest.getPath().getName()) > 0 ? f : latest;
            }
            if (latest == null) {
                return Optional.empty();
            }
            long version = Long.parseLong(latest.getPath().getName().substring(0, 20));
            // History's time: the in-commit timestamp where the table has them, else the commit file's.
            java.time.Instant written = java.time.Instant.ofEpochMilli(latest.getModificationTime());
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(fs.open(latest.getPath()),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    JsonNode info = JSON.readTree(line).path("commitInfo");
                    if (!info.isMissingNode()) {
                        return Optional.of(new Commit(version, info.has("inCommitTimestamp")
                                ? java.time.Instant.ofEpochMilli(info.get("inCommitTimestamp").asLong()) : written,
                                info.path("operation").asText(), info.path("operationMetrics")));
                    }
                }
            }
            return Optional.of(new Commit(version, written, "", JSON.missingNode()));
        } catch (IOException e) {
            throw new FlisException("Cannot read the last commit of " + log(layer, name) + ": " + e.getMessage(), e);
        }
    }

    /** A commit's version, time, operation and {@code operationMetrics} (missing when metrics are switched off). */
    public record Commit(long version, java.time.Instant timestamp, String operation, JsonNode metrics) {
        public Optional<Long> metric(String metric) {
            JsonNode value = metrics.path(metric);
            return value.isMissingNode() ? Optional.empty() : Optional.of(value.asLong());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern COMMIT_FILE = java.util.regex.Pattern.compile("\\d{20}\\.json");

    private Path logDir(Layer layer, String name) {
        return new Path(path(layer, name), "_delta_log");
    }

    private String log(Layer layer, String name) {
        return path(layer, name) + "/_delta_log";
    }

    /** Rows of one partition value in one task: one file per partition instead of one per task and value. */
    public static Dataset<Row> clustered(Dataset<Row> rows, String... partitionBy) {
        if (partitionBy.length == 0) {
            return rows;
        }
        return rows.repartition(Arrays.stream(partitionBy).map(functions::col).toArray(Column[]::new));
    }

    /**
     * Below this size a maintained table is rewritten whole (its kept rows and the recomputed ones, one overwrite):
     * a MERGE costs more jobs than writing a small table (bench/RESULTS.md, issue 17). From it on, a MERGE with
     * deletion vectors writes only what changed.
     */
    public static final long MERGE_FROM_BYTES = Long.getLong("flis.merge.from.bytes", 32L << 20);

    /** The table's size in its current version (Delta's {@code detail}: the files of the snapshot, not old ones). */
    public long sizeInBytes(Layer layer, String name) {
        return DeltaTable.forPath(spark, path(layer, name)).detail().first().<Long>getAs("sizeInBytes");
    }

    /**
     * Replaces every row of the citizens in {@code citizens} (column {@code cpr_id}) with {@code rows}, in one
     * commit, and returns {rows inserted, rows deleted}. A small table is rewritten whole; a large one gets a MERGE
     * ({@link #mergeCitizens}).
     */
    public long[] replaceCitizens(Dataset<Row> rows, Layer layer, String name, Dataset<Row> citizens) {
        Row detail = DeltaTable.forPath(spark, path(layer, name)).detail().first();
        if (detail.<Long>getAs("sizeInBytes") >= MERGE_FROM_BYTES) {
            return mergeCitizens(rows, layer, name, citizens);
        }
        Dataset<Row> old = read(layer, name);
        Dataset<Row> kept = old.join(citizens.select("cpr_id"), new String[] {"cpr_id"}, "left_anti")
                .select(columns(old)); // a USING join puts cpr_id first: keep the table's column order
        return rewrite(detail, layer, name, kept, rows);
    }

    /**
     * Replaces the rows matching {@code condition} (e.g. {@code maaned >= '2020-09'}) with {@code rows}, which must
     * all match it, in one commit; returns {rows inserted, rows deleted}. A small table is rewritten whole; a large
     * one gets a MERGE that inserts the rows and deletes the old ones with deletion vectors.
     */
    public long[] replaceMatching(Dataset<Row> rows, Layer layer, String name, String condition) {
        Row detail = DeltaTable.forPath(spark, path(layer, name)).detail().first();
        if (detail.<Long>getAs("sizeInBytes") < MERGE_FROM_BYTES) {
            return rewrite(detail, layer, name, read(layer, name).where("NOT (" + condition + ")"), rows);
        }
        return mergeMatching(rows, layer, name, condition);
    }

    /** The MERGE of {@link #replaceMatching} for a large table. */
    long[] mergeMatching(Dataset<Row> rows, Layer layer, String name, String condition) {
        String path = path(layer, name);
        DeltaTable table = DeltaTable.forPath(spark, path);
        withDeletionVectors(table, path);
        table.as("t").merge(rows.as("s"), "false")
                .whenNotMatched().insertAll()
                .whenNotMatchedBySource(condition).delete()
                .execute();
        return mergeMetrics(layer, name);
    }

    /**
     * The kept rows and the new ones as the whole table, in one overwrite with the table's partitioning (from its
     * {@code detail}), reading the snapshot it replaces; {inserted, deleted} from the rows before (file statistics,
     * no scan), the rows written (the commit) and the kept rows, counted by the write itself as it reads them
     * ({@link Observation}): a count job of its own cost a scan and a join per table.
     */
    private long[] rewrite(Row detail, Layer layer, String name, Dataset<Row> kept, Dataset<Row> rows) {
        String[] partitionBy = detail.<String>getList(detail.fieldIndex("partitionColumns")).toArray(String[]::new);
        long before = read(layer, name).count(); // from the file statistics, no scan
        Observation keptRows = new Observation();
        long total = overwrite(kept.observe(keptRows, functions.count(functions.lit(1)).as("n")).unionByName(rows),
                layer, name, partitionBy);
        long keptCount;
        try {
            // The metrics reach the observation through the listener bus, just after the write returns.
            keptCount = Await.result(keptRows.future(), Duration.create(10, TimeUnit.MINUTES)).getLong(0);
        } catch (TimeoutException | InterruptedException e) {
            throw new FlisException("The rewrite of " + path(layer, name) + " was written, but its kept rows were "
                    + "not reported: " + e + ". The table is complete; rerun to audit it.", e);
        }
        return new long[] {total - keptCount, before - keptCount};
    }

    private static Column[] columns(Dataset<Row> table) {
        return Arrays.stream(table.columns()).map(functions::col).toArray(Column[]::new);
    }

    /**
     * The MERGE of {@link #replaceCitizens} for a large table: the recomputed rows tagged as inserts unioned with
     * the citizens tagged as deletes. Deletion vectors mark the deleted rows instead of rewriting every file that
     * holds one (the touched citizens live in every kommunekode partition).
     */
    long[] mergeCitizens(Dataset<Row> rows, Layer layer, String name, Dataset<Row> citizens) {
        String path = path(layer, name);
        DeltaTable table = DeltaTable.forPath(spark, path);
        withDeletionVectors(table, path);
        String[] columns = table.toDF().columns();
        Dataset<Row> source = rows.select(columns(table.toDF()))
                .withColumn(DELETE_TAG, functions.lit(false))
                .unionByName(citizens.select("cpr_id").withColumn(DELETE_TAG, functions.lit(true)), true);
        Map<String, String> insert = new LinkedHashMap<>();
        for (String c : columns) {
            insert.put("`" + c + "`", "s.`" + c + "`");
        }
        table.as("t").merge(source.as("s"), "t.cpr_id = s.cpr_id AND s." + DELETE_TAG)
                .whenMatched().delete()
                .whenNotMatched("NOT s." + DELETE_TAG).insertExpr(insert)
                .execute();
        return mergeMetrics(layer, name);
    }

    /** The MERGE's inserted and deleted rows, from one read of its commit. */
    private long[] mergeMetrics(Layer layer, String name) {
        Optional<Commit> merge = lastCommit(layer, name);
        return new long[] {merge.flatMap(c -> c.metric("numTargetRowsInserted")).orElse(0L),
                merge.flatMap(c -> c.metric("numTargetRowsDeleted")).orElse(0L)};
    }

    private static final String DELETE_TAG = "_flis_slet";

    /** Replaces exactly the rows matching {@code condition} (e.g. one delivery month) with {@code rows}. */
    public void replaceWhere(Dataset<Row> rows, Layer layer, String name, String condition, String... partitionBy) {
        if (!exists(layer, name)) {
            rows.write().format("delta").mode(SaveMode.ErrorIfExists).partitionBy(partitionBy).save(path(layer, name));
            return;
        }
        rows.write().format("delta").mode(SaveMode.Overwrite)
                .option("replaceWhere", condition)
                .save(path(layer, name));
    }

    /**
     * Turns deletion vectors on for a table about to get its first MERGE. Only those tables need a reader that
     * knows them (Spark with Delta 3+, delta-rs, Databricks); DAP packages are plain Parquet either way.
     */
    private void withDeletionVectors(DeltaTable table, String path) {
        Row detail = table.detail().first();
        if (!"true".equals(detail.<String, String>getJavaMap(detail.fieldIndex("properties"))
                .get("delta.enableDeletionVectors"))) {
            spark.sql("ALTER TABLE delta.`" + path + "` SET TBLPROPERTIES ('delta.enableDeletionVectors' = 'true')");
        }
    }

    public void deleteWhere(Layer layer, String name, String condition) {
        if (exists(layer, name)) {
            DeltaTable.forPath(spark, path(layer, name)).delete(condition);
        }
    }

    public void append(Dataset<Row> rows, Layer layer, String name) {
        rows.write().format("delta").mode(SaveMode.Append).save(path(layer, name));
    }

    /**
     * A Delta log with at least one commit: a run killed during a table's first write leaves the folder and an
     * empty (or temp-file only) log, which is no table yet.
     */
    private static boolean hasCommit(FileSystem fs, Path log) throws IOException {
        if (!fs.exists(log)) {
            return false;
        }
        for (FileStatus f : fs.listStatus(log)) {
            String n = f.getPath().getName();
            if (COMMIT_FILE.matcher(n).matches() || n.equals("_last_checkpoint")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Bytes under a layer's folder (every file of every version, logs included; 0 when there is none), counted only
     * until {@code limit}: callers compare with a threshold, and a full walk of a large lake costs seconds per run.
     */
    public long bytesUpTo(Layer layer, long limit) {
        try {
            Path dir = layerDir(layer);
            FileSystem fs = fileSystem(dir);
            if (limit <= 0 || !fs.exists(dir)) {
                return 0L;
            }
            long sum = 0;
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
            while (sum < limit && files.hasNext()) {
                sum += files.next().getLen();
            }
            return sum;
        } catch (IOException e) {
            throw new FlisException("Cannot measure " + root + "/" + layer.dir() + ": " + e.getMessage(), e);
        }
    }

    private Path layerDir(Layer layer) {
        return new Path(root + "/" + layer.dir());
    }

    private FileSystem fileSystem(Path path) throws IOException {
        return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    }

    /** Table names present in a layer (folders holding a Delta log with a commit). */
    public List<String> tables(Layer layer) {
        List<String> names = new ArrayList<>();
        try {
            Path dir = layerDir(layer);
            FileSystem fs = fileSystem(dir);
            if (!fs.exists(dir)) {
                return names;
            }
            for (FileStatus st : fs.listStatus(dir)) {
                if (st.isDirectory() && hasCommit(fs, new Path(st.getPath(), "_delta_log"))) {
                    names.add(st.getPath().getName());
                }
            }
        } catch (IOException e) {
            throw new FlisException("Cannot list " + root + "/" + layer.dir() + ": " + e.getMessage(), e);
        }
        names.sort(String::compareTo);
        return names;
    }
}
