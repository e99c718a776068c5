package dk.flis.common.dfdg;

import static dk.flis.common.test.Frames.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
class VisitationSpellsTest {
    private static final String DDL = "forloeb_id STRING, cpr_id STRING, kommunekode INT, visitationskategori STRING,"
            + " visitationstidspunkt TIMESTAMP_NTZ, leverance STRING, linje LONG";

    private static Row v(String id, String cprId, int kommune, String kategori, String ts) {
        return row(id, cprId, kommune, kategori, LocalDateTime.parse(ts.replace(' ', 'T')), "2020-02", 2L);
    }

    @Test
    void sameDayVisitationsKeepLatestTime(SparkSession spark) {
        Dataset<Row> in = Frames.of(spark, DDL,
                v("V1", "a", 751, "Jobparat", "2020-01-06 09:00:00"),
                v("V2", "a", 751, "Aktivitetsparat", "2020-01-06 14:30:00"),
                v("V3", "a", 751, "Uddannelsesparat", "2020-01-06 11:00:00"),
                v("V4", "a", 751, "Jobparat", "2020-02-03 10:00:00"));
        assertEquals(List.of("V2|2020-01-06|2020-02-03|Aktivitetsparat", "V4|2020-02-03|9999-12-31|Jobparat"),
                Frames.lines(VisitationSpells.spells(in), "forloeb_id", "startdato", "slutdato",
                        "visitationskategori"));
    }

    @Test
    void spellEndsAtNextStartAlsoWhenTheCitizenMoves(SparkSession spark) {
        Dataset<Row> in = Frames.of(spark, DDL,
                v("V1", "a", 101, "Jobparat", "2020-01-06 09:00:00"),
                v("V2", "a", 751, "Jobparat", "2020-03-16 10:00:00"),
                v("W1", "b", 101, "Sygedagpengemodtager kategori 1", "2020-02-10 08:00:00"));
        assertEquals(List.of(
                        "V1|101|2020-01-06|2020-03-16",
                        "V2|751|2020-03-16|9999-12-31",
                        "W1|101|2020-02-10|9999-12-31"),
                Frames.lines(VisitationSpells.spells(in), "forloeb_id", "kommunekode", "startdato", "slutdato"));
    }

    @Test
    void nextStartDateIsNotInForce(SparkSession spark) {
        Dataset<Row> in = Frames.of(spark, DDL,
                v("V1", "a", 101, "Jobparat", "2020-12-28 09:00:00"), // Monday of 202053
                v("V2", "a", 101, "Aktivitetsparat", "2021-01-04 09:00:00")); // Monday of 202101
        WeeklyRollout rollout = new WeeklyRollout(LocalDate.of(2017, 1, 1), LocalDate.of(2021, 1, 10));
        assertEquals(List.of("V1|202053|7", "V2|202101|7"),
                Frames.lines(VisitationSpells.weeks(VisitationSpells.spells(in), rollout),
                        "forloeb_id", "uge", "dage_i_kraft"));
    }
}
