package dk.flis.common.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * "Latest delivery wins" (SPEC 2): per record id keep the row of the latest {@code leverance}, then the latest
 * of the given tie-breakers (e.g. {@code opdateret_tidspunkt}), then the last {@code linje}.
 *
 * <p>One hash aggregate of max(struct(order…, row)) instead of a sort-based window: struct ordering compares
 * field by field, nulls lowest.
 */
public final class LatestVersion {
    public static final String LEVERANCE = "leverance";
    public static final String LINJE = "linje";

    private LatestVersion() {}

    public static Dataset<Row> perKey(Dataset<Row> rows, List<String> keys, String... tieBreakers) {
        List<Column> order = new ArrayList<>();
        order.add(col(LEVERANCE));
        Arrays.stream(tieBreakers).map(c -> col(c)).forEach(order::add);
        order.add(col(LINJE));
        Column[] all = Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new);
        Column winner = max(struct(struct(order.toArray(Column[]::new)).as("o"), struct(all).as("r"))).as("w");
        Column[] keyCols = keys.stream().map(c -> col(c)).toArray(Column[]::new);
        return rows.groupBy(keyCols).agg(winner).select("w.r.*");
    }
}
