package dk.flis.jobs.model;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.dream.DreamWeeks;
import dk.flis.common.landing.Source;
import dk.flis.common.privacy.Pseudonymizer;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The citizens a batch of new deliveries touches, per bronze source (issue 17): every cpr on a record (by its key)
 * that the batch delivers, in any of its versions. Only those citizens' silver and gold rows can differ from the
 * run before — provided a record key always belongs to one citizen. A source where some key has versions with two
 * cprs (a corrected cpr) is marked unsafe for the run, and every table it feeds is rebuilt.
 */
public final class ChangeSet {
    /**
     * The per-citizen sources: the key of their records (the silver latest-version key), and the record's first
     * day, from which on its versions can change gold (a visitation ends the spell before it from its own day; an
     * activation is in force from its start; a calculation belongs to the period of its start).
     */
    record Tracked(String key, Column firstDay) {}

    static final Map<Source, Tracked> RECORD_KEYS = Map.of(
            Source.DFDG_VISITATION, new Tracked("forloeb_id", to_date(col("visitationstidspunkt"))),
            Source.DFDG_AKTIVITET, new Tracked("aktivitet_id", col("startdato")),
            Source.DFDG_SAMTALE, new Tracked("samtale_id", to_date(col("samtaletidspunkt"))),
            Source.YR_BEREGNING, new Tracked("beregning_id", col("beregningsstart")));
    /**
     * Sources without citizens, tracked by the first day their delivered rows are about (befolkning: the first of its
     * month), so that tables maintained per month can read them; never per citizen.
     */
    static final Map<Source, Column> MONTH_KEYS = Map.of(
            Source.BEFOLKNING, to_date(concat(col("maaned"), lit("-01"))));
    public static final String CPR = "cpr";
    public static final String CPR_ID = "cpr_id";

    /**
     * What a batch's DREAM deliveries can change: the ISO weeks from {@code fromWeek} on (the first week any of them
     * covers), computed from the deliveries that cover any of those weeks ({@code deliveries}; absent = all).
     * {@code batch} is the batch's delivery months; {@code newest} says each of them is later than every DREAM
     * delivery loaded before, so for every citizen × week the batch covers the batch's version is the latest.
     */
    public record DreamChange(int fromWeek, Optional<List<String>> deliveries, List<String> batch, boolean newest) {}

    private final Dataset<Row> citizens;
    private final Optional<DreamChange> dream;
    private final Map<Source, Long> touched;
    /** Per source, the share of its citizens the batch touches (0 … 1). */
    private final Map<Source, Double> shares;
    private final Set<Source> unsafe;
    /** Per touched source, the first day of any version of a record the batch delivers; absent = unknown. */
    private final Map<Source, LocalDate> firstDays;

    private ChangeSet(Dataset<Row> citizens, Map<Source, Long> touched, Map<Source, Double> shares,
                      Set<Source> unsafe, Map<Source, LocalDate> firstDays, Optional<DreamChange> dream) {
        this.citizens = citizens;
        this.dream = dream;
        this.touched = touched;
        this.shares = shares;
        this.unsafe = unsafe;
        this.firstDays = firstDays;
    }

    /**
     * One pass over the per-citizen sources' bronze (key, cpr and delivery only): per key its smallest and largest
     * cpr and whether the batch delivers it. Two aggregated rows per source come to the driver, never a cpr.
     */
    public static ChangeSet of(Lakehouse lake, Collection<DeliveryMonth> batch, Pseudonymizer pseudonymizer) {
        List<String> months = batch.stream().map(DeliveryMonth::toString).toList();
        List<Dataset<Row>> parts = new ArrayList<>();
        RECORD_KEYS.forEach((source, tracked) -> lake.readIfExists(Layer.BRONZE, source.tableName()).ifPresent(b ->
                parts.add(b.select(lit(source.name()).as("source"), col(tracked.key()).as("key"), col(CPR),
                        col("leverance").isin(months.toArray()).as("i_leverance"), tracked.firstDay().as("dag")))));
        Map<Source, Long> touched = new EnumMap<>(Source.class);
        Map<Source, Double> shares = new EnumMap<>(Source.class);
        Set<Source> unsafe = java.util.EnumSet.noneOf(Source.class);
        Map<Source, LocalDate> firstDays = new EnumMap<>(Source.class);
        Optional<DreamChange> dream = dreamChange(lake, months);
        MONTH_KEYS.forEach((source, firstDay) -> lake.readIfExists(Layer.BRONZE, source.tableName()).ifPresent(b -> {
            Row r = b.where(col("leverance").isin(months.toArray()))
                    .agg(count(lit(1)), min(firstDay), count_if(firstDay.isNull())).first(); // one row
            if (r.getLong(0) > 0) {
                touched.put(source, r.getLong(0));
                if (r.getLong(2) == 0) {
                    firstDays.put(source, day(r.get(1)));
                }
            }
        }));
        if (parts.isEmpty()) {
            return new ChangeSet(none(lake.spark()), touched, shares, unsafe, firstDays, dream);
        }
        Dataset<Row> perKey = parts.stream().reduce(Dataset::unionByName).orElseThrow()
                .groupBy("source", "key")
                .agg(min(CPR).as("a"), max(CPR).as("b"), max("i_leverance").as("i_leverance"),
                        min("dag").as("dag"), max(col("dag").isNull()).as("uden_dag"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        for (Row r : perKey.groupBy("source")
                .agg(count_if(col("a").notEqual(col("b"))), count_if(col("i_leverance")),
                        min(when(col("i_leverance"), col("dag"))),
                        count_if(col("i_leverance").and(col("uden_dag"))),
                        count_distinct(col("a")), count_distinct(when(col("i_leverance"), col("a"))))
                .collectAsList()) { // one row per source
            Source s = Source.valueOf(r.getString(0));
            if (r.getLong(1) > 0) {
                unsafe.add(s);
            }
            touched.put(s, r.getLong(2));
            shares.put(s, r.getLong(5) == 0 ? 0.0 : (double) r.getLong(6) / r.getLong(5));
            if (!r.isNullAt(3) && r.getLong(4) == 0) {
                firstDays.put(s, day(r.get(3)));
            }
        }
        Dataset<Row> touchedCitizens = perKey.where(col("i_leverance")).select(col("source"), col("a").as(CPR))
                .distinct()
                .withColumn(CPR_ID, pseudonymizer.cprId(col(CPR)))
                .localCheckpoint(true); // fixed for the run, whatever bronze becomes
        perKey.unpersist();
        return new ChangeSet(touchedCitizens, touched, shares, unsafe, firstDays, dream);
    }

    /**
     * The first week the batch's DREAM lines cover (a delivery restates up to a year), and the deliveries that cover
     * any week from it: the batch's and, from the previous run's {@code silver.dream_daekning} (gold was built from
     * exactly the other deliveries), the earlier ones. Reads the batch's partitions and a table of delivery × week.
     */
    private static Optional<DreamChange> dreamChange(Lakehouse lake, List<String> months) {
        Optional<Dataset<Row>> bronze = lake.readIfExists(Layer.BRONZE, Source.DREAM.tableName());
        if (bronze.isEmpty()) {
            return Optional.empty();
        }
        Row first = DreamWeeks.coverage(bronze.get().where(col("leverance").isin(months.toArray())))
                .agg(min("uge")).first();
        if (first.isNullAt(0)) {
            return Optional.empty();
        }
        int fromWeek = first.getInt(0);
        // One row: the earlier deliveries covering a week from it, and the latest delivery loaded.
        Optional<Row> earlier = lake.readIfExists(Layer.SILVER, Dream.COVERAGE).map(d -> d.agg(
                sort_array(collect_set(when(col("uge").geq(fromWeek), col("leverance")))), max("leverance")).first());
        Optional<List<String>> deliveries = earlier.map(r -> {
            List<String> out = new ArrayList<>(months);
            out.addAll(r.getList(0));
            return out;
        });
        String firstOfBatch = java.util.Collections.min(months); // YYYY-MM sorts
        boolean newest = earlier.map(r -> r.isNullAt(1) || r.getString(1).compareTo(firstOfBatch) < 0).orElse(false);
        return Optional.of(new DreamChange(fromWeek, deliveries, months, newest));
    }

    /** What the batch's DREAM deliveries can change; empty when it has no DREAM lines. */
    public Optional<DreamChange> dream() {
        return dream;
    }

    /** Keys (records) of {@code source} the batch delivers; 0 for a source it did not deliver. */
    public long touchedRecords(Source source) {
        return touched.getOrDefault(source, 0L);
    }

    /**
     * The citizens (columns cpr and cpr_id) whose rows of a table fed by {@code sources} may change, or empty when
     * one of them is not a per-citizen source or is unsafe this run: then the table is rebuilt.
     */
    public Optional<Dataset<Row>> citizens(Collection<Source> sources) {
        if (whyNot(sources).isPresent()) {
            return Optional.empty();
        }
        if (!touchesAny(sources)) {
            return Optional.of(none(citizens.sparkSession()));
        }
        List<String> names = sources.stream().map(Source::name).toList();
        return Optional.of(broadcast(citizens.where(col("source").isin(names.toArray())).select(CPR, CPR_ID)
                .distinct()));
    }

    /**
     * The first day from which a table fed by {@code sources} can change: the earliest first day of any version
     * of a delivered record. Empty when nothing of them was delivered; {@code LocalDate.MIN} when a delivered
     * record has no first day (everything may change).
     */
    public Optional<LocalDate> firstChangedDay(Collection<Source> sources) {
        LocalDate first = null;
        for (Source s : sources) {
            if (touchedRecords(s) > 0) {
                LocalDate d = firstDays.getOrDefault(s, LocalDate.MIN);
                first = first == null || d.isBefore(first) ? d : first;
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * Why the per-citizen path would cost more than a rebuild for a table fed by {@code sources}, if so: the batch
     * touches more than {@code maxShare} of a source's citizens. Recomputing that many citizens and replacing their
     * rows reads and writes about the whole table, plus the replace's own cost (bench/RESULTS.md: YR, where every
     * citizen on a benefit gets a new calculation each month).
     */
    public Optional<String> tooBroad(Collection<Source> sources, double maxShare) {
        for (Source s : sources) {
            double share = shares.getOrDefault(s, 0.0);
            if (share > maxShare) {
                return Optional.of(String.format(java.util.Locale.ROOT, "bronze.%s: %.0f %% af borgerne berørt",
                        s.tableName(), share * 100));
            }
        }
        return Optional.empty();
    }

    /** Records delivered per source, for the log: counts only. */
    public String summary() {
        return RECORD_KEYS.keySet().stream().sorted()
                .map(s -> String.format(java.util.Locale.ROOT, "%s %d records (%.0f %% of its citizens)%s",
                        s.tableName(), touchedRecords(s), shares.getOrDefault(s, 0.0) * 100,
                        unsafe.contains(s) ? " (rebuilt: a key with two cpr)" : ""))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Whether the batch delivers any record of {@code sources}. */
    public boolean touchesAny(Collection<Source> sources) {
        return sources.stream().anyMatch(s -> touchedRecords(s) > 0);
    }

    /** Whether a source's changes are tracked for a table maintained per citizen, or per period ({@code perPeriod}). */
    static boolean tracked(Source source, boolean perPeriod) {
        return RECORD_KEYS.containsKey(source) || perPeriod && MONTH_KEYS.containsKey(source);
    }

    /** A date column's value as Spark returns it (java.sql.Date or, with the Java 8 API, LocalDate). */
    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /** No citizens: the columns of {@link #citizens}, no rows. */
    static Dataset<Row> none(SparkSession spark) {
        return spark.createDataFrame(List.of(), new StructType().add(CPR, DataTypes.StringType)
                .add(CPR_ID, DataTypes.StringType));
    }

    /** Why a table fed by {@code sources} cannot be maintained per citizen this run (for the audit), if so. */
    public Optional<String> whyNot(Collection<Source> sources) {
        return whyNot(sources, false);
    }

    /**
     * The same for a table maintained from the first changed day ({@code perPeriod}: per month or ISO week), which
     * may also read the sources tracked by month only.
     */
    public Optional<String> whyNot(Collection<Source> sources, boolean perPeriod) {
        for (Source s : sources) {
            if (!tracked(s, perPeriod)) {
                return Optional.of("bronze." + s.tableName() + " er ikke pr. borger");
            }
            if (unsafe.contains(s)) {
                return Optional.of("bronze." + s.tableName() + " har en nøgle med to cpr");
            }
        }
        return Optional.empty();
    }
}
