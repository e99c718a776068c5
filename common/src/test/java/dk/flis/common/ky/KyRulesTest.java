package dk.flis.common.ky;

import static dk.flis.common.test.Frames.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Seed 003 §7's worked examples and SPEC 3.5's rules on in-memory rows. */
@ExtendWith(SparkExtension.class)
class KyRulesTest {
    private static final String EVENTS = "sag_id STRING, kommunekode INT, ydelsesart STRING, ydelsestype STRING,"
            + " kle_nummer STRING, afgoerelsestype STRING, sagstilstand STRING, ansoegningstidspunkt TIMESTAMP_NTZ,"
            + " oprettet_tidspunkt TIMESTAMP_NTZ, tilstand_tidspunkt TIMESTAMP_NTZ, sagsbehandler_id STRING,"
            + " organisation STRING, ydelsesmodtager_cpr_id STRING, bevillingsmodtager_cpr_id STRING,"
            + " leverance STRING, linje LONG";

    private static LocalDateTime t(String s) {
        return LocalDateTime.parse(s.replace(' ', 'T'));
    }

    private static Row event(String sag, String state, String ansoegning, String oprettet, String at,
                             String kle, String leverance) {
        return row(sag, 751, "H", "HTF_KONTANT", kle, null, state, ansoegning == null ? null : t(ansoegning),
                t(oprettet), t(at), "SB1", "Jobcenter Aarhus", "y1", "b1", leverance, 2L);
    }

    @Test
    void wallClockMinutesAreTruncatedAndIgnoreDaylightSaving(SparkSession spark) {
        Dataset<Row> d = Frames.of(spark, "a TIMESTAMP_NTZ, b TIMESTAMP_NTZ",
                row(t("2021-02-08 08:37:30"), t("2021-05-10 07:42:40")),
                row(t("2021-02-08 15:27:45"), t("2021-04-30 01:31:11")),
                // 2021-03-28 02:00 → 03:00 in Denmark: a day on the wall clock is still 1440 minutes.
                row(t("2021-03-27 12:00:00"), t("2021-03-28 12:00:00")),
                row(t("2021-03-27 12:00:00"), t("2021-03-27 12:00:59")));
        assertEquals(List.of("0", "115803", "130985", "1440"),
                Frames.lines(d.select(CaseTimes.minutes(functions.col("a"), functions.col("b")).as("m")), "m"));
    }

    @Test
    void caseTimesComeFromAllEventsInAnyOrderAnsoegningFirst(SparkSession spark) {
        Dataset<Row> events = Frames.of(spark, EVENTS,
                // S1: the decision arrives in a later delivery, listed before the creation; the KLE number changes.
                event("S1", "Bevilget", "2021-02-08 08:37:30", "2021-02-09 10:00:00", "2021-05-10 07:42:40",
                        "32.18.14", "2021-06"),
                event("S1", "Oprettet", "2021-02-08 08:37:30", "2021-02-09 10:00:00", "2021-02-09 10:00:00",
                        "32.18.10", "2021-03"),
                event("S1", "Afsluttet", "2021-02-08 08:37:30", "2021-02-09 10:00:00", "2021-06-01 08:37:30",
                        null, "2021-07"),
                // S2: no ansøgning → from oprettet; refused, which also closes it.
                event("S2", "Oprettet", null, "2021-02-08 15:27:45", "2021-02-08 15:27:45", null, "2021-03"),
                event("S2", "Afslag", null, "2021-02-08 15:27:45", "2021-04-30 01:31:11", null, "2021-05"),
                // S3: still open.
                event("S3", "Under oplysning", null, "2021-04-01 09:00:00", "2021-04-02 09:00:00", null, "2021-05"));
        assertEquals(List.of(
                        "S1|Afsluttet|32.18.14|130985|162720|2021-02|2021-05|2021-06",
                        "S2|Afslag|null|115803|115803|2021-02|2021-04|2021-04",
                        "S3|Under oplysning|null|null|null|2021-04|null|null"),
                Frames.lines(CaseTimes.cases(events), "sag_id", "sagstilstand", "kle_nummer",
                        "sagsbehandlingstid_min", "sagstid_min", "start_maaned", "sagsbehandling_afsluttet_maaned",
                        "afsluttet_maaned"));
    }

    @Test
    void fullTimePersonsAndUniquePersons(SparkSession spark) {
        Dataset<Row> benefits = Frames.of(spark, "kommunekode INT, ydelse_id STRING, sag_id STRING,"
                        + " ydelsesmodtager_cpr_id STRING, ydelsesart STRING, ydelsestype STRING, startdato DATE,"
                        + " slutdato DATE, beloeb DECIMAL(18,2)",
                // Seed 003 example 5/6: one citizen, two benefits in January 2019.
                row(751, "Y1", "S1", "p1", "H", "HTF_KONTANT", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 6),
                        new BigDecimal("1000.00")),
                row(751, "Y2", "S2", "p1", "E", "HTF_ENGANGS_OY", LocalDate.of(2019, 1, 28),
                        LocalDate.of(2019, 1, 31), new BigDecimal("500.00")),
                // Across a month end, and a recipient that is not a person (an optician).
                row(751, "Y3", "S3", "p2", "H", "HTF_KONTANT", LocalDate.of(2019, 1, 30), null,
                        new BigDecimal("10.00")),
                row(751, "Y4", "S4", null, "E", "HTF_BRILLER", LocalDate.of(2019, 1, 10), LocalDate.of(2019, 1, 10),
                        new BigDecimal("900.00")),
                // Ends before it starts (a registration error): in force no day, so no month — and no failed run.
                row(751, "Y5", "S5", "p3", "H", "HTF_KONTANT", LocalDate.of(2019, 2, 10), LocalDate.of(2019, 1, 20),
                        new BigDecimal("10.00")));
        Dataset<Row> months = KyMonthly.benefitMonths(benefits, LocalDate.of(2019, 2, 28));
        assertEquals(List.of("2019-01|E|p1|4|0.12903", "2019-01|H|p1|6|0.19355", "2019-01|H|p2|2|0.06452",
                        "2019-02|H|p2|28|1.0"),
                Frames.lines(KyMonthly.personMonths(months), "maaned", "ydelsesart", "cpr_id", "dage",
                        "round(fuldtidsperson, 5)"));
        Dataset<Row> noCases = Frames.of(spark, "kommunekode INT, sag_id STRING, ydelsesart STRING,"
                + " sagsbehandling_start TIMESTAMP_NTZ, start_maaned STRING, sagsbehandling_afsluttet_maaned STRING,"
                + " afsluttet_maaned STRING, sagsbehandlingstid_min LONG, sagstid_min LONG,"
                + " bevillingsmodtager_cpr_id STRING, ydelsesmodtager_cpr_id STRING");
        Dataset<Row> noTasks = Frames.of(spark, "kommunekode INT, opgave_id STRING, sag_id STRING,"
                + " oprettet_tidspunkt TIMESTAMP_NTZ, oprettet_maaned STRING, afsluttet_maaned STRING,"
                + " opgavetid_min LONG");
        // Two (person, benefit) pairs but one unique person in January; the optician is a recipient, not a person.
        assertEquals(List.of("2019-01|E|1|1|1", "2019-01|H|2|2|2", "2019-01|I alt|3|2|2", "2019-02|H|1|1|1",
                        "2019-02|I alt|1|1|1"),
                Frames.lines(KyMonthly.aggregate(noCases, noTasks, months, "2019-03"), "maaned", "ydelsesart",
                        "antal_personer", "unik_person", "antal_modtagere"));
    }
}
