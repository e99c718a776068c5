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
