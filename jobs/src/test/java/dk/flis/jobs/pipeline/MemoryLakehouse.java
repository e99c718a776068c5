package dk.flis.jobs.pipeline;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The same table operations as {@link Lakehouse}, over local checkpoints instead of Delta tables: the whole graph
 * (bronze typing and quarantine, silver, gold, audit) runs exactly as in production, without the Delta log replay,
 * commit and Parquet files that cost a second per table. For tests of rule values; Delta behaviour itself (reruns,
 * rejected deliveries writing nothing, time travel) is tested on real Delta lakehouses.
 */
final class MemoryLakehouse extends Lakehouse {
    private final Map<String, Dataset<Row>> tables = new TreeMap<>();

    MemoryLakehouse(SparkSession spark) {
        super(spark, "memory-lakehouse-never-written");
    }

    private static String key(Layer layer, String name) {
        return layer.dir() + "/" + name;
    }

    @Override
    public boolean exists(Layer layer, String name) {
        return tables.containsKey(key(layer, name));
    }

    @Override
    public Dataset<Row> read(Layer layer, String name) {
        Dataset<Row> t = tables.get(key(layer, name));
        if (t == null) {
            throw new IllegalArgumentException("No table " + key(layer, name) + " in the in-memory lakehouse");
        }
        return t;
    }

    /**
     * Every table counts as large, so the tables maintained only from the MERGE size are maintained here and their
     * maintenance stays compared with the backfill; the Delta tests see them small and rebuilt.
     */
    @Override
    public long sizeInBytes(Layer layer, String name) {
        return Long.MAX_VALUE;
    }

    /** Materialised once, so later readers see a fixed table and plan over a short lineage. */
    private long put(Layer layer, String name, Dataset<Row> rows) {
        writableByDelta(key(layer, name), rows.schema());
        Dataset<Row> stored = rows.localCheckpoint(true);
        tables.put(key(layer, name), stored);
        return stored.count();
    }

    /** What Delta would refuse at the write: a column without a Parquet type, or a name it cannot store. */
    private static void writableByDelta(String table, StructType schema) {
        for (StructField f : schema.fields()) {
            if (f.dataType() instanceof NullType) {
                throw new IllegalStateException(table + "." + f.name() + " has no type (cast the null literal)");
            }
            if (f.name().chars().anyMatch(c -> " ,;{}()\n\t=".indexOf(c) >= 0)) {
                throw new IllegalStateException(table + " has a column name Delta cannot store: " + f.name());
            }
            if (f.dataType() instanceof StructType nested) {
                writableByDelta(table + "." + f.name(), nested);
            }
        }
    }

    @Override
    public long overwrite(Dataset<Row> rows, Layer layer, String name, String... partitionBy) {
        return put(layer, name, rows);
    }

    @Override
    public void replaceWhere(Dataset<Row> rows, Layer layer, String name, String condition, String... partitionBy) {
        put(layer, name, exists(layer, name) ? kept(layer, name, condition).unionByName(rows) : rows);
    }

    @Override
    public long[] replaceMatching(Dataset<Row> rows, Layer layer, String name, String condition) {
        long before = read(layer, name).count();
        Dataset<Row> kept = kept(layer, name, condition);
        long keptCount = kept.count();
        long total = put(layer, name, kept.unionByName(rows).coalesce(Math.max(1, kept.rdd().getNumPartitions())));
        return new long[] {total - keptCount, before - keptCount};
    }

    @Override
    public long[] replaceCitizens(Dataset<Row> rows, Layer layer, String name, Dataset<Row> citizens) {
        Dataset<Row> old = read(layer, name);
        // As Delta's MERGE on t.cpr_id = s.cpr_id: a row without a cpr_id matches no citizen and stays.
        Dataset<Row> kept = old.join(citizens.select("cpr_id"), new String[] {"cpr_id"}, "left_anti")
                .select(Arrays.stream(old.columns()).map(functions::col).toArray(Column[]::new))
                .localCheckpoint(true);
        Dataset<Row> inserted = rows.select(Arrays.stream(old.columns()).map(functions::col).toArray(Column[]::new));
        long keptCount = kept.count();
        // As Delta's files would be compacted by flis maintain; without it every run adds partitions.
        long total = put(layer, name, kept.unionByName(inserted).coalesce(Math.max(1, old.rdd().getNumPartitions())));
        return new long[] {total - keptCount, old.count() - keptCount};
    }

    @Override
    public void deleteWhere(Layer layer, String name, String condition) {
        if (exists(layer, name)) {
            put(layer, name, kept(layer, name, condition));
        }
    }

    /** The rows a Delta delete or replaceWhere with this condition leaves (a null condition keeps the row). */
    private Dataset<Row> kept(Layer layer, String name, String condition) {
        return read(layer, name).where(coalesce(not(expr(condition)), lit(true)));
    }

    @Override
    public void append(Dataset<Row> rows, Layer layer, String name) {
        put(layer, name, exists(layer, name) ? read(layer, name).unionByName(rows) : rows);
    }

    /**
     * Runs SQL written for {@code SqlCatalog} (e.g. docs/sql): each {@code layer.table} reference is read from a
     * temp view of the in-memory table.
     */
    Dataset<Row> sql(String query) {
        tables.forEach((k, t) -> t.createOrReplaceTempView(k.replace('/', '_') + "_mem"));
        return spark().sql(LAYER_REFERENCE.matcher(query).replaceAll("$1_$2_mem"));
    }

    private static final Pattern LAYER_REFERENCE = Pattern.compile("\\b(bronze|silver|gold|audit)\\.(\\w+)");

    @Override
    public List<String> tables(Layer layer) {
        List<String> names = new ArrayList<>();
        tables.keySet().stream().filter(k -> k.startsWith(layer.dir() + "/"))
                .forEach(k -> names.add(k.substring(layer.dir().length() + 1)));
        return names;
    }
}
