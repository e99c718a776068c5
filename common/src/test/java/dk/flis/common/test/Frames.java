package dk.flis.common.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Tiny DataFrames inline, and results as sorted string lists for exact assertions. */
public final class Frames {
    private Frames() {}

    /** {@code of(spark, "cpr_id STRING, d DATE", row("a", LocalDate.of(...)), …)}. */
    public static Dataset<Row> of(SparkSession spark, String ddl, Row... rows) {
        return spark.createDataFrame(Arrays.asList(rows), StructType.fromDDL(ddl));
    }

    public static Row row(Object... values) {
        return RowFactory.create(values);
    }

    /** The selected columns of every row as "v1|v2|…", sorted — compare with a hand-written list. */
    public static List<String> lines(Dataset<Row> df, String... columns) {
        List<String> out = new ArrayList<>();
        for (Row r : df.selectExpr(columns).collectAsList()) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) {
                    sb.append('|');
                }
                sb.append(r.isNullAt(i) ? "null" : r.get(i).toString());
            }
            out.add(sb.toString());
        }
        out.sort(String::compareTo);
        return out;
    }
}
