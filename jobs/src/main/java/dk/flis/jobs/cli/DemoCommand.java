package dk.flis.jobs.cli;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.config.FlisConfig;
import dk.flis.jobs.FlisException;
import dk.flis.jobs.Progress;
import dk.flis.jobs.RunJob;
import dk.flis.jobs.Sessions;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a year of sample deliveries for all 98 municipalities, load them, show where to look.")
public final class DemoCommand implements Callable<Integer> {
    /** Marks folders the demo owns, so it never wipes a landing or lakehouse holding real data. */
    static final String MARKER = ".flis-demo";

    @Mixin
    CommonOptions common;

    @Option(names = "--scale", defaultValue = "0.01", description = "Generator scale. Default ${DEFAULT-VALUE}.")
    double scale;

    @Option(names = "--from", defaultValue = "2020-02", description = "First delivery. Default ${DEFAULT-VALUE}.")
    String from;

    @Option(names = "--to", defaultValue = "2021-01", description = "Last delivery. Default ${DEFAULT-VALUE}.")
    String to;

    @Override
    public Integer call() throws IOException {
        FlisConfig config = common.load();
        Path landing = Paths.get(config.landing());
        Path lakehouse = Paths.get(config.lakehouse());
        Instant started = Instant.now();
        prepare(landing);
        prepare(lakehouse);
        Progress.say("Generating deliveries " + from + " … " + to + " at scale " + scale + " into " + landing);
        GenerateCommand.generate(landing, DeliveryMonth.parse(from), DeliveryMonth.parse(to), scale, 42L, 0.001);
        Progress.step("generate", started);

        SparkSession spark = Sessions.create(config);
        new RunJob(spark, config).runAll();

        Lakehouse lake = new Lakehouse(spark, config.lakehouse());
        System.out.println();
        System.out.println("Gold tables in " + lakehouse.toAbsolutePath().normalize() + "/gold:");
        for (String table : lake.tables(Layer.GOLD)) {
            System.out.printf("  gold.%-40s %,12d rows%n", table, lake.read(Layer.GOLD, table).count());
        }
        System.out.printf("  bronze.%-38s %,12d rows%n", "quarantine", lake.read(Layer.BRONZE, "quarantine").count());
        System.out.printf("%nDone in %.0f s. Try:%n", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        String flags = common.lakehouse != null ? " --lakehouse " + common.lakehouse : "";
        System.out.println("  ./flis sql" + flags + " \"SELECT k.kommunenavn, count(DISTINCT f.cpr_id) AS borgere"
                + " FROM gold.fact_dfdg_visitation_uge f JOIN gold.dim_kommune k USING (kommunekode)"
                + " WHERE f.uge = 202053 GROUP BY k.kommunenavn ORDER BY borgere DESC LIMIT 10\"");
        System.out.println("  ./flis sql" + flags + " \"SELECT visitationskategori, count(*) AS forloeb"
                + " FROM gold.fact_dfdg_visitationsforloeb WHERE kommunekode = 751 GROUP BY 1 ORDER BY 2 DESC\"");
        System.out.println("  ./flis sql" + flags + " \"SELECT ydelsesart, count(*) AS sager,"
                + " round(avg(sagsbehandlingstid_min) / 1440, 1) AS gns_dage FROM gold.fact_ky_sag"
                + " WHERE kommunekode = 751 GROUP BY 1 ORDER BY 2 DESC\"");
        System.out.println("  ./flis sql" + flags + " \"SELECT ydelsesgruppe, horisont_uger, status,"
                + " count(DISTINCT cpr_id) AS borgere FROM gold.dream_forloeb_status WHERE kommunekode = 751"
                + " AND horisont_uger = 13 GROUP BY 1, 2, 3 ORDER BY 1, 4 DESC\"");
        System.out.println("  ./flis sql" + flags + " --format csv \"SELECT maaned, trin, raekker_ind, raekker_ud,"
                + " raekker_karantaene, status FROM audit.runs ORDER BY startet\"");
        return 0;
    }

    /** Empties a folder the demo made before; refuses to touch one with other content. */
    private static void prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !Files.exists(dir.resolve(MARKER))) {
                throw new FlisException.Usage(dir + " holds data the demo did not make; give the demo other folders"
                        + " with --landing DIR --lakehouse DIR.");
            }
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        Files.createFile(dir.resolve(MARKER));
    }
}
