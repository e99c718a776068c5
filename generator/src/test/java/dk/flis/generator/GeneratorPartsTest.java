package dk.flis.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The generator's small rules, one at a time. */
class GeneratorPartsTest {

    @Test
    void cprCenturyDigitFollowsTheCprRule() {
        SplittableRandom rng = new SplittableRandom(1);
        for (LocalDate birth : new LocalDate[] {LocalDate.of(1956, 3, 4), LocalDate.of(1999, 12, 31),
            LocalDate.of(2000, 1, 1), LocalDate.of(2006, 7, 9), LocalDate.of(1936, 2, 29)}) {
            for (int i = 0; i < 200; i++) {
                String cpr = Cpr.of(birth, i % 2 == 0, rng);
                assertEquals(birth, Cpr.birthDate(cpr), cpr);
                assertEquals(i % 2 == 0, Cpr.isMale(cpr));
            }
        }
        assertEquals("0101901234".length(), Cpr.of(LocalDate.of(1990, 1, 1), false, rng).length());
        assertTrue(Cpr.of(LocalDate.of(1990, 1, 1), false, rng).startsWith("010190"));
    }

    @Test
    void largestRemainderKeepsTheTotalAndTheMinimum() {
        assertArrayEquals(new int[] {1, 1, 8}, Apportion.shares(new double[] {1, 1, 98}, 10, 1));
        assertArrayEquals(new int[] {3, 3, 4}, Apportion.shares(new double[] {1, 1, 1.01}, 10, 0));
        assertArrayEquals(new int[] {2, 1}, Apportion.shares(new double[] {1, 1}, 3, 0), "ties to the lower index");
        assertThrows(IllegalArgumentException.class, () -> Apportion.shares(new double[] {1, 1, 1}, 2, 1));
    }

    @Test
    void agePyramidSumsToTheTotalWithFewCentenarians() {
        int[][] c = AgePyramid.counts(100_000);
        assertEquals(100_000, Arrays.stream(c[0]).sum() + Arrays.stream(c[1]).sum());
        int over100 = 0;
        for (int age = 100; age <= 110; age++) {
            over100 += c[0][age] + c[1][age];
        }
        assertTrue(over100 > 0 && over100 < 100, "100+: " + over100);
        assertTrue(c[1][90] > c[0][90], "more women than men at 90");
        int working = 0;
        for (int age = 16; age <= 66; age++) {
            working += c[0][age] + c[1][age];
        }
        assertTrue(working > 60_000 && working < 70_000, "16-66: " + working);
    }

    @Test
    void weekendsMoveToAWorkingDayInsideTheWindow() {
        LocalDate lo = LocalDate.of(2020, 1, 1);
        LocalDate hi = LocalDate.of(2020, 5, 31); // a Sunday
        assertEquals(LocalDate.of(2020, 3, 6), PopulationBuilder.workingDay(LocalDate.of(2020, 3, 7), lo, hi));
        assertEquals(LocalDate.of(2020, 3, 9), PopulationBuilder.workingDay(LocalDate.of(2020, 3, 8), lo, hi));
        assertEquals(LocalDate.of(2020, 5, 29), PopulationBuilder.workingDay(hi, lo, hi));
        assertEquals(LocalDate.of(2020, 2, 3),
                PopulationBuilder.workingDay(LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 1), hi));
    }

    @Test
    void csvQuotesOnlyWhatNeedsIt() {
        assertEquals("a;\"b;c\";\"say \"\"hi\"\"\";;æøå",
                LandingCsv.line(new String[] {"a", "b;c", "say \"hi\"", null, "æøå"}));
    }

    @Test
    void yrAmountsRoundHalfAwayFromZeroAndPrintWithTwoDecimals() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int k = 0; k < 20_000; k++) {
            int oere = rng.nextInt(-3_000_000, 3_000_000);
            BigDecimal kr = BigDecimal.valueOf(oere, 2);
            assertEquals(kr.toPlainString(), YrStore.moneyText(oere));
            int sats = rng.nextInt(101);
            assertEquals(kr.multiply(BigDecimal.valueOf(sats)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(YrBuilder.percent(oere, sats), 2));
            int promille = rng.nextInt(1001);
            assertEquals(kr.multiply(BigDecimal.valueOf(promille)).divide(BigDecimal.valueOf(1000), 2,
                    RoundingMode.HALF_UP), BigDecimal.valueOf(YrBuilder.promille(oere, promille), 2));
        }
        assertEquals("0.00", YrStore.moneyText(0));
        assertEquals("-0.05", YrStore.moneyText(-5));
        assertEquals("-1.00", YrStore.moneyText(-100));
        assertEquals(0, YrBuilder.weekIndex(LocalDate.of(2020, 1, 1)));
        assertEquals(52, YrBuilder.weekIndex(LocalDate.of(2020, 12, 28))); // week 202053
        assertEquals(53, YrBuilder.weekIndex(LocalDate.of(2021, 1, 4))); // week 202101
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(ids.add(YrStore.eIndkomstId(i)));
        }
    }

    @Test
    void optionsDeriveTheWindowAndRejectNonsense() {
        GeneratorOptions o = new GeneratorOptions(Path.of("x"), YearMonth.of(2020, 1), YearMonth.of(2020, 4), 0.01, 1, 0);
        assertEquals(LocalDate.of(2016, 1, 1), o.historyStart());
        assertEquals(LocalDate.of(2014, 1, 1), o.firstVisitationFrom());
        assertEquals(LocalDate.of(2020, 3, 31), o.lastDataDay());
        assertEquals(4500, o.citizenCount());
        assertThrows(IllegalArgumentException.class,
                () -> new GeneratorOptions(Path.of("x"), YearMonth.of(2020, 4), YearMonth.of(2020, 1), 0.01, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new GeneratorOptions(Path.of("x"), YearMonth.of(2020, 1), YearMonth.of(2020, 1), 0, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new GeneratorOptions(Path.of("x"), YearMonth.of(2020, 1), YearMonth.of(2020, 1), 1, 1, 1.5));
    }
}
