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
        return scale(scale, 12, backfill, incremental, duck, check);
    }

    private static BenchReport.Scale scale(double scale, int months, double backfill, double incremental,
                                           double duck, GoldComparison.TableCheck check) {
        List<StepTimings.Step> steps = List.of(new StepTimings.Step("gold", backfill / 2, 100, 300));
        return new BenchReport.Scale(scale, months, 0, 1 << 20,
                new BenchReport.Run(new ChildRun(List.of("flis"), backfill, 2L << 30, 0), steps, duck, List.of(SAME)),
                new BenchReport.Run(new ChildRun(List.of("flis"), incremental, 1L << 30, 0), steps, duck,
                        List.of(check)),
                new RebuildCheck(new ChildRun(List.of("flis"), backfill * 0.9, 2L << 30, 0), 66,
                        check == SAME ? java.util.Map.of() : java.util.Map.of("gold.fact_yr_finans", 2L)),
                new ExportTiming(backfill / 10, backfill / 5, 98, 50, 5000), new LikeForLike(backfill / 20, 6));
    }

    private static BenchReport report() {
        return new BenchReport(LocalDateTime.of(2026, 11, 25, 10, 0), 2, DeliveryMonth.parse("2020-01"));
    }

    @Test
    void exponentIsTheLogLogSlope() {
        BenchReport r = report();
        // time = 1000 * scale: linear; time = 10 * scale^0.5 at the same scales: square root.
        r.add(scale(0.01, 10, 1, 1, SAME));
        r.add(scale(0.1, 100, 10, Math.sqrt(10), SAME));
        r.add(scale(1.0, 1000, 100, 10, SAME));
        assertEquals(1.0, r.scaleExponent(12, s -> s.backfill().child().seconds()), 1e-9);
        assertEquals(0.5, r.scaleExponent(12, s -> s.backfill().duckSeconds()), 1e-9);
        assertEquals(0.1, r.scales().get(0).incrementalShare(), 1e-9);
        assertEquals(10.0, r.scales().get(0).backfill().sparkPerDuck(), 1e-9);
        assertEquals(0.5, r.scales().get(0).likeForLikeRatio(), 1e-9);
        assertTrue(Double.isNaN(report().scaleExponent(12, s -> 1)));
        assertTrue(Double.isNaN(r.scaleExponent(36, s -> 1)), "no run with 36 deliveries");
    }

    @Test
    void historyExponentIsTheSlopeOverDeliveriesAtOneScale() {
        BenchReport r = report();
        // At 0.1: 3× the deliveries cost 3× the backfill (linear) and 3^0.25× the incremental month.
        r.add(scale(0.1, 12, 100, 10, 2, SAME));
        r.add(scale(0.1, 36, 300, 10 * Math.pow(3, 0.25), 2, SAME));
        r.add(scale(0.01, 12, 50, 5, 1, SAME));
        assertEquals(1.0, r.historyExponent(0.1, s -> s.backfill().child().seconds()), 1e-9);
        assertEquals(0.25, r.historyExponent(0.1, s -> s.incremental().child().seconds()), 1e-9);
        assertEquals(0.0, r.historyExponent(0.1, s -> s.backfill().duckSeconds()), 1e-9);
        assertTrue(Double.isNaN(r.historyExponent(0.01, s -> 1)), "one history length at 0.01");
        // Scale exponent only within one history length: 12 deliveries at 0.01 and 0.1, 50 → 100 s.
        assertEquals(Math.log(2) / Math.log(10), r.scaleExponent(12, s -> s.backfill().child().seconds()), 1e-9);
        String summary = r.summary();
        assertTrue(summary.contains("| 0.1 (36 + 1) | 300.0 |"), summary);
        assertTrue(summary.contains("History exponent at scale 0.1 (time ∝ deliveries^h): Spark backfill h = 1.00, "
                + "incremental h = 0.25, DuckDB h = 0.00"), summary);
        assertTrue(summary.contains("History exponent at scale 0.01: needs two history lengths"), summary);
        assertTrue(summary.contains("Scaling exponent at 12 + 1 deliveries (time ∝ scale^k): Spark backfill k = 0.30"),
                summary);
        assertTrue(summary.contains("Scaling exponent at 36 + 1 deliveries: needs two scales"), summary);
        assertTrue(r.scaleBlock(r.scales().get(1)).contains("36 deliveries 2020-01 … 2022-12 + 2023-01"),
                r.scaleBlock(r.scales().get(1)));
    }

    @Test
    void summaryShowsRatiosAndAnyDifference() {
        BenchReport r = report();
        r.add(scale(0.01, 200, 30, 2, SAME));
        assertTrue(r.allEqual());
        String summary = r.summary();
        assertTrue(summary.contains("| 0.01 (12 + 1) | 200.0 | 30.0 | 15.0 % | 180.0 | 2.0 | 100.0× | 10.0 | 5.0× | 2.0 GB | 2.0× "
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
