package dk.flis.jobs.cli;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.config.FlisConfig;
import dk.flis.common.reference.Municipalities;
import dk.flis.jobs.FlisException;
import dk.flis.jobs.Sessions;
import dk.flis.jobs.export.DapExport;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.LakehouseLock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "DAP datapakker: OUT/<kommunekode>/<YYYY-MM>/<table>/ and manifest.csv per municipality.")
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "A loaded delivery month.")
    String month;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--kommune", paramLabel = "K", description = "One municipality's package (kommunekode).")
        Integer kommune;

        @Option(names = "--all", description = "All 98 packages, one Spark job per table.")
        boolean all;
    }

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the packages go.")
    Path out;

    @Option(names = "--format", defaultValue = "parquet",
            description = "parquet (Power BI) or csv (Danish Excel: UTF-8 BOM, ';', decimal comma). Default ${DEFAULT-VALUE}.")
    DapExport.Format format;

    @Option(names = "--niveau", defaultValue = "dm",
            description = "dm: the gold tables; dsa: the municipality's own delivered rows. Default ${DEFAULT-VALUE}.")
    DapExport.Niveau niveau;

    @Override
    public Integer call() throws IOException {
        DeliveryMonth m;
        try {
            m = DeliveryMonth.parse(month);
        } catch (IllegalArgumentException e) {
            throw new FlisException.Usage("--month " + month + " is not YYYY-MM.");
        }
        SortedSet<Integer> kommuner = which.all ? DapExport.all() : new TreeSet<>(java.util.List.of(which.kommune));
        if (!which.all && !Municipalities.isMunicipality(which.kommune)) {
            throw new FlisException.Usage("--kommune " + which.kommune + " is not one of the 98 kommunekoder"
                    + " (see gold.dim_kommune); nothing exported.");
        }
        FlisConfig config = common.load();
        Lakehouse lake = new Lakehouse(Sessions.create(config), config.lakehouse());
        DapExport export = new DapExport(lake);
        export.requireLoaded(m);
        DapExport.Summary s;
        // A package is one run's gold: no run may replace tables while they are read.
        try (LakehouseLock lock = LakehouseLock.acquire(lake.spark().sparkContext().hadoopConfiguration(),
                config.lakehouse(), "export --month " + m)) {
            s = export.export(m, kommuner, out, format, niveau);
        }
        System.err.printf("export %s %s (%s): %d packages, %d tables, %d files in %s   %.1f s%n", niveau, m, format,
                s.packages(), s.tables(), s.files(), out.toAbsolutePath().normalize(), s.seconds());
        return 0;
    }
}
