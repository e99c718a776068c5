package dk.flis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.calendar.DeliveryMonth;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static final GoldComparison.TableCheck SAME =
            new GoldComparison.TableCheck("fact_yr_finans", 3, 3, "a1", "a1", 0, 0, List.of());
    private static final GoldComparison.TableCheck DIFFERENT =
            new GoldComparison.TableCheck("fact_yr_finans", 3, 3, "a1", "b2", 1, 1, List.of("spark: x", "duckdb: y"));

    private static BenchReport.Scale scale(double scale, double backfill, double incremental, double duck,
                                           GoldComparison.TableCheck check) {
        List<StepTimings.Step> steps = List.of(new StepTimings.Step("gold", backfill / 2, 100, 300));
        return new BenchReport.Scale(scale, 0, 1 << 20,
                new BenchReport.Run(new ChildRun(List.of("flis"), backfill, 2L << 30, 0), steps, duck, List.of(SAME)),
                new BenchReport.Run(new ChildRun(List.of("flis"), incremental, 1L << 30, 0), steps, duck,
                        List.of(check)),
                new RebuildCheck(new ChildRun(List.of("flis"), backfill * 0.9, 2L << 30, 0), 66,
                        check == SAME ? java.util.Map.of() : java.util.Map.of("gold.fact_yr_finans", 2L)),
                new ExportTiming(backfill / 10, backfill / 5, 98, 50, 5000), new LikeForLike(backfill / 20, 6));
    }

    private static BenchReport report() {
        return new BenchReport(LocalDateTime.of(2026, 11, 25, 10, 0), 2, DeliveryMonth.parse("2020-01"),
                DeliveryMonth.parse("2020-12"), DeliveryMonth.parse("2021-01"));
    }

    @Test
    void exponentIsTheLogLogSlope() {
        BenchReport r = report();
        // time = 1000 * scale: linear; time = 10 * scale^0.5 at the same scales: square root.
        r.add(scale(0.01, 10, 1, 1, SAME));
        r.add(scale(0.1, 100, 10, Math.sqrt(10), SAME));
        r.add(scale(1.0, 1000, 100, 10, SAME));
        assertEquals(1.0, r.exponent(s -> s.backfill().child().seconds()), 1e-9);
        assertEquals(0.5, r.exponent(s -> s.backfill().duckSeconds()), 1e-9);
        assertEquals(0.1, r.scales().get(0).incrementalShare(), 1e-9);
        assertEquals(10.0, r.scales().get(0).backfill().sparkPerDuck(), 1e-9);
        assertEquals(0.5, r.scales().get(0).likeForLikeRatio(), 1e-9);
        assertTrue(Double.isNaN(report().exponent(s -> 1)));
    }

    @Test
    void summaryShowsRatiosAndAnyDifference() {
        BenchReport r = report();
        r.add(scale(0.01, 200, 30, 2, SAME));
        assertTrue(r.allEqual());
        String summary = r.summary();
        assertTrue(summary.contains("| 0.01 | 200.0 | 30.0 | 15.0 % | 180.0 | 2.0 | 100.0× | 10.0 | 5.0× | 2.0 GB | 2.0× "
                + "| yes | yes (66 tables) |"), summary);
        r.add(scale(0.03, 400, 60, 4, DIFFERENT));
        assertFalse(r.allEqual());
        assertTrue(r.summary().contains("Equality check FAILED"));
        assertTrue(r.scaleBlock(r.scales().get(1)).contains("**NO** [spark: x, duckdb: y]"));
        assertTrue(r.scaleBlock(r.scales().get(1)).contains("(66 tables) | **NO** {gold.fact_yr_finans=2} |"),
                r.scaleBlock(r.scales().get(1)));
        assertTrue(r.scaleBlock(r.scales().get(1)).contains(
                "| export | **`flis export --all`** (98 packages, 5000 files) | **80.0** |"), r.scaleBlock(r.scales().get(1)));
    }
}
