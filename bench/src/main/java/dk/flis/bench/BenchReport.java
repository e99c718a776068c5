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

    /** One scale and history length: {@code months} deliveries as the backfill, then the incremental one. */
    record Scale(double scale, int months, double generateSeconds, long landingBytes, Run backfill, Run incremental,
                 RebuildCheck rebuild, ExportTiming export, LikeForLike likeForLike) {
        /** As in the summary's first column: {@code 0.1 (36 + 1)}. */
        String label() {
            return scale + " (" + months + " + 1)";
        }

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
    private final List<Scale> scales = new ArrayList<>();

    BenchReport(LocalDateTime started, int duckThreads, DeliveryMonth first) {
        this.started = started;
        this.duckThreads = duckThreads;
        this.first = first;
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

    /**
     * Time ∝ scale^k at {@code months} deliveries: the slope of log(time) over log(scale), least squares; 1.0 =
     * linear. NaN with fewer than two scales of that history length.
     */
    double scaleExponent(int months, ToDoubleFunction<Scale> seconds) {
        return slope(scales.stream().filter(s -> s.months() == months).toList(), Scale::scale, seconds);
    }

    /** Time ∝ deliveries^h at {@code scale}: the same slope over the history lengths run at that scale. */
    double historyExponent(double scale, ToDoubleFunction<Scale> seconds) {
        return slope(scales.stream().filter(s -> s.scale() == scale).toList(), Scale::months, seconds);
    }

    private static double slope(List<Scale> points, ToDoubleFunction<Scale> size, ToDoubleFunction<Scale> seconds) {
        int n = points.size();
        if (n < 2) {
            return Double.NaN;
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (Scale s : points) {
            double x = Math.log(size.applyAsDouble(s));
            double y = Math.log(seconds.applyAsDouble(s));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double k = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return Math.abs(k) < 1e-9 ? 0.0 : k; // a flat line prints 0.00, not -0.00
    }

    String scaleBlock(Scale s) {
        StringBuilder b = new StringBuilder();
        b.append(f("%n### Scale %s (landing %s, %d deliveries %s … %s + %s)%n%n", s.scale(), mb(s.landingBytes()),
                s.months(), first, month(s.months() - 1), month(s.months())));
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
                    s.label(), s.backfill().child().seconds(), s.incremental().child().seconds(),
                    100 * s.incrementalShare(), s.rebuild().child().seconds(), s.backfill().duckSeconds(),
                    s.backfill().sparkPerDuck(), s.likeForLike().seconds(), s.likeForLikeRatio(), mb(peak),
                    s.export().ratio(), s.backfill().equal() && s.incremental().equal() ? "yes" : "**NO**",
                    s.rebuild().equal() ? "yes (" + s.rebuild().tables() + " tables)" : "**NO**"));
        }
        List<Integer> lengths = scales.stream().map(Scale::months).distinct().sorted().toList();
        List<Double> sizes = scales.stream().map(Scale::scale).distinct().sorted().toList();
        b.append('\n');
        for (int m : lengths) {
            if (scales.stream().filter(s -> s.months() == m).count() < 2) {
                b.append(f("Scaling exponent at %d + 1 deliveries: needs two scales (--scales a,b)%n", m));
                continue;
            }
            b.append(f("Scaling exponent at %d + 1 deliveries (time ∝ scale^k): Spark backfill k = %.2f, "
                            + "incremental k = %.2f, DuckDB k = %.2f%n", m,
                    scaleExponent(m, s -> s.backfill().child().seconds()),
                    scaleExponent(m, s -> s.incremental().child().seconds()),
                    scaleExponent(m, s -> s.backfill().duckSeconds())));
            for (String step : List.of("bronze", "silver", "gold")) {
                b.append(f("  backfill %s k = %.2f%n", step, scaleExponent(m, s -> stepSeconds(s.backfill(), step))));
            }
        }
        for (double size : sizes) {
            if (scales.stream().filter(s -> s.scale() == size).count() < 2) {
                b.append(f("History exponent at scale %s: needs two history lengths (--months a,b)%n", size));
                continue;
            }
            b.append(f("History exponent at scale %s (time ∝ deliveries^h): Spark backfill h = %.2f, "
                            + "incremental h = %.2f, DuckDB h = %.2f%n", size,
                    historyExponent(size, s -> s.backfill().child().seconds()),
                    historyExponent(size, s -> s.incremental().child().seconds()),
                    historyExponent(size, s -> s.backfill().duckSeconds())));
        }
        b.append(allEqual() ? "\nEquality check: every DuckDB table equals its Spark gold table, and the maintained "
                + "incremental month equals its rebuild in every silver and gold table.\n"
                : "\nEquality check FAILED: see the tables marked NO above.\n");
        return b.toString();
    }

    String markdown() {
        StringBuilder b = new StringBuilder("# bench/run ").append(started.withNano(0)).append("\n\n");
        b.append(f("Machine: %d cores, %s RAM, Java %s. Deliveries from %s as the backfill (`flis run --all`), "
                        + "then the next month (`flis run --month`). `./flis` runs with its default heap (-Xmx4g, "
                        + "FLIS_JAVA_OPTS unset) on local[*].%n", Runtime.getRuntime().availableProcessors(),
                mb(totalMemory()), System.getProperty("java.version"), first));
        for (Scale s : scales) {
            b.append(scaleBlock(s));
        }
        return b.append(summary()).toString();
    }

    /** The delivery {@code offset} months after the first. */
    private DeliveryMonth month(int offset) {
        return new DeliveryMonth(first.month().plusMonths(offset));
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
