package dk.flis.bench;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.config.FlisConfig;
import dk.flis.common.privacy.Pseudonymizer;
import dk.flis.jobs.Sessions;
import dk.flis.jobs.config.ConfigLoader;
import dk.flis.generator.DeliveryGenerator;
import dk.flis.generator.GeneratorOptions;
import dk.flis.jobs.landing.LandingZone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run}: per scale, generate deliveries, run the full backfill and one incremental month with
 * {@code ./flis} exactly as operations do, time the DuckDB reference over the same landing files, and check that
 * both give the same core tables; then rebuild a copy with {@code flis run --rebuild} and check that the maintained
 * incremental month gave every silver and gold table of the rebuild. Prints per step wall time, rows, rows/s and peak driver memory, then the scaling
 * exponent, Spark ÷ DuckDB, incremental ÷ backfill and export ÷ write once. Exit code 1 when any table differs.
 */
@Command(name = "bench/run", mixinStandardHelpOptions = true,
        description = "Benchmark flis-lakehouse at several scales against a DuckDB reference of the core tables.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--scales", split = ",", defaultValue = "0.01,0.03,0.1",
            description = "Generator scales (1.0 = national volume). Default ${DEFAULT-VALUE}.")
    List<Double> scales;

    @Option(names = "--months", split = ",", defaultValue = "12",
            description = "Deliveries in the backfill; one more is loaded as the incremental month. Several (e.g. "
                    + "12,36) run every scale with each history length and print how time grows with it. "
                    + "Default ${DEFAULT-VALUE}.")
    List<Integer> months;

    @Option(names = "--first", defaultValue = "2020-01", description = "First delivery. Default ${DEFAULT-VALUE}.")
    String first;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed. Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--defects", defaultValue = "0.001",
            description = "Share of bad rows, so quarantine is exercised. Default ${DEFAULT-VALUE}.")
    double defects;

    @Option(names = "--work", defaultValue = "bench/work",
            description = "Generated data, lakehouses, logs and results. Default ${DEFAULT-VALUE}.")
    Path work;

    @Option(names = "--flis", defaultValue = "./flis", description = "The launcher to time. Default ${DEFAULT-VALUE}.")
    String flis;

    @Option(names = "--duckdb-threads", description = "DuckDB threads. Default: the machine's cores.")
    Integer duckThreads;

    @Option(names = "--check", arity = "2", paramLabel = "<dir>",
            description = "Only the equality check: the DuckDB reference over every delivery in LANDING against the "
                    + "gold tables in LAKEHOUSE (e.g. after ./flis demo). Takes LANDING LAKEHOUSE.")
    List<Path> check;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new BenchCommand()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            System.err.println("bench: " + e);
            if (e.getMessage() == null) {
                e.printStackTrace(); // no message: the trace is the only clue
            }
            return 1;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws IOException {
        int threads = duckThreads == null ? Runtime.getRuntime().availableProcessors() : duckThreads;
        Path sessionDir = Files.createDirectories(work.resolve("_session"));
        FlisConfig config = ConfigLoader.load(Map.of("flis.master", "local[*]",
                "flis.lakehouse", sessionDir.toAbsolutePath().toString()), System.getenv(), null);
        if (check != null) {
            return check(config, threads, check.get(0), check.get(1));
        }
        List<Integer> lengths = months.stream().distinct().sorted().toList();
        if (lengths.get(0) < 1) {
            throw new IllegalArgumentException("--months: at least 1 delivery in the backfill, got " + lengths.get(0));
        }
        int longest = lengths.get(lengths.size() - 1);
        List<DeliveryMonth> all = new ArrayList<>();
        for (int i = 0; i <= longest; i++) {
            all.add(new DeliveryMonth(DeliveryMonth.parse(first).month().plusMonths(i)));
        }
        BenchReport report = new BenchReport(LocalDateTime.now(), threads, all.get(0));
        SparkSession spark = Sessions.create(config);
        try {
            GoldComparison comparison = new GoldComparison(spark, new Pseudonymizer(config.pseudonymKey()));
            DuckDbReference duck = new DuckDbReference(config, threads);
            for (double scale : scales) {
                Path scaleDir = work.resolve("scale-" + scale).toAbsolutePath();
                double generated = generate(scaleDir.resolve("generated"), scale, all);
                for (int length : lengths) {
                    // One history length keeps the folder layout of earlier runs; several get a folder each.
                    Path dir = lengths.size() == 1 ? scaleDir : scaleDir.resolve(length + "-deliveries");
                    report.add(scale(spark, comparison, duck, scale, length, all.subList(0, length + 1),
                            scaleDir.resolve("generated"), dir, generated));
                    generated = 0;
                    System.out.println(report.scaleBlock(report.scales().get(report.scales().size() - 1)));
                }
            }
        } finally {
            spark.stop();
        }
        String markdown = report.markdown();
        Path out = work.resolve("results-" + report.started().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm"))
                + ".md");
        Files.writeString(out, markdown);
        System.out.println(report.summary());
        System.out.println("Full report: " + out);
        return report.allEqual() ? 0 : 1;
    }

    /** DuckDB over the ready deliveries of a landing zone, compared with the gold tables loaded from it. */
    private int check(FlisConfig config, int threads, Path landing, Path lakehouse) {
        SparkSession spark = Sessions.create(config);
        try {
            List<DeliveryMonth> deliveries = new LandingZone(landing.toAbsolutePath().toString(),
                    spark.sparkContext().hadoopConfiguration()).readyMonths();
            if (deliveries.isEmpty()) {
                throw new IllegalArgumentException("no ready deliveries (YYYY-MM with _manifest.csv) in " + landing
                        + "; give the landing zone the lakehouse was loaded from");
            }
            say("DuckDB reference over " + deliveries.size() + " deliveries in " + landing);
            double seconds = new DuckDbReference(config, threads).run(landing, deliveries,
                    work.resolve("duckdb-check"));
            List<GoldComparison.TableCheck> checks = new GoldComparison(spark,
                    new Pseudonymizer(config.pseudonymKey())).compare(lakehouse.toAbsolutePath().toString(),
                    work.resolve("duckdb-check"));
            checks.forEach(c -> System.out.printf("  %-30s Spark %,d rows, DuckDB %,d rows: %s%n", c.table(),
                    c.sparkRows(), c.duckRows(), c.equal() ? "equal" : "DIFFERENT " + c));
            boolean equal = checks.stream().allMatch(GoldComparison.TableCheck::equal);
            System.out.printf("DuckDB %.1f s; %d tables %s%n", seconds, checks.size(),
                    equal ? "equal to Spark gold" : "DIFFER from Spark gold");
            return equal ? 0 : 1;
        } finally {
            spark.stop();
        }
    }

    /** One scale and history length: {@code all} is its {@code months} deliveries and the incremental one. */
    private BenchReport.Scale scale(SparkSession spark, GoldComparison comparison, DuckDbReference duck, double scale,
                                    int months, List<DeliveryMonth> all, Path generatedDir, Path dir,
                                    double generated) throws IOException {
        List<DeliveryMonth> backfillMonths = all.subList(0, months);
        DeliveryMonth increment = all.get(months);
        Path landing = dir.resolve("landing");
        Path lakehouse = dir.resolve("lakehouse");
        delete(landing);
        delete(lakehouse);
        BenchLanding.link(generatedDir, landing, backfillMonths);
        long landingBytes = size(landing);

        say("scale " + scale + ": backfill of " + months + " deliveries (log: " + dir.resolve("logs/backfill.log") + ")");
        ChildRun backfill = pipeline(dir, "backfill", "--all", landing, lakehouse);
        List<StepTimings.Step> backfillSteps = StepTimings.latestRun(spark, lakehouse.toString());
        say("scale " + scale + ": DuckDB reference over the same " + months + " deliveries");
        double duckBackfill = duck.run(landing, backfillMonths, dir.resolve("duckdb-backfill"));
        List<GoldComparison.TableCheck> backfillChecks = comparison.compare(lakehouse.toString(),
                dir.resolve("duckdb-backfill"));

        BenchLanding.link(generatedDir, landing, List.of(increment));
        say("scale " + scale + ": incremental month " + increment);
        ChildRun incremental = pipeline(dir, "incremental", "--month=" + increment, landing, lakehouse);
        List<StepTimings.Step> incrementalSteps = StepTimings.latestRun(spark, lakehouse.toString());
        double duckIncremental = duck.run(landing, all, dir.resolve("duckdb-incremental"));
        List<GoldComparison.TableCheck> incrementalChecks = comparison.compare(lakehouse.toString(),
                dir.resolve("duckdb-incremental"));
        say("scale " + scale + ": a copy rebuilt with flis run --rebuild, every silver and gold table compared with "
                + "the maintained month");
        RebuildCheck rebuild = RebuildCheck.measure(spark, lakehouse, dir.resolve("lakehouse-rebuild"),
                copy -> pipeline(dir, "rebuild", "--rebuild", landing, copy));
        say("scale " + scale + ": export --all of " + increment + " against writing its tables once");
        ExportTiming export = ExportTiming.measure(spark, lakehouse, increment, dir.resolve("export"));
        say("scale " + scale + ": like for like, Spark on only the DuckDB reference's work over the " + months
                + " deliveries");
        LikeForLike like = LikeForLike.measure(spark, landing, backfillMonths, dir.resolve("like-for-like"));
        return new BenchReport.Scale(scale, months, generated, landingBytes,
                new BenchReport.Run(backfill, backfillSteps, duckBackfill, backfillChecks),
                new BenchReport.Run(incremental, incrementalSteps, duckIncremental, incrementalChecks), rebuild,
                export, like);
    }

    /** Generates once per scale and settings; a marker file tells a finished generation from a broken one. */
    private double generate(Path dir, double scale, List<DeliveryMonth> all) throws IOException {
        String settings = "scale=" + scale + " seed=" + seed + " defects=" + defects + " months=" + all.get(0) + ".."
                + all.get(all.size() - 1);
        Path marker = dir.resolve("_generated");
        if (Files.exists(marker) && Files.readString(marker).equals(settings)) {
            return 0;
        }
        delete(dir);
        say("scale " + scale + ": generating " + all.size() + " deliveries into " + dir);
        long started = System.nanoTime();
        new DeliveryGenerator(new GeneratorOptions(dir, all.get(0).month(), all.get(all.size() - 1).month(), scale,
                seed, defects)).generate();
        Files.writeString(marker, settings);
        return (System.nanoTime() - started) / 1e9;
    }

    private ChildRun pipeline(Path dir, String name, String what, Path landing, Path lakehouse) {
        Path log = dir.resolve("logs/" + name + ".log");
        ChildRun run = ChildRun.run(List.of(flis, "run", what, "--landing", landing.toString(), "--lakehouse",
                lakehouse.toString()), log);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("flis run " + what + " failed with exit code " + run.exitCode()
                    + "; see " + log);
        }
        return run;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        org.apache.commons.io.FileUtils.deleteDirectory(dir.toFile()); // a missing folder is fine
    }

    private static void say(String message) {
        System.out.println("[bench] " + message);
    }
}
