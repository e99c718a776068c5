package dk.flis.common.spark;

import static dk.flis.common.test.Frames.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class RollupCountsTest {
    private static final String[] COLUMNS = {"k", "kat", "typ", "alle_kat", "alle_typ", "borgere", "forloeb",
            "beloeb", "dage"};

    private static Dataset<Row> base(SparkSession spark) {
        return Frames.of(spark, "k INT, kat STRING, typ STRING, cpr STRING, akt STRING, beloeb DECIMAL(18,2), n INT",
                row(1, "A", "x", "a", "A1", new BigDecimal("10.00"), 1),
                row(1, "A", "x", "a", "A1", new BigDecimal("5.00"), 2), // same citizen and spell: counted once
                row(1, "B", "x", "a", null, null, 3), // citizen a in a second category: once in I alt
                row(1, "B", "y", "b", "B1", null, null),
                row(1, "B", null, null, null, null, null), // nothing to count: the cell is there, with zeros
                row(2, "A", "x", "c", "C1", new BigDecimal("1.00"), 1)); // another key never mixes in
    }

    private static Dataset<Row> counted(SparkSession spark) {
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("borgere", "cpr");
        counts.put("forloeb", "akt");
        Map<String, String> sums = new LinkedHashMap<>();
        sums.put("beloeb", "beloeb");
        sums.put("dage", "n");
        return RollupCounts.of(base(spark), List.of("k"), List.of("kat", "typ"), "I alt", counts, sums);
    }

    @Test
    void everyRollupCountsEachValueOnceAndSumsEveryRow(SparkSession spark) {
        assertEquals(List.of(
                        "1|A|I alt|0|1|1|1|15.00|3",
                        "1|A|x|0|0|1|1|15.00|3",
                        "1|B|I alt|0|1|2|1|null|3",
                        "1|B|null|0|0|0|0|null|null",
                        "1|B|x|0|0|1|0|null|3",
                        "1|B|y|0|0|1|1|null|null",
                        "1|I alt|I alt|1|1|2|2|15.00|6",
                        "1|I alt|null|1|0|0|0|null|null",
                        "1|I alt|x|1|0|1|1|15.00|6",
                        "1|I alt|y|1|0|1|1|null|null",
                        "2|A|I alt|0|1|1|1|1.00|1",
                        "2|A|x|0|0|1|1|1.00|1",
                        "2|I alt|I alt|1|1|1|1|1.00|1",
                        "2|I alt|x|1|0|1|1|1.00|1"),
                Frames.lines(counted(spark), COLUMNS));
    }

    @Test
    void givesWhatGroupingSetsWithDistinctCountsGive(SparkSession spark) {
        Dataset<Row> base = base(spark);
        base.createOrReplaceTempView("rollup_counts_test");
        Dataset<Row> plain = spark.sql("""
                SELECT k, IF(grouping(kat) = 1, 'I alt', kat) AS kat, IF(grouping(typ) = 1, 'I alt', typ) AS typ,
                       grouping(kat) AS alle_kat, grouping(typ) AS alle_typ,
                       count(DISTINCT cpr) AS borgere, count(DISTINCT akt) AS forloeb,
                       sum(beloeb) AS beloeb, sum(n) AS dage
                FROM rollup_counts_test
                GROUP BY GROUPING SETS ((k, kat, typ), (k, kat), (k, typ), (k))""");
        Dataset<Row> counted = counted(spark);
        // Same types too: a sum of decimal(18,2) is decimal(28,2), of int bigint.
        assertEquals(plain.selectExpr(COLUMNS).schema().simpleString(),
                counted.selectExpr(COLUMNS).schema().simpleString());
        assertEquals(Frames.lines(plain, COLUMNS), Frames.lines(counted, COLUMNS));
    }
}
