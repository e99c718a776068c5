package dk.flis.common.yr;

import static dk.flis.common.test.Frames.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class CounterValidationTest {
    static final RefusionLadder LADDER = new RefusionLadder(Map.of(
            "Refusion", List.of(new LadderStep(1, 80), new LadderStep(5, 40), new LadderStep(27, 30),
                    new LadderStep(53, 20)),
            "Medfinansiering", List.of(new LadderStep(1, 20), new LadderStep(5, 60), new LadderStep(27, 70),
                    new LadderStep(53, 80))));
    private static final String DDL = "beregning_id STRING, cpr_id STRING, finansieringskommune INT, ydelse STRING,"
            + " finansieringstype STRING, sats INT, beregningsstart DATE, bruttoudgift DECIMAL(18,2),"
            + " refusion DECIMAL(18,2), medfinansiering DECIMAL(18,2), fleksbidrag DECIMAL(18,2),"
            + " finansieringsbeloeb DECIMAL(18,2), ydelsestaeller INT";

    private static Row kh(String id, String start, int brutto, int taeller, int sats) {
        BigDecimal ref = BigDecimal.valueOf(brutto * sats / 100L).setScale(2);
        return row(id, "c1", 665, "Kontanthjælp", "Refusion", sats, LocalDate.parse(start),
                BigDecimal.valueOf(brutto).setScale(2), ref, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                ref, taeller);
    }

    private static Row ad(String id, String start, int brutto, int taeller, int sats) {
        BigDecimal med = BigDecimal.valueOf(brutto * sats / 100L).setScale(2);
        return row(id, "c2", 665, "Arbejdsløshedsdagpenge", "Medfinansiering", sats, LocalDate.parse(start),
                BigDecimal.valueOf(brutto).setScale(2), BigDecimal.ZERO.setScale(2), med,
                BigDecimal.ZERO.setScale(2), med.negate(), taeller);
    }

    @Test
    void eachRuleFindsExactlyItsCases(SparkSession spark) {
        Dataset<Row> yr = Frames.of(spark, DDL,
                kh("1", "2020-12-21", 3000, 4, 80),
                kh("2", "2020-12-28", 2000, 5, 40),      // 202053 split over the year end:
                kh("3", "2021-01-01", 1500, 5, 40),      //   one week, counter 5 (+1: fine)
                kh("4", "2021-01-04", 3000, 5, 40),      // 202101: counter stands still after 202053
                kh("5", "2021-01-11", 3000, 7, 40),      // 202102: jumps 5 → 7
                kh("6", "2021-01-18", 6000, 8, 80),      // 202103: sats 80 where the ladder says 40 …
                kh("7", "2021-01-20", 5000, 8, 40),      //   … and the week's brutto reaches 11 000
                row("8", "c1", 665, "Kontanthjælp", "Refusion", 40, LocalDate.parse("2021-02-01"),
                        new BigDecimal("500.00"), new BigDecimal("200.00"), new BigDecimal("50.00"),
                        new BigDecimal("0.00"), new BigDecimal("100.00"), 8), // 202105 after a gap; 100 ≠ 150
                ad("9", "2020-12-28", 10000, 30, 70),    // exactly 10 000: found (≥)
                ad("10", "2021-01-04", 2000, 31, 70));
        assertEquals(List.of(
                        "BELOEB_UOVERENSSTEMMELSE|c1|202105|Kontanthjælp|8|null|500.00|40|null|100.00|150.00",
                        "BRUTTO_OVER_10000|c1|202103|Kontanthjælp|8|null|11000.00|null|null|null|null",
                        "BRUTTO_OVER_10000|c2|202053|Arbejdsløshedsdagpenge|30|null|10000.00|null|null|null|null",
                        "SATS_FORKERT|c1|202103|Kontanthjælp|8|null|6000.00|80|40|4800.00|null",
                        "TAELLER_SPRING|c1|202102|Kontanthjælp|7|5|3000.00|null|null|null|null",
                        "TAELLER_STAAR_STILLE|c1|202101|Kontanthjælp|5|5|3000.00|null|null|null|null"),
                Frames.lines(CounterValidation.findings(yr, LADDER), "regel", "cpr_id", "uge", "ydelse",
                        "ydelsestaeller", "forrige_ydelsestaeller", "bruttoudgift", "sats", "forventet_sats",
                        "finansieringsbeloeb", "forventet_finansieringsbeloeb"));
    }

    @Test
    void findingsFromAWeekAreTheFullTablesFromThatWeek(SparkSession spark) {
        Dataset<Row> yr = Frames.of(spark, DDL,
                kh("1", "2020-12-21", 3000, 4, 80),
                kh("2", "2020-12-28", 2000, 5, 40),      // 202053, split over the year end
                kh("3", "2021-01-01", 1500, 5, 40),
                kh("4", "2021-01-04", 3000, 5, 40),      // 202101: stands still after 202053
                kh("5", "2021-01-11", 3000, 7, 40),      // 202102: jumps
                kh("6", "2021-01-18", 12000, 8, 80),     // 202103: brutto and sats
                ad("9", "2020-12-28", 10000, 30, 70));
        String[] columns = CounterValidation.COLUMNS.toArray(String[]::new);
        Dataset<Row> all = CounterValidation.findings(yr, LADDER);
        for (int week : List.of(202053, 202101, 202102, 202103, 202104)) {
            assertEquals(Frames.lines(all.where("uge >= " + week), columns),
                    Frames.lines(CounterValidation.findings(yr, LADDER, java.util.Optional.of(week)), columns),
                    "from " + week);
        }
        // The week before matters: from 202101 the counter that stood still is still found.
        assertEquals(List.of("TAELLER_STAAR_STILLE|202101"), Frames.lines(CounterValidation.findings(yr, LADDER,
                java.util.Optional.of(202101)).where("uge = 202101"), "regel", "uge"));
    }

    @Test
    void ladderGivesTheLawsSats() {
        assertEquals(80, LADDER.sats("Refusion", 4));
        assertEquals(40, LADDER.sats("Refusion", 5));
        assertEquals(30, LADDER.sats("Refusion", 52));
        assertEquals(20, LADDER.sats("Refusion", 53));
        assertEquals(60, LADDER.sats("Medfinansiering", 26));
        assertEquals(80, LADDER.sats("Medfinansiering", 200));
    }
}
