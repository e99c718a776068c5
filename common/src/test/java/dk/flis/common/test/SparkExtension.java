package dk.flis.common.test;

import dk.flis.common.spark.SparkSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local SparkSession per test JVM ({@code local[2]}, 2 shuffle partitions, UI off, Delta configured,
 * interpreted expressions),
 * shared by every test class that uses {@code @ExtendWith(SparkExtension.class)} and stopped — with its temp
 * folder deleted — when the JUnit run ends. Tests take it as a {@link SparkSession} parameter.
 */
public final class SparkExtension implements ParameterResolver {
    private static final String KEY = "flis.spark";

    /**
     * Test data is tiny: compiling generated code for each of hundreds of distinct plans costs more than
     * interpreting them (same results; the demo and bench check in CI run with codegen), and Delta's post-commit
     * checksum is a second state reconstruction per write: a hand-made run on Delta went from 45 s to 39 s. Also
     * for the {@code flis} child processes a test starts (as {@code -D} flags).
     */
    public static final Map<String, String> TINY_DATA = Map.of(
            "spark.sql.codegen.wholeStage", "false",
            "spark.sql.codegen.factoryMode", "NO_CODEGEN",
            "spark.databricks.delta.writeChecksumFile.enabled", "false");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SparkSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, k -> new SharedSession(), SharedSession.class).spark;
    }

    /** Closed by JUnit once, at the end of the run. */
    static final class SharedSession implements AutoCloseable {
        final SparkSession spark;
        final Path dir;

        SharedSession() {
            try {
                dir = Files.createTempDirectory("flis-spark-test");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            SparkSession.Builder b = SparkSession.builder()
                    .appName("flis-tests")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "2")
                    .config("spark.databricks.delta.snapshotPartitions", "2")
                    .config("spark.sql.warehouse.dir", dir.resolve("warehouse").toString())
                    .config("spark.driver.host", "127.0.0.1");
            TINY_DATA.forEach(b::config);
            SparkSettings.required().forEach(b::config);
            SparkSettings.local().forEach(b::config);
            spark = b.getOrCreate();
            spark.sparkContext().setLogLevel("ERROR");
        }

        @Override
        public void close() throws IOException {
            spark.stop();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
