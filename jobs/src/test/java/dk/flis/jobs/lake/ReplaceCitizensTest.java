package dk.flis.jobs.lake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Delta writes of a maintained run (issue 17): one MERGE per table for the touched citizens, with deletion vectors. */
@ExtendWith(SparkExtension.class)
class ReplaceCitizensTest {
    @TempDir
    Path dir;

    @Test
    void theTouchedCitizensRowsAreReplacedInOneCommitTheOthersKept(SparkSession spark) {
        Lakehouse lake = new Lakehouse(spark, dir.toString());
        Dataset<Row> weeks = Frames.of(spark, "kommunekode INT, cpr_id STRING, uge INT, dage INT",
                Frames.row(101, "a", 202001, 7), Frames.row(101, "a", 202002, 7), Frames.row(751, "b", 202001, 3),
                Frames.row(751, "c", 202001, 7), Frames.row(101, "c", 202002, 2));
        lake.overwrite(weeks, Layer.GOLD, "uger", "kommunekode");
        // Citizen c moved: recomputed, c has one week in 751; a has lost a week; d is new; b untouched.
        Dataset<Row> recomputed = Frames.of(spark, "kommunekode INT, cpr_id STRING, uge INT, dage INT",
                Frames.row(101, "a", 202001, 7), Frames.row(751, "c", 202001, 7), Frames.row(851, "d", 202002, 1));
        Dataset<Row> citizens = Frames.of(spark, "cpr_id STRING", Frames.row("a"), Frames.row("c"), Frames.row("d"));

        long[] merged = lake.mergeCitizens(recomputed, Layer.GOLD, "uger", citizens);

        assertArrayEquals(new long[] {3, 4}, merged, "inserted, deleted");
        assertEquals(List.of("101|a|202001|7", "751|b|202001|3", "751|c|202001|7", "851|d|202002|1"),
                Frames.lines(lake.read(Layer.GOLD, "uger"), "kommunekode", "cpr_id", "uge", "dage"));
        String path = lake.path(Layer.GOLD, "uger");
        // One commit. Kommune 751's file keeps b: c's row there is marked by a deletion vector, not rewritten;
        // kommune 101's file lost every row and is removed whole.
        assertEquals(List.of("MERGE|true|1"), Frames.lines(io.delta.tables.DeltaTable.forPath(spark, path).history(1),
                "operation", "CAST(operationMetrics['numTargetDeletionVectorsAdded'] > 0 AS STRING)",
                "operationMetrics['numTargetFilesRemoved']"));

        // A small table is rewritten whole instead (cheaper than a MERGE's jobs), with the same result.
        lake.overwrite(weeks, Layer.GOLD, "uger", "kommunekode");
        assertArrayEquals(new long[] {3, 4}, lake.replaceCitizens(recomputed, Layer.GOLD, "uger", citizens));
        assertEquals(List.of("101|a|202001|7", "751|b|202001|3", "751|c|202001|7", "851|d|202002|1"),
                Frames.lines(lake.read(Layer.GOLD, "uger"), "kommunekode", "cpr_id", "uge", "dage"));
        assertEquals(List.of("WRITE"), Frames.lines(io.delta.tables.DeltaTable.forPath(spark, path).history(1),
                "operation"));
        assertEquals(List.of("kommunekode", "cpr_id", "uge", "dage"),
                List.of(lake.read(Layer.GOLD, "uger").columns()), "the table's column order is kept");
    }

    @Test
    void theMonthsFromTheFirstChangeAreReplacedTheEarlierKept(SparkSession spark) {
        Lakehouse lake = new Lakehouse(spark, dir.toString());
        Dataset<Row> months = Frames.of(spark, "kommunekode INT, maaned STRING, antal LONG",
                Frames.row(101, "2020-08", 1L), Frames.row(101, "2020-09", 2L), Frames.row(751, "2020-10", 3L));
        Dataset<Row> recomputed = Frames.of(spark, "kommunekode INT, maaned STRING, antal LONG",
                Frames.row(101, "2020-09", 5L), Frames.row(751, "2020-11", 6L));
        for (boolean merge : List.of(false, true)) {
            lake.overwrite(months, Layer.GOLD, "maaneder", "kommunekode");
            long[] replaced = merge
                    ? lake.mergeMatching(recomputed, Layer.GOLD, "maaneder", "maaned >= '2020-09'")
                    : lake.replaceMatching(recomputed, Layer.GOLD, "maaneder", "maaned >= '2020-09'");
            assertArrayEquals(new long[] {2, 2}, replaced, "inserted, deleted; merge " + merge);
            assertEquals(List.of("101|2020-08|1", "101|2020-09|5", "751|2020-11|6"),
                    Frames.lines(lake.read(Layer.GOLD, "maaneder"), "kommunekode", "maaned", "antal"));
        }
    }
}
