package dk.flis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.config.FlisConfig;
import dk.flis.common.privacy.Pseudonymizer;
import dk.flis.common.test.SparkExtension;
import dk.flis.jobs.RunJob;
import dk.flis.jobs.config.ConfigLoader;
import dk.flis.jobs.generate.DeliveryGenerator;
import dk.flis.jobs.generate.GeneratorOptions;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's equality check on a small generated world with defects: the DuckDB reference, written
 * independently in SQL, must give exactly the Spark gold tables. (bench/run repeats it after an incremental month;
 * the jobs module proves incremental = backfill.)
 */
@ExtendWith(SparkExtension.class)
class DuckDbReferenceTest {
    @TempDir
    Path dir;

    @Test
    void duckDbReferenceEqualsSparkGold(SparkSession spark) throws Exception {
        Path all = dir.resolve("generated");
        new DeliveryGenerator(new GeneratorOptions(all, YearMonth.of(2020, 1), YearMonth.of(2020, 3), 0.004, 3L,
                0.004)).generate();
        Path landing = dir.resolve("landing");
        List<DeliveryMonth> months = Stream.of("2020-01", "2020-02", "2020-03").map(DeliveryMonth::parse).toList();
        BenchLanding.link(all, landing, months);
        FlisConfig config = ConfigLoader.load(Map.of("flis.landing", landing.toString(),
                "flis.lakehouse", dir.resolve("lakehouse").toString(), "flis.master", "local[2]"), Map.of(), null);

        new RunJob(spark, config).runAll();
        double seconds = new DuckDbReference(config, 2).run(landing, months, dir.resolve("duck"));
        List<GoldComparison.TableCheck> checks = new GoldComparison(spark, new Pseudonymizer(config.pseudonymKey()))
                .compare(config.lakehouse(), dir.resolve("duck"));

        assertEquals(DuckDbReference.TABLES.size(), checks.size());
        assertTrue(checks.stream().allMatch(GoldComparison.TableCheck::equal), checks.toString());
        assertTrue(seconds > 0);
        Map<String, Long> rows = checks.stream()
                .collect(Collectors.toMap(GoldComparison.TableCheck::table, GoldComparison.TableCheck::sparkRows));
        // Real data on both sides, including the planted counter anomalies (generated only with defects on).
        assertTrue(rows.get("fact_dfdg_visitationsforloeb") > 1000, rows.toString());
        assertTrue(rows.get("fact_dfdg_visitation_uge") > 50 * rows.get("fact_dfdg_visitationsforloeb"),
                rows.toString());
        assertTrue(rows.get("fact_yr_finans") > 100, rows.toString());
        assertTrue(rows.get("dq_yr_findings") >= 5, rows.toString());
    }
}
