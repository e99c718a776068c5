package dk.flis.jobs.cli;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.config.FlisConfig;
import dk.flis.jobs.FlisException;
import dk.flis.jobs.RunJob;
import dk.flis.jobs.Sessions;
import dk.flis.jobs.lake.LakehouseLock;
import dk.flis.jobs.model.ModelGraph;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Load delivery month(s) from landing through bronze, silver and gold.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @ArgGroup(multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--month", paramLabel = "YYYY-MM", description = "Load this delivery month (again).")
        String month;

        @Option(names = "--all", description = "Load every ready delivery not loaded yet, in one pass.")
        boolean all;

        @Option(names = "--rebuild", description = "Rebuild silver and gold from every delivery already in bronze "
                + "(after an upgrade that changed a rule); loads nothing new.")
        boolean rebuild;

        @Option(names = "--plan", description = "Print the table graph in run order (Markdown) and exit.")
        boolean plan;
    }

    @Override
    public Integer call() {
        if (which.plan) {
            System.out.print(ModelGraph.flis().plan());
            return 0;
        }
        DeliveryMonth month = null;
        if (which.month != null) {
            try {
                month = DeliveryMonth.parse(which.month);
            } catch (IllegalArgumentException e) {
                throw new FlisException.Usage("--month " + e.getMessage());
            }
        }
        FlisConfig config = common.load();
        SparkSession spark = Sessions.create(config);
        // One writer at a time; a second run exits 1 naming the holder, a killed run's lock is taken over.
        try (LakehouseLock lock = LakehouseLock.acquire(spark.sparkContext().hadoopConfiguration(),
                config.lakehouse(), month != null ? "run --month " + month
                        : which.rebuild ? "run --rebuild" : "run --all")) {
            RunJob job = new RunJob(spark, config);
            if (month != null) {
                job.runMonth(month);
            } else if (which.rebuild) {
                job.rebuild();
            } else {
                job.runAll();
            }
        }
        return 0;
    }
}
