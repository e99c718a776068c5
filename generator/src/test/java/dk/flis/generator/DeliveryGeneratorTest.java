package dk.flis.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.landing.Source;
import dk.flis.common.reference.Municipalities;
import dk.flis.common.reference.Municipality;
import dk.flis.generator.Visitation.Arrival;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One clean run (scale 0.01, deliveries 2020-01..2020-04), checked through the files it wrote. */
class DeliveryGeneratorTest {
    static final YearMonth FROM = YearMonth.of(2020, 1);
    static final YearMonth TO = YearMonth.of(2020, 4);
    static final double SCALE = 0.01;
    static final List<String> DATA_FILES = List.of("befolkning.csv.gz", "cpr_borger.csv", "dfdg_aktivitet.csv",
            "dfdg_samtale.csv", "dfdg_visitation.csv");

    @TempDir
    static Path tmp;
    static Path out;
    static GeneratedWorld world;

    @BeforeAll
    static void generate() throws IOException {
        out = tmp.resolve("a");
        world = new DeliveryGenerator(options(out, 7L)).generate();
    }

    static GeneratorOptions options(Path dir, long seed) {
        return new GeneratorOptions(dir, FROM, TO, SCALE, seed, 0.0);
    }

    /** The data files of a delivery: yr_beregning and dream from 2020-02 on (YR starts 2020-01-01), KY from 2020-04 on. */
    static List<String> dataFiles(YearMonth m) {
        List<String> files = new ArrayList<>(DATA_FILES);
        if (!m.isBefore(YearMonth.of(2020, 2))) {
            files.add("yr_beregning.csv");
            files.add("dream.csv"); // its own weeks are January 2020's: YR's first month
        }
        if (!m.isBefore(YearMonth.of(2020, 4))) { // KY from March 2020, delivered in April
            files.addAll(List.of("ky_opgave.csv", "ky_sag.csv", "ky_ydelse.csv"));
        }
        files.sort(String::compareTo); // as the manifest lists them
        return files;
    }

    static List<YearMonth> months() {
        return Stream.iterate(FROM, m -> !m.isAfter(TO), m -> m.plusMonths(1)).toList();
    }

    static Path folder(YearMonth m) {
        return out.resolve(m.toString());
    }

    @Test
    void manifestListsExactlyTheFilesWithRowCountsAndSha256() throws IOException {
        for (YearMonth m : months()) {
            List<String> manifest = Files.readAllLines(folder(m).resolve("_manifest.csv"), StandardCharsets.UTF_8);
            assertEquals("fil;antal_raekker;sha256", manifest.get(0));
            Set<String> present;
            try (Stream<Path> files = Files.list(folder(m))) {
                present = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("_manifest.csv"))
                        .collect(Collectors.toCollection(TreeSet::new));
            }
            assertEquals(new TreeSet<>(dataFiles(m)), present, "files in " + m);
            List<String> listed = new ArrayList<>();
            for (String row : manifest.subList(1, manifest.size())) {
                String[] f = row.split(";");
                Path file = folder(m).resolve(f[0]);
                listed.add(f[0]);
                assertEquals(LandingFiles.lines(file).size() - 1, Integer.parseInt(f[1]), f[0] + " count in " + m);
                assertEquals(LandingFiles.sha256(file), f[2], f[0] + " sha256 in " + m);
                assertTrue(f[2].matches("[0-9a-f]{64}"));
            }
            assertEquals(dataFiles(m), listed);
        }
        assertFalse(Files.exists(out.resolve("_truth")), "no truth files without defects");
    }

    @Test
    void headersAreExactAndLinesEndInLfWithTrailingNewline() throws IOException {
        Map<String, Source> sources = Map.of("befolkning.csv.gz", Source.BEFOLKNING, "cpr_borger.csv",
                Source.CPR_BORGER, "dfdg_visitation.csv", Source.DFDG_VISITATION, "dfdg_aktivitet.csv",
                Source.DFDG_AKTIVITET, "dfdg_samtale.csv", Source.DFDG_SAMTALE);
        for (YearMonth m : months()) {
            for (String name : DATA_FILES) {
                String text = LandingFiles.text(folder(m).resolve(name));
                assertFalse(text.contains("\r"), name);
                assertTrue(text.endsWith("\n"), name);
                assertEquals(sources.get(name).header(), text.substring(0, text.indexOf('\n')), name);
            }
        }
        assertEquals("cpr;fornavn;efternavn;foedselsdato;koen;bopaelskommune;civilstand;statsborgerskab",
                LandingFiles.lines(folder(FROM).resolve("cpr_borger.csv")).get(0));
        assertEquals("forloeb_id;cpr;kommunekode;visitationskategori;visitationstidspunkt;visiterende_organisation",
                LandingFiles.lines(folder(FROM).resolve("dfdg_visitation.csv")).get(0));
    }

    @Test
    void everyCleanLineParsesAndQuotedOrganisationsRoundTrip() {
        boolean sawQuote = false;
        for (YearMonth m : months()) {
            for (String[] row : LandingFiles.rows(folder(m).resolve("dfdg_visitation.csv"))) {
                assertEquals(List.of(), LandingFiles.problems(Source.DFDG_VISITATION, row));
                sawQuote |= row[5].contains("\"Ungeindsatsen\"");
            }
            for (String[] row : LandingFiles.rows(folder(m).resolve("cpr_borger.csv"))) {
                assertEquals(List.of(), LandingFiles.problems(Source.CPR_BORGER, row));
            }
            for (String[] row : LandingFiles.rows(folder(m).resolve("befolkning.csv.gz"))) {
                assertEquals(List.of(), LandingFiles.problems(Source.BEFOLKNING, row));
            }
        }
        assertTrue(sawQuote, "some organisation needs \" quoting");
        String raw = LandingFiles.text(folder(FROM).resolve("dfdg_visitation.csv"));
        assertTrue(raw.contains(" - \"\"Ungeindsatsen\"\"\"\n"), "quotes doubled inside a quoted field");
    }

    @Test
    void filesHoldExactlyTheWorldsRows() {
        for (YearMonth m : months()) {
            List<String[]> expected = world.visitationsDeliveredIn(m).stream().map(LandingCsv::row).toList();
            List<String[]> actual = LandingFiles.rows(folder(m).resolve("dfdg_visitation.csv"));
            assertEquals(expected.size(), actual.size());
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), actual.get(i));
            }
            List<String[]> citizens = world.citizenRows().stream().filter(r -> r.delivery().equals(m))
                    .map(r -> LandingCsv.row(r.citizen())).toList();
            List<String[]> citizenFile = LandingFiles.rows(folder(m).resolve("cpr_borger.csv"));
            assertEquals(citizens.size(), citizenFile.size());
            for (int i = 0; i < citizens.size(); i++) {
                assertArrayEquals(citizens.get(i), citizenFile.get(i));
            }
        }
    }

    @Test
    void sameOptionsGiveByteIdenticalOutput() throws IOException {
        Path again = tmp.resolve("b");
        GeneratedWorld second = new DeliveryGenerator(options(again, 7L)).generate();
        assertTrue(world.citizenRows().equals(second.citizenRows()) && world.visitations().equals(second.visitations())
                && world.befolkning().equals(second.befolkning()) && world.files().equals(second.files()),
                "same world");
        for (YearMonth m : months()) {
            for (String name : List.of("_manifest.csv", "befolkning.csv.gz", "cpr_borger.csv", "dfdg_visitation.csv")) {
                assertArrayEquals(Files.readAllBytes(folder(m).resolve(name)),
                        Files.readAllBytes(again.resolve(m.toString()).resolve(name)), m + "/" + name);
            }
        }
        GeneratedWorld other = new DeliveryGenerator(options(tmp.resolve("c"), 8L)).generate();
        assertFalse(other.visitations().equals(world.visitations()), "another seed, another world");
    }

    @Test
    void gzipHeaderCarriesNoTimestamp() throws IOException {
        byte[] gz = Files.readAllBytes(folder(FROM).resolve("befolkning.csv.gz"));
        assertEquals((byte) 0x1f, gz[0]);
        assertEquals((byte) 0x8b, gz[1]);
        assertArrayEquals(new byte[4], Arrays.copyOfRange(gz, 4, 8), "MTIME must be 0");
    }

    @Test
    void citizensAreSpreadOverAll98MunicipalitiesByPopulation() {
        assertEquals(Math.round(450_000 * SCALE), world.citizens().size());
        Set<Integer> inFiles = new TreeSet<>();
        for (YearMonth m : months()) {
            LandingFiles.rows(folder(m).resolve("dfdg_visitation.csv")).forEach(r -> inFiles.add(Integer.parseInt(r[2])));
        }
        assertEquals(new TreeSet<>(Municipalities.codes()), inFiles);

        Map<Integer, Long> firstKommune = new HashMap<>();
        Set<String> seen = new HashSet<>();
        world.visitations().stream()
                .sorted(Comparator.comparing(Visitation::visitationstidspunkt))
                .filter(v -> seen.add(v.cpr()))
                .forEach(v -> firstKommune.merge(v.kommunekode(), 1L, Long::sum));
        long koebenhavn = firstKommune.get(101);
        long aarhus = firstKommune.get(751);
        long laesoe = firstKommune.get(825);
        assertTrue(koebenhavn > 450 && koebenhavn < 550, "København " + koebenhavn); // 660 000 / 5.95 mio × 4 500
        assertTrue(aarhus > 230 && aarhus < 320, "Aarhus " + aarhus);
        for (int small : List.of(825, 563, 741, 492)) { // Læsø, Fanø, Samsø, Ærø
            assertTrue(firstKommune.get(small) >= 1 && firstKommune.get(small) <= 8, small + ": " + firstKommune.get(small));
        }
        assertTrue(laesoe < koebenhavn / 50);
    }

    @Test
    void cprAgreesWithBirthDateAndSexAndLeadingZerosOccur() {
        long leadingZero = 0;
        for (Citizen c : world.citizens()) {
            assertTrue(c.cpr().matches("[0-9]{10}"), c.cpr());
            assertEquals(c.foedselsdato().format(DateTimeFormatter.ofPattern("ddMMyy")),
                    c.cpr().substring(0, 6));
            assertEquals(c.foedselsdato(), Cpr.birthDate(c.cpr()), "century digit of " + c.cpr());
            assertEquals((c.cpr().charAt(9) - '0') % 2 == 1 ? "M" : "K", c.koen());
            assertTrue(c.foedselsdato().getYear() >= 1945 && c.foedselsdato().getYear() <= 2004, c.toString());
            assertTrue(Set.of("Ugift", "Gift", "Fraskilt", "Enke/enkemand").contains(c.civilstand()));
            leadingZero += c.cpr().startsWith("0") ? 1 : 0;
        }
        assertTrue(leadingZero > world.citizens().size() / 5, "days 01-09 give about 30 % leading zeros");
        assertEquals(world.citizens().size(), world.citizens().stream().map(Citizen::cpr).distinct().count());
        long danish = world.citizens().stream().filter(c -> c.statsborgerskab().equals("Dansk")).count();
        assertTrue(danish > 0.8 * world.citizens().size());
    }

    @Test
    void visitationsHaveDistinctIdsWorkingHoursAndOneToSixPerCitizen() {
        Map<String, Visitation> latest = world.latestVisitations();
        Map<String, List<Visitation>> perCitizen = latest.values().stream()
                .collect(Collectors.groupingBy(Visitation::cpr));
        assertEquals(world.citizens().size(), perCitizen.size());
        double mean = (double) latest.size() / perCitizen.size();
        assertTrue(mean > 2.2 && mean < 2.8, "mean visitations per citizen " + mean);
        for (Visitation v : latest.values()) {
            assertTrue(v.forloebId().matches("V[0-9]{8}"));
            int hour = v.visitationstidspunkt().getHour();
            assertTrue(hour >= 8 && hour < 16, v.toString());
            assertTrue(v.visitationstidspunkt().getDayOfWeek().getValue() <= 5, "working day " + v);
            assertTrue(VisitationCategories.ALL.contains(v.visitationskategori()));
        }
        // 1–6 scheduled, plus an occasional same-day re-visitation on top
        perCitizen.values().forEach(vs -> assertTrue(vs.size() >= 1 && vs.size() <= 12));
    }

    @Test
    void sameDayRevisitationsAndMovesOccur() {
        Map<String, List<Visitation>> perCitizen = byCitizenInTimeOrder();
        int sameDay = 0;
        int movers = 0;
        for (List<Visitation> vs : perCitizen.values()) {
            for (int i = 1; i < vs.size(); i++) {
                Visitation a = vs.get(i - 1);
                Visitation b = vs.get(i);
                if (a.visitationstidspunkt().toLocalDate().equals(b.visitationstidspunkt().toLocalDate())) {
                    sameDay++;
                    assertFalse(a.visitationstidspunkt().equals(b.visitationstidspunkt()));
                    assertFalse(a.visitationskategori().equals(b.visitationskategori()));
                    assertEquals(a.kommunekode(), b.kommunekode());
                }
            }
            if (vs.stream().map(Visitation::kommunekode).distinct().count() > 1) {
                movers++;
                // a move is once, from the first municipality to a second one, for good
                int first = vs.get(0).kommunekode();
                int last = vs.get(vs.size() - 1).kommunekode();
                assertFalse(first == last);
                long changes = IntStream.range(1, vs.size())
                        .filter(i -> vs.get(i).kommunekode() != vs.get(i - 1).kommunekode()).count();
                assertEquals(1, changes);
            }
        }
        int visitations = world.latestVisitations().size();
        assertTrue(sameDay > 0.015 * visitations && sameDay < 0.045 * visitations, "same day " + sameDay);
        assertTrue(movers > 0.025 * perCitizen.size() && movers < 0.06 * perCitizen.size(), "movers " + movers);
    }

    @Test
    void deliveriesAreIncrementalWithLateRecordsAndCorrections() {
        LocalDate lastDay = TO.minusMonths(1).atEndOfMonth();
        Map<String, Visitation> firstVersion = new HashMap<>();
        int late = 0;
        int corrections = 0;
        for (Visitation v : world.visitations()) { // ordered by delivery
            YearMonth happened = YearMonth.from(v.visitationstidspunkt());
            assertFalse(v.visitationstidspunkt().toLocalDate().isAfter(lastDay), v.toString());
            YearMonth due = happened.plusMonths(1).isBefore(FROM) ? FROM : happened.plusMonths(1);
            switch (v.arrival()) {
                case ON_TIME -> assertEquals(due, v.delivery(), v.toString());
                case LATE -> {
                    late++;
                    long delay = ChronoUnit.MONTHS.between(due, v.delivery());
                    assertTrue(delay >= 1 && delay <= 3, v.toString());
                }
                case CORRECTION -> {
                    corrections++;
                    Visitation before = firstVersion.get(v.forloebId());
                    assertTrue(before.delivery().isBefore(v.delivery()));
                    assertEquals(before.visitationstidspunkt(), v.visitationstidspunkt());
                    assertEquals(before.cpr(), v.cpr());
                    assertFalse(before.visitationskategori().equals(v.visitationskategori()));
                }
            }
            if (v.arrival() != Arrival.CORRECTION) {
                assertEquals(null, firstVersion.put(v.forloebId(), v), "one original per id");
            }
        }
        int visitations = firstVersion.size();
        assertTrue(late > 0 && late < 0.03 * visitations, "late " + late);
        assertTrue(corrections > 0 && corrections < 0.02 * visitations, "corrections " + corrections);
        // the first delivery holds all older history, later ones about a month each
        int first = world.visitationsDeliveredIn(FROM).size();
        int second = world.visitationsDeliveredIn(FROM.plusMonths(1)).size();
        assertTrue(first > 10 * second, first + " vs " + second);
        assertTrue(world.visitationsDeliveredIn(FROM).stream()
                .anyMatch(v -> v.visitationstidspunkt().isBefore(LocalDateTime.of(2014, 3, 1, 0, 0))),
                "history reaches back to history start − 2 years (2014)");
    }

    @Test
    void cprBorgerHoldsEveryCitizenOfTheDeliveryWhereTheyLivedThen() {
        Map<String, List<Visitation>> perCitizen = byCitizenInTimeOrder();
        Set<String> renamed = new HashSet<>();
        Map<String, String> surname = new HashMap<>();
        for (YearMonth m : months()) {
            Set<String> inVisitations = LandingFiles.rows(folder(m).resolve("dfdg_visitation.csv")).stream()
                    .map(r -> r[1]).collect(Collectors.toCollection(TreeSet::new));
            List<String[]> borgere = LandingFiles.rows(folder(m).resolve("cpr_borger.csv"));
            assertEquals(inVisitations, borgere.stream().map(r -> r[0]).collect(Collectors.toCollection(TreeSet::new)));
            LocalDateTime asOf = m.minusMonths(1).atEndOfMonth().atTime(23, 59, 59);
            for (String[] b : borgere) {
                int expected = perCitizen.get(b[0]).stream().filter(v -> !v.visitationstidspunkt().isAfter(asOf))
                        .reduce((x, y) -> y).orElseThrow().kommunekode();
                assertEquals(Integer.toString(expected), b[5], "bopaelskommune of " + b[0] + " in " + m);
                String before = surname.put(b[0], b[2]);
                if (before != null && !before.equals(b[2])) {
                    renamed.add(b[0]);
                }
            }
        }
        assertFalse(renamed.isEmpty(), "some surname changes");
        assertTrue(renamed.size() < 0.02 * world.citizens().size());
        // the world's citizen is the latest delivered row
        Map<String, Citizen> latest = new TreeMap<>();
        world.citizenRows().forEach(r -> latest.put(r.citizen().cpr(), r.citizen()));
        assertEquals(List.copyOf(latest.values()), world.citizens());
    }

    @Test
    void befolkningDecompressesAndHoldsTheScaledPopulation() {
        Map<Integer, Integer> expected = Municipalities.all().stream().collect(Collectors.toMap(
                Municipality::kommunekode, mu -> (int) Math.round(mu.indbyggere() * SCALE)));
        for (YearMonth m : months()) {
            List<String[]> rows = LandingFiles.rows(folder(m).resolve("befolkning.csv.gz"));
            assertEquals(98 * 2 * 111, rows.size());
            Map<Integer, Integer> total = new HashMap<>();
            long old = 0;
            long all = 0;
            for (String[] r : rows) {
                assertEquals(m.minusMonths(1).toString(), r[0]);
                int antal = Integer.parseInt(r[4]);
                assertTrue(antal >= 0);
                total.merge(Integer.parseInt(r[1]), antal, Integer::sum);
                old += Integer.parseInt(r[3]) >= 100 ? antal : 0;
                all += antal;
            }
            assertEquals(expected, total);
            assertTrue(old < all / 500, "ages 100+ tiny: " + old);
        }
        assertEquals(98 * 2 * 111 * months().size(), world.befolkning().size());
    }

    /** Original versions (corrections left out) per cpr in time order: the true history. */
    static Map<String, List<Visitation>> byCitizenInTimeOrder() {
        Map<String, List<Visitation>> perCitizen = new HashMap<>();
        world.visitations().stream().filter(v -> v.arrival() != Arrival.CORRECTION)
                .sorted(Comparator.comparing(Visitation::visitationstidspunkt))
                .forEach(v -> perCitizen.computeIfAbsent(v.cpr(), c -> new ArrayList<>()).add(v));
        return perCitizen;
    }
}
