package dk.flis.jobs.bronze;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dk.flis.common.landing.RawRows;
import dk.flis.common.landing.Source;
import dk.flis.jobs.FlisException;
import dk.flis.jobs.Parallel;
import dk.flis.jobs.Progress;
import dk.flis.jobs.Sessions;
import dk.flis.jobs.audit.AuditLog;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import dk.flis.jobs.landing.Delivery;
import dk.flis.jobs.landing.DeliveryFile;
import dk.flis.jobs.landing.DeliveryReader;
import dk.flis.jobs.landing.LandingZone;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Landing → bronze for a batch of verified deliveries: rows as delivered (typed) with lineage, bad rows to
 * {@code bronze.quarantine}. One Delta write per source for the whole batch, each a {@code replaceWhere} on the
 * batch's delivery months, so a rerun replaces exactly what those months produced.
 */
public final class BronzeStep {
    public static final String QUARANTINE = "quarantine";
    /** The verified manifest of every loaded delivery: what bronze holds, and the horizon of gold. */
    public static final String DELIVERIES = "leverancer";

    private static final StructType DELIVERY_SCHEMA = new StructType()
            .add("leverance", DataTypes.StringType)
            .add("fil", DataTypes.StringType)
            .add("antal_raekker", DataTypes.LongType)
            .add("sha256", DataTypes.StringType);

    private static final long INTERPRET_BELOW_ROWS = 50_000;

    private final Lakehouse lake;
    private final DeliveryReader reader;
    private final AuditLog audit;

    public BronzeStep(Lakehouse lake, AuditLog audit) {
        this.lake = lake;
        this.reader = new DeliveryReader(lake.spark());
        this.audit = audit;
    }

    public void load(List<Delivery> deliveries) {
        String months = deliveries.stream().map(d -> "'" + d.month() + "'").collect(Collectors.joining(", "));
        String batch = "leverance IN (" + months + ")";
        List<Dataset<Row>> quarantined = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Map<String, String>, List<Runnable>> bySettings = new LinkedHashMap<>();
        for (Source source : Source.values()) {
            long rows = deliveries.stream().flatMap(d -> d.files().stream())
                    .filter(f -> f.source() == source).mapToLong(DeliveryFile::rows).sum();
            bySettings.computeIfAbsent(settings(source, rows), k -> new ArrayList<>())
                    .add(() -> loadSource(source, deliveries, batch, quarantined));
        }
        try {
            bySettings.forEach((settings, sources) ->
                    Sessions.withDefaults(lake.spark(), settings, () -> Parallel.run(sources)));
        } catch (Exception e) { // Hadoop's InvalidInputException is a checked IOException thrown through Scala
            throw LandingZone.disappeared(deliveries, lake.spark().sparkContext().hadoopConfiguration())
                    .orElseThrow(() -> e instanceof RuntimeException r ? r
                            : new FlisException(e.getClass().getSimpleName() + ": " + e.getMessage(), e));
        }
        Instant started = Instant.now();
        Dataset<Row> allBad = quarantined.isEmpty()
                ? lake.spark().createDataFrame(List.of(), quarantineSchema())
                : quarantined.stream().reduce(Dataset::unionByName).orElseThrow();
        lake.replaceWhere(allBad, Layer.BRONZE, QUARANTINE, batch, DeliveryReader.LEVERANCE);
        List<Row> manifestRows = new ArrayList<>();
        for (Delivery d : deliveries) {
            for (DeliveryFile f : d.files()) {
                manifestRows.add(RowFactory.create(d.month().toString(), f.name(), f.rows(), f.sha256()));
            }
        }
        lake.replaceWhere(lake.spark().createDataFrame(manifestRows, DELIVERY_SCHEMA).coalesce(1),
                Layer.BRONZE, DELIVERIES, batch);
        Progress.step("bronze.quarantine, bronze.leverancer", started);
    }

    /**
     * One source for the whole batch: parse once (cached), count per file, write good rows, and keep the few bad
     * ones checkpointed so the cache is released before the next source: a backfill of DREAM's wide lines does not
     * fit in the driver beside every other source.
     */
    private void loadSource(Source source, List<Delivery> deliveries, String batch, List<Dataset<Row>> quarantined) {
        Instant started = Instant.now();
        LocalDateTime startedAt = LocalDateTime.now();
        List<Dataset<Row>> parts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (Delivery d : deliveries) {
            for (DeliveryFile f : d.files()) {
                if (f.source() == source) {
                    parts.add(reader.read(d, f));
                    files.add(d.month() + "/" + f.name());
                }
            }
        }
        if (parts.isEmpty()) {
            // A redelivered month without this file must not keep the old month's rows.
            lake.deleteWhere(Layer.BRONZE, source.tableName(), batch);
            return;
        }
        // The raw line is kept only where quarantine needs it: it is most of a cached row.
        Dataset<Row> rows = parts.stream().reduce(Dataset::unionByName).orElseThrow()
                .withColumn(RawRows.RAA_LINJE, when(col(RawRows.AARSAG).isNotNull(), col(RawRows.RAA_LINJE)))
                .persist(StorageLevel.MEMORY_AND_DISK());
        Map<String, long[]> counts;
        try {
            counts = countPerFile(rows);
            lake.replaceWhere(rows.where(col(RawRows.AARSAG).isNull()).drop(RawRows.AARSAG, RawRows.RAA_LINJE),
                    Layer.BRONZE, source.tableName(), batch, DeliveryReader.LEVERANCE);
            if (counts.values().stream().anyMatch(c -> c[1] > 0)) { // a clean source needs no quarantine job
                quarantined.add(rows.where(col(RawRows.AARSAG).isNotNull())
                        .select(lit(source.tableName()).as("source"), col(DeliveryReader.LEVERANCE),
                                col(DeliveryReader.FIL), col(RawRows.LINJE), col(RawRows.RAA_LINJE),
                                col(RawRows.AARSAG).as("aarsag"))
                        .localCheckpoint(true));
            }
        } finally {
            rows.unpersist();
        }
        long in = 0;
        long bad = 0;
        for (String file : files) {
            long[] c = counts.getOrDefault(file, new long[2]);
            String[] key = file.split("/", 2);
            audit.record(key[0], "bronze." + source.tableName() + " (" + key[1] + ")", c[0], c[0] - c[1], c[1],
                    startedAt, "ok", null);
            in += c[0];
            bad += c[1];
        }
        Progress.step(String.format("bronze.%s: %d rows, %d quarantined", source.tableName(), in, bad), started);
    }

    /**
     * How a source's batch is compiled. Below {@value #INTERPRET_BELOW_ROWS} rows compiling the typing costs more
     * than it saves (the demo's KY and DFDG sources: 1.5–3 s less each; its 106 k and 261 k rows not). Above, the
     * typing of a narrow source is one whole-stage method of ~34 kB (yr_beregning); the JVM never JIT-compiles a
     * method above 8000 bytes, so under Spark's default limit (65535) it runs interpreted, while at 8000 Spark falls
     * back to per-operator code in small methods: bronze.yr_beregning at 0.1 × 12 took 29 s instead of 55. DREAM's
     * wide lines give whole-stage code above Java's 64 kB per method, which fails to compile (five logged errors)
     * and falls back; without whole-stage code each expression is compiled on its own: at 0.1 × 37 its bronze took
     * 175 s instead of 326 s interpreted, and a month's 45 000 lines 21–23 s instead of 24–28 s. A wide line is
     * about ten narrow rows' fields, so it is interpreted below a tenth of the rows (the demo's 54 000 lines: even).
     * Silver and gold keep the default: their plans were no faster with 8000, some slower.
     */
    static Map<String, String> settings(Source source, long rows) {
        if (source.isWide()) {
            return rows < INTERPRET_BELOW_ROWS / 10 ? Sessions.INTERPRETED : Sessions.PER_EXPRESSION;
        }
        return rows < INTERPRET_BELOW_ROWS ? Sessions.INTERPRETED : Map.of(Sessions.HUGE_METHOD_LIMIT, "8000");
    }

    /** "leverance/fil" → {rows, quarantined}; a handful of aggregated rows, safe to bring to the driver. */
    private static Map<String, long[]> countPerFile(Dataset<Row> rows) {
        Map<String, long[]> out = new TreeMap<>();
        for (Row r : rows.groupBy(DeliveryReader.LEVERANCE, DeliveryReader.FIL)
                .agg(count(lit(1)), count_if(col(RawRows.AARSAG).isNotNull()))
                .collectAsList()) {
            out.put(r.getString(0) + "/" + r.getString(1), new long[] {r.getLong(2), r.getLong(3)});
        }
        return out;
    }

    private static StructType quarantineSchema() {
        return new StructType()
                .add("source", DataTypes.StringType)
                .add(DeliveryReader.LEVERANCE, DataTypes.StringType)
                .add(DeliveryReader.FIL, DataTypes.StringType)
                .add(RawRows.LINJE, DataTypes.LongType)
                .add(RawRows.RAA_LINJE, DataTypes.StringType)
                .add("aarsag", DataTypes.StringType);
    }
}
