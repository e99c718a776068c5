package dk.flis.bench;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.jobs.export.DapExport;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.SparkSession;

/**
 * Issue 14's yardstick: {@code flis export --all} (98 dm packages of one month) against writing the same gold
 * tables once as plain Parquet, in the same Spark session over the same lakehouse. Every table is counted first, so
 * neither pays alone for loading the Delta snapshots and a cold page cache.
 */
record ExportTiming(double onceSeconds, double exportSeconds, int packages, int tables, int files) {
    double ratio() {
        return exportSeconds / onceSeconds;
    }

    static ExportTiming measure(SparkSession spark, Path lakehouse, DeliveryMonth month, Path work)
            throws IOException {
        Lakehouse lake = new Lakehouse(spark, lakehouse.toString());
        Path once = work.resolve("once");
        Path packages = work.resolve("packages");
        FileUtils.deleteDirectory(work.toFile());
        List<String> tables = DapExport.goldTableNames(lake);
        tables.forEach(t -> lake.read(Layer.GOLD, t).count());
        long started = System.nanoTime();
        for (String t : tables) {
            lake.read(Layer.GOLD, t).write().parquet(once.resolve(t).toUri().toString());
        }
        double onceSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        DapExport.Summary s = new DapExport(lake).export(month, DapExport.all(), packages, DapExport.Format.parquet,
                DapExport.Niveau.dm);
        double exportSeconds = (System.nanoTime() - started) / 1e9;
        FileUtils.deleteDirectory(work.toFile()); // 98 copies of every shared table: not worth keeping
        return new ExportTiming(onceSeconds, exportSeconds, s.packages(), s.tables(), s.files());
    }
}
