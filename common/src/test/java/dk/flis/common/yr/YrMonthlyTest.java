package dk.flis.common.yr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class YrMonthlyTest {
    /** 52 weeks of self-support reset the ydelsestæller: 52 is its own group. */
    @Test
    void genoptjeningGroupsTheSelfSupportCounter(SparkSession spark) {
        var counters = spark.range(0, 60).selectExpr("CAST(id AS INT) AS t")
                .where("t IN (0, 1, 25, 26, 51, 52, 59)")
                .unionByName(spark.sql("SELECT CAST(NULL AS INT) AS t"));
        assertEquals(List.of("0|0", "1|1-25", "25|1-25", "26|26-51", "51|26-51", "52|52+", "59|52+", "null|null"),
                Frames.lines(counters.withColumn("g", YrMonthly.genoptjening(functions.col("t"))), "t", "g"));
    }

    /**
     * A maintained run recomputes the person months and weeks from its first change only: those rows equal the full
     * computation's. Week 202005 (Mon 27 Jan … Sun 2 Feb) is split over two months: its January part is January's
     * month row and, with its February part, week 202005's row; a correction (negative amounts, same days) is in
     * both without counting its days twice.
     */
    @Test
    void fromAMonthOrAWeekGivesTheFullComputationsRowsOfThem(SparkSession spark) {
        var yr = spark.sql("""
                SELECT 665 AS finansieringskommune, 'p1' AS cpr_id, 'Kontanthjælp' AS ydelse,
                       DATE(s) AS beregningsstart, DATE(e) AS beregningsslut, CAST(b AS DECIMAL(18,2)) AS bruttoudgift,
                       CAST(b * 0.8 AS DECIMAL(18,2)) AS refusion, CAST(b * 0.2 AS DECIMAL(18,2)) AS medfinansiering,
                       CAST(0 AS DECIMAL(18,2)) AS fleksbidrag, CAST(b * 0.8 AS DECIMAL(18,2)) AS finansieringsbeloeb,
                       'Refusion' AS finansieringstype, t AS ydelsestaeller, 0 AS genoptjeningstaeller,
                       665 AS bopaelskommune, 665 AS betalingskommune
                FROM VALUES ('2020-01-20', '2020-01-26', 700, 3), ('2020-01-27', '2020-01-31', 500, 4),
                            ('2020-02-01', '2020-02-02', 200, 4), ('2020-02-01', '2020-02-02', -200, 4),
                            ('2020-02-03', '2020-02-09', 700, 5) AS v(s, e, b, t)""");
        String[] month = {"maaned", "dage", "bruttoudgift", "ydelsestaeller"};
        var months = YrMonthly.personMonths(yr, CounterValidationTest.LADDER, java.util.Optional.empty());
        var fromFebruary = YrMonthly.personMonths(yr, CounterValidationTest.LADDER, java.util.Optional.of("2020-02"));
        assertEquals(List.of("2020-01|12|1200.00|4", "2020-02|9|700.00|5"), Frames.lines(months, month));
        assertEquals(Frames.lines(months.where("maaned >= '2020-02'"), month), Frames.lines(fromFebruary, month));
        String[] week = {"uge", "dage", "bruttoudgift", "antal_beregninger"};
        var weeks = YrMonthly.personWeeks(yr, CounterValidationTest.LADDER, java.util.Optional.empty());
        var fromWeek5 = YrMonthly.personWeeks(yr, CounterValidationTest.LADDER, java.util.Optional.of(202005));
        assertEquals(List.of("202004|7|700.00|1", "202005|7|500.00|3", "202006|7|700.00|1"),
                Frames.lines(weeks, week));
        assertEquals(Frames.lines(weeks.where("uge >= 202005"), week), Frames.lines(fromWeek5, week));
    }
}
