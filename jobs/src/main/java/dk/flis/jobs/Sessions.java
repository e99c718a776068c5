package dk.flis.jobs;

import dk.flis.common.config.FlisConfig;
import dk.flis.common.spark.SparkSettings;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The one SparkSession of a CLI run: {@code local[*]} from config, or whatever spark-submit set. */
public final class Sessions {
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
}
