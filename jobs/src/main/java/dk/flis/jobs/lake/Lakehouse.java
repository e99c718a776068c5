package dk.flis.jobs.lake;

import dk.flis.jobs.FlisException;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

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

    public boolean exists(Layer layer, String name) {
        return DeltaTable.isDeltaTable(spark, path(layer, name));
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
     * replay and a job per table.
     */
    public long overwrite(Dataset<Row> rows, Layer layer, String name, String... partitionBy) {
        clustered(rows, partitionBy).write().format("delta").mode(SaveMode.Overwrite)
                .option("overwriteSchema", "true")
                .partitionBy(partitionBy)
                .save(path(layer, name));
        return rowsWritten(layer, name);
    }

    /** numOutputRows of the table's latest commit (falls back to a count if metrics are switched off). */
    private long rowsWritten(Layer layer, String name) {
        Row metric = DeltaTable.forPath(spark, path(layer, name)).history(1)
                .selectExpr("operationMetrics['numOutputRows']").first();
        return metric.isNullAt(0) ? read(layer, name).count() : Long.parseLong(metric.getString(0));
    }

    /** Rows of one partition value in one task: one file per partition instead of one per task and value. */
    private static Dataset<Row> clustered(Dataset<Row> rows, String... partitionBy) {
        if (partitionBy.length == 0) {
            return rows;
        }
        return rows.repartition(java.util.Arrays.stream(partitionBy).map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new));
    }

    /** Replaces exactly the rows matching {@code condition} (e.g. one delivery month) with {@code rows}. */
    public void replaceWhere(Dataset<Row> rows, Layer layer, String name, String condition, String... partitionBy) {
        if (!exists(layer, name)) {
            rows.write().format("delta").mode(SaveMode.Overwrite).partitionBy(partitionBy).save(path(layer, name));
            return;
        }
        rows.write().format("delta").mode(SaveMode.Overwrite)
                .option("replaceWhere", condition)
                .save(path(layer, name));
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
            if (n.matches("\\d{20}\\.json") || n.equals("_last_checkpoint")) {
                return true;
            }
        }
        return false;
    }

    /** Table names present in a layer (folders holding a Delta log with a commit). */
    public List<String> tables(Layer layer) {
        List<String> names = new ArrayList<>();
        try {
            Path dir = new Path(root + "/" + layer.dir());
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
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
