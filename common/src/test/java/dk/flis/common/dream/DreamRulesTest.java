package dk.flis.common.dream;

import static dk.flis.common.test.Frames.row;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.flis.common.calendar.IsoWeek;
import dk.flis.common.landing.DreamColumns;
import dk.flis.common.privacy.Pseudonymizer;
import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** SPEC 2.1's wide header and 3.6's weeks and spells on small in-memory rows, worked out by hand. */
@ExtendWith(SparkExtension.class)
class DreamRulesTest {
    private static final String BRONZE = "cpr STRING, kommunekode INT, koen STRING, alder INT,"
            + " vaerdier MAP<STRING, STRING>, leverance STRING, linje LONG";
    private static final String WEEKS = "kommunekode INT, cpr_id STRING, uge INT, ydelsesgruppe STRING";
    private final Pseudonymizer ids = new Pseudonymizer("test");

    private static Map<String, String> cells(String... nameValue) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i], nameValue[i + 1]);
        }
        return m;
    }

    @Test
    void aHeaderIsWeeksAndMonthColumnsOfTheFourFamiliesOnly() {
        List<DreamColumns.WideColumn> wide = DreamColumns.parse(
                List.of("y_2052", "y_2053", "y_2101", "branche_2020_12", "grad_2020_12", "arbejdssted_2020_12"));
        assertEquals(List.of(202052, 202053, 202101, 0, 0, 0),
                wide.stream().map(DreamColumns.WideColumn::uge).toList());
        assertEquals("2020-12", wide.get(3).maaned());
        assertEquals("column 'uge_2003' is none of y_YYWW, branche_YYYY_MM, grad_YYYY_MM, arbejdssted_YYYY_MM",
                assertThrows(IllegalArgumentException.class, () -> DreamColumns.parse(List.of("y_2002", "uge_2003")))
                        .getMessage());
        // 2021 has 52 ISO weeks, 2020 has 53.
        assertEquals("column 'y_2153' is not an ISO week (2021 has no week 53)",
                assertThrows(IllegalArgumentException.class, () -> DreamColumns.parse(List.of("y_2153")))
                        .getMessage());
        assertEquals("column 'y_2002' appears twice", assertThrows(IllegalArgumentException.class,
                () -> DreamColumns.parse(List.of("y_2002", "y_2002"))).getMessage());
        assertEquals("no y_YYWW week column", assertThrows(IllegalArgumentException.class,
                () -> DreamColumns.parse(List.of("grad_2020_01"))).getMessage());
    }

    @Test
    void weeksCountAcrossTheYearEnd(SparkSession spark) {
        Dataset<Row> d = spark.range(1).select(lit(202053).as("a"), lit(202101).as("b"), lit(202050).as("c"));
        assertEquals(List.of("1|202101|202053|202102|2020-12-28"), Frames.lines(d.select(
                IsoWeek.index(col("b")).minus(IsoWeek.index(col("a"))).as("d"),
                IsoWeek.plusWeeks(col("c"), lit(4)).as("p"), IsoWeek.plusWeeks(col("b"), lit(-1)).as("m"),
                IsoWeek.plusWeeks(col("a"), lit(2)).as("q"), IsoWeek.mondayOfKey(col("a")).as("monday")),
                "d", "p", "m", "q", "monday"));
    }

    @Test
    void aWeekTakesTheMonthColumnsOfItsMondayAndTheLatestDeliveryWins(SparkSession spark) {
        // Week 202014 runs Monday 30 March – Sunday 5 April 2020: March's columns. Week 202015 starts in April.
        Dataset<Row> bronze = Frames.of(spark, BRONZE,
                row("0101901234", 751, "K", 30, cells("y_2014", "130", "y_2015", "", "branche_2020_03", "851000",
                        "grad_2020_03", "0.25", "branche_2020_04", "852000", "grad_2020_04", "1"), "2020-05", 2L),
                // June's own weeks have May Mondays: it restates 202015 (a sickness code) and 202016; 202014 stays May's.
                row("0101901234", 751, "K", 30, cells("y_2015", "890", "y_2016", "555", "grad_2020_04", "0.5"),
                        "2020-06", 2L));
        Dataset<Row> weeks = DreamWeeks.weeks(bronze, ids);
        assertEquals(List.of(
                        "202014|130|Kontanthjælp - (Jobparate)|851000|0.2500|2020-05",
                        "202015|890|Sygedagpenge|null|0.5000|2020-06",
                        "202016|555|Anden ydelse|null|0.5000|2020-06"),
                Frames.lines(weeks, "uge", "ydelseskode", "ydelsesgruppe", "branche", "beskaeftigelsesgrad",
                        "leverance"));
        assertEquals(List.of("2020-05|202014|1|true", "2020-05|202015|1|false", "2020-06|202015|1|true",
                        "2020-06|202016|1|true"),
                Frames.lines(DreamWeeks.coverage(bronze), "leverance", "uge", "antal_borgere", "genlevering"));
        // From a week (a monthly run that maintains the weeks June covers): the same rows from 202015 on.
        assertEquals(List.of("202015|890|Sygedagpenge|null|0.5000|2020-06",
                        "202016|555|Anden ydelse|null|0.5000|2020-06"),
                Frames.lines(DreamWeeks.weeks(bronze, ids, java.util.Optional.of(202015)), "uge", "ydelseskode",
                        "ydelsesgruppe", "branche", "beskaeftigelsesgrad", "leverance"));
        assertEquals(List.of("202016|555"),
                Frames.lines(DreamWeeks.weeks(bronze, ids, java.util.Optional.of(202016)), "uge", "ydelseskode"));
    }

    @Test
    void spellsAreBrokenByAnotherGroupAGapOrSelfSupportAndEndOnlyWhereTheNextWeekIsCovered(SparkSession spark) {
        Dataset<Row> weeks = Frames.of(spark, WEEKS,
                row(751, "x", 202051, "Sygedagpenge"), row(751, "x", 202052, "Sygedagpenge"),
                row(751, "x", 202053, "Sygedagpenge"), row(101, "x", 202101, "Sygedagpenge"),  // moved: last week's
                row(101, "x", 202102, "Selvforsørgende"),
                row(101, "x", 202103, "A-dagpenge"),
                row(101, "x", 202105, "A-dagpenge"),  // 202104 not covered: a new spell, and the first not ended
                row(101, "x", 202106, "Sygedagpenge"));
        assertEquals(List.of(
                        "101|A-dagpenge|202103|202103|1|false",
                        "101|A-dagpenge|202105|202105|1|true",
                        "101|Sygedagpenge|202051|202101|4|true",
                        "101|Sygedagpenge|202106|202106|1|false"),
                Frames.lines(DreamSpells.spells(weeks), "kommunekode", "ydelsesgruppe", "start_uge", "slut_uge",
                        "antal_uger", "afsluttet"));
        // The spell ending 202101: +4 = 202105 (A-dagpenge); 202114, 202127 and 202153 are not covered.
        // The one ending 202105: 202109 … is not covered either.
        assertEquals(List.of("Sygedagpenge|202101|4|A-dagpenge"),
                Frames.lines(DreamSpells.spellStatus(DreamSpells.spells(weeks), weeks), "ydelsesgruppe", "slut_uge",
                        "horisont_uger", "status"));
    }
}
