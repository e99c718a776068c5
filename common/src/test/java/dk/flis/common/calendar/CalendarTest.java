package dk.flis.common.calendar;

import static dk.flis.common.test.Frames.row;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class CalendarTest {

    @Test
    void isoWeekKeysAtYearEnds() {
        assertEquals(202053, IsoWeek.key(LocalDate.of(2020, 12, 31)));
        assertEquals(202001, IsoWeek.key(LocalDate.of(2019, 12, 30)));
        assertEquals(202053, IsoWeek.key(LocalDate.of(2021, 1, 3)));
        assertEquals(202101, IsoWeek.next(202053));
        assertEquals(202053, IsoWeek.previous(202101));
        assertEquals(LocalDate.of(2020, 12, 28), IsoWeek.mondayOf(202053));
    }

    @Test
    void sparkWeekKeyMatchesJava(SparkSession spark) {
        Dataset<Row> days = Frames.of(spark, "d DATE",
                row(LocalDate.of(2020, 12, 31)), row(LocalDate.of(2019, 12, 30)), row(LocalDate.of(2021, 1, 3)),
                row(LocalDate.of(2016, 1, 1)), row(LocalDate.of(2019, 10, 31)));
        List<String> got = Frames.lines(days.select(col("d"), IsoWeek.keyOf(col("d")).as("uge"),
                IsoWeek.mondayOf(col("d")).as("mandag")), "d", "uge", "mandag");
        assertEquals(List.of(
                "2016-01-01|201553|2015-12-28",
                "2019-10-31|201944|2019-10-28",
                "2019-12-30|202001|2019-12-30",
                "2020-12-31|202053|2020-12-28",
                "2021-01-03|202053|2020-12-28"), got);
    }

    @Test
    void novemberLoadRollsOutThroughWeek201944() {
        DeliveryMonth nov = DeliveryMonth.parse("2019-11");
        assertEquals(LocalDate.of(2019, 10, 31), nov.lastDataDay());
        assertEquals(201944, nov.horizonWeek());
        assertEquals(LocalDate.of(2019, 11, 3), nov.horizon());
    }

    @Test
    void historyStartsJanuaryFirstThreeYearsBack() {
        // A load ending February 2020 (the March 2020 delivery) holds days from 2017-01-01 (seed 000 §9).
        assertEquals(LocalDate.of(2017, 1, 1), DeliveryMonth.parse("2020-03").historyStart(3));
        // The January delivery is about December: its year decides.
        assertEquals(LocalDate.of(2016, 1, 1), DeliveryMonth.parse("2020-01").historyStart(3));
    }

    @Test
    void historyStartOnAFridayGivesWeek201553(SparkSession spark) {
        WeeklyRollout rollout = new WeeklyRollout(LocalDate.of(2016, 1, 1), LocalDate.of(2016, 1, 17));
        Dataset<Row> spells = Frames.of(spark, "id STRING, fra DATE, til DATE",
                row("open-since-2015", LocalDate.of(2015, 6, 1), null));
        Dataset<Row> weeks = rollout.explodeWeeks(spells, col("fra"), col("til"));
        assertEquals(List.of("open-since-2015|201553|7", "open-since-2015|201601|7", "open-since-2015|201602|7"),
                Frames.lines(weeks, "id", "uge", "dage_i_kraft"));
    }

    @Test
    void daysInForcePerWeekForMidweekStartAndMonthSplitWeek(SparkSession spark) {
        WeeklyRollout rollout = new WeeklyRollout(LocalDate.of(2017, 1, 1), LocalDate.of(2021, 1, 31));
        Dataset<Row> spells = Frames.of(spark, "id STRING, fra DATE, til DATE",
                // Wednesday 2020-01-29 through Tuesday 2020-02-04: one week split over a month end.
                row("a", LocalDate.of(2020, 1, 29), LocalDate.of(2020, 2, 4)),
                // one day only
                row("b", LocalDate.of(2020, 12, 31), LocalDate.of(2020, 12, 31)),
                // ended before history start: no rows
                row("c", LocalDate.of(2015, 1, 1), LocalDate.of(2016, 12, 31)),
                // starts after the horizon: no rows
                row("d", LocalDate.of(2021, 2, 1), null));
        assertEquals(List.of("a|202005|5", "a|202006|2", "b|202053|1"),
                Frames.lines(rollout.explodeWeeks(spells, col("fra"), col("til")), "id", "uge", "dage_i_kraft"));
    }

    @Test
    void openSpellStopsAtTheHorizonWeek(SparkSession spark) {
        WeeklyRollout rollout = WeeklyRollout.of(DeliveryMonth.parse("2019-11"), 3);
        Dataset<Row> spells = Frames.of(spark, "id STRING, fra DATE, til DATE",
                row("open", LocalDate.of(2019, 10, 14), null),
                // starts the day after the last data day but inside the horizon week 201944
                row("fri", LocalDate.of(2019, 11, 1), null));
        assertEquals(List.of("fri|201944|3", "open|201942|7", "open|201943|7", "open|201944|7"),
                Frames.lines(rollout.explodeWeeks(spells, col("fra"), col("til")), "id", "uge", "dage_i_kraft"));
    }
}
