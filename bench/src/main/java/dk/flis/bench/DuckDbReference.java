package dk.flis.bench;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.config.FlisConfig;
import dk.flis.common.reference.Municipalities;
import dk.flis.common.yr.LadderStep;
import dk.flis.common.yr.RefusionLadder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs {@code reference.sql} in an in-memory DuckDB over the landing CSVs of the given deliveries and writes each
 * result table to {@code <out>/<table>.parquet}, where {@link GoldComparison} picks it up. Independent of the
 * Spark code on purpose: it shares only the configuration (history years, ladders) and the landing files.
 */
public final class DuckDbReference {
    /** The result tables, named as the gold tables they must equal. */
    public static final List<String> TABLES = List.of("fact_dfdg_visitationsforloeb", "fact_dfdg_visitation_uge",
            "fact_yr_finans", "dq_yr_findings");

    private final FlisConfig config;
    private final int threads;

    public DuckDbReference(FlisConfig config, int threads) {
        this.config = config;
        this.threads = threads;
    }

    /** Computes the reference for {@code months} (all loaded deliveries, oldest first); returns the seconds taken. */
    public double run(Path landing, List<DeliveryMonth> months, Path out) {
        String sql = script(landing, months);
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = c.createStatement()) {
            st.execute("SET threads = " + threads);
            for (String statement : statements(sql)) {
                st.execute(statement);
            }
            Files.createDirectories(out);
            for (String table : TABLES) {
                Path file = out.resolve(table + ".parquet");
                Files.deleteIfExists(file);
                st.execute("COPY " + table + " TO '" + file.toAbsolutePath() + "' (FORMAT parquet)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB reference failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    String script(Path landing, List<DeliveryMonth> months) {
        DeliveryMonth latest = months.get(months.size() - 1);
        return template()
                .replace("${visitation_files}", files(landing, months, "dfdg_visitation.csv"))
                .replace("${yr_files}", files(landing, months, "yr_beregning.csv"))
                .replace("${history_start}", latest.historyStart(config.historyYears()).toString())
                .replace("${horizon}", latest.horizon().toString())
                .replace("${trapper}", ladders(config.ladder()))
                .replace("${kommuner}", Municipalities.codes().stream().sorted().map(String::valueOf)
                        .collect(Collectors.joining(", ")));
    }

    private static String files(Path landing, List<DeliveryMonth> months, String name) {
        List<String> paths = new ArrayList<>();
        for (DeliveryMonth m : months) {
            Path f = landing.resolve(m.toString()).resolve(name);
            if (Files.exists(f)) {
                paths.add("'" + f.toAbsolutePath() + "'");
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("No " + name + " in " + landing + " for " + months);
        }
        return "[" + String.join(", ", paths) + "]";
    }

    private static String ladders(RefusionLadder ladder) {
        List<String> rows = new ArrayList<>();
        for (String type : List.of(RefusionLadder.REFUSION, RefusionLadder.MEDFINANSIERING)) {
            for (LadderStep s : ladder.steps(type)) {
                rows.add("('" + type + "', " + s.fra() + ", " + s.sats() + ")");
            }
        }
        return String.join(", ", rows);
    }

    private static String template() {
        try (InputStream in = DuckDbReference.class.getResourceAsStream("reference.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Statements end with ';' at the end of a line; '--' comment lines are dropped. */
    static List<String> statements(String sql) {
        String withoutComments = sql.lines().filter(l -> !l.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
        List<String> out = new ArrayList<>();
        for (String s : withoutComments.split(";\\s*(\\n|$)")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
