package dk.flis.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import dk.flis.common.dfdg.VisitationSpells;
import dk.flis.common.landing.Source;
import dk.flis.common.privacy.Pseudonymizer;
import dk.flis.common.silver.LatestVersion;
import dk.flis.jobs.Parallel;
import dk.flis.jobs.Progress;
import dk.flis.jobs.audit.AuditLog;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Bronze → silver: latest version of every record, cpr replaced by {@code cpr_id}, spells built. Silver is a pure
 * function of all of bronze, so every citizen a delivery touches is recomputed from their full history (a late
 * delivery can end a spell delivered months ago) and loading order never matters.
 */
public final class SilverStep {
    public static final String VISITATIONSFORLOEB = "dfdg_visitationsforloeb";
    public static final String AKTIVITET = "dfdg_aktivitet";
    public static final String SAMTALE = "dfdg_samtale";
    public static final String YR = "yr_beregning";
    public static final String BEFOLKNING = "befolkning";

    private final Lakehouse lake;
    private final Pseudonymizer pseudonymizer;
    private final AuditLog audit;

    public SilverStep(Lakehouse lake, Pseudonymizer pseudonymizer, AuditLog audit) {
        this.lake = lake;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
    }

    /** The silver tables are independent of each other: written concurrently. */
    public void run(String month) {
        Parallel.run(
                () -> visitations(month),
                () -> latestPseudonymised(month, Source.DFDG_AKTIVITET, AKTIVITET, "aktivitet_id",
                        "opdateret_tidspunkt"),
                () -> latestPseudonymised(month, Source.DFDG_SAMTALE, SAMTALE, "samtale_id"),
                // Corrections are rows of their own (new beregning_id, negative amounts): all are kept.
                () -> latestPseudonymised(month, Source.YR_BEREGNING, YR, "beregning_id"),
                () -> latest(month, Source.BEFOLKNING, BEFOLKNING, "maaned", "kommunekode", "koen", "alder"));
    }

    /** Population counts (no persons): latest delivery per month, municipality, sex and age. */
    private void latest(String month, Source source, String table, String... keys) {
        if (lake.exists(Layer.BRONZE, source.tableName())) {
            write(month, table, "rows", latestVersions(source, List.of(keys)).drop("fil"));
        }
    }

    /** Latest version per id (latest delivery, then the tie-breakers, then the last line), cpr → cpr_id. */
    private void latestPseudonymised(String month, Source source, String table, String id, String... tieBreakers) {
        if (lake.exists(Layer.BRONZE, source.tableName())) {
            write(month, table, "records", pseudonymised(latestVersions(source, List.of(id), tieBreakers)));
        }
    }

    private Dataset<Row> latestVersions(Source source, List<String> keys, String... tieBreakers) {
        return LatestVersion.perKey(lake.read(Layer.BRONZE, source.tableName()), keys, tieBreakers);
    }

    /** Silver never holds a cpr: it becomes cpr_id, and the file lineage stays in bronze. */
    private Dataset<Row> pseudonymised(Dataset<Row> rows) {
        return rows.withColumn("cpr_id", pseudonymizer.cprId(col("cpr"))).drop("cpr", "fil");
    }

    private void write(String month, String table, String unit, Dataset<Row> rows) {
        Instant started = Instant.now();
        LocalDateTime startedAt = LocalDateTime.now();
        long out = lake.overwrite(rows, Layer.SILVER, table);
        audit.record(month, "silver." + table, null, out, 0L, startedAt, "ok", null);
        Progress.step(String.format("silver.%s: %d %s", table, out, unit), started);
    }

    private void visitations(String month) {
        if (!lake.exists(Layer.BRONZE, Source.DFDG_VISITATION.tableName())) {
            return;
        }
        Instant started = Instant.now();
        LocalDateTime startedAt = LocalDateTime.now();
        Dataset<Row> latest = pseudonymised(latestVersions(Source.DFDG_VISITATION, List.of("forloeb_id")));
        Dataset<Row> marked = VisitationSpells.markSameDay(latest).persist(StorageLevel.MEMORY_AND_DISK());
        long in = marked.count();
        long sameDayDropped = marked.where(not(col("behold"))).count();
        Dataset<Row> spells = VisitationSpells.endAtNextStart(marked.where(col("behold")).drop("behold"))
                .select("kommunekode", "cpr_id", "forloeb_id", "visitationskategori", "visitationstidspunkt",
                        VisitationSpells.STARTDATO, VisitationSpells.SLUTDATO, "visiterende_organisation",
                        "leverance");
        lake.overwrite(spells, Layer.SILVER, VISITATIONSFORLOEB);
        marked.unpersist();
        audit.record(month, "silver." + VISITATIONSFORLOEB + " (samme dag fravalgt: " + sameDayDropped + ")", in,
                in - sameDayDropped, 0L, startedAt, "ok", null);
        Progress.step(String.format("silver.%s: %d spells, %d same-day dropped", VISITATIONSFORLOEB,
                in - sameDayDropped, sameDayDropped), started);
    }
}
