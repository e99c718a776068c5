package dk.flis.common.privacy;

import static dk.flis.common.test.Frames.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Tries to break the disclosure control: hand cases, then hundreds of random tables and an attacker. */
@ExtendWith(SparkExtension.class)
class SuppressionTest {
    private static final String DDL = "tabel INT, a STRING, b STRING, n INT";
    private static final Suppression RULE = new Suppression(List.of("tabel"), List.of("a", "b"), List.of("n"),
            List.of("n"), "n", 5);

    @Test
    void aSmallCellAndItsNextSmallestNeighbourAreSuppressed(SparkSession spark) {
        // One line a ∈ {x, y, z} with b = I alt only: x = 3 is primary, y = 6 the next-smallest.
        Dataset<Row> t = Frames.of(spark, DDL,
                row(1, "x", "I alt", 3), row(1, "y", "I alt", 6), row(1, "z", "I alt", 40),
                row(1, "I alt", "I alt", 49));
        assertEquals(List.of("I alt|I alt|49|false", "x|I alt|null|true", "y|I alt|null|true", "z|I alt|40|false"),
                Frames.lines(RULE.apply(t), "a", "b", "n", "undertrykt"));
    }

    @Test
    void zeroIsPublishedAndNotChosenAsComplement(SparkSession spark) {
        Dataset<Row> t = Frames.of(spark, DDL,
                row(1, "x", "I alt", 0), row(1, "y", "I alt", 2), row(1, "z", "I alt", 9), row(1, "w", "I alt", 30),
                row(1, "I alt", "I alt", 41));
        assertEquals(List.of("I alt|I alt|41|false", "w|I alt|30|false", "x|I alt|0|false", "y|I alt|null|true",
                        "z|I alt|null|true"),
                Frames.lines(RULE.apply(t), "a", "b", "n", "undertrykt"));
    }

    @Test
    void whenOnlyTheTotalIsLeftTheTotalIsSuppressed(SparkSession spark) {
        Dataset<Row> t = Frames.of(spark, DDL, row(1, "x", "I alt", 2), row(1, "y", "I alt", 0),
                row(1, "I alt", "I alt", 2));
        assertEquals(List.of("I alt|I alt|null|true", "x|I alt|null|true", "y|I alt|0|false"),
                Frames.lines(RULE.apply(t), "a", "b", "n", "undertrykt"));
    }

    /**
     * One dimension (benchmark_yr, benchmark_ky) takes a single pass instead of rounds: on 200 random lines with
     * their totals it suppresses exactly what the rounds do, and no line keeps one suppressed cell it could hide.
     */
    @Test
    void oneDimensionInOnePassEqualsTheRounds(SparkSession spark) {
        Suppression oneDimension = new Suppression(List.of("tabel"), List.of("a"), List.of("n"), List.of("n"), "n", 5);
        SplittableRandom random = new SplittableRandom(19700101L);
        List<Row> rows = new ArrayList<>();
        for (int tabel = 0; tabel < 200; tabel++) {
            int cells = 1 + random.nextInt(5);
            int total = 0;
            for (int i = 0; i < cells; i++) {
                int v = random.nextInt(10) < 7 ? random.nextInt(9) : 5 + random.nextInt(100);
                rows.add(row(tabel, "a" + i, "I alt", v));
                total += v;
            }
            rows.add(row(tabel, "I alt", "I alt", total));
        }
        Dataset<Row> t = spark.createDataFrame(rows, org.apache.spark.sql.types.StructType.fromDDL(DDL));
        Dataset<Row> once = oneDimension.apply(t).cache();
        Dataset<Row> rounds = oneDimension.applyInRounds(t);
        assertEquals(0, once.exceptAll(rounds).count() + rounds.exceptAll(once).count(), "same cells suppressed");
        assertTrue(once.where("undertrykt").count() > 100, "the random lines did need suppression");
        assertEquals(0, once.where("n BETWEEN 1 AND 4").count(), "no published count 1–4");
        assertEquals(0, oneDimension.linesWithOneSuppressed(once).count(), "never exactly one suppressed cell");
    }

    /** 300 random two-dimensional tables with additive totals, suppressed in one pass. */
    @Test
    void randomTablesKeepTheInvariantsAndResistSubtraction(SparkSession spark) {
        SplittableRandom random = new SplittableRandom(20201231L);
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> truth = new HashMap<>();
        for (int tabel = 0; tabel < 300; tabel++) {
            int na = 1 + random.nextInt(5);
            int nb = 1 + random.nextInt(5);
            int[][] cell = new int[na][nb];
            for (int i = 0; i < na; i++) {
                for (int j = 0; j < nb; j++) {
                    // Many small cells: 0 … 12, sometimes large.
                    cell[i][j] = random.nextInt(10) < 8 ? random.nextInt(13) : 5 + random.nextInt(200);
                }
            }
            for (int i = 0; i <= na; i++) {
                for (int j = 0; j <= nb; j++) {
                    int v = 0;
                    for (int ii = 0; ii < na; ii++) {
                        for (int jj = 0; jj < nb; jj++) {
                            if ((i == na || ii == i) && (j == nb || jj == j)) {
                                v += cell[ii][jj];
                            }
                        }
                    }
                    String a = i == na ? "I alt" : "a" + i;
                    String b = j == nb ? "I alt" : "b" + j;
                    rows.add(row(tabel, a, b, v));
                    truth.put(tabel + "|" + a + "|" + b, v);
                }
            }
        }
        Dataset<Row> out = RULE.apply(spark.createDataFrame(rows,
                org.apache.spark.sql.types.StructType.fromDDL(DDL))).cache();

        assertEquals(0, out.where("n BETWEEN 1 AND 4").count(), "no published count 1–4");
        assertEquals(0, out.where("undertrykt AND n IS NOT NULL").count(), "suppressed cells carry no value");
        assertEquals(0, RULE.linesWithOneSuppressed(out).count(), "never exactly one suppressed cell in a line");
        assertTrue(out.where("undertrykt").count() > 300, "the random tables did need suppression");

        // The attacker: total minus the published cells of a line must never equal one suppressed cell alone.
        Map<String, Integer> published = new HashMap<>();
        Map<String, List<String>> hidden = new HashMap<>();
        for (Row r : out.collectAsList()) {
            String key = r.getInt(0) + "|" + r.getString(1) + "|" + r.getString(2);
            if (r.getBoolean(4)) {
                hidden.computeIfAbsent(r.getInt(0) + "|a|" + r.getString(2), k -> new ArrayList<>()).add(key);
                hidden.computeIfAbsent(r.getInt(0) + "|b|" + r.getString(1), k -> new ArrayList<>()).add(key);
            } else {
                published.put(key, r.getInt(3));
            }
        }
        int recovered = 0;
        for (Map.Entry<String, List<String>> line : hidden.entrySet()) {
            String[] p = line.getKey().split("\\|");
            String total = p[1].equals("a") ? p[0] + "|I alt|" + p[2] : p[0] + "|" + p[2] + "|I alt";
            if (published.containsKey(total) && line.getValue().size() == 1
                    && !line.getValue().get(0).equals(total)) {
                recovered++;
            }
        }
        assertEquals(0, recovered, "suppressed values recoverable by subtraction");
        assertTrue(truth.size() > 1000);
    }
}
