package dk.flis.jobs.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A table's first write creates it, later ones replace it; the rows written come from the commit itself. */
@ExtendWith(SparkExtension.class)
class OverwriteTest {
    @TempDir
    Path dir;

    @Test
    void firstWriteCreatesLaterOnesReplaceAndEachReturnsItsRows(SparkSession spark) throws Exception {
        Lakehouse lake = new Lakehouse(spark, dir.toString());
        // What a run killed during a table's first write leaves: the folder and an empty log, no table yet.
        Files.createDirectories(dir.resolve("gold/uger/_delta_log"));
        assertFalse(lake.exists(Layer.GOLD, "uger"));

        assertEquals(3, lake.overwrite(spark.sql("SELECT * FROM VALUES (101, 'a'), (751, 'b'), (751, 'c') "
                + "AS t(kommunekode, cpr_id)"), Layer.GOLD, "uger", "kommunekode"));
        assertTrue(lake.exists(Layer.GOLD, "uger"));
        assertEquals(2, lake.overwrite(spark.sql("SELECT * FROM VALUES (851, 'd'), (851, 'e') "
                + "AS t(kommunekode, cpr_id)"), Layer.GOLD, "uger", "kommunekode"));
        assertEquals(List.of("851|d", "851|e"), Frames.lines(lake.read(Layer.GOLD, "uger"), "kommunekode", "cpr_id"));
        assertEquals(List.of("0|WRITE", "1|WRITE"), Frames.lines(io.delta.tables.DeltaTable.forPath(spark,
                lake.path(Layer.GOLD, "uger")).history(), "version", "operation"));
        // The last commit read from its file says what history(1) says.
        Lakehouse.Commit last = lake.lastCommit(Layer.GOLD, "uger").orElseThrow();
        assertEquals(List.of(last.version() + "|" + last.operation() + "|" + last.timestamp() + "|2"),
                Frames.lines(io.delta.tables.DeltaTable.forPath(spark, lake.path(Layer.GOLD, "uger")).history(1),
                        "version", "operation", "timestamp", "operationMetrics['numOutputRows']"));
        assertEquals(1, last.version());
        assertEquals(java.util.Optional.empty(), lake.lastCommit(Layer.GOLD, "ingen"));
        assertEquals(0, lake.overwrite(spark.sql("SELECT 1 AS kommunekode, 'x' AS cpr_id WHERE false"), Layer.GOLD,
                "uger", "kommunekode"));
    }
}
