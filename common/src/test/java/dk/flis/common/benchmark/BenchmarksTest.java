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
}
