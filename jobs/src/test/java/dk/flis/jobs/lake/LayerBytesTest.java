package dk.flis.jobs.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.test.SparkExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A layer's size, counted only as far as a threshold needs (ModelRunner's choice of interpreted expressions). */
@ExtendWith(SparkExtension.class)
class LayerBytesTest {
    @TempDir
    Path dir;

    @Test
    void countsFilesInNestedFoldersAndStopsOnceTheLimitIsReached(SparkSession spark) throws IOException {
        Lakehouse lake = new Lakehouse(spark, dir.toString());
        assertEquals(0, lake.bytesUpTo(Layer.BRONZE, 1000), "no bronze folder yet");

        Path table = Files.createDirectories(dir.resolve(Layer.BRONZE.dir()).resolve("dfdg_forloeb/_delta_log"));
        for (int i = 0; i < 5; i++) {
            Files.write(table.resolveSibling("part-" + i + ".parquet"), new byte[100]);
        }
        Files.write(table.resolve("00000000000000000000.json"), new byte[50]);

        assertEquals(550, lake.bytesUpTo(Layer.BRONZE, 1000), "all files, the log's included");
        long partial = lake.bytesUpTo(Layer.BRONZE, 120);
        assertTrue(partial >= 120 && partial <= 200, "stops after the file that reaches the limit: " + partial);
        assertEquals(0, lake.bytesUpTo(Layer.BRONZE, 0), "a threshold of 0 walks nothing");
        assertEquals(0, lake.bytesUpTo(Layer.GOLD, 1000));
    }
}
