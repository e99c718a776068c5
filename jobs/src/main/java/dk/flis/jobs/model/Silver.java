package dk.flis.jobs.model;

import static org.apache.spark.sql.functions.col;

import dk.flis.common.silver.LatestVersion;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The two silver rules every source shares: latest version per key, and cpr → cpr_id. */
final class Silver {
    private Silver() {}

    /** Latest version per key (latest delivery, then the tie-breakers, then the last line); lineage stays in bronze. */
    static Dataset<Row> latest(Dataset<Row> bronze, List<String> keys, String... tieBreakers) {
        return LatestVersion.perKey(bronze, keys, tieBreakers).drop("fil");
    }

    /** Silver never holds a cpr: it becomes cpr_id. */
    static Dataset<Row> pseudonymised(Inputs in, Dataset<Row> rows) {
        return rows.withColumn("cpr_id", in.context().pseudonymizer().cprId(col("cpr"))).drop("cpr");
    }
}
