package dk.flis.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.flis.common.config.FlisConfig;
import dk.flis.common.yr.LadderStep;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import dk.flis.jobs.lake.TableDifference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/** Helpers for pipeline tests: configs, hand-made deliveries with correct manifests, table comparison. */
final class TestLakes {
    static final String KEY = "test-noegle";
    static final Map<String, List<LadderStep>> LADDERS = Map.of(
            "Refusion", List.of(new LadderStep(1, 80), new LadderStep(5, 40), new LadderStep(27, 30),
                    new LadderStep(53, 20)),
            "Medfinansiering", List.of(new LadderStep(1, 20), new LadderStep(5, 60), new LadderStep(27, 70),
                    new LadderStep(53, 80)));

    private TestLakes() {}

    static FlisConfig config(Path landing, Path lakehouse) {
        return new FlisConfig("test", "local[2]", landing.toString(), lakehouse.toString(), 3,
                LocalDate.of(2020, 1, 1), 5, KEY, LADDERS, Map.of(), 720);
    }

    /** Writes {@code <landing>/<month>/} with the given files (name → lines incl. header) and a true manifest. */
    static Path delivery(Path landing, String month, Map<String, List<String>> files) throws Exception {
        Path dir = Files.createDirectories(landing.resolve(month));
        StringBuilder manifest = new StringBuilder("fil;antal_raekker;sha256\n");
        for (Map.Entry<String, List<String>> f : files.entrySet()) {
            byte[] bytes = (String.join("\n", f.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(f.getKey()), bytes);
            manifest.append(f.getKey()).append(';').append(f.getValue().size() - 1).append(';')
                    .append(sha256(bytes)).append('\n');
        }
        Files.writeString(dir.resolve("_manifest.csv"), manifest.toString());
        return dir;
    }

    static Map<String, List<String>> files(Object... nameThenLines) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenLines.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> lines = (List<String>) nameThenLines[i + 1];
            m.put((String) nameThenLines[i], lines);
        }
        return m;
    }

    /** One yr_beregning line: Kontanthjælp in Lemvig (665) for citizen 0101901234, refusion at {@code sats} %. */
    static String kontanthjaelp(String id, String from, String to, String koersel, int brutto, int sats,
                                int taeller) {
        int ref = brutto * sats / 100;
        return String.join(";", id, "0101901234", "665", "665", "665", "Kontanthjælp", "Refusion",
                String.valueOf(sats), from, to, koersel, brutto + ".00", ref + ".00", "0.00", "0.00", ref + ".00",
                String.valueOf(taeller), "0", "5.57.72", "001", "E" + id);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Every file under a folder with its size: equal snapshots mean nothing was written. */
    static List<String> snapshot(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).sorted().forEach(p -> {
                try {
                    out.add(dir.relativize(p) + " " + Files.size(p));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return out;
    }

    /** Rows in one table but not the other (both directions, with duplicates): 0 means identical contents. */
    static long difference(Lakehouse a, Lakehouse b, Layer layer, String table) {
        return difference(a.read(layer, table), b.read(layer, table));
    }

    /** Asserts that a table holds the same rows in both lakehouses, by fingerprint (one job for both). */
    static void assertSameRows(Lakehouse expected, Lakehouse actual, Layer layer, String table) {
        String[] both = TableDifference.fingerprints(expected.read(layer, table), actual.read(layer, table));
        assertEquals(both[0], both[1], layer.dir() + "." + table);
    }

    /** Rows in one frame but not the other, counted with multiplicity; columns are matched by name. */
    static long difference(Dataset<Row> x, Dataset<Row> other) {
        return TableDifference.rows(x, other);
    }
}
