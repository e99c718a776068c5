package dk.flis.jobs.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.calendar.WeeklyRollout;
import dk.flis.common.dfdg.VisitationSpells;
import dk.flis.common.landing.Source;
import dk.flis.common.privacy.Pseudonymizer;
import dk.flis.common.silver.LatestVersion;
import dk.flis.jobs.Progress;
import dk.flis.jobs.audit.AuditLog;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import dk.flis.jobs.silver.SilverStep;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Silver → gold. Every gold table is a pure function of the loaded deliveries (no run ids or load times), so a
 * month-by-month load, a backfill and a rebuild give identical tables. Municipality tables are partitioned by
 * {@code kommunekode}; the weekly tables roll out to the horizon of the latest loaded delivery.
 */
public final class GoldStep {
    public static final String DIM_KOMMUNE = "dim_kommune";
    public static final String DIM_TID = "dim_tid";
    public static final String DIM_BORGER = "dim_borger";
    public static final String FACT_VISITATIONSFORLOEB = "fact_dfdg_visitationsforloeb";
    public static final String FACT_VISITATION_UGE = "fact_dfdg_visitation_uge";
    private static final String KOMMUNEKODE = "kommunekode";

    private final Lakehouse lake;
    private final Pseudonymizer pseudonymizer;
    private final AuditLog audit;
    private final int historyYears;

    public GoldStep(Lakehouse lake, Pseudonymizer pseudonymizer, AuditLog audit, int historyYears) {
        this.lake = lake;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
        this.historyYears = historyYears;
    }

    public void run(DeliveryMonth latestDelivery) {
        String month = latestDelivery.toString();
        WeeklyRollout rollout = WeeklyRollout.of(latestDelivery, historyYears);
        write(month, DIM_KOMMUNE, ReferenceTables.municipalities(lake.spark()), false);
        write(month, DIM_TID, ReferenceTables.days(lake.spark()), false);

        List<Dataset<Row>> citizens = new ArrayList<>();
        if (lake.exists(Layer.SILVER, SilverStep.VISITATIONSFORLOEB)) {
            Dataset<Row> spells = lake.read(Layer.SILVER, SilverStep.VISITATIONSFORLOEB)
                    .select(KOMMUNEKODE, "cpr_id", "forloeb_id", "visitationskategori", "visitationstidspunkt",
                            VisitationSpells.STARTDATO, VisitationSpells.SLUTDATO, "visiterende_organisation");
            write(month, FACT_VISITATIONSFORLOEB, spells, true);
            Dataset<Row> weeks = VisitationSpells.weeks(spells, rollout)
                    .select(col(KOMMUNEKODE), col("cpr_id"), col("forloeb_id"), col(WeeklyRollout.UGE),
                            col("visitationskategori"), col(WeeklyRollout.DAGE_I_KRAFT));
            write(month, FACT_VISITATION_UGE, weeks, true);
            citizens.add(spells.select(KOMMUNEKODE, "cpr_id"));
        }
        if (!citizens.isEmpty()) {
            write(month, DIM_BORGER, citizensWithIdentity(citizens), true);
        }
    }

    /**
     * dim_borger (seed 000 §5.1.11): cpr and full name for every citizen in a municipality's facts. The identity is
     * resolved here from bronze, the only other place holding cpr; silver never does.
     */
    private Dataset<Row> citizensWithIdentity(List<Dataset<Row>> citizens) {
        Dataset<Row> inFacts = citizens.stream().reduce(Dataset::union).orElseThrow().distinct();
        Dataset<Row> cprs = lake.read(Layer.BRONZE, Source.DFDG_VISITATION.tableName()).select("cpr").distinct();
        Dataset<Row> ids = cprs.withColumn("cpr_id", pseudonymizer.cprId(col("cpr")));
        if (lake.exists(Layer.BRONZE, Source.CPR_BORGER.tableName())) {
            Dataset<Row> persons = LatestVersion.perKey(lake.read(Layer.BRONZE, Source.CPR_BORGER.tableName()),
                            List.of("cpr"))
                    .select(col("cpr"), concat_ws(" ", col("fornavn"), col("efternavn")).as("fuldenavn"),
                            col("foedselsdato"), col("koen"));
            ids = ids.join(persons, new String[] {"cpr"}, "left");
        } else {
            ids = ids.withColumn("fuldenavn", lit(null).cast("string"))
                    .withColumn("foedselsdato", lit(null).cast("date"))
                    .withColumn("koen", lit(null).cast("string"));
        }
        return inFacts.join(ids, "cpr_id").select(KOMMUNEKODE, "cpr_id", "cpr", "fuldenavn", "foedselsdato", "koen");
    }

    private void write(String month, String table, Dataset<Row> rows, boolean perMunicipality) {
        Instant started = Instant.now();
        LocalDateTime startedAt = LocalDateTime.now();
        if (perMunicipality) {
            lake.overwrite(rows, Layer.GOLD, table, KOMMUNEKODE);
        } else {
            lake.overwrite(rows, Layer.GOLD, table);
        }
        long written = lake.read(Layer.GOLD, table).count();
        audit.record(month, "gold." + table, null, written, null, startedAt, "ok", null);
        Progress.step(String.format("gold.%s: %d rows", table, written), started);
    }
}
