package dk.flis.jobs.generate;

import dk.flis.common.landing.Source;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Deterministic monthly deliveries for all 98 municipalities (docs/generator.md): the same options give the
 * same bytes. Writes {@code <out>/<YYYY-MM>/} with cpr_borger.csv, befolkning.csv.gz, dfdg_visitation.csv and
 * {@code _manifest.csv} last; the defect truth goes to {@code <out>/_truth/<YYYY-MM>/karantaene.csv}.
 */
public final class DeliveryGenerator {
    static final String CPR_BORGER = Source.CPR_BORGER.tableName() + ".csv";
    static final String BEFOLKNING = Source.BEFOLKNING.tableName() + ".csv.gz";
    static final String VISITATION = Source.DFDG_VISITATION.tableName() + ".csv";

    private final GeneratorOptions options;

    public DeliveryGenerator(GeneratorOptions options) {
        this.options = options;
    }

    public GeneratedWorld generate() throws IOException {
        // One stream per concern, split in a fixed order: the clean world never depends on the defect rate.
        SplittableRandom root = new SplittableRandom(options.seed());
        SplittableRandom people = root.split();
        SplittableRandom schedule = root.split();
        SplittableRandom register = root.split();
        SplittableRandom defectRng = root.split();

        PopulationBuilder population = new PopulationBuilder(options, people);
        List<Person> persons = population.build();
        List<Visitation> visitations = DeliverySchedule.versions(persons, options, schedule);
        CitizenRegister.Result citizens = CitizenRegister.build(persons, visitations, register);
        List<BefolkningRow> befolkning = Befolkning.rows(options);

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

        Map<YearMonth, List<CitizenRow>> citizensByMonth = byMonth(citizens.rows(), CitizenRow::delivery);
        Map<YearMonth, List<Visitation>> visitationsByMonth = byMonth(visitations, Visitation::delivery);
        Map<YearMonth, List<BefolkningRow>> befolkningByMonth = byMonth(befolkning, BefolkningRow::delivery);

        List<DeliveredFile> files = new ArrayList<>();
        List<Defect> defects = new ArrayList<>();
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
            writer.writeManifest(written);
            writer.writeTruth(options.out(), found, options.defects() > 0);
            files.addAll(written);
            defects.addAll(found);
        }
        return new GeneratedWorld(options, citizens.citizens(), citizens.rows(), visitations, befolkning, defects,
                files);
    }

    /** A source with nothing that month sends no file (SPEC 2). */
    private static void write(DeliveryWriter writer, YearMonth m, String fil, Source source, List<String[]> clean,
                              UnaryOperator<String[]> freshId, DefectInjector injector, List<DeliveredFile> written,
                              List<Defect> found) throws IOException {
        if (clean.isEmpty()) {
            return;
        }
        DefectInjector.Result result = injector.inject(m, fil, source, clean, freshId);
        written.add(writer.write(fil, source.header(), result.rows(), result.defects().size()));
        found.addAll(result.defects());
    }

    /** Every name this generator could have written into a delivery folder, plain or gzip. */
    private static List<String> ownFileNames() {
        List<String> names = new ArrayList<>();
        for (Source s : List.of(Source.CPR_BORGER, Source.BEFOLKNING, Source.DFDG_VISITATION)) {
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
