package dk.flis.jobs.lake;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;

/** Whether two tables hold the same rows: the guard of a maintained gold against a rebuild (tests and bench). */
public final class TableDifference {
    private TableDifference() {}

    /**
     * An order-free fingerprint of a table's contents: its row count and the sum of a 64-bit hash of every row
     * (columns by name, so their order does not matter). One aggregation, no shuffle of the rows; two tables with
     * the same fingerprint hold the same rows but for a hash collision.
     */
    public static String fingerprint(Dataset<Row> table) {
        Row r = table.agg(functions.count(functions.lit(1)), functions.coalesce(functions.sum(rowHash(table)),
                functions.lit(0))).first();
        return described(r.getLong(0), r.get(1));
    }

    private static String described(long rows, Object checksum) {
        return rows + " rows, checksum " + checksum;
    }

    /**
     * A row's 64-bit hash over its columns in name order, as a decimal so that a table's sum cannot overflow. A map
     * (DREAM's {@code vaerdier}) is hashed as its entries sorted by key: Spark hashes no map, and a map's entry order
     * is not part of its value.
     */
    private static Column rowHash(Dataset<Row> table) {
        StructType schema = table.schema();
        String[] names = table.columns().clone();
        Arrays.sort(names);
        return functions.xxhash64(Arrays.stream(names).map(n -> schema.apply(n).dataType() instanceof MapType
                ? functions.array_sort(functions.map_entries(functions.col(n))) : functions.col(n))
                .toArray(Column[]::new)).cast("decimal(38,0)");
    }

    /**
     * The {@link #fingerprint}s of two tables with the same column names, in one aggregation over both: the
     * comparison of a whole lakehouse with another costs a job per table, not two.
     */
    public static String[] fingerprints(Dataset<Row> a, Dataset<Row> b) {
        Column hash = rowHash(a).as("_h");
        String[] out = {described(0, 0), described(0, 0)};
        for (Row r : a.select(functions.lit(0).as("_side"), hash)
                .unionByName(b.select(functions.lit(1).as("_side"), hash))
                .groupBy("_side").agg(functions.count(functions.lit(1)), functions.sum("_h"))
                .collectAsList()) { // one row per side
            out[r.getInt(0)] = described(r.getLong(1), r.get(2));
        }
        return out;
    }

    /**
     * Rows in one frame but not the other, counted with multiplicity (both EXCEPT ALL directions in one
     * aggregation); columns are matched by name. 0 means identical contents.
     */
    public static long rows(Dataset<Row> x, Dataset<Row> other) {
        Column[] all = Arrays.stream(x.columns()).map(functions::col).toArray(Column[]::new);
        Row differing = x.withColumn("_side", functions.lit(1))
                .unionByName(other.select(all).withColumn("_side", functions.lit(-1)))
                .groupBy(all).agg(functions.sum("_side").as("_n"))
                .agg(functions.coalesce(functions.sum(functions.abs(functions.col("_n"))), functions.lit(0L)))
                .first();
        return differing.getLong(0);
    }
}
