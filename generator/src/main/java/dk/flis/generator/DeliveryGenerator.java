package dk.flis.generator;

import dk.flis.common.landing.DreamColumns;
import dk.flis.common.landing.Field;
import dk.flis.common.landing.Source;
import dk.flis.common.yr.RefusionLadder;
import dk.flis.common.config.FlisConfig;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Deterministic monthly deliveries for all 98 municipalities (docs/generator.md): the same options give the
 * same bytes. Writes {@code <out>/<YYYY-MM>/} with cpr_borger.csv, befolkning.csv.gz, dfdg_visitation.csv,
 * dfdg_aktivitet.csv, dfdg_samtale.csv, yr_beregning.csv (from 2020-02 on) and {@code _manifest.csv} last; the
 * defect truth goes to {@code <out>/_truth/<YYYY-MM>/karantaene.csv} and {@code yr_findings.csv}.
 */
public final class DeliveryGenerator {
    static final String CPR_BORGER = Source.CPR_BORGER.tableName() + ".csv";
    static final String BEFOLKNING = Source.BEFOLKNING.tableName() + ".csv.gz";
    static final String VISITATION = Source.DFDG_VISITATION.tableName() + ".csv";
    static final String AKTIVITET = Source.DFDG_AKTIVITET.tableName() + ".csv";
    static final String SAMTALE = Source.DFDG_SAMTALE.tableName() + ".csv";
    static final String YR = Source.YR_BEREGNING.tableName() + ".csv";
    static final String DREAM = Source.DREAM.tableName() + ".csv";

    private final GeneratorOptions options;

    public DeliveryGenerator(GeneratorOptions options) {
        this.options = options;
    }

    public GeneratedWorld generate() throws IOException {
        // One stream per concern, split in a fixed order: the clean world never depends on the defect rate
        // (only the line numbers of activities and conversations count the bad rows above them).
        SplittableRandom root = new SplittableRandom(options.seed());
        SplittableRandom people = root.split();
        SplittableRandom schedule = root.split();
        SplittableRandom register = root.split();
        SplittableRandom defectRng = root.split();
        // Split after the four above, so the visitation world and its files stay what they were before
        // activities and conversations existed.
        SplittableRandom activityRng = root.split();
        SplittableRandom conversationRng = root.split();
        SplittableRandom dfdgDefectRng = root.split();
        // Split after the seven above, so none of the five older files changes with yr_beregning.
        SplittableRandom yrRng = root.split();
        SplittableRandom yrDefectRng = root.split();
        SplittableRandom yrFindingRng = root.split();

        PopulationBuilder population = new PopulationBuilder(options, people);
        List<Person> persons = population.build();
        List<Visitation> visitations = DeliverySchedule.versions(persons, options, schedule);
        CitizenRegister.Result citizens = CitizenRegister.build(persons, visitations, register);
        List<BefolkningRow> befolkning = Befolkning.rows(options);
        Map<String, YearMonth> visitationDelivery = firstDeliveries(visitations);
        List<Activity> activities = ActivityBuilder.versions(persons, visitationDelivery, options, activityRng);
        List<Conversation> conversations = ConversationBuilder.conversations(persons, visitationDelivery, options,
                conversationRng);
        List<String> cprs = persons.stream().map(p -> p.base.cpr()).toList();
        boolean hasYr = !options.lastDataDay().isBefore(YrBuilder.YR_START);
        RefusionLadder ladder = hasYr ? FlisConfig.from(FlisConfig.defaults().resolve()).ladder() : null;
        Map<String, String> latestKategori = new HashMap<>();
        visitations.forEach(v -> latestKategori.put(v.forloebId(), v.visitationskategori())); // by delivery
        YrStore yr = YrBuilder.build(persons, latestKategori, options, ladder, yrRng);
        SortedMap<YearMonth, List<YrFinding>> yrFindings = new TreeMap<>();
        YrAnomalies.inject(yr, options.defects(), ladder, yrFindingRng, cprs)
                .forEach(f -> yrFindings.computeIfAbsent(f.delivery(), k -> new ArrayList<>()).add(f.finding()));

        DefectInjector injector = new DefectInjector(defectRng, options.defects());
        long[] nextDefectId = {90_000_000L};
        UnaryOperator<String[]> freshVisitationId = row -> {
            row[0] = String.format("V%08d", ++nextDefectId[0]);
            return row;
        };
        UnaryOperator<String[]> freshCpr = row -> {
            row[0] = population.unusedCpr(LocalDate.parse(row[3]), "M".equals(row[4]), defectRng);
            return row;
        };
        DefectInjector dfdgInjector = new DefectInjector(dfdgDefectRng, options.defects());
        long[] nextActivityDefectId = {90_000_000L};
        UnaryOperator<String[]> freshActivityId = row -> {
            row[0] = String.format("A%08d", ++nextActivityDefectId[0]);
            return row;
        };
        long[] nextConversationDefectId = {90_000_000L};
        UnaryOperator<String[]> freshConversationId = row -> {
            row[0] = String.format("S%08d", ++nextConversationDefectId[0]);
            return row;
        };
        DefectInjector yrInjector = new DefectInjector(yrDefectRng, options.defects());
        long[] nextYrDefectId = {90_000_000L};
        UnaryOperator<String[]> freshYrId = row -> {
            row[0] = LandingCsv.id('B', ++nextYrDefectId[0]);
            return row;
        };

        // KY has its own random streams (not split from root), so every earlier file stays byte-identical.
        KyBuilder.Files ky = KyBuilder.build(persons, options, new SplittableRandom(options.seed() ^ 0x4B59_0001L));
        DefectInjector kyInjector = new DefectInjector(new SplittableRandom(options.seed() ^ 0x4B59_0002L),
                options.defects());
        long[] nextKyDefectId = {90_000_000L};
        UnaryOperator<String[]> freshKyId = row -> {
            row[0] = LandingCsv.id('X', ++nextKyDefectId[0]);
            return row;
        };

        // DREAM draws from hashes of (seed, citizen, week), not from a stream: no earlier file changes with it.
        DreamBuilder dream = DreamBuilder.build(persons, yr, options);
        DefectInjector dreamInjector = new DefectInjector(new SplittableRandom(options.seed() ^ 0x4452_0001L),
                options.defects());

        Map<YearMonth, List<CitizenRow>> citizensByMonth = byMonth(citizens.rows(), CitizenRow::delivery);
        Map<YearMonth, List<Visitation>> visitationsByMonth = byMonth(visitations, Visitation::delivery);
        Map<YearMonth, List<BefolkningRow>> befolkningByMonth = byMonth(befolkning, BefolkningRow::delivery);
        Map<YearMonth, List<Activity>> activitiesByMonth = byMonth(activities, Activity::delivery);
        Map<YearMonth, List<Conversation>> conversationsByMonth = byMonth(conversations, Conversation::delivery);

        List<DeliveredFile> files = new ArrayList<>();
        List<Defect> defects = new ArrayList<>();
        List<Activity> deliveredActivities = new ArrayList<>(activities.size());
        List<Conversation> deliveredConversations = new ArrayList<>(conversations.size());
        for (YearMonth m = options.from(); !m.isAfter(options.to()); m = m.plusMonths(1)) {
            DeliveryWriter writer = new DeliveryWriter(options.out(), m);
            writer.clear(ownFileNames());
            List<DeliveredFile> written = new ArrayList<>();
            List<Defect> found = new ArrayList<>();
            write(writer, m, BEFOLKNING, Source.BEFOLKNING, rows(befolkningByMonth.get(m), LandingCsv::row),
                    UnaryOperator.identity(), injector, written, found);
            write(writer, m, CPR_BORGER, Source.CPR_BORGER,
                    rows(citizensByMonth.get(m), r -> LandingCsv.row(r.citizen())), freshCpr, injector, written, found);
            write(writer, m, VISITATION, Source.DFDG_VISITATION, rows(visitationsByMonth.get(m), LandingCsv::row),
                    freshVisitationId, injector, written, found);
            List<Activity> monthActivities = activitiesByMonth.getOrDefault(m, List.of());
            DefectInjector.Result a = write(writer, m, AKTIVITET, Source.DFDG_AKTIVITET,
                    rows(monthActivities, LandingCsv::row), freshActivityId, dfdgInjector, written, found);
            withLines(monthActivities, a, Activity::withLine, deliveredActivities);
            List<Conversation> monthConversations = conversationsByMonth.getOrDefault(m, List.of());
            DefectInjector.Result c = write(writer, m, SAMTALE, Source.DFDG_SAMTALE,
                    rows(monthConversations, LandingCsv::row), freshConversationId, dfdgInjector, written, found);
            withLines(monthConversations, c, Conversation::withLine, deliveredConversations);
            boolean yrFile = writeYr(writer, m, yr, yrInjector, freshYrId, written, found);
            write(writer, m, "ky_sag.csv", Source.KY_SAG, ky.sager().getOrDefault(m, List.of()), freshKyId,
                    kyInjector, written, found);
            write(writer, m, "ky_opgave.csv", Source.KY_OPGAVE, ky.opgaver().getOrDefault(m, List.of()), freshKyId,
                    kyInjector, written, found);
            write(writer, m, "ky_ydelse.csv", Source.KY_YDELSE, ky.ydelser().getOrDefault(m, List.of()), freshKyId,
                    kyInjector, written, found);
            if (!m.isBefore(DreamBuilder.FIRST)) {
                writeDream(writer, m, dream, dreamInjector, written, found);
            }
            // as listed in the manifest and the truth file: by file name (the first three already were)
            written.sort(Comparator.comparing(DeliveredFile::fil));
            found.sort(Comparator.comparing(Defect::fil).thenComparingInt(Defect::linje));
            writer.writeManifest(written);
            writer.writeTruth(options.out(), found, options.defects() > 0);
            writer.writeYrTruth(options.out(), yrFindings.getOrDefault(m, List.of()), yrFile && options.defects() > 0);
            files.addAll(written);
            defects.addAll(found);
        }
        return new GeneratedWorld(options, citizens.citizens(), citizens.rows(), visitations, befolkning, defects,
                files, deliveredActivities, deliveredConversations, yr.view(), yrFindings,
                new DreamTruth(dream, options));
    }

    /** The month's dream.csv: every citizen's line, made as it is written (a year of weekly columns each). */
    private static void writeDream(DeliveryWriter writer, YearMonth m, DreamBuilder dream, DefectInjector injector,
                                   List<DeliveredFile> written, List<Defect> found) throws IOException {
        List<String> wide = DreamBuilder.wideHeader(m);
        DreamBuilder.Layout layout = DreamBuilder.Layout.of(m);
        List<Field> fields = DreamColumns.fields(DreamColumns.parse(wide));
        DefectInjector.Result result = injector.injectLazily(m, DREAM, fields, dream.size(),
                p -> dream.row(p, layout), UnaryOperator.identity());
        written.add(writer.write(DREAM, Source.DREAM.header() + ";" + String.join(";", wide), result.rows(),
                result.defects().size()));
        found.addAll(result.defects());
    }

    /**
     * The month's yr_beregning rows (a contiguous range of the store), made into text only as they are written;
     * records each clean row's line. False when the month has no row (no file).
     */
    private static boolean writeYr(DeliveryWriter writer, YearMonth m, YrStore yr, DefectInjector injector,
                                   UnaryOperator<String[]> freshId, List<DeliveredFile> written, List<Defect> found)
            throws IOException {
        int lo = yr.firstRowDeliveredIn(m);
        int hi = yr.firstRowDeliveredIn(m.plusMonths(1));
        if (lo == hi) {
            return false;
        }
        int first = lo;
        DefectInjector.Result result = injector.injectLazily(m, YR, Source.YR_BEREGNING, hi - lo,
                i -> yr.fields(first + i), freshId);
        written.add(writer.write(YR, Source.YR_BEREGNING.header(), result.rows(), result.defects().size()));
        found.addAll(result.defects());
        int line = 2;
        int next = 0;
        for (int i = lo; i < hi; i++) {
            while (next < result.defects().size() && result.defects().get(next).linje() == line) {
                next++;
                line++;
            }
            yr.line[i] = line++;
        }
        return true;
    }

    /** First delivery of each forloeb_id (versions are ordered by delivery). */
    private static Map<String, YearMonth> firstDeliveries(List<Visitation> visitations) {
        Map<String, YearMonth> first = new HashMap<>();
        visitations.forEach(v -> first.putIfAbsent(v.forloebId(), v.delivery()));
        return first;
    }

    /** The clean records with the physical line each got once the bad rows were inserted (header = 1). */
    private static <T> void withLines(List<T> clean, DefectInjector.Result result, BiFunction<T, Integer, T> withLine,
                                      List<T> out) {
        if (clean.isEmpty()) {
            return;
        }
        Set<Integer> bad = new HashSet<>();
        result.defects().forEach(d -> bad.add(d.linje()));
        int next = 0;
        for (int line = 2; line < result.rows().size() + 2; line++) {
            if (!bad.contains(line)) {
                out.add(withLine.apply(clean.get(next++), line));
            }
        }
    }

    /** A source with nothing that month sends no file (SPEC 2). */
    private static DefectInjector.Result write(DeliveryWriter writer, YearMonth m, String fil, Source source,
                                               List<String[]> clean, UnaryOperator<String[]> freshId,
                                               DefectInjector injector, List<DeliveredFile> written,
                                               List<Defect> found) throws IOException {
        if (clean.isEmpty()) {
            return null;
        }
        DefectInjector.Result result = injector.inject(m, fil, source, clean, freshId);
        written.add(writer.write(fil, source.header(), result.rows(), result.defects().size()));
        found.addAll(result.defects());
        return result;
    }

    /** Every name this generator could have written into a delivery folder, plain or gzip. */
    private static List<String> ownFileNames() {
        List<String> names = new ArrayList<>();
        for (Source s : List.of(Source.CPR_BORGER, Source.BEFOLKNING, Source.DFDG_VISITATION, Source.DFDG_AKTIVITET,
                Source.DFDG_SAMTALE, Source.YR_BEREGNING, Source.KY_SAG, Source.KY_OPGAVE, Source.KY_YDELSE, Source.DREAM)) {
            names.add(s.tableName() + ".csv");
            names.add(s.tableName() + ".csv.gz");
        }
        return names;
    }

    private static <T> List<String[]> rows(List<T> records, Function<T, String[]> toRow) {
        return records == null ? List.of() : records.stream().map(toRow).collect(Collectors.toList());
    }

    private static <T> Map<YearMonth, List<T>> byMonth(List<T> records, Function<T, YearMonth> month) {
        return records.stream().collect(Collectors.groupingBy(month, TreeMap::new, Collectors.toList()));
    }
}
