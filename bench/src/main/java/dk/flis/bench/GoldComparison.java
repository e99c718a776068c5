package dk.flis.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import dk.flis.common.privacy.Pseudonymizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * The equality check of bench/run: every DuckDB result table against the gold table of the same name, as a
 * multiset of rows (EXCEPT ALL both ways), plus row counts and an order-independent checksum for the report.
 * DuckDB works on cpr; its cpr becomes cpr_id with the project's pseudonymisation before comparing.
 */
public final class GoldComparison {
    /** One table: counts, checksums and the rows found on one side only. */
    public record TableCheck(String table, long sparkRows, long duckRows, String sparkChecksum, String duckChecksum,
                             long onlyInSpark, long onlyInDuck, List<String> sample) {
        public boolean equal() {
            return sparkRows == duckRows && onlyInSpark == 0 && onlyInDuck == 0
                    && sparkChecksum.equals(duckChecksum);
        }
    }

    private final SparkSession spark;
    private final Pseudonymizer pseudonymizer;

    public GoldComparison(SparkSession spark, Pseudonymizer pseudonymizer) {
        this.spark = spark;
        this.pseudonymizer = pseudonymizer;
    }

    public List<TableCheck> compare(String lakehouse, Path duckDir) {
        List<TableCheck> out = new ArrayList<>();
        for (String table : DuckDbReference.TABLES) {
            Dataset<Row> gold = spark.read().format("delta").load(lakehouse + "/gold/" + table);
            Dataset<Row> duck = spark.read().parquet(duckDir.resolve(table + ".parquet").toString());
            if (Arrays.asList(duck.columns()).contains("cpr")) {
                duck = duck.withColumn("cpr_id", pseudonymizer.cprId(col("cpr"))).drop("cpr");
            }
            // Both sides in gold's column order and types, then as text: one canonical form to compare and hash.
            List<Column> goldCols = new ArrayList<>();
            List<Column> duckCols = new ArrayList<>();
            for (StructField f : gold.schema().fields()) {
                goldCols.add(col(f.name()).cast("string").as(f.name()));
                duckCols.add(col(f.name()).cast(f.dataType()).cast("string").as(f.name()));
            }
            Dataset<Row> s = gold.select(goldCols.toArray(Column[]::new));
            Dataset<Row> d = duck.select(duckCols.toArray(Column[]::new));
            Row sa = summary(s);
            Row da = summary(d);
            Dataset<Row> onlySpark = s.exceptAll(d).cache();
            Dataset<Row> onlyDuck = d.exceptAll(s).cache();
            // A few differing rows of each side make a failed check readable (cpr_id only, never a cpr).
            List<String> sample = new ArrayList<>();
            onlySpark.takeAsList(3).forEach(r -> sample.add("spark: " + r.mkString("|")));
            onlyDuck.takeAsList(3).forEach(r -> sample.add("duckdb: " + r.mkString("|")));
            out.add(new TableCheck(table, sa.getLong(0), da.getLong(0), checksum(sa), checksum(da),
                    onlySpark.count(), onlyDuck.count(), List.copyOf(sample)));
            onlySpark.unpersist();
            onlyDuck.unpersist();
        }
        return out;
    }

    /** Row count and the sum of a 32-bit row hash (a sum, so row order and partitioning do not matter). */
    private static Row summary(Dataset<Row> rows) {
        Column hash = pmod(xxhash64(Arrays.stream(rows.columns()).map(c -> col("`" + c + "`"))
                .toArray(Column[]::new)), lit(4294967296L));
        return rows.agg(count(lit(1)), sum(hash)).first();
    }

    private static String checksum(Row summary) {
        return summary.isNullAt(1) ? "0" : Long.toHexString(summary.getLong(1));
    }
}
