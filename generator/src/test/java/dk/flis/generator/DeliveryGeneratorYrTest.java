package dk.flis.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.landing.QuarantineReason;
import dk.flis.common.landing.Source;
import dk.flis.common.yr.RefusionLadder;
import dk.flis.common.config.FlisConfig;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * yr_beregning: a clean run (scale 0.01, deliveries 2020-02..2022-03) read back from its files and checked against
 * the law (ladder, counters, week-parts, corrections) and against the visitation spells; and a 2 % defect run
 * (2021-10..2022-03, the first delivery holding 2020-01..2021-09) whose files must give exactly the injected
 * findings under an implementation of the five SPEC 3.4 rules written here, independently of the generator and of
 * the Spark {@code CounterValidation}.
 */
class DeliveryGeneratorYrTest {
    static final String YR = "yr_beregning.csv";
    static final YearMonth FROM = YearMonth.of(2020, 2);
    static final YearMonth TO = YearMonth.of(2022, 3);
    static final YearMonth DIRTY_FROM = YearMonth.of(2021, 10);
    static final YearMonth DIRTY_TO = YearMonth.of(2022, 3);
    static final double DEFECTS = 0.02;
    static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");
    static final BigDecimal CENT = new BigDecimal("0.01");
    static final Set<String> PENSIONS = Set.of("Førtidspension", "Seniorpension");

    @TempDir
    static Path tmp;
    static GeneratedWorld clean;
    static List<R> cleanRows;
    static GeneratedWorld dirty;
    static List<R> dirtyRows;
    static GeneratedWorld twin;
    static List<R> twinRows;

    @BeforeAll
    static void generate() throws IOException {
        clean = new DeliveryGenerator(new GeneratorOptions(tmp.resolve("clean"), FROM, TO, 0.01, 1L, 0.0)).generate();
        cleanRows = read(tmp.resolve("clean"), FROM, TO);
        dirty = new DeliveryGenerator(new GeneratorOptions(tmp.resolve("dirty"), DIRTY_FROM, DIRTY_TO, 0.005, 3L,
                DEFECTS)).generate();
        dirtyRows = read(tmp.resolve("dirty"), DIRTY_FROM, DIRTY_TO);
        twin = new DeliveryGenerator(new GeneratorOptions(tmp.resolve("twin"), DIRTY_FROM, DIRTY_TO, 0.005, 3L, 0.0))
                .generate();
        twinRows = read(tmp.resolve("twin"), DIRTY_FROM, DIRTY_TO);
    }

    // ------------------------------------------------------------------ reading the files, independently

    /** One yr_beregning row as read from a file. */
    record R(String id, String cpr, int finKommune, int bopKommune, int betKommune, String ydelse, String type,
             int sats, LocalDate start, LocalDate end, YearMonth koersel, BigDecimal brutto, BigDecimal refusion,
             BigDecimal medfinansiering, BigDecimal fleksbidrag, BigDecimal finans, int taeller, int genopt,
             String funktion, String dranst, String eIndkomstId, YearMonth delivery, int line) {
        LocalDate monday() {
            return start.with(DayOfWeek.MONDAY);
        }

        int uge() {
            return start.get(IsoFields.WEEK_BASED_YEAR) * 100 + start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }

        boolean correction() {
            return brutto.signum() < 0;
        }
    }

    static R parse(String[] f, YearMonth delivery, int line) {
        return new R(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]), f[5], f[6],
                Integer.parseInt(f[7]), LocalDate.parse(f[8]), LocalDate.parse(f[9]), YearMonth.parse(f[10]),
                new BigDecimal(f[11]), new BigDecimal(f[12]), new BigDecimal(f[13]), new BigDecimal(f[14]),
                new BigDecimal(f[15]), Integer.parseInt(f[16]), Integer.parseInt(f[17]), f[18], f[19], f[20],
                delivery, line);
    }

    /** Every yr_beregning row of a run's files, skipping the lines its karantaene.csv names. */
    static List<R> read(Path run, YearMonth from, YearMonth to) throws IOException {
        List<R> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Path file = run.resolve(m.toString()).resolve(YR);
            if (!Files.exists(file)) {
                continue;
            }
            Set<Integer> bad = quarantined(run, m);
            List<String> lines = LandingFiles.lines(file);
            for (int n = 2; n <= lines.size(); n++) {
                if (!bad.contains(n)) {
                    out.add(parse(LandingFiles.fields(lines.get(n - 1)), m, n));
                }
            }
        }
        return out;
    }

    static Set<Integer> quarantined(Path run, YearMonth m) throws IOException {
        Path truth = run.resolve("_truth").resolve(m.toString()).resolve("karantaene.csv");
        if (!Files.exists(truth)) {
            return Set.of();
        }
        return Files.readAllLines(truth, StandardCharsets.UTF_8).stream().skip(1).map(l -> l.split(";"))
                .filter(f -> f[0].equals(YR)).map(f -> Integer.parseInt(f[1])).collect(Collectors.toSet());
    }

    // ------------------------------------------------------------------ the five rules, written here

    /** LBK 221 of 12/02/2021 §5 as in SPEC 3.4: from counter 1, 5, 27, 53. */
    static int ladder(String type, int taeller) {
        int step = taeller >= 53 ? 3 : taeller >= 27 ? 2 : taeller >= 5 ? 1 : 0;
        return type.equals("Refusion") ? new int[] {80, 40, 30, 20}[step] : new int[] {20, 60, 70, 80}[step];
    }

    /** One citizen-week: week-parts and corrections summed, counter = the highest. */
    static final class CitizenWeek {
        final LocalDate monday;
        final int uge;
        BigDecimal brutto = BigDecimal.ZERO;
        int taeller = Integer.MIN_VALUE;
        final TreeSet<String> ydelser = new TreeSet<>();

        CitizenWeek(LocalDate monday, int uge) {
            this.monday = monday;
            this.uge = uge;
        }
    }

    static Map<String, TreeMap<LocalDate, CitizenWeek>> weeks(List<R> rows) {
        Map<String, TreeMap<LocalDate, CitizenWeek>> out = new HashMap<>();
        for (R r : rows) {
            CitizenWeek w = out.computeIfAbsent(r.cpr(), c -> new TreeMap<>())
                    .computeIfAbsent(r.monday(), d -> new CitizenWeek(d, r.uge()));
            w.brutto = w.brutto.add(r.brutto());
            w.taeller = Math.max(w.taeller, r.taeller());
            w.ydelser.add(r.ydelse());
        }
        return out;
    }

    /** Findings as {@code regel;cpr;uge;ydelse;beregning_id}. */
    static Set<String> findings(List<R> rows) {
        Set<String> out = new TreeSet<>();
        Map<String, TreeMap<LocalDate, CitizenWeek>> weeks = weeks(rows);
        weeks.forEach((cpr, perWeek) -> {
            CitizenWeek previousPaid = null;
            for (CitizenWeek w : perWeek.values()) {
                String ydelse = String.join(", ", w.ydelser);
                if (w.brutto.compareTo(TEN_THOUSAND) >= 0) {
                    out.add(line("BRUTTO_OVER_10000", cpr, w.uge, ydelse, ""));
                }
                if (w.brutto.signum() <= 0) {
                    continue;
                }
                if (previousPaid != null && previousPaid.monday.plusWeeks(1).equals(w.monday)) {
                    if (w.taeller <= previousPaid.taeller) {
                        out.add(line("TAELLER_STAAR_STILLE", cpr, w.uge, ydelse, ""));
                    }
                    if (w.taeller - previousPaid.taeller > 1) {
                        out.add(line("TAELLER_SPRING", cpr, w.uge, ydelse, ""));
                    }
                }
                previousPaid = w;
            }
        });
        for (R r : rows) {
            int weekCounter = weeks.get(r.cpr()).get(r.monday()).taeller;
            if (r.sats() != ladder(r.type(), weekCounter)) {
                out.add(line("SATS_FORKERT", r.cpr(), r.uge(), r.ydelse(), r.id()));
            }
            BigDecimal net = r.refusion().subtract(r.medfinansiering()).subtract(r.fleksbidrag());
            if (r.finans().subtract(net).abs().compareTo(CENT) > 0) {
                out.add(line("BELOEB_UOVERENSSTEMMELSE", r.cpr(), r.uge(), r.ydelse(), r.id()));
            }
        }
        return out;
    }

    static String line(String regel, String cpr, int uge, String ydelse, String id) {
        return regel + ";" + cpr + ";" + uge + ";" + ydelse + ";" + id;
    }

    static String line(YrFinding f) {
        return line(f.regel(), f.cpr(), f.uge(), f.ydelse(), f.beregningId() == null ? "" : f.beregningId());
    }

    static List<YearMonth> months(YearMonth from, YearMonth to) {
        return Stream.iterate(from, m -> !m.isAfter(to), m -> m.plusMonths(1)).toList();
    }

    // ------------------------------------------------------------------ files and deliveries

    @Test
    void everyDeliveryFrom2020_02HasTheFileInItsManifestWithTheExactHeader() throws IOException {
        assertEquals("beregning_id;cpr;finansieringskommune;bopaelskommune;betalingskommune;ydelse;finansieringstype;"
                + "sats;beregningsstart;beregningsslut;koerselsperiode;bruttoudgift;refusion;medfinansiering;"
                + "fleksbidrag;finansieringsbeloeb;ydelsestaeller;genoptjeningstaeller;funktion;dranst;e_indkomst_id",
                Source.YR_BEREGNING.header());
        for (YearMonth m : months(FROM, TO)) {
            Path folder = tmp.resolve("clean").resolve(m.toString());
            List<String> manifest = Files.readAllLines(folder.resolve("_manifest.csv"), StandardCharsets.UTF_8);
            String listed = manifest.stream().filter(l -> l.startsWith(YR + ";")).findFirst().orElseThrow();
            List<String> lines = LandingFiles.lines(folder.resolve(YR));
            assertEquals(Source.YR_BEREGNING.header(), lines.get(0));
            assertEquals(YR + ";" + (lines.size() - 1) + ";" + LandingFiles.sha256(folder.resolve(YR)), listed);
            assertFalse(LandingFiles.text(folder.resolve(YR)).contains("\r"));
            for (String l : lines.subList(1, lines.size())) {
                assertEquals(List.of(), LandingFiles.problems(Source.YR_BEREGNING, LandingFiles.fields(l)), l);
            }
        }
        assertFalse(Files.exists(tmp.resolve("clean/_truth")), "no truth without defects");
    }

    @Test
    void noYrFileBefore2020_02AndTheFirstHoldsJanuary2020Only() throws IOException {
        Path dir = tmp.resolve("early");
        YearMonth from = YearMonth.of(2019, 11);
        YearMonth to = YearMonth.of(2020, 2);
        GeneratedWorld w = new DeliveryGenerator(new GeneratorOptions(dir, from, to, 0.002, 9L, 0.05)).generate();
        for (YearMonth m : months(from, to.minusMonths(1))) {
            assertFalse(Files.exists(dir.resolve(m.toString()).resolve(YR)), m.toString());
            assertFalse(Files.readString(dir.resolve(m.toString()).resolve("_manifest.csv")).contains(YR));
            assertFalse(Files.exists(dir.resolve("_truth").resolve(m.toString()).resolve("yr_findings.csv")));
        }
        List<R> rows = read(dir, from, to);
        assertFalse(rows.isEmpty());
        for (R r : rows) {
            assertEquals(to, r.delivery());
            assertEquals(YearMonth.of(2020, 1), r.koersel());
            assertFalse(r.start().isBefore(LocalDate.of(2020, 1, 1)), r::toString);
            assertFalse(r.end().isAfter(LocalDate.of(2020, 1, 31)), r::toString);
        }
        assertTrue(rows.stream().anyMatch(r -> r.start().equals(LocalDate.of(2020, 1, 1))
                && r.end().equals(LocalDate.of(2020, 1, 5))), "week 202001 starts on 1 January");
        assertEquals(rows.size(), w.yrRows().size());
        // the same options give the same bytes
        Path again = tmp.resolve("early-again");
        GeneratedWorld w2 = new DeliveryGenerator(new GeneratorOptions(again, from, to, 0.002, 9L, 0.05)).generate();
        assertArrayEquals(Files.readAllBytes(dir.resolve("2020-02").resolve(YR)),
                Files.readAllBytes(again.resolve("2020-02").resolve(YR)));
        assertArrayEquals(Files.readAllBytes(dir.resolve("_truth/2020-02/yr_findings.csv")),
                Files.readAllBytes(again.resolve("_truth/2020-02/yr_findings.csv")));
        assertEquals(w.yrRows(), w2.yrRows());
        assertEquals(w.yrFindings(), w2.yrFindings());
    }

    @Test
    void deliveryMHoldsKoerselsperiodeMMinus1AndNothingAfterTheLastDataDay() {
        LocalDate lastDay = TO.minusMonths(1).atEndOfMonth();
        for (R r : cleanRows) {
            YearMonth due = r.koersel().plusMonths(1);
            assertEquals(due.isBefore(FROM) ? FROM : due, r.delivery(), r::toString);
            assertFalse(r.start().isAfter(lastDay), r::toString);
            assertFalse(r.end().isAfter(lastDay), r::toString);
            if (!r.correction()) {
                assertEquals(YearMonth.from(r.start()), r.koersel(), r::toString);
            }
        }
        assertTrue(cleanRows.stream().anyMatch(r -> r.start().isAfter(lastDay.minusDays(7))), "rows up to the end");
        // the first delivery of the dirty run holds every koerselsperiode from 2020-01 on
        Set<YearMonth> first = dirtyRows.stream().filter(r -> r.delivery().equals(DIRTY_FROM)).map(R::koersel)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(months(YearMonth.of(2020, 1), DIRTY_FROM.minusMonths(1))), first);
    }

    @Test
    void filesHoldExactlyTheWorldsRowsOnTheirLines() {
        for (List<R> rows : List.of(cleanRows, dirtyRows)) {
            List<YrRow> world = rows == cleanRows ? clean.yrRows() : dirty.yrRows();
            assertEquals(rows.size(), world.size());
            for (int i = 0; i < rows.size(); i++) {
                YrRow w = world.get(i);
                R r = rows.get(i);
                assertEquals(r.delivery(), w.delivery());
                assertEquals(r.line(), w.line());
                assertEquals(r, new R(w.beregningId(), w.cpr(), w.finansieringskommune(), w.bopaelskommune(),
                        w.betalingskommune(), w.ydelse(), w.finansieringstype(), w.sats(), w.beregningsstart(),
                        w.beregningsslut(), w.koerselsperiode(), w.bruttoudgift(), w.refusion(), w.medfinansiering(),
                        w.fleksbidrag(), w.finansieringsbeloeb(), w.ydelsestaeller(), w.genoptjeningstaeller(),
                        w.funktion(), w.dranst(), w.eIndkomstId(), w.delivery(), w.line()));
                assertEquals(r.uge(), w.uge());
                assertEquals(r.correction(), w.correction());
            }
        }
        for (YearMonth m : months(DIRTY_FROM, DIRTY_TO)) {
            assertEquals(dirtyRows.stream().filter(r -> r.delivery().equals(m)).count(),
                    dirty.yrRowsDeliveredIn(m).size(), m.toString());
        }
        for (YearMonth m : months(FROM, TO)) { // the text too, field by field
            List<String> lines = LandingFiles.lines(tmp.resolve("clean").resolve(m.toString()).resolve(YR));
            for (YrRow r : clean.yrRowsDeliveredIn(m)) {
                assertArrayEquals(LandingCsv.row(r), LandingFiles.fields(lines.get(r.line() - 1)));
            }
        }
        Set<String> ids = new HashSet<>();
        Set<String> eIds = new HashSet<>();
        for (R r : cleanRows) {
            assertTrue(r.id().matches("B[0-9]{8}") && ids.add(r.id()), r.id());
            assertTrue(r.eIndkomstId().matches("E[0-9]{11}") && eIds.add(r.eIndkomstId()), r.eIndkomstId());
        }
        assertTrue(clean.summary().contains(cleanRows.size() + " yr_beregning rows"), clean.summary());
    }

    // ------------------------------------------------------------------ the law

    @Test
    void aboutSeventyPercentOfTheCitizensArePaidABenefitOfTheirVisitationCategory() {
        // SPEC 3.1 spells of the delivered visitations (latest version of each), per citizen in time order
        Map<String, List<Visitation>> perCitizen = new HashMap<>();
        clean.latestVisitations().values().stream().sorted(Comparator.comparing(Visitation::visitationstidspunkt))
                .forEach(v -> perCitizen.computeIfAbsent(v.cpr(), c -> new ArrayList<>()).add(v));
        Map<String, TreeMap<LocalDate, Visitation>> spells = new HashMap<>();
        perCitizen.forEach((cpr, vs) -> {
            TreeMap<LocalDate, Visitation> s = new TreeMap<>();
            vs.forEach(v -> s.put(v.visitationstidspunkt().toLocalDate(), v)); // same date: the latest time wins
            spells.put(cpr, s);
        });
        Map<String, Set<String>> allowed = Map.ofEntries(
                Map.entry("Jobparat", Set.of("Arbejdsløshedsdagpenge", "Kontanthjælp")),
                Map.entry("Aktivitetsparat", Set.of("Kontanthjælp")),
                Map.entry("Uddannelsesparat", Set.of("Uddannelseshjælp")),
                Map.entry("Åbenlyst uddannelsesparat", Set.of("Uddannelseshjælp")),
                Map.entry("Sygedagpengemodtager kategori 1", Set.of("Sygedagpenge")),
                Map.entry("Sygedagpengemodtager kategori 2", Set.of("Sygedagpenge")),
                Map.entry("Sygedagpengemodtager kategori 3", Set.of("Sygedagpenge")),
                Map.entry("Jobafklaringsforløb", Set.of("Jobafklaringsforløb")),
                Map.entry("Ressourceforløb", Set.of("Ressourceforløbsydelse")),
                Map.entry("Ledighedsydelsesmodtager", Set.of("Ledighedsydelse")),
                Map.entry("Fleksjob", Set.of("Fleksløntilskud")),
                Map.entry("Revalidend", Set.of("Revalideringsydelse")));
        Map<String, LocalDate> born = new HashMap<>();
        clean.citizens().forEach(c -> born.put(c.cpr(), c.foedselsdato()));
        Map<String, Long> perBenefit = new TreeMap<>();
        Map<String, Long> jobparat = new TreeMap<>();
        for (R r : cleanRows) {
            Visitation v = spells.get(r.cpr()).floorEntry(r.start()).getValue();
            assertEquals(v.kommunekode(), r.finKommune(), r::toString);
            assertEquals(r.finKommune(), r.bopKommune(), r::toString);
            if (PENSIONS.contains(r.ydelse())) {
                int age = Period.between(born.get(r.cpr()), r.start()).getYears();
                assertTrue(age >= (r.ydelse().equals("Seniorpension") ? 60 : 50), () -> age + " " + r);
            } else {
                assertTrue(allowed.get(v.visitationskategori()).contains(r.ydelse()),
                        () -> v.visitationskategori() + " → " + r.ydelse());
            }
            if (!r.correction()) {
                perBenefit.merge(r.ydelse(), 1L, Long::sum);
                if (v.visitationskategori().equals("Jobparat")) {
                    jobparat.merge(r.ydelse(), 1L, Long::sum);
                }
            }
        }
        assertEquals(11, perBenefit.size(), perBenefit.toString());
        double dagpenge = (double) jobparat.get("Arbejdsløshedsdagpenge")
                / (jobparat.get("Arbejdsløshedsdagpenge") + jobparat.get("Kontanthjælp"));
        assertTrue(dagpenge > 0.5 && dagpenge < 0.7, "jobparat on a-dagpenge " + dagpenge);
        long pensioners = cleanRows.stream().filter(r -> PENSIONS.contains(r.ydelse())).map(R::cpr).distinct().count();
        long paid = cleanRows.stream().map(R::cpr).distinct().count();
        assertTrue(pensioners > 0 && pensioners < 0.05 * paid, "a few pensioners: " + pensioners);
        // every citizen has a spell in force from 2020-01-01 on (the last spell is open)
        double share = (double) paid / clean.citizens().size();
        assertTrue(share > 0.64 && share < 0.76, "paid citizens " + share);
        long betaling = cleanRows.stream().filter(r -> r.betKommune() != r.finKommune()).count();
        assertTrue(betaling > 0.005 * cleanRows.size() && betaling < 0.05 * cleanRows.size(), "betaling " + betaling);
    }

    @Test
    void namesAndFinansieringstypeAreThoseOfTheReferenceList() throws IOException {
        Map<String, String> reference = new HashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/reference/ydelser_yr.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].strip().split(";");
                reference.put(f[0], f[2]);
            }
        }
        for (R r : cleanRows) {
            assertEquals(reference.get(r.ydelse()), r.type(), r.ydelse());
            assertTrue(r.funktion().matches("5\\.[0-9]{2}\\.[0-9]{2}"), r.funktion());
            assertEquals(r.type().equals("Refusion") ? "002" : "001", r.dranst());
        }
    }

    @Test
    void theConfLadderIsTheLawsLadder() {
        RefusionLadder conf = FlisConfig.from(FlisConfig.defaults().resolve()).ladder();
        for (int t = 1; t <= 300; t++) {
            for (String type : List.of("Refusion", "Medfinansiering")) {
                assertEquals(ladder(type, t), conf.sats(type, t), type + " " + t);
            }
        }
    }

    @Test
    void amountsFollowTheSatsAndTheIdentityOnEveryCleanRow() {
        for (R r : cleanRows) {
            for (BigDecimal b : List.of(r.brutto(), r.refusion(), r.medfinansiering(), r.fleksbidrag(), r.finans())) {
                assertEquals(2, b.scale(), r::toString);
            }
            assertEquals(ladder(r.type(), r.taeller()), r.sats(), r::toString);
            BigDecimal share = r.brutto().multiply(BigDecimal.valueOf(r.sats()))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
            boolean refusion = r.type().equals("Refusion");
            assertEquals(refusion ? share : BigDecimal.ZERO.setScale(2), r.refusion(), r::toString);
            assertEquals(refusion ? BigDecimal.ZERO.setScale(2) : share, r.medfinansiering(), r::toString);
            assertEquals(r.refusion().subtract(r.medfinansiering()).subtract(r.fleksbidrag()), r.finans(),
                    r::toString);
            if (!r.ydelse().equals("Fleksløntilskud")) {
                assertEquals(0, r.fleksbidrag().signum(), r::toString);
            }
            assertEquals(r.correction() ? -1 : 1, r.brutto().signum(), r::toString);
            assertTrue(r.fleksbidrag().signum() * r.brutto().signum() >= 0, r::toString);
            assertTrue(r.fleksbidrag().abs().compareTo(r.brutto().abs().multiply(new BigDecimal("0.1"))) < 0);
        }
        assertTrue(cleanRows.stream().anyMatch(r -> r.fleksbidrag().signum() > 0), "some fleksbidrag");
        weeks(cleanRows).values().forEach(perWeek -> perWeek.values()
                .forEach(w -> assertTrue(w.brutto.compareTo(TEN_THOUSAND) < 0, w.uge + " " + w.brutto)));
    }

    @Test
    void weekPartsStayInOneIsoWeekAndOneMonthAndSplitWeeksShareCounterAndSats() {
        long mondayOrFirst = 0;
        Map<String, R> firstParts = new HashMap<>();
        for (R r : cleanRows) {
            assertEquals(r.monday(), r.end().with(DayOfWeek.MONDAY), r::toString);
            assertEquals(YearMonth.from(r.start()), YearMonth.from(r.end()), r::toString);
            assertFalse(r.end().isBefore(r.start()));
            mondayOrFirst += r.start().getDayOfWeek() == DayOfWeek.MONDAY || r.start().getDayOfMonth() == 1 ? 1 : 0;
            if (!r.correction() && r.end().equals(r.end().withDayOfMonth(r.end().lengthOfMonth()))
                    && r.end().getDayOfWeek() != DayOfWeek.SUNDAY) {
                firstParts.put(r.cpr() + r.ydelse() + r.end().plusDays(1), r);
            }
        }
        assertTrue(mondayOrFirst > 0.97 * cleanRows.size(), "mostly Monday or the 1st: " + mondayOrFirst);
        int split = 0;
        for (R r : cleanRows) {
            R first = firstParts.get(r.cpr() + r.ydelse() + r.start());
            if (!r.correction() && first != null) {
                split++;
                assertEquals(first.uge(), r.uge());
                assertEquals(first.taeller(), r.taeller());
                assertEquals(first.genopt(), r.genopt());
                assertEquals(first.sats(), r.sats());
                assertEquals(first.koersel().plusMonths(1), r.koersel());
            }
        }
        assertTrue(split > 1000, "split weeks " + split);
        // a citizen switching benefit mid-week: two benefits in one ISO week, one counter
        long switches = weeks(cleanRows).values().stream().flatMap(m -> m.values().stream())
                .filter(w -> w.ydelser.size() > 1).count();
        assertTrue(switches > 20, "benefit switches within a week " + switches);
    }

    @Test
    void countersRisePerPaidWeekAcrossBenefitsAndRestartAfter52WeeksOfSelfSupport() {
        Map<String, List<R>> perCitizen = cleanRows.stream().collect(Collectors.groupingBy(R::cpr));
        LocalDate week0 = LocalDate.of(2019, 12, 30);
        int resets = 0;
        int yearEnd = 0;
        for (List<R> rows : perCitizen.values()) {
            TreeMap<LocalDate, List<R>> byWeek = new TreeMap<>();
            rows.forEach(r -> byWeek.computeIfAbsent(r.monday(), d -> new ArrayList<>()).add(r));
            LocalDate previous = null;
            int counter = 0;
            for (Map.Entry<LocalDate, List<R>> e : byWeek.entrySet()) {
                List<R> week = e.getValue();
                int taeller = week.get(0).taeller();
                int genopt = week.get(0).genopt();
                week.forEach(r -> assertEquals(taeller, r.taeller(), r::toString));
                week.forEach(r -> assertEquals(genopt, r.genopt(), r::toString));
                long gap = ChronoUnit.WEEKS.between(previous == null ? week0 : previous.plusWeeks(1), e.getKey());
                assertEquals(Math.min(gap, 52), genopt, () -> week.get(0).toString());
                if (previous == null) {
                    assertTrue(taeller >= 1 && taeller <= 151, () -> week.get(0).toString());
                    if (gap >= 52) {
                        assertEquals(1, taeller);
                    }
                } else {
                    assertEquals(gap >= 52 ? 1 : counter + 1, taeller, () -> week.get(0).toString());
                    resets += gap >= 52 ? 1 : 0;
                    yearEnd += week.get(0).uge() == 202101 && previous.equals(LocalDate.of(2020, 12, 28)) ? 1 : 0;
                }
                counter = taeller;
                previous = e.getKey();
            }
        }
        assertTrue(resets > 0, "a counter restart after 52 weeks of self-support");
        assertTrue(yearEnd > 100, "202053 → 202101 is consecutive: " + yearEnd);
    }

    @Test
    void correctionsAreNegativePartialAndRunInALaterKoerselsperiode() {
        Map<String, R> originals = new HashMap<>();
        cleanRows.stream().filter(r -> !r.correction())
                .forEach(r -> assertNull(originals.put(r.cpr() + r.ydelse() + r.start() + r.end(), r)));
        List<R> corrections = cleanRows.stream().filter(R::correction).toList();
        for (R c : corrections) {
            R o = originals.get(c.cpr() + c.ydelse() + c.start() + c.end());
            long later = ChronoUnit.MONTHS.between(o.koersel(), c.koersel());
            assertTrue(later == 1 || later == 2, c::toString);
            BigDecimal share = c.brutto().negate().divide(o.brutto(), 4, RoundingMode.HALF_UP);
            assertTrue(share.compareTo(new BigDecimal("0.099")) >= 0 && share.compareTo(new BigDecimal("0.601")) <= 0,
                    () -> share + " " + c);
            assertEquals(o.sats(), c.sats());
            assertEquals(o.taeller(), c.taeller());
            assertEquals(o.genopt(), c.genopt());
            assertEquals(o.finKommune(), c.finKommune());
            assertEquals(o.betKommune(), c.betKommune());
            assertFalse(c.id().equals(o.id()));
            assertTrue(c.refusion().signum() <= 0 && c.medfinansiering().signum() <= 0
                    && c.fleksbidrag().signum() <= 0, c::toString);
        }
        double share = (double) corrections.size() / originals.size();
        assertTrue(share > 0.01 && share < 0.03, "corrections " + share);
    }

    // ------------------------------------------------------------------ findings

    @Test
    void cleanDataHasNoFindingAtAnyDelivery() {
        assertEquals(Set.of(), findings(cleanRows));
        assertEquals(List.of(), clean.yrFindings());
        for (YearMonth m : months(DIRTY_FROM, DIRTY_TO)) {
            assertEquals(Set.of(), findings(twinRows.stream().filter(r -> !r.delivery().isAfter(m)).toList()),
                    m.toString());
        }
    }

    @Test
    void theDeliveredRowsGiveExactlyTheInjectedFindingsEachFromItsDeliveryOn() {
        assertEquals(dirty.yrFindings().stream().map(DeliveryGeneratorYrTest::line).collect(Collectors.toSet()),
                findings(dirtyRows));
        Set<String> expected = new TreeSet<>();
        for (YearMonth m : months(DIRTY_FROM, DIRTY_TO)) {
            dirty.yrFindingsDeliveredIn(m).forEach(f -> expected.add(line(f)));
            assertEquals(expected, findings(dirtyRows.stream().filter(r -> !r.delivery().isAfter(m)).toList()),
                    "findings after loading " + m);
        }
        assertEquals(dirty.yrFindings().size(), expected.size(), "no finding twice");
        for (YrFinding f : dirty.yrFindings()) {
            boolean rowRule = f.regel().equals("SATS_FORKERT") || f.regel().equals("BELOEB_UOVERENSSTEMMELSE");
            assertEquals(rowRule, f.beregningId() != null, f.toString());
        }
    }

    @Test
    void everyRuleIsInjectedInEveryDeliveryAtTheDefectRate() {
        // paid citizen-weeks by the delivery of their last row
        Map<String, YearMonth> lastDelivery = new HashMap<>();
        dirtyRows.forEach(r -> lastDelivery.merge(r.cpr() + "/" + r.uge(), r.delivery(),
                (a, b) -> a.isAfter(b) ? a : b));
        Map<YearMonth, Long> paidWeeks = lastDelivery.values().stream()
                .collect(Collectors.groupingBy(m -> m, TreeMap::new, Collectors.counting()));
        for (YearMonth m : months(DIRTY_FROM, DIRTY_TO)) {
            Map<String, Long> perRule = dirty.yrFindingsDeliveredIn(m).stream()
                    .collect(Collectors.groupingBy(YrFinding::regel, TreeMap::new, Collectors.counting()));
            long want = Math.max(1, Math.round(DEFECTS * paidWeeks.get(m) / 5));
            for (String regel : List.of("BRUTTO_OVER_10000", "TAELLER_STAAR_STILLE", "TAELLER_SPRING", "SATS_FORKERT",
                    "BELOEB_UOVERENSSTEMMELSE")) {
                assertEquals(want, perRule.get(regel), m + " " + regel + " of " + paidWeeks.get(m) + " weeks");
            }
        }
        assertTrue(dirty.yrFindingsDeliveredIn(DIRTY_FROM).size() > 100, "the history delivery gets its share");
    }

    @Test
    void truthFilesHoldTheWorldsFindings() throws IOException {
        for (YearMonth m : months(DIRTY_FROM, DIRTY_TO)) {
            List<String> lines = Files.readAllLines(tmp.resolve("dirty/_truth").resolve(m.toString())
                    .resolve("yr_findings.csv"), StandardCharsets.UTF_8);
            assertEquals("regel;cpr;uge;ydelse;beregning_id", lines.get(0));
            assertEquals(dirty.yrFindingsDeliveredIn(m).stream().map(DeliveryGeneratorYrTest::line).toList(),
                    lines.subList(1, lines.size()));
        }
    }

    @Test
    void injectedFindingsChangeOnlyTheirCitizensAndAreNeverCorrected() {
        assertEquals(twinRows.size(), dirtyRows.size());
        Set<String> withFinding = dirty.yrFindings().stream().map(YrFinding::cpr).collect(Collectors.toSet());
        int changed = 0;
        for (int i = 0; i < twinRows.size(); i++) {
            R a = twinRows.get(i);
            R b = dirtyRows.get(i);
            assertEquals(List.of(a.id(), a.cpr(), a.ydelse(), a.start(), a.end(), a.koersel(), a.delivery(), a.genopt()),
                    List.of(b.id(), b.cpr(), b.ydelse(), b.start(), b.end(), b.koersel(), b.delivery(), b.genopt()));
            if (!a.equals(new R(b.id(), b.cpr(), b.finKommune(), b.bopKommune(), b.betKommune(), b.ydelse(), b.type(),
                    b.sats(), b.start(), b.end(), b.koersel(), b.brutto(), b.refusion(), b.medfinansiering(),
                    b.fleksbidrag(), b.finans(), b.taeller(), b.genopt(), b.funktion(), b.dranst(), b.eIndkomstId(),
                    b.delivery(), a.line()))) {
                changed++;
                assertTrue(withFinding.contains(a.cpr()), "changed row of a citizen without finding: " + b);
            }
        }
        assertTrue(changed >= dirty.yrFindings().size(), changed + " rows changed");
        Set<String> correctedWeeks = dirtyRows.stream().filter(R::correction).map(r -> r.cpr() + "/" + r.uge())
                .collect(Collectors.toSet());
        for (YrFinding f : dirty.yrFindings()) {
            assertFalse(correctedWeeks.contains(f.cpr() + "/" + f.uge()), "a finding's week is never corrected " + f);
        }
        // the anomalies that move a counter keep the ladder's sats for the written counter
        Set<String> rowFindings = dirty.yrFindings().stream().map(YrFinding::beregningId).collect(Collectors.toSet());
        for (R r : dirtyRows) {
            if (!rowFindings.contains(r.id())) {
                assertEquals(ladder(r.type(), r.taeller()), r.sats(), r::toString);
                assertEquals(r.refusion().subtract(r.medfinansiering()).subtract(r.fleksbidrag()), r.finans());
            }
        }
    }

    @Test
    void quarantineRowsAreBrokenInExactlyTheStatedWay() throws IOException {
        for (YearMonth m : months(DIRTY_FROM, DIRTY_TO)) {
            Map<Integer, QuarantineReason> bad = new TreeMap<>();
            for (String l : Files.readAllLines(tmp.resolve("dirty/_truth").resolve(m.toString())
                    .resolve("karantaene.csv"), StandardCharsets.UTF_8)) {
                String[] f = l.split(";");
                if (f[0].equals(YR)) {
                    bad.put(Integer.parseInt(f[1]), QuarantineReason.valueOf(f[2]));
                }
            }
            assertEquals(EnumSet.of(QuarantineReason.FELTANTAL, QuarantineReason.CPR, QuarantineReason.KOMMUNEKODE,
                    QuarantineReason.DATO, QuarantineReason.TAL, QuarantineReason.MAANED), EnumSet.copyOf(bad.values()));
            List<String> lines = LandingFiles.lines(tmp.resolve("dirty").resolve(m.toString()).resolve(YR));
            for (int n = 2; n <= lines.size(); n++) {
                QuarantineReason stated = bad.get(n);
                assertEquals(stated == null ? List.of() : List.of(stated),
                        LandingFiles.problems(Source.YR_BEREGNING, LandingFiles.fields(lines.get(n - 1))), m + " " + n);
            }
            long rows = lines.size() - 1 - bad.size();
            assertEquals(Math.max(6, Math.round(DEFECTS * rows)), bad.size(), m.toString());
        }
    }

    @Test
    void theWorldGivesTheRowsOfOneDelivery() {
        for (YearMonth m : months(FROM, TO)) {
            List<YrRow> rows = clean.yrRowsDeliveredIn(m);
            assertFalse(rows.isEmpty());
            assertEquals(m, rows.get(0).delivery());
            assertEquals(m, rows.get(rows.size() - 1).delivery());
            assertEquals(cleanRows.stream().filter(r -> r.delivery().equals(m)).count(), rows.size());
        }
    }
}
