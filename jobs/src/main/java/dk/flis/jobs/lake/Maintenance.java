package dk.flis.jobs.lake;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code flis maintain}: OPTIMIZE (bin-packing compaction) of the tables whose files are small and more than
 * their partitions need, then VACUUM of files no table version younger than the retention reads. Time travel
 * within the retention keeps working; older versions lose their files.
 */
public final class Maintenance {
    /** A table needs compaction when its average file is below this (Delta's OPTIMIZE aims at 1 GB). */
    static final long SMALL_FILE_BYTES = 64L << 20;

    /** What was (or would be) done to one table. */
    public record TableResult(String table, long filesBefore, long filesAfter, boolean optimized, long vacuumed) {}

    private final Lakehouse lake;
    private final int retentionHours;

    public Maintenance(Lakehouse lake, int retentionHours) {
        this.lake = lake;
        this.retentionHours = retentionHours;
    }

    public List<TableResult> run(boolean dryRun) {
        SparkSession spark = lake.spark();
        List<TableResult> out = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            for (String t : lake.tables(layer)) {
                String path = lake.path(layer, t);
                Row detail = detail(spark, path);
                long files = detail.getLong(0);
                long bytes = detail.getLong(1);
                boolean optimize = needsCompaction(files, bytes, partitions(layer, t, detail));
                if (optimize && !dryRun) {
                    DeltaTable.forPath(spark, path).optimize().executeCompaction();
                }
                String vacuum = "VACUUM " + quoted(path) + " RETAIN " + retentionHours + " HOURS";
                long vacuumed = spark.sql(vacuum + " DRY RUN").count(); // the files it would delete
                if (vacuumed > 0 && !dryRun) {
                    spark.sql(vacuum);
                }
                out.add(new TableResult(layer.dir() + "." + t, files, dryRun ? files : detail(spark, path).getLong(0),
                        optimize, vacuumed));
            }
        }
        return out;
    }

    /** Small files beyond one per partition: compaction pays off. */
    static boolean needsCompaction(long files, long bytes, long partitions) {
        return files > Math.max(1, partitions) && bytes / Math.max(1, files) < SMALL_FILE_BYTES;
    }

    private long partitions(Layer layer, String table, Row detail) {
        List<String> columns = detail.getList(2);
        if (columns.isEmpty()) {
            return 1;
        }
        return lake.read(layer, table).select(columns.stream().map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new)).distinct().count();
    }

    private static Row detail(SparkSession spark, String path) {
        return spark.sql("DESCRIBE DETAIL " + quoted(path)).select("numFiles", "sizeInBytes", "partitionColumns")
                .first();
    }

    private static String quoted(String path) {
        return "delta.`" + path.replace("`", "``") + "`";
    }
}
