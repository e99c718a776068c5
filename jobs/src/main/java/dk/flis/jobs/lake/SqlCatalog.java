package dk.flis.jobs.lake;

import org.apache.spark.sql.SparkSession;

/**
 * Makes the lakehouse queryable as {@code bronze.x}, {@code silver.x}, {@code gold.x} and {@code audit.runs}:
 * one database per layer and an external Delta table per folder, in the session's in-memory catalog (no
 * metastore to run; registration reads only each table's Delta log).
 */
public final class SqlCatalog {
    private SqlCatalog() {}

    public static void register(Lakehouse lake) {
        SparkSession spark = lake.spark();
        for (Layer layer : Layer.values()) {
            if (spark.catalog().databaseExists(layer.dir())) {
                // Another lakehouse opened before in this session (a notebook): forget its names. Every table here
                // is external (LOCATION), so DROP TABLE removes the name only, never the files. Never DROP DATABASE:
                // the in-memory catalog deletes a dropped database's folder, which is the layer itself.
                for (var t : spark.sql("SHOW TABLES IN " + layer.dir()).select("tableName").collectAsList()) {
                    spark.sql("DROP TABLE IF EXISTS " + layer.dir() + ".`" + t.getString(0) + "`"); // names only
                }
            }
            var tables = lake.tables(layer);
            if (tables.isEmpty()) {
                continue;
            }
            spark.sql("CREATE DATABASE IF NOT EXISTS " + layer.dir() + " LOCATION '"
                    + escape(lake.root() + "/" + layer.dir()) + "'");
            for (String table : tables) {
                spark.sql("CREATE TABLE IF NOT EXISTS " + layer.dir() + ".`" + table + "` USING delta LOCATION '"
                        + escape(lake.path(layer, table)) + "'");
            }
        }
    }

    private static String escape(String path) {
        return path.replace("\\", "\\\\").replace("'", "\\'");
    }
}
