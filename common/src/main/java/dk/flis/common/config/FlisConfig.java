package dk.flis.common.config;

import com.typesafe.config.Config;
import java.time.LocalDate;
import dk.flis.common.yr.LadderStep;
import dk.flis.common.yr.RefusionLadder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed configuration of a run, built once from Typesafe Config ({@code flis { … }} in application.conf;
 * flags, environment and {@code --config} are layered on top by the CLI).
 */
public record FlisConfig(
        String env,
        String master,
        String landing,
        String lakehouse,
        int historyYears,
        LocalDate yrStart,
        int benchmarkMinCell,
        String pseudonymKey,
        Map<String, List<LadderStep>> ladders,
        Map<String, String> spark,
        int maintainRetentionHours) {

    /** Used only outside prod, so a developer can run the demo without secrets. */
    public static final String DEV_PSEUDONYM_KEY = "flis-udviklingsnoegle-kun-til-test";

    /**
     * {@code conf/application.conf}: the file named by {@code -Dflis.defaults} (the repo copy, as {@code ./flis}
     * passes it), else the copy embedded in the jar.
     */
    public static Config defaults() {
        String path = System.getProperty("flis.defaults");
        return path != null && new java.io.File(path).isFile()
                ? com.typesafe.config.ConfigFactory.parseFile(new java.io.File(path))
                : com.typesafe.config.ConfigFactory.parseResources("application.conf");
    }

    public static FlisConfig from(Config root) {
        Config c = root.getConfig("flis");
        String env = c.getString("env");
        String key = c.hasPath("pseudonym-key") ? c.getString("pseudonym-key") : null;
        if (key == null || key.isBlank()) {
            if ("prod".equals(env)) {
                throw new IllegalStateException(
                        "FLIS_PSEUDONYM_KEY is not set: flis.env is prod, where the development key may not be used."
                                + " Set FLIS_PSEUDONYM_KEY to the secret pseudonymisation key.");
            }
            key = DEV_PSEUDONYM_KEY;
        }
        Map<String, String> spark = new LinkedHashMap<>();
        if (c.hasPath("spark")) {
            c.getConfig("spark").entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> spark.put("spark." + e.getKey(), String.valueOf(e.getValue().unwrapped())));
        }
        return new FlisConfig(
                env,
                c.hasPath("master") ? c.getString("master") : null,
                c.getString("landing"),
                c.getString("lakehouse"),
                c.getInt("history-years"),
                LocalDate.parse(c.getString("yr-start")),
                c.getInt("benchmark.min-cell"),
                key,
                ladders(c),
                Map.copyOf(spark),
                c.hasPath("maintain.retention-hours") ? c.getInt("maintain.retention-hours") : 720);
    }

    private static Map<String, List<LadderStep>> ladders(Config c) {
        Map<String, List<LadderStep>> out = new LinkedHashMap<>();
        if (c.hasPath("yr.trapper")) {
            Config t = c.getConfig("yr.trapper");
            for (String type : t.root().keySet()) {
                out.put(type, t.getConfigList(type).stream()
                        .map(s -> new LadderStep(s.getInt("fra"), s.getInt("sats"))).toList());
            }
        }
        return Map.copyOf(out);
    }

    public RefusionLadder ladder() {
        return new RefusionLadder(ladders);
    }

    @Override
    public String toString() { // never print the key
        return "FlisConfig[env=" + env + ", master=" + master + ", landing=" + landing + ", lakehouse=" + lakehouse
                + ", historyYears=" + historyYears + ", yrStart=" + yrStart + ", minCell=" + benchmarkMinCell + "]";
    }
}
