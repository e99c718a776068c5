package dk.flis.jobs.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.test.SparkExtension;
import dk.flis.jobs.cli.FlisCli;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** flis maintain: compaction where files are small and many, VACUUM within the retention keeps time travel. */
@ExtendWith(SparkExtension.class)
class MaintenanceTest {
    @TempDir
    Path dir;

    @Test
    void smallFilesBeyondOnePerPartitionNeedCompaction() {
        assertTrue(Maintenance.needsCompaction(8, 8 << 10, 1));
        assertFalse(Maintenance.needsCompaction(98, 98 << 10, 98), "one file per kommunekode partition");
        assertFalse(Maintenance.needsCompaction(4, 4L * Maintenance.SMALL_FILE_BYTES, 1), "large files");
        assertFalse(Maintenance.needsCompaction(1, 10, 1));
    }

    @Test
    void compactsAndTimeTravelWithinTheRetentionStillWorks(SparkSession spark) {
        Lakehouse lake = new Lakehouse(spark, dir.toString());
        for (int i = 0; i < 4; i++) { // versions 0 … 3, two small files each
            lake.append(spark.range(i * 10L, i * 10L + 10).toDF("id").repartition(2), Layer.GOLD, "t");
        }
        String path = lake.path(Layer.GOLD, "t");

        List<Maintenance.TableResult> dry = new Maintenance(lake, 720).run(true);
        assertEquals(List.of(new Maintenance.TableResult("gold.t", 8, 8, true, 0)), dry);
        assertEquals(4, spark.sql("DESCRIBE HISTORY delta.`" + path + "`").count(), "a dry run writes nothing");

        List<Maintenance.TableResult> done = new Maintenance(lake, 720).run(false);
        assertEquals(List.of(new Maintenance.TableResult("gold.t", 8, 1, true, 0)), done);
        assertEquals(40, lake.read(Layer.GOLD, "t").count());
        // The compacted-away files are younger than 720 hours: every version is still readable.
        assertEquals(20, spark.read().format("delta").option("versionAsOf", 1).load(path).count());
        assertEquals(10, spark.read().format("delta").option("versionAsOf", 0).load(path).count());

        assertEquals(0, FlisCli.execute("maintain", "--dry-run", "--lakehouse", dir.toString()));
        assertFalse(java.nio.file.Files.exists(dir.resolve(LakehouseLock.FILE)), "the lock is released");
    }
}
