package dk.flis.common.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.flis.common.test.SparkExtension;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class BenchmarksTest {
    private static Dataset<Row> twoMunicipalities(SparkSession spark) {
        return spark.sql("SELECT * FROM VALUES (101), (665) AS t(kommunekode)");
    }

    @Test
    void theScaffoldHasEveryMonthFromTheFirstToTheHorizonPerMunicipality(SparkSession spark) {
        List<String> cells = Benchmarks.scaffold(twoMunicipalities(spark), LocalDate.of(2020, 1, 1),
                        LocalDate.of(2020, 3, 31))
                .selectExpr("concat(kommunekode, ' ', maaned)").orderBy("kommunekode", "maaned").as(
                        org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(List.of("101 2020-01", "101 2020-02", "101 2020-03", "665 2020-01", "665 2020-02",
                "665 2020-03"), cells);
    }

    @Test
    void aHorizonBeforeTheFirstMonthIsAnEmptyScaffoldNotAnError(SparkSession spark) {
        // A first delivery of 2020-01 has data up to 2019-12-31, before yr-start 2020-01-01: no month yet.
        Dataset<Row> none = Benchmarks.scaffold(twoMunicipalities(spark), LocalDate.of(2020, 1, 1),
                LocalDate.of(2019, 12, 31));
        assertEquals(0, none.count());
        assertEquals(List.of("kommunekode", "maaned"), List.of(none.columns()));
    }

    /**
     * A maintained run computes only the months from its first change: those rows are the full table's, because every
     * cell and every suppression line lies within one month. Week 202005 (Mon 27 Jan … Sun 2 Feb) is January's (its
     * Thursday is the 30th), week 202006 February's.
     */
    @Test
    void fromAMonthGivesTheFullTablesRowsOfThoseMonths(SparkSession spark) {
        Dataset<Row> weeks = spark.sql("""
                SELECT 101 AS kommunekode, concat('c', id) AS cpr_id, uge, 'Jobparat' AS visitationskategori,
                       'Kontanthjælp' AS ydelsesgruppe
                FROM VALUES (1), (2), (3), (4), (5), (6) AS c(id)
                CROSS JOIN VALUES (202005), (202006) AS w(uge)
                WHERE NOT (id = 6 AND uge = 202006)""");
        Dataset<Row> activations = spark.sql("SELECT 101 AS kommunekode, 'c1' AS cpr_id, 202006 AS uge,"
                + " 'A1' AS aktivitet_id, true AS er_aktiveret");
        Dataset<Row> population = spark.sql("SELECT 101 AS kommunekode, maaned, 900L AS antal_borgere_16_66"
                + " FROM VALUES ('2020-01'), ('2020-02') AS m(maaned)");
        Dataset<Row> scaffold = Benchmarks.scaffold(twoMunicipalities(spark), LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 2, 29));
        String[] cols = {"kommunekode", "maaned", "visitationskategori", "ydelsesgruppe", "antal_borgere_16_66",
            "antal_ydelsesmodtagere", "antal_aktiverede", "antal_aktiveringsforloeb", "undertrykt"};
        Dataset<Row> all = Benchmarks.ydelsesaktivitet(weeks, activations, population, scaffold, 5,
                java.util.Optional.empty());
        Dataset<Row> february = Benchmarks.ydelsesaktivitet(weeks, activations, population, scaffold, 5,
                java.util.Optional.of("2020-02"));
        assertEquals(lines(all.where("maaned >= '2020-02'"), cols), lines(february, cols));
        // January: six recipients, none activated (0 is published); February: five, one activated — suppressed.
        assertEquals(List.of("101|2020-01|I alt|I alt|900|6|0|0|false"),
                lines(all.where("kommunekode = 101 AND maaned = '2020-01' AND visitationskategori = 'I alt'"
                        + " AND ydelsesgruppe = 'I alt'"), cols));
        assertEquals(List.of("101|2020-02|I alt|I alt|900|null|null|null|true"),
                lines(february.where("kommunekode = 101 AND visitationskategori = 'I alt'"
                        + " AND ydelsesgruppe = 'I alt'"), cols));
        assertEquals(List.of("665|2020-02|I alt|I alt|null|0|0|0|false"),
                lines(february.where("kommunekode = 665"), cols));
    }

    private static List<String> lines(Dataset<Row> rows, String... cols) {
        return rows.selectExpr("concat_ws('|', " + String.join(", ",
                        java.util.Arrays.stream(cols).map(c -> "coalesce(CAST(" + c + " AS STRING), 'null')").toList())
                        + ")").as(org.apache.spark.sql.Encoders.STRING()).collectAsList().stream().sorted().toList();
    }
}
