package dk.flis.common.dfdg;

import static dk.flis.common.test.Frames.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.calendar.WeeklyRollout;
import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class ActivationSpellsTest {
    private static final String DDL = "aktivitet_id STRING, kommunekode INT, cpr_id STRING, status STRING,"
            + " aarsag STRING, startdato DATE, slutdato DATE";
    /** The February 2020 load: horizon Sunday 2020-02-02 (week 202005 holds 31 January). */
    private static final WeeklyRollout FEB_LOAD = WeeklyRollout.of(DeliveryMonth.parse("2020-02"), 3);

    private static Row a(String id, String status, String aarsag, String start, String end) {
        return row(id, 751, "c", status, aarsag, LocalDate.parse(start), end == null ? null : LocalDate.parse(end));
    }

    @Test
    void onlyActivationsThatTookPlaceAreActivated(SparkSession spark) {
        Dataset<Row> in = Frames.of(spark, DDL,
                a("1", "Optaget", null, "2020-01-06", "2020-01-10"),
                a("2", "Gennemført", null, "2020-01-06", "2020-01-10"),
                a("3", "Afbrudt", "Afbrudt kursus", "2020-01-06", "2020-01-10"),
                a("4", "Ansat", null, "2020-01-06", "2020-01-10"),
                a("5", "Afsluttet", null, "2020-01-06", "2020-01-10"),
                a("6", "Planlagt", null, "2020-01-06", "2020-01-10"),
                a("7", "Henvist", null, "2020-01-06", "2020-01-10"),
                a("8", "Annulleret", null, "2020-01-06", "2020-01-10"),
                a("9", "Gennemført", "Fejloprettet", "2020-01-06", "2020-01-10"),
                a("10", "Igangsat", null, "2020-01-06", "2020-01-10"));
        assertEquals(List.of("10|false", "1|true", "2|true", "3|true", "4|true", "5|true", "6|false", "7|false",
                        "8|false", "9|false"),
                Frames.lines(ActivationSpells.spells(in, FEB_LOAD), "aktivitet_id", "er_aktiveret"));
    }

    @Test
    void daysPerWeekForMidweekStartAndOpenSpellAtTheHorizon(SparkSession spark) {
        Dataset<Row> spells = ActivationSpells.spells(Frames.of(spark, DDL,
                a("open", "Optaget", null, "2020-01-22", null),          // Wednesday, still running
                a("closed", "Gennemført", null, "2020-01-30", "2020-02-04"), // Thu → Tue, over a month end
                a("future", "Planlagt", null, "2020-02-10", "2020-02-20")), FEB_LOAD);
        // Spell days count up to the horizon, like the weekly rows: closed is in force Thu 30 Jan … Sun 2 Feb here.
        assertEquals(List.of("closed|4", "future|0", "open|12"),
                Frames.lines(spells, "aktivitet_id", "dage_aktiveret"));
        assertEquals(List.of("closed|202005|4", "open|202004|5", "open|202005|7"),
                Frames.lines(ActivationSpells.weeks(spells, FEB_LOAD), "aktivitet_id", "uge", "dage_aktiveret"));
    }

    @Test
    void aWeekTakesTheCategoryInForceAtItsEnd(SparkSession spark) {
        // Spells of c: Jobparat in 751 from Mon 6 Jan, Aktivitetsparat in 751 from Wed 15 Jan, then a move to 101
        // on Wed 22 Jan; days in force per week as VisitationSpells.weeks counts them.
        Dataset<Row> weeks = Frames.of(spark, "kommunekode INT, cpr_id STRING, uge INT, startdato DATE,"
                        + " visitationskategori STRING, dage_i_kraft INT",
                row(751, "c", 202002, LocalDate.parse("2020-01-06"), "Jobparat", 7),
                row(751, "c", 202003, LocalDate.parse("2020-01-06"), "Jobparat", 2),
                row(751, "c", 202003, LocalDate.parse("2020-01-15"), "Aktivitetsparat", 5),
                row(751, "c", 202004, LocalDate.parse("2020-01-15"), "Aktivitetsparat", 2),
                row(101, "c", 202004, LocalDate.parse("2020-01-22"), "Uddannelsesparat", 5),
                row(101, "c", 202005, LocalDate.parse("2020-01-22"), "Uddannelsesparat", 7));
        // 202004 counts in both municipalities: each has the category in force at the end of its part of the week.
        assertEquals(List.of("101|202004|Uddannelsesparat", "101|202005|Uddannelsesparat", "751|202002|Jobparat",
                        "751|202003|Aktivitetsparat", "751|202004|Aktivitetsparat"),
                Frames.lines(ActivationSpells.categoryPerWeek(weeks), "kommunekode", "uge", "visitationskategori"));
    }

    @Test
    void onlyHeldConversationsAndTheirParticipants(SparkSession spark) {
        Dataset<Row> talks = Frames.of(spark, "samtale_id STRING, kommunekode INT, cpr_id STRING,"
                        + " samtaletidspunkt TIMESTAMP_NTZ, afholdt BOOLEAN, deltagere STRING",
                row("S1", 751, "c", LocalDateTime.parse("2020-12-31T10:00"), true, "Tolk|Mentor"),
                row("S2", 751, "c", LocalDateTime.parse("2021-01-04T10:00"), false, "Tolk"),
                row("S3", 751, "c", LocalDateTime.parse("2021-01-05T10:00"), true, null));
        Dataset<Row> held = Conversations.held(talks);
        assertEquals(List.of("S1|2020-12-31|202053", "S3|2021-01-05|202101"),
                Frames.lines(held, "samtale_id", "dato", "uge"));
        assertEquals(List.of("S1|Mentor", "S1|Tolk"),
                Frames.lines(Conversations.participants(held), "samtale_id", "deltager"));
    }
}
