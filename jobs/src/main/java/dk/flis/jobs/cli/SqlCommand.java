package dk.flis.jobs.cli;

import dk.flis.common.config.FlisConfig;
import dk.flis.jobs.Sessions;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.SqlCatalog;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Query the lakehouse: tables are bronze.x, silver.x, gold.x and audit.runs.")
public final class SqlCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "QUERY", description = "Spark SQL, e.g. \"SELECT * FROM gold.dim_kommune\".")
    String query;

    @Option(names = "--format", defaultValue = "table",
            description = "table, csv (RFC 4180 on stdout, nothing else) or json. Default ${DEFAULT-VALUE}.")
    ResultPrinter.Format format;

    @Override
    public Integer call() throws IOException {
        FlisConfig config = common.load();
        SparkSession spark = Sessions.create(config);
        SqlCatalog.register(new Lakehouse(spark, config.lakehouse()));
        ResultPrinter.print(spark.sql(query), format, System.out);
        return 0;
    }
}
