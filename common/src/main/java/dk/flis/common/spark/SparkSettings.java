package dk.flis.common.spark;

import java.util.LinkedHashMap;
import java.util.Map;

/** Session settings every flis SparkSession needs, shared by the jobs and the test extension. */
public final class SparkSettings {
    private SparkSettings() {}

    public static Map<String, String> required() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
        m.put("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
        // Landing timestamps are Danish wall-clock without zone; durations ignore DST (SPEC 2). UTC keeps
        // every date/timestamp conversion a no-op on the wall-clock value.
        m.put("spark.sql.session.timeZone", "UTC");
        // Delta re-reads a table's whole state after every commit to verify its checksum file whenever the JVM's
        // zone is not UTC (a Danish server: Europe/Copenhagen), though the session zone above is. That check
        // only guards Delta's own bookkeeping and costs ~0.5 s a commit here; values do not depend on it.
        m.put("spark.databricks.delta.allFilesInCrc.verificationMode.forceOnNonUTC.enabled", "false");
        // Deletion vectors (the MERGE of a maintained run on a large table, which turns them on for that table):
        // Delta 4.4 asks Spark 4.2's Parquet scan for the _metadata.row_index field, which that scan does not offer
        // here (FIELD_NOT_FOUND); Delta's own row index column gives the same positions.
        m.put("spark.databricks.delta.deletionVectors.useMetadataRowIndex", "false");
        m.put("spark.sql.jsonGenerator.ignoreNullFields", "false");
        m.put("spark.sql.datetime.java8API.enabled", "true");
        // Gold and bronze are written with replaceWhere / overwrite of whole tables, never appended blindly.
        m.put("spark.databricks.delta.schema.autoMerge.enabled", "false");
        return m;
    }

    /**
     * Extra settings when the master is {@code local[...]}: local disk without a forked {@code chmod} per written
     * file or {@code readlink} per commit (see {@link LocalFileSystem} and {@link LocalFs}). Not set on a cluster,
     * where executors may touch {@code file:} paths before the application jar is on their classpath.
     */
    public static Map<String, String> local() {
        return Map.of("spark.hadoop.fs.file.impl", LocalFileSystem.class.getName(),
                "spark.hadoop.fs.AbstractFileSystem.file.impl", LocalFs.class.getName());
    }
}
