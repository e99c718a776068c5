package dk.flis.bench;

import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import dk.flis.jobs.lake.TableDifference;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * The guard of the maintained monthly run (issue 17): a copy of the lakehouse after the incremental month is
 * rebuilt with {@code flis run --rebuild}, and every silver and gold table of the two must hold the same rows.
 */
record RebuildCheck(ChildRun child, int tables, Map<String, Long> differing) {
    boolean equal() {
        return differing.isEmpty();
    }

    static RebuildCheck measure(SparkSession spark, Path lakehouse, Path copy, Function<Path, ChildRun> rebuild)
            throws IOException {
        org.apache.commons.io.FileUtils.deleteDirectory(copy.toFile());
        org.apache.commons.io.FileUtils.copyDirectory(lakehouse.toFile(), copy.toFile());
        ChildRun child = rebuild.apply(copy);
        Lakehouse maintained = new Lakehouse(spark, lakehouse.toString());
        Lakehouse rebuilt = new Lakehouse(spark, copy.toString());
        Map<String, Long> differing = new TreeMap<>();
        int tables = 0;
        for (Layer layer : List.of(Layer.SILVER, Layer.GOLD)) {
            for (String table : maintained.tables(layer)) {
                tables++;
                String[] both = TableDifference.fingerprints(maintained.read(layer, table), rebuilt.read(layer, table));
                if (!both[0].equals(both[1])) {
                    differing.put(layer.dir() + "." + table,
                            TableDifference.rows(maintained.read(layer, table), rebuilt.read(layer, table)));
                }
            }
        }
        return new RebuildCheck(child, tables, differing);
    }
}
