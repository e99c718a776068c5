package dk.flis.jobs.export;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.to_json;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.landing.Source;
import dk.flis.jobs.FlisException;
import dk.flis.jobs.bronze.BronzeStep;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import dk.flis.jobs.landing.DeliveryReader;
import dk.flis.jobs.model.ModelGraph;
import dk.flis.jobs.model.TableDef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * DAP datapakker (SPEC 5, seed 000 §10, 003 §13): {@code OUT/<kommunekode>/<YYYY-MM>/<table>/} plus
 * {@code manifest.csv}. One Spark job per table writes every requested municipality at once (partitioned by a copy
 * of the municipality column, so the files keep it); the files are then moved into the package folders. A package
 * is built in a staging folder under OUT, its manifest written last, and renamed into place whole: a reader sees
 * the old package or the new one, never half of one.
 */
public final class DapExport {
    /** Marks an OUT folder as this exporter's, so it never writes into a folder with other data. */
    public static final String MARKER = ".flis-dap";
    private static final String PART = "_pakke";

    public enum Format { parquet, csv }

    /** dm: the gold tables (data marts); dsa: the municipality's own delivered rows (staging area). */
    public enum Niveau { dm, dsa }

    /** One exported table: municipality-specific rows (filtered by {@code kommuneColumn}) or shared by all. */
    record Table(String name, Dataset<Row> rows, String kommuneColumn) {
        boolean shared() {
            return kommuneColumn == null;
        }
    }

    /** What was written: packages, tables, files, seconds. */
    public record Summary(int packages, int tables, int files, double seconds) {}

    private final Lakehouse lake;

    public DapExport(Lakehouse lake) {
        this.lake = lake;
    }

    public Summary export(DeliveryMonth month, SortedSet<Integer> kommuner, Path out, Format format, Niveau niveau)
            throws IOException {
        Instant started = Instant.now();
        requireLoaded(month);
        requireOwnFolder(out);
        List<Table> tables = niveau == Niveau.dm ? goldTables() : deliveredTables(month);
        Files.createDirectories(out);
        Files.writeString(out.resolve(MARKER), "flis export\n");
        Path staging = out.resolve(".staging-" + UUID.randomUUID());
        try {
            for (Table t : tables) {
                write(t, kommuner, staging.resolve("tables").resolve(t.name()), format);
            }
            PackageFiles files = new PackageFiles(format);
            int written = 0;
            for (int k : kommuner) {
                Path pkg = staging.resolve("pakker").resolve(Integer.toString(k));
                for (Table t : tables) {
                    files.place(staging.resolve("tables").resolve(t.name()), t.shared() ? null : k,
                            pkg.resolve(t.name()), t.name());
                }
                written += Manifest.write(pkg, format);
                replace(pkg, out.resolve(Integer.toString(k)).resolve(month.toString()), staging);
            }
            return new Summary(kommuner.size(), tables.size(), written,
                    Duration.between(started, Instant.now()).toMillis() / 1000.0);
        } finally {
            deleteTree(staging);
        }
    }

    /** Exit 1 with one line unless {@code month} is loaded (before the lock: a missing lakehouse stays missing). */
    public void requireLoaded(DeliveryMonth month) {
        boolean loaded = lake.exists(Layer.BRONZE, BronzeStep.DELIVERIES) && !lake.read(Layer.BRONZE,
                BronzeStep.DELIVERIES).where(col(DeliveryReader.LEVERANCE).equalTo(month.toString())).isEmpty();
        if (!loaded) {
            throw new FlisException("Delivery " + month + " is not loaded in " + lake.root() + ": run `flis run --month "
                    + month + "` first (nothing exported).");
        }
    }

    private static void requireOwnFolder(Path out) throws IOException {
        if (Files.isDirectory(out) && !Files.exists(out.resolve(MARKER))) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw new FlisException.Usage("--out " + out + " holds data that is not a flis export; give an"
                            + " empty or new folder (nothing exported).");
                }
            }
        } else if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new FlisException.Usage("--out " + out + " is a file, not a folder (nothing exported).");
        }
    }

    /**
     * dm: every gold table. A table with a kommunekode column is the municipality's own rows (SPEC 3.7), except
     * the anonymised benchmarks and dim_kommune, which go whole into every package like the other dimensions.
     */
    private List<Table> goldTables() {
        List<Table> out = new ArrayList<>();
        for (String name : goldTableNames(lake)) {
            Dataset<Row> rows = lake.read(Layer.GOLD, name);
            out.add(new Table(name, rows, isShared(name, rows.columns()) ? null : "kommunekode"));
        }
        return out;
    }

    /** The gold tables a dm package holds: every declared gold table the lakehouse has, in run order. */
    public static List<String> goldTableNames(Lakehouse lake) {
        return ModelGraph.flis().order().stream()
                .filter(t -> !t.isView() && t.layer() == Layer.GOLD && lake.exists(Layer.GOLD, t.name()))
                .map(TableDef::name).toList();
    }

    /** Shared by every package: no kommunekode column, or a benchmark, or the municipality dimension itself. */
    public static boolean isShared(String table, String[] columns) {
        return !List.of(columns).contains("kommunekode") || table.startsWith("benchmark_")
                || table.equals("dim_kommune");
    }

    /**
     * dsa: the month's delivered rows of every source as bronze holds them (field names, leverance, fil, linje).
     * YR rows belong to their finansieringskommune (seed 001), the population's to its bopaelskommune, every
     * other source's to its kommunekode.
     */
    private List<Table> deliveredTables(DeliveryMonth month) {
        List<Table> out = new ArrayList<>();
        for (Source s : Source.values()) {
            if (!lake.exists(Layer.BRONZE, s.tableName())) {
                continue;
            }
            Dataset<Row> rows = lake.read(Layer.BRONZE, s.tableName());
            String kommune = s == Source.YR_BEREGNING ? "finansieringskommune"
                    : List.of(rows.columns()).contains("kommunekode") ? "kommunekode" : "bopaelskommune";
            out.add(new Table(s.tableName(), rows.where(col(DeliveryReader.LEVERANCE).equalTo(month.toString())),
                    kommune));
        }
        return out;
    }

    /** One job: all municipalities' rows of a table, one file per municipality (or one shared file). */
    private static void write(Table t, Set<Integer> kommuner, Path target, Format format) {
        Dataset<Row> rows = format == Format.csv ? forExcel(t.rows()) : t.rows();
        String path = target.toUri().toString();
        if (t.shared()) {
            writer(rows.coalesce(1), format).save(path);
            return;
        }
        Dataset<Row> keyed = rows.where(col(t.kommuneColumn()).isin(kommuner.toArray()))
                .withColumn(PART, col(t.kommuneColumn()));
        writer(keyed.repartition(col(PART)), format).partitionBy(PART).save(path);
        // A municipality without rows still gets the table, empty with its columns: one small job, once per table.
        writer(rows.limit(0).coalesce(1), format).save(target.resolveSibling(target.getFileName() + ".tom")
                .toUri().toString());
    }

    private static org.apache.spark.sql.DataFrameWriter<Row> writer(Dataset<Row> rows, Format format) {
        var w = rows.write().mode("overwrite").format(format.name());
        if (format == Format.csv) {
            // Danish Excel and Power BI: ';', header row, doubled quotes, ISO dates, nulls empty (the BOM and the
            // decimal comma are added in PackageFiles and forExcel).
            w = w.option("sep", ";").option("header", "true").option("quote", "\"").option("escape", "\"")
                    .option("nullValue", "").option("emptyValue", "").option("encoding", "UTF-8")
                    .option("dateFormat", "yyyy-MM-dd").option("timestampNTZFormat", "yyyy-MM-dd HH:mm:ss")
                    .option("timestampFormat", "yyyy-MM-dd HH:mm:ss");
        }
        return w;
    }

    /** Decimal comma for numbers with decimals; nested values (DREAM's vaerdier) as JSON text. */
    static Dataset<Row> forExcel(Dataset<Row> rows) {
        List<Column> cols = new ArrayList<>();
        for (StructField f : rows.schema().fields()) {
            Column c = col(f.name());
            DataType type = f.dataType();
            if (type instanceof DecimalType || type == DataTypes.DoubleType || type == DataTypes.FloatType) {
                c = regexp_replace(c.cast("string"), "\\.", ",");
            } else if (type instanceof MapType || type instanceof ArrayType || type instanceof StructType) {
                c = to_json(c);
            } else if (type == DataTypes.TimestampType) {
                c = date_format(c, "yyyy-MM-dd HH:mm:ss");
            }
            cols.add(c.as(f.name()));
        }
        return rows.select(cols.toArray(Column[]::new));
    }

    /** Moves a finished package to its place; an older package of the same month is replaced whole. */
    private static void replace(Path pkg, Path target, Path staging) throws IOException {
        Files.createDirectories(target.getParent());
        Path old = staging.resolve("gammel-" + UUID.randomUUID());
        if (Files.exists(target)) {
            Files.move(target, old);
        }
        Files.move(pkg, target);
        deleteTree(old);
    }

    private static void deleteTree(Path dir) throws IOException {
        org.apache.commons.io.FileUtils.deleteDirectory(dir.toFile()); // a missing folder is fine
    }

    /** The municipality codes of {@code --all}: the 98. */
    public static SortedSet<Integer> all() {
        return new TreeSet<>(dk.flis.common.reference.Municipalities.codes());
    }
}
