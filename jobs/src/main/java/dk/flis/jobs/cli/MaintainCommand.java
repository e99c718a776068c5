package dk.flis.jobs.cli;

import dk.flis.common.config.FlisConfig;
import dk.flis.jobs.Sessions;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.LakehouseLock;
import dk.flis.jobs.lake.Maintenance;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = "Compact small files (OPTIMIZE) and VACUUM with flis.maintain.retention-hours.")
public final class MaintainCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--dry-run", description = "Only say what would be compacted and how many files VACUUM would delete.")
    boolean dryRun;

    @Override
    public Integer call() {
        FlisConfig config = common.load();
        SparkSession spark = Sessions.create(config);
        // It rewrites tables: never beside a run.
        try (LakehouseLock lock = LakehouseLock.acquire(spark.sparkContext().hadoopConfiguration(),
                config.lakehouse(), "maintain" + (dryRun ? " --dry-run" : ""))) {
            List<Maintenance.TableResult> results = new Maintenance(new Lakehouse(spark, config.lakehouse()),
                    config.maintainRetentionHours()).run(dryRun);
            long compacted = 0;
            long vacuumed = 0;
            for (Maintenance.TableResult r : results) {
                if (r.optimized() || r.vacuumed() > 0) {
                    System.out.printf("%-45s %s%s%n", r.table(),
                            r.optimized() ? (dryRun ? "would compact " + r.filesBefore() + " files"
                                    : "compacted " + r.filesBefore() + " → " + r.filesAfter() + " files") : "",
                            r.vacuumed() > 0 ? (r.optimized() ? "; " : "") + (dryRun ? "VACUUM would delete "
                                    : "VACUUM deleted ") + r.vacuumed() + " files" : "");
                }
                compacted += r.optimized() ? 1 : 0;
                vacuumed += r.vacuumed();
            }
            System.out.printf("%s%d of %d tables compacted, %d files older than %d hours %s%n",
                    dryRun ? "Dry run: " : "", compacted, results.size(), vacuumed, config.maintainRetentionHours(),
                    dryRun ? "would be deleted" : "deleted");
        }
        return 0;
    }
}
