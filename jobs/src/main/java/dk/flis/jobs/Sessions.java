package dk.flis.jobs;

import dk.flis.common.config.FlisConfig;
import dk.flis.common.spark.SparkSettings;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/** The one SparkSession of a CLI run: {@code local[*]} from config, or whatever spark-submit set. */
public final class Sessions {
    /** How expressions are evaluated: {@code NO_CODEGEN} interprets them, which is cheaper for small batches. */
    public static final String CODEGEN_MODE = "spark.sql.codegen.factoryMode";
    /** The largest generated method Spark runs as one whole stage before falling back to per-operator code. */
    public static final String HUGE_METHOD_LIMIT = "spark.sql.codegen.hugeMethodLimit";
    /** Whether the operators of a stage are fused into one generated method. */
    public static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
    /** Expressions interpreted, nothing compiled: for batches too small to repay the code generation. */
    public static final Map<String, String> INTERPRETED = Map.of(CODEGEN_MODE, "NO_CODEGEN");
    /** Each expression compiled on its own, no whole-stage method: for plans whose whole stage is too large. */
    public static final Map<String, String> PER_EXPRESSION = Map.of(WHOLE_STAGE, "false");

    private Sessions() {}

    public static SparkSession create(FlisConfig config) {
        SparkConf submitted = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName("flis-lakehouse");
        String master = submitted.get("spark.master", null);
        if (master == null) {
            master = config.master() == null ? "local[*]" : config.master();
            builder.master(master);
            builder.config("spark.ui.enabled", "false");
        }
        SparkSettings.required().forEach(builder::config);
        if (master.startsWith("local")) {
            SparkSettings.local().forEach(builder::config);
        }
        // Keep Spark's own catalog files out of the working directory.
        builder.config("spark.sql.warehouse.dir", config.lakehouse() + "/_catalog");
        config.spark().forEach(builder::config);
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        return spark;
    }

    /**
     * Runs {@code work} with these session settings, each only where the session does not set it itself (conf's
     * {@code spark} section, the tests), and takes them away again afterwards.
     */
    public static void withDefaults(SparkSession spark, Map<String, String> settings, Runnable work) {
        RuntimeConfig conf = spark.conf();
        List<String> added = settings.keySet().stream().filter(k -> !conf.contains(k)).toList();
        added.forEach(k -> conf.set(k, settings.get(k)));
        try {
            work.run();
        } finally {
            added.forEach(conf::unset);
        }
    }
}
