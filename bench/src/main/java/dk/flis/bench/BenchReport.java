package dk.flis.bench;

import dk.flis.common.calendar.DeliveryMonth;
import java.lang.management.ManagementFactory;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The numbers of one bench/run and their text: a block per scale as it finishes, then the summary. */
final class BenchReport {
    /** One pipeline run of a scale: the child process, its steps from audit.runs, DuckDB's time, the checks. */
    record Run(ChildRun child, List<StepTimings.Step> steps, double duckSeconds,
               List<GoldComparison.TableCheck> checks) {
        boolean equal() {
            return checks.stream().allMatch(GoldComparison.TableCheck::equal);
        }

        double sparkPerDuck() {
            return child.seconds() / duckSeconds;
        }
    }

    record Scale(double scale, double generateSeconds, long landingBytes, Run backfill, Run incremental,
                 RebuildCheck rebuild, ExportTiming export, LikeForLike likeForLike) {
        double incrementalShare() {
            return incremental.child().seconds() / backfill.child().seconds();
        }

        /** Spark on the reference's work only (bronze of its two sources → its four tables) ÷ DuckDB. */
        double likeForLikeRatio() {
            return likeForLike.seconds() / backfill.duckSeconds();
        }
    }

    private final LocalDateTime started;
    private final int duckThreads;
    private final DeliveryMonth first;
    private final DeliveryMonth last;
    private final DeliveryMonth increment;
    private final List<Scale> scales = new ArrayList<>();

    BenchReport(LocalDateTime started, int duckThreads, DeliveryMonth first, DeliveryMonth last,
                DeliveryMonth increment) {
        this.started = started;
        this.duckThreads = duckThreads;
        this.first = first;
        this.last = last;
        this.increment = increment;
    }

    LocalDateTime started() {
        return started;
    }

    List<Scale> scales() {
        return scales;
    }

    void add(Scale s) {
        scales.add(s);
    }

    boolean allEqual() {
        return scales.stream().allMatch(s -> s.backfill().equal() && s.incremental().equal() && s.rebuild().equal());
    }

    /** Slope of log(time) over log(scale), least squares: 1.0 = linear. NaN with fewer than two scales. */
    double exponent(ToDoubleFunction<Scale> seconds) {
        int n = scales.size();
        if (n < 2) {
            return Double.NaN;
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Scale s : scales) {
            double x = Math.log(s.scale());
            double y = Math.log(seconds.applyAsDouble(s));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    String scaleBlock(Scale s) {
        StringBuilder b = new StringBuilder();
        b.append(f("%n### Scale %s (landing %s, %d deliveries + %s)%n%n", s.scale(), mb(s.landingBytes()),
                scalesMonths(), increment));
        b.append("| run | step | wall s | rows in | rows out | rows/s |\n|---|---|---:|---:|---:|---:|\n");
        for (String name : List.of("backfill", "incremental")) {
            Run r = name.equals("backfill") ? s.backfill() : s.incremental();
            for (StepTimings.Step st : r.steps()) {
                b.append(f("| %s | %s | %.1f | %,d | %,d | %,.0f |%n", name, st.step(), st.seconds(), st.rowsIn(),
                        st.rowsOut(), st.rowsPerSecond()));
            }
            b.append(f("| %s | **total `./flis run`** (JVM start to exit) | **%.1f** | | | |%n", name,
                    r.child().seconds()));
            b.append(f("| %s | peak driver memory (RSS) | %s | | | |%n", name, mb(r.child().peakRssBytes())));
            b.append(f("| %s | DuckDB reference (%d threads) | %.1f | | | |%n", name, duckThreads,
                    r.duckSeconds()));
        }
        b.append(f("| rebuild | `./flis run --rebuild` of a copy after the incremental month | %.1f | | | |%n",
                s.rebuild().child().seconds()));
        b.append(f("| rebuild | every silver and gold table equal to the maintained month (%d tables) | %s | | | |%n",
                s.rebuild().tables(), s.rebuild().equal() ? "yes" : "**NO** " + s.rebuild().differing()));
        b.append(f("| like for like | bronze of 2 sources → the reference's 4 tables (%d in the graph, warm session) | "
                + "%.1f | | | |%n", s.likeForLike().tables(), s.likeForLike().seconds()));
        ExportTiming e = s.export();
        b.append(f("| export | gold tables written once as Parquet (%d tables) | %.1f | | | |%n", e.tables(),
                e.onceSeconds()));
        b.append(f("| export | **`flis export --all`** (%d packages, %d files) | **%.1f** | | | |%n", e.packages(),
                e.files(), e.exportSeconds()));
        b.append("\n| table | Spark rows | DuckDB rows | Spark checksum | DuckDB checksum | equal |\n")
                .append("|---|---:|---:|---|---|---|\n");
        for (String name : List.of("backfill", "incremental")) {
            Run r = name.equals("backfill") ? s.backfill() : s.incremental();
            for (GoldComparison.TableCheck c : r.checks()) {
                b.append(f("| %s (%s) | %,d | %,d | %s | %s | %s |%n", c.table(), name, c.sparkRows(), c.duckRows(),
                        c.sparkChecksum(), c.duckChecksum(), c.equal() ? "yes" : "**NO** " + c.sample()));
            }
        }
        return b.toString();
    }

    String summary() {
        StringBuilder b = new StringBuilder("\n## Summary\n\n");
        b.append("| scale | backfill s | incremental s | incremental ÷ backfill | rebuild s | DuckDB s | "
                + "Spark ÷ DuckDB | like for like s | like for like ÷ DuckDB | peak driver RSS | export ÷ write once | "
                + "equal | incremental ≡ rebuild |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Scale s : scales) {
            long peak = Math.max(s.backfill().child().peakRssBytes(), s.incremental().child().peakRssBytes());
            b.append(f("| %s | %.1f | %.1f | %.1f %% | %.1f | %.1f | %.1f× | %.1f | %.1f× | %s | %.1f× | %s | %s |%n",
                    s.scale(), s.backfill().child().seconds(), s.incremental().child().seconds(),
                    100 * s.incrementalShare(), s.rebuild().child().seconds(), s.backfill().duckSeconds(),
                    s.backfill().sparkPerDuck(), s.likeForLike().seconds(), s.likeForLikeRatio(), mb(peak),
                    s.export().ratio(), s.backfill().equal() && s.incremental().equal() ? "yes" : "**NO**",
                    s.rebuild().equal() ? "yes (" + s.rebuild().tables() + " tables)" : "**NO**"));
        }
        b.append(f("%nScaling exponent (time ∝ scale^k): Spark backfill k = %.2f, incremental k = %.2f, "
                        + "DuckDB k = %.2f%n", exponent(s -> s.backfill().child().seconds()),
                exponent(s -> s.incremental().child().seconds()), exponent(s -> s.backfill().duckSeconds())));
        for (String step : List.of("bronze", "silver", "gold")) {
            b.append(f("  backfill %s k = %.2f%n", step, exponent(s -> stepSeconds(s.backfill(), step))));
        }
        b.append(allEqual() ? "\nEquality check: every DuckDB table equals its Spark gold table, and the maintained "
                + "incremental month equals its rebuild in every silver and gold table.\n"
                : "\nEquality check FAILED: see the tables marked NO above.\n");
        return b.toString();
    }

    String markdown() {
        StringBuilder b = new StringBuilder("# bench/run ").append(started.withNano(0)).append("\n\n");
        b.append(f("Machine: %d cores, %s RAM, Java %s. Deliveries %s … %s as the backfill (`flis run --all`), "
                        + "then %s (`flis run --month`). `./flis` runs with its default heap (-Xmx4g, "
                        + "FLIS_JAVA_OPTS unset) on local[*].%n", Runtime.getRuntime().availableProcessors(),
                mb(totalMemory()), System.getProperty("java.version"), first, last, increment));
        for (Scale s : scales) {
            b.append(scaleBlock(s));
        }
        return b.append(summary()).toString();
    }

    private int scalesMonths() {
        return last.month().getYear() * 12 + last.month().getMonthValue()
                - first.month().getYear() * 12 - first.month().getMonthValue() + 1;
    }

    private static double stepSeconds(Run r, String step) {
        return r.steps().stream().filter(s -> s.step().equals(step)).mapToDouble(StepTimings.Step::seconds)
                .findFirst().orElse(Double.NaN);
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    private static String mb(long bytes) {
        return bytes >= 1L << 30 ? f("%.1f GB", bytes / (double) (1L << 30)) : f("%d MB", bytes >> 20);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
