package dk.flis.jobs.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

import dk.flis.common.benchmark.Benchmarks;
import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.config.FlisConfig;
import dk.flis.common.calendar.IsoWeek;
import dk.flis.common.calendar.WeeklyRollout;
import dk.flis.common.dfdg.ActivationSpells;
import dk.flis.common.dfdg.Conversations;
import dk.flis.common.dfdg.DfdgMonthly;
import dk.flis.common.dfdg.VisitationSpells;
import dk.flis.common.dfdg.Ydelsesaktivitet;
import dk.flis.common.landing.Source;
import dk.flis.common.privacy.Pseudonymizer;
import dk.flis.common.silver.LatestVersion;
import dk.flis.common.yr.CounterValidation;
import dk.flis.common.yr.RefusionLadder;
import dk.flis.common.yr.YrMonthly;
import dk.flis.jobs.Parallel;
import dk.flis.jobs.Progress;
import dk.flis.jobs.audit.AuditLog;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import dk.flis.jobs.silver.SilverStep;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

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
    public static final String FACT_AKTIVERING = "fact_dfdg_aktivering";
    public static final String FACT_AKTIVERING_UGE = "fact_dfdg_aktivering_uge";
    public static final String FACT_SAMTALE = "fact_dfdg_samtale";
    public static final String FACT_SAMTALE_DELTAGER = "fact_dfdg_samtale_deltager";
    public static final String AGG_DFDG_MAANED = "agg_dfdg_maaned";
    public static final String DQ_DFDG_UKENDTE = "dq_dfdg_ukendte_vaerdier";
    public static final String FACT_YR_FINANS = "fact_yr_finans";
    public static final String FACT_YR_PERSON_MAANED = "fact_yr_person_maaned";
    public static final String FACT_YR_UDVIKLING_MAANED = "fact_yr_udvikling_maaned";
    public static final String FACT_YR_UDVIKLING_DETALJE = "fact_yr_udvikling_detalje";
    public static final String DQ_YR_FINDINGS = "dq_yr_findings";
    public static final String FACT_YDELSESAKTIVITET_UGE = "fact_ydelsesaktivitet_uge";
    public static final String BENCHMARK_YDELSESAKTIVITET = "benchmark_ydelsesaktivitet";
    public static final String BENCHMARK_YR = "benchmark_yr";
    private static final String KOMMUNEKODE = "kommunekode";

    private final Lakehouse lake;
    private final Pseudonymizer pseudonymizer;
    private final AuditLog audit;
    private final FlisConfig config;
    private final RefusionLadder ladder;
    private String month;

    public GoldStep(Lakehouse lake, Pseudonymizer pseudonymizer, AuditLog audit, FlisConfig config) {
        this.lake = lake;
        this.pseudonymizer = pseudonymizer;
        this.audit = audit;
        this.config = config;
        this.ladder = config.ladder();
    }

    /**
     * Three phases of independent writes, each phase's tables written concurrently: (1) reference dimensions, YR,
     * visitation spells and weeks; (2) activations and conversations, which need each citizen-week's category;
     * (3) dimensions, aggregates, benchmarks and dim_borger, which read the facts.
     */
    public void run(DeliveryMonth latestDelivery) {
        month = latestDelivery.toString();
        WeeklyRollout rollout = WeeklyRollout.of(latestDelivery, config.historyYears());
        List<Dataset<Row>> citizens = java.util.Collections.synchronizedList(new ArrayList<>());
        boolean visitations = lake.exists(Layer.SILVER, SilverStep.VISITATIONSFORLOEB);
        boolean dfdgComplete = visitations && lake.exists(Layer.SILVER, SilverStep.AKTIVITET)
                && lake.exists(Layer.SILVER, SilverStep.SAMTALE);
        List<Runnable> first = new ArrayList<>();
        // Constant reference tables: written once (a release that changes them rebuilds with a fresh lakehouse).
        if (!lake.exists(Layer.GOLD, DIM_KOMMUNE)) {
            first.add(() -> write(DIM_KOMMUNE, ReferenceTables.municipalities(lake.spark()), false));
        }
        if (!lake.exists(Layer.GOLD, DIM_TID)) {
            first.add(() -> write(DIM_TID, ReferenceTables.days(lake.spark()), false));
        }
        if (lake.exists(Layer.SILVER, SilverStep.YR)) {
            first.add(() -> citizens.add(yr()));
        }
        if (visitations) {
            first.add(() -> citizens.add(visitations(rollout)));
        }
        Parallel.run(first);
        if (dfdgComplete) {
            Dataset<Row> categoryPerWeek = ActivationSpells.categoryPerWeek(
                    lake.read(Layer.GOLD, FACT_VISITATION_UGE)).persist(StorageLevel.MEMORY_AND_DISK());
            Parallel.run(() -> citizens.add(activations(rollout, categoryPerWeek)),
                    () -> citizens.add(conversations(categoryPerWeek)));
            Parallel.run(this::dimensions,
                    () -> write(AGG_DFDG_MAANED, DfdgMonthly.aggregate(lake.read(Layer.GOLD, FACT_VISITATION_UGE),
                            lake.read(Layer.GOLD, FACT_AKTIVERING_UGE), lake.read(Layer.GOLD, FACT_AKTIVERING),
                            lake.read(Layer.GOLD, FACT_SAMTALE), rollout), true),
                    () -> benchmarks(latestDelivery, categoryPerWeek),
                    () -> write(DIM_BORGER, citizensWithIdentity(citizens), true));
            categoryPerWeek.unpersist();
        } else if (!citizens.isEmpty()) {
            write(DIM_BORGER, citizensWithIdentity(citizens), true);
        }
    }

    /** Ydelsesrefusion (seed 004): finance, development per citizen and per kommune, and the NBI findings. */
    private Dataset<Row> yr() {
        Dataset<Row> yr = lake.read(Layer.SILVER, SilverStep.YR);
        write(FACT_YR_FINANS, YrMonthly.finance(yr), true);
        write(FACT_YR_PERSON_MAANED, YrMonthly.personMonths(yr, ladder), true);
        Dataset<Row> persons = lake.read(Layer.GOLD, FACT_YR_PERSON_MAANED);
        write(FACT_YR_UDVIKLING_MAANED, YrMonthly.development(persons), true);
        write(FACT_YR_UDVIKLING_DETALJE,
                YrMonthly.development(persons, "interval", "bopaelskommune", "betalingskommune"), true);
        write(DQ_YR_FINDINGS, CounterValidation.findings(yr, ladder), true);
        return yr.select(col("finansieringskommune").as(KOMMUNEKODE), col("cpr_id"));
    }

    /**
     * Ydelsesaktivitet (seed 000 §7.2) and the anonymised benchmarks (§7.3): from {@code yr-start} through the last
     * month the latest delivery is about, every municipality in every month.
     */
    private void benchmarks(DeliveryMonth latestDelivery, Dataset<Row> categoryPerWeek) {
        if (latestDelivery.lastDataDay().isBefore(config.yrStart())) {
            Progress.say("  ydelsesaktivitet and benchmarks start at yr-start " + config.yrStart() + ": none yet");
            return;
        }
        Dataset<Row> benefitWeeks = lake.exists(Layer.SILVER, SilverStep.YR)
                ? Ydelsesaktivitet.paidBenefitWeeks(lake.read(Layer.SILVER, SilverStep.YR))
                : lake.spark().createDataFrame(List.of(), StructType.fromDDL("cpr_id STRING, uge INT, ydelse STRING"));
        write(FACT_YDELSESAKTIVITET_UGE, Ydelsesaktivitet.weeks(categoryPerWeek,
                lake.read(Layer.GOLD, FACT_AKTIVERING_UGE), benefitWeeks, ReferenceTables.benefits(lake.spark()),
                config.yrStart()), true);
        Dataset<Row> scaffold = Benchmarks.scaffold(ReferenceTables.municipalities(lake.spark()), config.yrStart(),
                latestDelivery.lastDataDay());
        Dataset<Row> population = lake.exists(Layer.SILVER, SilverStep.BEFOLKNING)
                ? Benchmarks.population16to66(lake.read(Layer.SILVER, SilverStep.BEFOLKNING))
                : lake.spark().createDataFrame(List.of(),
                        StructType.fromDDL("kommunekode INT, maaned STRING, antal_borgere_16_66 LONG"));
        write(BENCHMARK_YDELSESAKTIVITET, Benchmarks.ydelsesaktivitet(lake.read(Layer.GOLD, FACT_YDELSESAKTIVITET_UGE),
                lake.read(Layer.GOLD, FACT_AKTIVERING_UGE), population, scaffold, config.benchmarkMinCell()), false);
        if (lake.exists(Layer.GOLD, FACT_YR_PERSON_MAANED) && lake.exists(Layer.SILVER, SilverStep.YR)) {
            write(BENCHMARK_YR, Benchmarks.yr(lake.read(Layer.GOLD, FACT_YR_PERSON_MAANED), scaffold,
                    config.benchmarkMinCell()), false);
        }
    }

    private Dataset<Row> visitations(WeeklyRollout rollout) {
        Dataset<Row> spells = lake.read(Layer.SILVER, SilverStep.VISITATIONSFORLOEB)
                .select(KOMMUNEKODE, "cpr_id", "forloeb_id", "visitationskategori", "visitationstidspunkt",
                        VisitationSpells.STARTDATO, VisitationSpells.SLUTDATO, "visiterende_organisation");
        write(FACT_VISITATIONSFORLOEB, spells, true);
        write(FACT_VISITATION_UGE, VisitationSpells.weeks(spells, rollout)
                .select(KOMMUNEKODE, "cpr_id", "forloeb_id", WeeklyRollout.UGE, "visitationskategori",
                        VisitationSpells.STARTDATO, WeeklyRollout.DAGE_I_KRAFT), true);
        return spells.select(KOMMUNEKODE, "cpr_id");
    }

    private Dataset<Row> activations(WeeklyRollout rollout, Dataset<Row> categoryPerWeek) {
        Dataset<Row> spells = ActivationSpells.spells(lake.read(Layer.SILVER, SilverStep.AKTIVITET), rollout)
                .withColumn(WeeklyRollout.UGE, IsoWeek.keyOf(col("startdato")));
        // The visitation category in force when the activation started.
        Dataset<Row> withCategory = ActivationSpells.withVisitationCategory(spells, categoryPerWeek)
                .drop(WeeklyRollout.UGE);
        write(FACT_AKTIVERING, withCategory.select(KOMMUNEKODE, "cpr_id", "aktivitet_id", "aktivitetstype", "status",
                "aarsag", "puljenavn", "startdato", "slutdato", ActivationSpells.ER_AKTIVERET,
                ActivationSpells.DAGE_AKTIVERET, "timer_pr_uge", "jobtype", "statsligt_job", "amu_kode",
                "kursusnavn", "hjaelpemiddel_art", "hjaelpemiddel_type", "hjaelpemiddel_form", "hjaelpemiddel_udgift",
                "stoetteperson_art", "stoetteperson_type", "aktiverende_organisation", "visiterende_organisation",
                "visitationskategori", "opdateret_tidspunkt"), true);
        Dataset<Row> weeks = ActivationSpells.withVisitationCategory(
                ActivationSpells.weeks(lake.read(Layer.GOLD, FACT_AKTIVERING).drop("visitationskategori"), rollout),
                categoryPerWeek);
        write(FACT_AKTIVERING_UGE, weeks.select(KOMMUNEKODE, "cpr_id", "aktivitet_id", WeeklyRollout.UGE,
                ActivationSpells.DAGE_AKTIVERET, "timer_pr_uge", ActivationSpells.ER_AKTIVERET, "aktivitetstype",
                "status", "visitationskategori"), true);
        return spells.select(KOMMUNEKODE, "cpr_id");
    }

    private Dataset<Row> conversations(Dataset<Row> categoryPerWeek) {
        Dataset<Row> held = Conversations.held(lake.read(Layer.SILVER, SilverStep.SAMTALE));
        write(FACT_SAMTALE, ActivationSpells.withVisitationCategory(held, categoryPerWeek)
                .select(KOMMUNEKODE, "cpr_id", "samtale_id", "dato", WeeklyRollout.UGE, "samtaletype", "kontaktform",
                        "samtaletidspunkt", "indkaldende_organisation", "visitationskategori"), true);
        write(FACT_SAMTALE_DELTAGER, Conversations.participants(lake.read(Layer.GOLD, FACT_SAMTALE)
                .join(lake.read(Layer.SILVER, SilverStep.SAMTALE).select("samtale_id", "deltagere"), "samtale_id")),
                true);
        return held.select(KOMMUNEKODE, "cpr_id");
    }

    private void dimensions() {
        Dataset<Row> activations = lake.read(Layer.SILVER, SilverStep.AKTIVITET);
        Dataset<Row> conversations = lake.read(Layer.SILVER, SilverStep.SAMTALE);
        DfdgDimensions dims = new DfdgDimensions(activations, conversations,
                lake.read(Layer.GOLD, FACT_SAMTALE_DELTAGER));
        Dataset<Row> observed = dims.observed().persist(StorageLevel.MEMORY_AND_DISK());
        List<Runnable> writes = new ArrayList<>();
        for (Map.Entry<String, String> d : DfdgDimensions.SINGLE.entrySet()) {
            writes.add(() -> write(d.getValue(), dims.single(d.getKey()), false));
        }
        writes.add(() -> write("dim_hjaelpemiddel", dims.combined(activations, "hjaelpemiddel_art",
                "hjaelpemiddel_type", "hjaelpemiddel_form"), false));
        writes.add(() -> write("dim_personlig_assistance", dims.combined(activations, "stoetteperson_art",
                "stoetteperson_type"), false));
        writes.add(() -> write("dim_amu", DfdgDimensions.amu(activations), false));
        writes.add(() -> write("dim_kursus", DfdgDimensions.courses(activations), false));
        if (!lake.exists(Layer.GOLD, "dim_statsligt_job")) {
            writes.add(() -> write("dim_statsligt_job", DfdgDimensions.stateJob(lake.spark()), false));
        }
        writes.add(() -> write("dim_organisation", DfdgDimensions.organisations(List.of(
                activations.select(col("aktiverende_organisation").as("organisation")),
                activations.select(col("visiterende_organisation").as("organisation")),
                lake.read(Layer.SILVER, SilverStep.VISITATIONSFORLOEB)
                        .select(col("visiterende_organisation").as("organisation")),
                conversations.select(col("indkaldende_organisation").as("organisation")))), false));
        writes.add(() -> write(DQ_DFDG_UKENDTE, dims.unknownValues(), false));
        Parallel.run(writes);
        observed.unpersist();
    }

    /**
     * dim_borger (seed 000 §5.1.11): cpr and full name for every citizen in a municipality's facts. The identity is
     * resolved here from bronze, the only other place holding cpr; silver never does.
     */
    private Dataset<Row> citizensWithIdentity(List<Dataset<Row>> citizens) {
        Dataset<Row> inFacts = citizens.stream().reduce(Dataset::union).orElseThrow().distinct();
        Dataset<Row> cprs = null;
        for (Source s : List.of(Source.DFDG_VISITATION, Source.DFDG_AKTIVITET, Source.DFDG_SAMTALE,
                Source.YR_BEREGNING)) {
            if (lake.exists(Layer.BRONZE, s.tableName())) {
                Dataset<Row> c = lake.read(Layer.BRONZE, s.tableName()).select("cpr");
                cprs = cprs == null ? c : cprs.union(c);
            }
        }
        Dataset<Row> ids = cprs.distinct().withColumn("cpr_id", pseudonymizer.cprId(col("cpr")));
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
        return inFacts.join(ids, "cpr_id")
                .select(KOMMUNEKODE, "cpr_id", "cpr", "fuldenavn", "foedselsdato", "koen");
    }

    private void write(String table, Dataset<Row> rows, boolean perMunicipality) {
        Instant started = Instant.now();
        LocalDateTime startedAt = LocalDateTime.now();
        long written = perMunicipality ? lake.overwrite(rows, Layer.GOLD, table, KOMMUNEKODE)
                : lake.overwrite(rows, Layer.GOLD, table);
        audit.record(month, "gold." + table, null, written, null, startedAt, "ok", null);
        Progress.step(String.format("gold.%s: %d rows", table, written), started);
    }
}
