package dk.flis.jobs.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.calendar.DeliveryMonth;
import dk.flis.common.calendar.IsoWeek;
import dk.flis.common.privacy.Pseudonymizer;
import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import dk.flis.jobs.FlisException;
import dk.flis.jobs.RunJob;
import dk.flis.jobs.export.DapExport;
import dk.flis.jobs.export.Manifest;
import dk.flis.jobs.audit.AuditLog;
import dk.flis.jobs.bronze.BronzeStep;
import dk.flis.generator.Citizen;
import dk.flis.generator.DeliveredFile;
import dk.flis.generator.DeliveryGenerator;
import dk.flis.generator.GeneratedWorld;
import dk.flis.generator.GeneratorOptions;
import dk.flis.generator.Visitation;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import dk.flis.jobs.lake.TableDifference;
import dk.flis.jobs.landing.LandingZone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * generate → run four months one by one → gold checked against figures computed here, in plain Java, from the
 * generator's own records; plus the backfill, rerun and reconciliation guarantees.
 */
@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedPipelineTest {
    private static final LocalDate OPEN = LocalDate.of(9999, 12, 31);
    private static final List<String> MONTHS = List.of("2020-01", "2020-02", "2020-03", "2020-04");

    private Path dir;
    private GeneratedWorld world;
    private Lakehouse monthly;
    private Lakehouse backfill;
    private Path packages;
    private final Pseudonymizer pseudonymizer = new Pseudonymizer(TestLakes.KEY);

    /**
     * "monthly": the deliveries run one at a time and out of order, in memory (the whole graph as production runs
     * it, without a second of Delta commit per table; Delta itself is tested in DeliveryContractTest, and CI's demo
     * and bench check run every table on Delta at 12 months). February builds silver and gold; then January (late),
     * March and April (the horizon moves two months) maintain them in one batch (issue 17).
     * "backfill": all four as one batch into bronze, as {@code flis run --all} loads them, and rebuilt from it by
     * {@code flis run --rebuild} in the last test, in memory too (CI's .ci/maintained compares a maintained and a
     * rebuilt lakehouse on Delta). SPEC 4 says both give identical silver and gold.
     */
    @BeforeAll
    void loadIncrementallyAndAsBackfill(SparkSession spark) throws Exception {
        // Thousands of rows per table, not a handful: compiled plans pay for themselves here (agg_dfdg_maaned took
        // 49 s of this class interpreted).
        spark.conf().set("spark.sql.codegen.wholeStage", "true");
        spark.conf().set("spark.sql.codegen.factoryMode", "FALLBACK");
        dir = Files.createTempDirectory("flis-e2e");
        Path landing = dir.resolve("landing");
        world = new DeliveryGenerator(new GeneratorOptions(landing, YearMonth.of(2020, 1), YearMonth.of(2020, 4),
                0.005, 7L, 0.005)).generate();
        monthly = new MemoryLakehouse(spark);
        RunJob job = new RunJob(TestLakes.config(landing, dir.resolve("monthly")), monthly);
        job.runMonth(DeliveryMonth.parse("2020-02"));
        // Three months of four touch most citizens: maintain anyway, so every per-citizen path is compared.
        System.setProperty("flis.maintain.max-share", "1");
        try {
            assertEquals(3, job.runAll()); // January (late), March and April (two months on): maintained in one batch
        } finally {
            System.clearProperty("flis.maintain.max-share");
        }
        LandingZone zone = new LandingZone(landing.toString(), spark.sparkContext().hadoopConfiguration());
        backfill = new MemoryLakehouse(spark);
        new BronzeStep(backfill, new AuditLog("backfill")).load(MONTHS.stream()
                .map(m -> zone.open(DeliveryMonth.parse(m))).toList());
    }

    @AfterAll
    void cleanUp(SparkSession spark) throws Exception {
        SparkExtension.TINY_DATA.forEach((k, v) -> spark.conf().set(k, v));
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void quarantineHoldsExactlyTheInjectedDefects() {
        List<String> expected = world.defects().stream()
                .map(d -> d.delivery() + "|" + d.fil() + "|" + d.linje() + "|" + d.aarsag().name())
                .sorted().toList();
        assertTrue(expected.size() > 20, "the generator injected defects");
        assertEquals(expected, Frames.lines(monthly.read(Layer.BRONZE, "quarantine"),
                "leverance", "fil", "linje", "split(aarsag, ':')[0]"));
    }

    @Test
    void everyInputRowIsInBronzeOrQuarantineAndAuditReconciles() {
        Map<String, Long> bronze = new TreeMap<>();
        for (String t : List.of("cpr_borger", "befolkning", "dfdg_visitation", "dfdg_aktivitet", "dfdg_samtale",
                "yr_beregning", "ky_sag", "ky_opgave", "ky_ydelse", "dream")) {
            for (Row r : monthly.read(Layer.BRONZE, t).groupBy("leverance", "fil").count().collectAsList()) {
                bronze.put(r.getString(0) + "/" + r.getString(1), r.getLong(2));
            }
        }
        Map<String, Long> quarantine = new TreeMap<>();
        for (Row r : monthly.read(Layer.BRONZE, "quarantine").groupBy("leverance", "fil").count().collectAsList()) {
            quarantine.put(r.getString(0) + "/" + r.getString(1), r.getLong(2));
        }
        List<String> audit = Frames.lines(monthly.read(Layer.AUDIT, "runs").where(col("trin").startsWith("bronze.")),
                "maaned", "trin", "raekker_ind", "raekker_ud", "raekker_karantaene");
        for (DeliveredFile f : world.files()) {
            String key = f.delivery() + "/" + f.fil();
            long good = bronze.getOrDefault(key, 0L);
            long bad = quarantine.getOrDefault(key, 0L);
            assertEquals(f.rows(), good + bad, key);
            assertEquals(f.defectRows(), bad, key);
            String table = f.fil().replaceAll("\\.csv(\\.gz)?$", "");
            assertTrue(audit.contains(f.delivery() + "|bronze." + table + " (" + f.fil() + ")|" + f.rows() + "|"
                    + good + "|" + bad), key + " in audit.runs");
        }
    }

    /** Every citizen × covered week as last delivered (restatements win), computed by the generator in Java. */
    @Test
    void dreamWeeksEqualTheLatestDeliveredStateOfTheGenerator(SparkSession spark) {
        List<Row> expected = world.dream().latest(YearMonth.of(2020, 1), YearMonth.of(2020, 4)).stream()
                .map(w -> RowFactory.create(pseudonymizer.pseudonymize(w.cpr()), w.uge(), w.ydelseskode()))
                .toList();
        assertEquals(2250 * 13, expected.size(), "citizens × weeks 202002 … 202014");
        Dataset<Row> want = spark.createDataFrame(expected, new StructType().add("cpr_id", DataTypes.StringType)
                .add("uge", DataTypes.IntegerType).add("ydelseskode", DataTypes.StringType));
        Dataset<Row> got = monthly.read(Layer.SILVER, "dream_uge").select("cpr_id", "uge", "ydelseskode");
        assertEquals(expected.size(), got.count());
        assertEquals(0, TestLakes.difference(want, got));
        // Kontanthjælp weeks are Kontanthjælp spells; each spell's kommunekode is one of the 98.
        assertTrue(monthly.read(Layer.GOLD, "dream_forloeb").where("ydelsesgruppe LIKE 'Kontanthjælp%'").count() > 50);
        assertEquals(0, monthly.read(Layer.GOLD, "dream_forloeb").where("kommunekode IS NULL").count());
    }

    /**
     * All 98 DAP packages of April (SPEC 3.7, 5): every municipality-specific table holds only its own rows, and
     * all of them once; shared tables carry no individual column; every manifest verifies. Read back with one
     * Spark job per table over all packages (the package is taken from the file's path).
     */
    @Test
    void exportOfAll98PackagesLeaksNothingAndEveryManifestVerifies(SparkSession spark) throws Exception {
        Path out = allPackages();
        int own = 0;
        for (String table : DapExport.goldTableNames(monthly)) {
            Dataset<Row> back = spark.read().parquet(out + "/*/2020-04/" + table)
                    .withColumn("pakke", functions.regexp_extract(functions.input_file_name(), "/(\\d{3})/2020-04/", 1)
                            .cast("int"));
            long gold = monthly.read(Layer.GOLD, table).count();
            if (!DapExport.isShared(table, monthly.read(Layer.GOLD, table).columns())) {
                own++;
                Row c = back.agg(functions.count(functions.lit(1)), functions.count(functions.when(
                        col("kommunekode").notEqual(col("pakke")), 1))).first(); // one job per table
                assertEquals(0, c.getLong(1), table + " leaks");
                assertEquals(gold, c.getLong(0), table + ": every row in exactly one package");
            } else {
                assertEquals(98 * gold, back.count(), table + " in every package");
                if (table.startsWith("benchmark_")) {
                    assertTrue(List.of(back.columns()).stream().noneMatch(c -> List.of("cpr", "cpr_id", "fuldenavn",
                            "fornavn", "efternavn").contains(c)), table + " has an individual column");
                }
            }
        }
        assertTrue(own > 20, "municipality tables exported: " + own);
        // A citizen who moved is in both packages, each time with that municipality's rows only.
        Row moved = monthly.read(Layer.GOLD, "dim_borger").groupBy("cpr_id").count().where("count > 1").first();
        for (Row r : monthly.read(Layer.GOLD, "dim_borger").where(col("cpr_id").equalTo(moved.getString(0)))
                .collectAsList()) {
            int k = r.getInt(r.fieldIndex("kommunekode"));
            assertEquals(List.of(k + "|" + moved.getString(0)), Frames.lines(spark.read().parquet(out + "/" + k
                    + "/2020-04/dim_borger").where(col("cpr_id").equalTo(moved.getString(0))), "kommunekode", "cpr_id"));
        }
        // Every manifest lists exactly the package's data files, with their rows and sha256.
        for (int k : DapExport.all()) {
            Path pkg = out.resolve(k + "/2020-04");
            List<String> manifest = Files.readAllLines(pkg.resolve(Manifest.FILE));
            assertEquals(Manifest.HEADER, manifest.get(0));
            List<String> listed = new ArrayList<>();
            for (String line : manifest.subList(1, manifest.size())) {
                String[] f = line.split(";");
                listed.add(f[0]);
                assertEquals(Manifest.sha256(pkg.resolve(f[0])), f[2], k + "/" + f[0]);
                assertEquals(Long.parseLong(f[1]), Manifest.parquetRows(pkg.resolve(f[0])), k + "/" + f[0]);
            }
            try (var files = Files.walk(pkg)) {
                assertEquals(files.filter(Files::isRegularFile).map(p -> pkg.relativize(p).toString())
                        .filter(p -> !p.equals(Manifest.FILE)).sorted().toList(), listed);
            }
        }
    }

    /** April's 98 Parquet packages, exported once and shared by the export tests (an export of 98 is a minute). */
    private Path allPackages() throws IOException {
        if (packages == null) {
            Path out = dir.resolve("dap");
            DapExport.Summary s = new DapExport(monthly).export(DeliveryMonth.parse("2020-04"), DapExport.all(), out,
                    DapExport.Format.parquet, DapExport.Niveau.dm);
            assertEquals(98, s.packages());
            packages = out;
        }
        return packages;
    }

    /** The CSV package read back as Danish Excel reads it (BOM, ';', decimal comma) equals the Parquet package. */
    @Test
    void csvPackageReadAsDanishExcelEqualsTheParquetPackage(SparkSession spark) throws Exception {
        new DapExport(monthly).export(DeliveryMonth.parse("2020-04"), new java.util.TreeSet<>(List.of(751)),
                dir.resolve("dap-csv"), DapExport.Format.csv, DapExport.Niveau.dm);
        Path parquetPackage = allPackages().resolve("751/2020-04");
        for (String table : List.of("fact_yr_finans", "dim_kommune", "fact_dfdg_visitationsforloeb")) {
            byte[] bytes = Files.readAllBytes(dir.resolve("dap-csv/751/2020-04/" + table + "/part-00000.csv"));
            assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
            var settings = new com.univocity.parsers.csv.CsvParserSettings();
            settings.getFormat().setDelimiter(';');
            settings.getFormat().setLineSeparator("\n");
            settings.setHeaderExtractionEnabled(false);
            settings.setNullValue("");
            List<String[]> rows = new com.univocity.parsers.csv.CsvParser(settings).parseAll(
                    new java.io.StringReader(new String(bytes, 3, bytes.length - 3,
                            java.nio.charset.StandardCharsets.UTF_8)));
            Dataset<Row> parquet = spark.read().parquet(parquetPackage.resolve(table).toString());
            assertEquals(List.of(parquet.columns()), List.of(rows.get(0)), table + " header");
            List<String> fromCsv = rows.subList(1, rows.size()).stream().map(r -> String.join("|", r)).sorted()
                    .toList();
            List<String> fromParquet = parquet.collectAsList().stream().map(r -> {
                List<String> v = new ArrayList<>();
                for (int i = 0; i < r.size(); i++) {
                    Object o = r.get(i);
                    v.add(o == null ? "" : o instanceof java.math.BigDecimal d ? d.toPlainString().replace('.', ',')
                            : o instanceof java.time.LocalDateTime t
                                    ? t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                            : o.toString());
                }
                return String.join("|", v);
            }).sorted().toList();
            assertTrue(fromCsv.size() > 0, table);
            assertEquals(fromParquet, fromCsv, table);
        }
        assertTrue(Files.readString(dir.resolve("dap-csv/751/2020-04/dim_kommune/part-00000.csv"))
                .contains("Aarhus"), "æøå and names as UTF-8");
    }

    @Test
    void exportRefusesAMonthNotLoadedAFolderWithOtherDataAndALakehouseInUse() throws Exception {
        java.util.TreeSet<Integer> one = new java.util.TreeSet<>(List.of(751));
        FlisException notLoaded = org.junit.jupiter.api.Assertions.assertThrows(FlisException.class, () ->
                new DapExport(monthly).export(DeliveryMonth.parse("2020-09"), one, dir.resolve("dap-x"),
                        DapExport.Format.parquet, DapExport.Niveau.dm));
        assertEquals(1, notLoaded.exitCode());
        assertTrue(notLoaded.getMessage().startsWith("Delivery 2020-09 is not loaded in "), notLoaded.getMessage());
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("budget.xlsx"), "x");
        FlisException usage = org.junit.jupiter.api.Assertions.assertThrows(FlisException.class, () ->
                new DapExport(monthly).export(DeliveryMonth.parse("2020-04"), one, other, DapExport.Format.parquet,
                        DapExport.Niveau.dm));
        assertEquals(2, usage.exitCode());
        try (var files = Files.list(other)) {
            assertEquals(1, files.count(), "nothing written");
        }
        assertTrue(!Files.exists(dir.resolve("dap-x/751")), "nothing written");
        assertEquals(2, dk.flis.jobs.cli.FlisCli.execute("export", "--month", "2020-04", "--kommune", "999", "--out",
                dir.resolve("dap-y").toString()));
    }

    /** dsa: the municipality's own delivered rows of the month, YR by finansieringskommune. */
    @Test
    void dsaPackageHoldsTheMonthsDeliveredRowsOfTheMunicipality(SparkSession spark) throws Exception {
        Path out = dir.resolve("dsa");
        new DapExport(monthly).export(DeliveryMonth.parse("2020-04"), new java.util.TreeSet<>(List.of(751, 101)),
                out, DapExport.Format.parquet, DapExport.Niveau.dsa);
        Dataset<Row> yr = spark.read().parquet(out.resolve("751/2020-04/yr_beregning").toString());
        assertEquals(monthly.read(Layer.BRONZE, "yr_beregning")
                        .where("leverance = '2020-04' AND finansieringskommune = 751").count(), yr.count());
        assertEquals(List.of("2020-04|751"), Frames.lines(yr.select("leverance", "finansieringskommune").distinct(),
                "leverance", "finansieringskommune"));
        Dataset<Row> dream = spark.read().parquet(out.resolve("101/2020-04/dream").toString());
        assertEquals(List.of("101"), Frames.lines(dream.select("kommunekode").distinct(), "kommunekode"));
        assertTrue(List.of(dream.columns()).containsAll(List.of("cpr", "fil", "leverance", "vaerdier")));
        // The citizen register belongs to the municipality the citizen lives in.
        Dataset<Row> borgere = spark.read().parquet(out.resolve("751/2020-04/cpr_borger").toString());
        assertEquals(monthly.read(Layer.BRONZE, "cpr_borger")
                .where("leverance = '2020-04' AND bopaelskommune = 751").count(), borgere.count());
        assertTrue(borgere.count() > 0);
        // A rerun replaces its package whole (a file put into it is gone) and leaves the other packages; no staging
        // folder is left behind.
        Files.writeString(out.resolve("751/2020-04/fremmed.txt"), "x");
        new DapExport(monthly).export(DeliveryMonth.parse("2020-04"), new java.util.TreeSet<>(List.of(751)), out,
                DapExport.Format.parquet, DapExport.Niveau.dsa);
        assertTrue(Files.exists(out.resolve("751/2020-04/yr_beregning")));
        assertTrue(!Files.exists(out.resolve("751/2020-04/fremmed.txt")), "the package is replaced whole");
        try (var top = Files.list(out)) {
            assertEquals(List.of(DapExport.MARKER, "101", "751"), top.map(p -> p.getFileName().toString()).sorted()
                    .toList());
        }
        assertTrue(Files.exists(out.resolve("101/2020-04/dream")));
    }

    @Test
    void goldSpellsEqualSpellsComputedFromTheGeneratorsRecords() {
        List<String> expected = expectedSpells().stream()
                .map(s -> s.id + "|" + s.kommune + "|" + pseudonymizer.pseudonymize(s.cpr) + "|" + s.start + "|"
                        + s.end + "|" + s.kategori)
                .sorted().toList();
        assertEquals(expected, Frames.lines(monthly.read(Layer.GOLD, "fact_dfdg_visitationsforloeb"),
                "forloeb_id", "kommunekode", "cpr_id", "startdato", "slutdato", "visitationskategori"));
        assertEquals(98, monthly.read(Layer.GOLD, "fact_dfdg_visitationsforloeb")
                .select("kommunekode").distinct().count(), "all 98 municipalities have spells");
    }

    @Test
    void weeklyRowsPerMunicipalityEqualTheRolloutComputedHere() {
        DeliveryMonth last = DeliveryMonth.parse("2020-04");
        LocalDate from = last.historyStart(3);
        LocalDate horizon = last.horizon();
        assertEquals(LocalDate.of(2017, 1, 1), from);
        assertEquals(LocalDate.of(2020, 4, 5), horizon);
        Map<Integer, Long> expected = new TreeMap<>();
        for (Spell s : expectedSpells()) {
            LocalDate a = s.start.isBefore(from) ? from : s.start;
            LocalDate lastDay = s.end.minusDays(1);
            LocalDate b = lastDay.isAfter(horizon) ? horizon : lastDay;
            if (!a.isAfter(b)) {
                long weeks = ChronoUnit.WEEKS.between(IsoWeek.monday(a), IsoWeek.monday(b)) + 1;
                expected.merge(s.kommune, weeks, Long::sum);
            }
        }
        List<String> expectedLines = expected.entrySet().stream().map(e -> e.getKey() + "|" + e.getValue())
                .sorted().toList();
        assertEquals(expectedLines, Frames.lines(monthly.read(Layer.GOLD, "fact_dfdg_visitation_uge")
                .groupBy("kommunekode").count(), "kommunekode", "count"));
        assertEquals(List.of("201652|202014"), Frames.lines(monthly.read(Layer.GOLD, "fact_dfdg_visitation_uge")
                .agg(org.apache.spark.sql.functions.min("uge"), org.apache.spark.sql.functions.max("uge")),
                "`min(uge)`", "`max(uge)`"));
    }

    @Test
    void activationsAndHeldConversationsEqualTheGeneratorsLatestVersions() {
        List<String> expected = world.latestActivities().values().stream()
                .map(a -> a.aktivitetId() + "|" + a.kommunekode() + "|" + pseudonymizer.pseudonymize(a.cpr()) + "|"
                        + a.status() + "|" + (List.of("Optaget", "Gennemført", "Afbrudt", "Ansat", "Afsluttet")
                        .contains(a.status()) && !"Fejloprettet".equals(a.aarsag())) + "|" + a.startdato() + "|"
                        + a.slutdato())
                .sorted().toList();
        assertTrue(expected.size() > 100);
        assertEquals(expected, Frames.lines(monthly.read(Layer.GOLD, "fact_dfdg_aktivering"), "aktivitet_id",
                "kommunekode", "cpr_id", "status", "er_aktiveret", "startdato", "slutdato"));
        List<String> held = world.latestConversations().values().stream().filter(c -> c.afholdt())
                .map(c -> c.samtaleId() + "|" + c.samtaletidspunkt().toLocalDate()).sorted().toList();
        assertEquals(held, Frames.lines(monthly.read(Layer.GOLD, "fact_dfdg_samtale"), "samtale_id", "dato"));
        // The only unknown category values are the ones the generator plants on purpose.
        assertTrue(Frames.lines(monthly.read(Layer.GOLD, "dq_dfdg_ukendte_vaerdier"), "vaerdi").stream()
                .distinct().allMatch(v -> List.of("Igangsat", "Digital opkvalificering", "Overgået til digitalt forløb",
                        "Pulje til grøn omstilling").contains(v)));
    }

    /** The NBI validator finds 100 % of the injected counter anomalies and nothing else. */
    @Test
    void yrFindingsEqualTheInjectedAnomalies() {
        List<String> expected = world.yrFindings().stream()
                .map(f -> f.regel() + "|" + pseudonymizer.pseudonymize(f.cpr()) + "|" + f.uge() + "|" + f.ydelse() + "|"
                        + f.beregningId())
                .sorted().toList();
        assertTrue(expected.stream().map(l -> l.split("\\|")[0]).distinct().count() == 5,
                "every rule is injected: " + expected.size());
        assertEquals(expected, Frames.lines(monthly.read(Layer.GOLD, "dq_yr_findings"), "regel", "cpr_id",
                "uge", "ydelse", "beregning_id"));
    }

    /** Læsø at scale 0.005 has a handful of citizens: its small cells are suppressed, never published. */
    @Test
    void smallMunicipalitiesAreSuppressedNotLeaked() {
        for (String table : List.of("benchmark_ydelsesaktivitet", "benchmark_yr")) {
            var bench = monthly.read(Layer.GOLD, table);
            String counts = table.equals("benchmark_yr") ? "unik_person BETWEEN 1 AND 4"
                    : "antal_ydelsesmodtagere BETWEEN 1 AND 4 OR antal_aktiverede BETWEEN 1 AND 4";
            assertEquals(0, bench.where(counts).count(), table + ": no published count 1-4");
            assertEquals(98, bench.select("kommunekode").distinct().count(), table + ": all 98 municipalities");
            assertTrue(bench.where("kommunekode = 825 AND undertrykt").count() > 0, table + ": Læsø suppressed");
        }
        assertEquals(List.of("2020-01|98", "2020-02|98", "2020-03|98"), Frames.lines(
                monthly.read(Layer.GOLD, "benchmark_ydelsesaktivitet")
                        .where("visitationskategori = 'I alt' AND ydelsesgruppe = 'I alt'")
                        .groupBy("maaned").count(), "maaned", "count"));
    }

    /**
     * KY starts in March 2020 in the first municipalities (staggered through 2021): benchmark_ky covers all 98
     * every month from the start, "no data" before a municipality's own start, and publishes no count of 1-4.
     */
    @Test
    void kyBenchmarkCoversAll98WithoutLeakingSmallCells() {
        var bench = monthly.read(Layer.GOLD, "benchmark_ky");
        assertEquals(98, bench.where("ydelsesart = 'I alt'").select("kommunekode").distinct().count());
        assertEquals(0, bench.where("antal_sager BETWEEN 1 AND 4 OR unik_ydelsesmodtagere BETWEEN 1 AND 4"
                + " OR unik_bevillingsmodtagere BETWEEN 1 AND 4").count(), "no published count 1-4");
        assertTrue(bench.where("har_data").count() > 0, "some municipalities have started KY");
        assertTrue(bench.where("NOT har_data AND antal_sager IS NULL AND NOT undertrykt").count() > 0,
                "municipalities that have not started are no data, not zeros");
        assertTrue(monthly.read(Layer.GOLD, "fact_ky_sag").where("sagsbehandlingstid_min IS NOT NULL").count() > 0);
        assertTrue(monthly.read(Layer.GOLD, "fact_ky_sag").where("NOT ydelsesmodtager_er_person").count() > 0,
                "recipients that are not persons are cases");
    }

    @Test
    void dimBorgerResolvesCprAndNameForEveryCitizenInTheFacts() {
        Map<String, Citizen> byCpr = world.citizens().stream()
                .collect(Collectors.toMap(Citizen::cpr, c -> c));
        List<String> expected = expectedSpells().stream()
                .map(s -> s.kommune + "|" + s.cpr + "|" + pseudonymizer.pseudonymize(s.cpr) + "|"
                        + byCpr.get(s.cpr).fornavn() + " " + byCpr.get(s.cpr).efternavn())
                .distinct().sorted().toList();
        List<String> actual = Frames.lines(monthly.read(Layer.GOLD, "dim_borger"),
                "kommunekode", "cpr", "cpr_id", "fuldenavn");
        // Every citizen of the visitation facts, with name; YR adds citizens whose visitation is still to come.
        assertTrue(actual.containsAll(expected), "dim_borger holds every visitation citizen");
        assertTrue(actual.stream().allMatch(l -> l.split("\\|")[2].equals(pseudonymizer.pseudonymize(l.split("\\|")[1]))),
                "cpr_id is the HMAC of cpr");
        assertTrue(expected.stream().anyMatch(l -> l.split("\\|")[1].startsWith("0")), "a leading-zero cpr");
    }

    @Test
    void outOfOrderMonthlyLoadsAndTheBackfillGiveIdenticalBronzeAndTheLatestHorizon() {
        assertEquals(monthly.tables(Layer.BRONZE), backfill.tables(Layer.BRONZE));
        // The last run loaded January late with March and April: gold rolls out to April's horizon (31 March, 202014).
        assertEquals(List.of("202014"), Frames.lines(monthly.read(Layer.GOLD, "fact_dfdg_visitation_uge"),
                "max(uge)"));
        for (String table : monthly.tables(Layer.BRONZE)) {
            TestLakes.assertSameRows(monthly, backfill, Layer.BRONZE, table);
        }
        assertTrue(monthly.read(Layer.BRONZE, "dfdg_visitation").count() > 1000, "a real comparison");
        for (String silver : monthly.tables(Layer.SILVER)) {
            assertTrue(!List.of(monthly.read(Layer.SILVER, silver).columns()).contains("cpr"), "no cpr in silver");
        }
    }

    @Test
    void monthlyRunsMaintainingGoldPerCitizenGiveTheRebuildOfTheBackfillTableByTable(SparkSession spark) {
        // Months one by one (out of order, in memory, three of them maintaining gold per citizen) ≡ backfill ≡
        // rebuild: the backfill's Delta bronze, rebuilt with `flis run --rebuild` (in memory: the Delta writes of a
        // rebuild are CI's, which rebuilds a maintained demo month on Delta), has the monthly runs' silver and gold
        // tables, row for row.
        List<String> maintained = Frames.lines(monthly.read(Layer.AUDIT, "runs")
                .where("maaned = '2020-01..2020-04' AND fejl LIKE 'pr. %'"), "trin");
        assertTrue(maintained.containsAll(List.of("silver.dfdg_visitationsforloeb", "gold.fact_dfdg_visitation_uge",
                "gold.fact_dfdg_aktivering", "gold.fact_dfdg_aktivering_uge", "gold.fact_dfdg_samtale",
                "gold.fact_yr_person_uge", "gold.dq_yr_findings", "gold.fact_ydelsesaktivitet_uge",
                "gold.agg_dfdg_maaned", "gold.fact_yr_finans", "gold.benchmark_yr", "silver.dream_uge",
                "gold.dream_uge")),
                "the second run maintained the per-citizen and per-month tables: " + maintained);
        assertEquals(List.of("2020-01..2020-04|pr. borger fra 2020-02", "2020-02|null"),
                Frames.lines(monthly.read(Layer.AUDIT, "runs").where("trin = 'run'"), "maaned", "fejl"));
        Lakehouse rebuilt = backfill;
        new RunJob(TestLakes.config(dir.resolve("landing"), dir.resolve("rebuilt")), rebuilt).rebuild();
        assertEquals(monthly.tables(Layer.GOLD), rebuilt.tables(Layer.GOLD));
        assertEquals(monthly.tables(Layer.SILVER), rebuilt.tables(Layer.SILVER));
        Map<String, String> differing = new TreeMap<>();
        for (Layer layer : List.of(Layer.SILVER, Layer.GOLD)) {
            for (String table : monthly.tables(layer)) {
                // The same columns in the same order (SELECT * and the DAP packages show it), and the same rows.
                String ours = String.join(",", monthly.read(layer, table).columns());
                String theirs = String.join(",", rebuilt.read(layer, table).columns());
                if (ours.equals(theirs)) {
                    String[] both = TableDifference.fingerprints(monthly.read(layer, table),
                            rebuilt.read(layer, table));
                    ours += ": " + both[0];
                    theirs += ": " + both[1];
                }
                if (!ours.equals(theirs)) {
                    differing.put(layer.dir() + "." + table, ours + " ≠ " + theirs + ", rows differing: "
                            + TestLakes.difference(monthly, rebuilt, layer, table));
                }
            }
        }
        assertEquals(Map.of(), differing, "tables that differ from the rebuild");
        assertTrue(rebuilt.read(Layer.GOLD, "fact_dfdg_visitation_uge").count() > 10_000, "a real comparison");
        assertEquals(List.of("ok"), Frames.lines(rebuilt.read(Layer.AUDIT, "koersler").where("status <> 'koerer'"),
                "status"));
    }

    private record Spell(String id, String cpr, int kommune, String kategori, LocalDate start, LocalDate end) {}

    /** SPEC 3.1 written out plainly: latest version, same-day rule, end at the next kept start. */
    private List<Spell> expectedSpells() {
        Map<String, List<Visitation>> perCitizen = new TreeMap<>();
        for (Visitation v : world.latestVisitations().values()) {
            perCitizen.computeIfAbsent(v.cpr(), k -> new ArrayList<>()).add(v);
        }
        List<Spell> spells = new ArrayList<>();
        for (List<Visitation> vs : perCitizen.values()) {
            Map<LocalDate, Visitation> keptPerDay = new TreeMap<>();
            for (Visitation v : vs) {
                keptPerDay.merge(v.visitationstidspunkt().toLocalDate(), v,
                        (a, b) -> b.visitationstidspunkt().isAfter(a.visitationstidspunkt()) ? b : a);
            }
            List<Map.Entry<LocalDate, Visitation>> kept = new ArrayList<>(keptPerDay.entrySet());
            for (int i = 0; i < kept.size(); i++) {
                Visitation v = kept.get(i).getValue();
                LocalDate end = i + 1 < kept.size() ? kept.get(i + 1).getKey() : OPEN;
                spells.add(new Spell(v.forloebId(), v.cpr(), v.kommunekode(), v.visitationskategori(),
                        kept.get(i).getKey(), end));
            }
        }
        return spells;
    }
}
