package dk.flis.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.landing.Field;
import dk.flis.common.landing.QuarantineReason;
import dk.flis.common.landing.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run with 2 % defects next to the same run without: the bad rows, their truth, and nothing else changed. */
class DeliveryGeneratorDefectsTest {
    static final YearMonth FROM = YearMonth.of(2021, 11);
    static final YearMonth TO = YearMonth.of(2022, 1);
    static final Map<String, Source> FILES = Map.of("befolkning.csv.gz", Source.BEFOLKNING,
            "cpr_borger.csv", Source.CPR_BORGER, "dfdg_visitation.csv", Source.DFDG_VISITATION,
            "dfdg_aktivitet.csv", Source.DFDG_AKTIVITET, "dfdg_samtale.csv", Source.DFDG_SAMTALE,
            "yr_beregning.csv", Source.YR_BEREGNING, "ky_sag.csv", Source.KY_SAG, "ky_opgave.csv", Source.KY_OPGAVE,
            "ky_ydelse.csv", Source.KY_YDELSE, "dream.csv", Source.DREAM);

    @TempDir
    static Path tmp;
    static GeneratedWorld clean;
    static GeneratedWorld dirty;

    @BeforeAll
    static void generate() throws IOException {
        clean = new DeliveryGenerator(new GeneratorOptions(tmp.resolve("clean"), FROM, TO, 0.005, 3L, 0.0)).generate();
        dirty = new DeliveryGenerator(new GeneratorOptions(tmp.resolve("dirty"), FROM, TO, 0.005, 3L, 0.02)).generate();
    }

    static List<YearMonth> months() {
        return Stream.iterate(FROM, m -> !m.isAfter(TO), m -> m.plusMonths(1)).toList();
    }

    static Path file(String run, YearMonth m, String name) {
        return tmp.resolve(run).resolve(m.toString()).resolve(name);
    }

    /** Truth lines of one delivery: file → line → reason, read from _truth/. */
    static Map<String, Map<Integer, QuarantineReason>> truth(YearMonth m) throws IOException {
        List<String> lines = Files.readAllLines(tmp.resolve("dirty/_truth").resolve(m.toString()).resolve("karantaene.csv"),
                StandardCharsets.UTF_8);
        assertEquals("fil;linje;aarsag", lines.get(0));
        Map<String, Map<Integer, QuarantineReason>> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";");
            out.computeIfAbsent(f[0], k -> new HashMap<>()).put(Integer.parseInt(f[1]), QuarantineReason.valueOf(f[2]));
        }
        return out;
    }

    @Test
    void everyTruthLineIsBrokenInExactlyTheStatedWayAndNoOtherLineIs() throws IOException {
        int checked = 0;
        for (YearMonth m : months()) {
            Map<String, Map<Integer, QuarantineReason>> truth = truth(m);
            for (var entry : FILES.entrySet()) {
                Map<Integer, QuarantineReason> bad = truth.getOrDefault(entry.getKey(), Map.of());
                List<String> lines = LandingFiles.lines(file("dirty", m, entry.getKey()));
                List<Field> fields = LandingFiles.fields(entry.getValue(), lines.get(0));
                for (int n = 2; n <= lines.size(); n++) {
                    List<QuarantineReason> problems = LandingFiles.problems(fields,
                            LandingFiles.fields(lines.get(n - 1)));
                    QuarantineReason stated = bad.get(n);
                    assertEquals(stated == null ? List.of() : List.of(stated), problems,
                            m + "/" + entry.getKey() + " line " + n + ": " + lines.get(n - 1));
                    checked += stated == null ? 0 : 1;
                }
            }
        }
        assertEquals(dirty.defects().size(), checked);
    }

    @Test
    void everyFileGetsEveryReasonThatCanApplyToIt() throws IOException {
        Map<String, Set<QuarantineReason>> applicable = Map.of(
                "befolkning.csv.gz", EnumSet.of(QuarantineReason.FELTANTAL, QuarantineReason.KOMMUNEKODE,
                        QuarantineReason.TAL, QuarantineReason.MAANED),
                "cpr_borger.csv", EnumSet.of(QuarantineReason.FELTANTAL, QuarantineReason.CPR,
                        QuarantineReason.KOMMUNEKODE, QuarantineReason.DATO),
                "dfdg_visitation.csv", EnumSet.of(QuarantineReason.FELTANTAL, QuarantineReason.CPR,
                        QuarantineReason.KOMMUNEKODE, QuarantineReason.TIDSPUNKT),
                "dfdg_aktivitet.csv", EnumSet.of(QuarantineReason.FELTANTAL, QuarantineReason.CPR,
                        QuarantineReason.KOMMUNEKODE, QuarantineReason.DATO, QuarantineReason.TIDSPUNKT,
                        QuarantineReason.TAL, QuarantineReason.JA_NEJ),
                "dfdg_samtale.csv", EnumSet.of(QuarantineReason.FELTANTAL, QuarantineReason.CPR,
                        QuarantineReason.KOMMUNEKODE, QuarantineReason.TIDSPUNKT, QuarantineReason.JA_NEJ),
                "yr_beregning.csv", EnumSet.of(QuarantineReason.FELTANTAL, QuarantineReason.CPR,
                        QuarantineReason.KOMMUNEKODE, QuarantineReason.DATO, QuarantineReason.TAL,
                        QuarantineReason.MAANED),
                "ky_sag.csv", EnumSet.of(QuarantineReason.FELTANTAL, QuarantineReason.CPR,
                        QuarantineReason.KOMMUNEKODE, QuarantineReason.TIDSPUNKT),
                "ky_opgave.csv", EnumSet.of(QuarantineReason.FELTANTAL, QuarantineReason.CPR,
                        QuarantineReason.KOMMUNEKODE, QuarantineReason.TIDSPUNKT),
                "ky_ydelse.csv", EnumSet.of(QuarantineReason.FELTANTAL, QuarantineReason.CPR,
                        QuarantineReason.KOMMUNEKODE, QuarantineReason.DATO, QuarantineReason.TAL),
                "dream.csv", EnumSet.of(QuarantineReason.FELTANTAL, QuarantineReason.CPR,
                        QuarantineReason.KOMMUNEKODE, QuarantineReason.TAL, QuarantineReason.YDELSESKODE,
                        QuarantineReason.GRAD));
        for (YearMonth m : months()) {
            Map<String, Map<Integer, QuarantineReason>> truth = truth(m);
            for (String name : FILES.keySet()) {
                assertEquals(applicable.get(name), EnumSet.copyOf(truth.get(name).values()), m + "/" + name);
            }
        }
        // the biggest file gets about 2 % extra rows
        DeliveredFile first = dirty.files().stream()
                .filter(f -> f.delivery().equals(FROM) && f.fil().equals("dfdg_visitation.csv")).findFirst().orElseThrow();
        int cleanRows = first.rows() - first.defectRows();
        assertEquals(Math.round(0.02 * cleanRows), first.defectRows());
    }

    @Test
    void truthFileAndWorldAgree() throws IOException {
        List<String> fromFiles = new ArrayList<>();
        for (YearMonth m : months()) {
            truth(m).forEach((fil, lines) -> lines.forEach((n, r) -> fromFiles.add(m + " " + fil + " " + n + " " + r)));
        }
        List<String> fromWorld = dirty.defects().stream()
                .map(d -> d.delivery() + " " + d.fil() + " " + d.linje() + " " + d.aarsag()).toList();
        assertEquals(fromFiles.stream().sorted().toList(), fromWorld.stream().sorted().toList());
    }

    @Test
    void manifestCountsIncludeDefectRows() throws IOException {
        for (YearMonth m : months()) {
            for (String row : Files.readAllLines(file("dirty", m, "_manifest.csv")).subList(1, 4)) {
                String[] f = row.split(";");
                Path data = file("dirty", m, f[0]);
                assertEquals(LandingFiles.lines(data).size() - 1, Integer.parseInt(f[1]));
                assertEquals(LandingFiles.sha256(data), f[2]);
                int defects = (int) dirty.defects().stream()
                        .filter(d -> d.delivery().equals(m) && d.fil().equals(f[0])).count();
                assertTrue(defects > 0);
                assertEquals(Files.readAllLines(file("clean", m, "_manifest.csv")).stream()
                        .filter(l -> l.startsWith(f[0] + ";")).map(l -> Integer.parseInt(l.split(";")[1]))
                        .findFirst().orElseThrow() + defects, Integer.parseInt(f[1]));
            }
        }
    }

    @Test
    void removingTheTruthLinesGivesTheCleanRunsFiles() throws IOException {
        assertEquals(clean.visitations(), dirty.visitations());
        assertEquals(clean.citizenRows(), dirty.citizenRows());
        assertEquals(clean.befolkning(), dirty.befolkning());
        for (YearMonth m : months()) {
            Map<String, Map<Integer, QuarantineReason>> truth = truth(m);
            for (String name : FILES.keySet()) {
                List<String> lines = LandingFiles.lines(file("dirty", m, name));
                Set<Integer> bad = truth.get(name).keySet();
                List<String> kept = new ArrayList<>();
                for (int n = 1; n <= lines.size(); n++) {
                    if (!bad.contains(n)) {
                        kept.add(lines.get(n - 1));
                    }
                }
                if (name.equals("yr_beregning.csv")) {
                    // the injected counter-validation findings change some rows' values: compare with the world
                    List<String> expected = new ArrayList<>(List.of(Source.YR_BEREGNING.header()));
                    dirty.yrRowsDeliveredIn(m).forEach(r -> expected.add(LandingCsv.line(LandingCsv.row(r))));
                    assertEquals(expected, kept, m + "/" + name);
                    assertEquals(LandingFiles.lines(file("clean", m, name)).size(), kept.size(), m + "/" + name);
                } else {
                    assertEquals(LandingFiles.lines(file("clean", m, name)), kept, m + "/" + name);
                }
            }
        }
    }

    @Test
    void defectRowsCarryFreshIds() throws IOException {
        Set<String> ids = dirty.visitations().stream().map(Visitation::forloebId).collect(Collectors.toSet());
        Set<String> cprs = dirty.citizens().stream().map(Citizen::cpr).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        for (YearMonth m : months()) {
            Map<String, Map<Integer, QuarantineReason>> truth = truth(m);
            List<String> visitations = LandingFiles.lines(file("dirty", m, "dfdg_visitation.csv"));
            for (var bad : truth.get("dfdg_visitation.csv").entrySet()) {
                String[] f = LandingFiles.fields(visitations.get(bad.getKey() - 1));
                if (bad.getValue() != QuarantineReason.FELTANTAL) {
                    assertFalse(ids.contains(f[0]), f[0]);
                    assertTrue(seen.add(f[0]), "unique " + f[0]);
                }
            }
            List<String> borgere = LandingFiles.lines(file("dirty", m, "cpr_borger.csv"));
            for (var bad : truth.get("cpr_borger.csv").entrySet()) {
                String[] f = LandingFiles.fields(borgere.get(bad.getKey() - 1));
                if (bad.getValue() != QuarantineReason.FELTANTAL && bad.getValue() != QuarantineReason.CPR) {
                    assertFalse(cprs.contains(f[0]), "a defect row must not change a real citizen: " + f[0]);
                }
            }
        }
    }

    @Test
    void aRerunIntoTheSameFolderLeavesNoStaleFiles() throws IOException {
        Path dir = tmp.resolve("rerun");
        YearMonth m = YearMonth.of(2021, 3);
        new DeliveryGenerator(new GeneratorOptions(dir, m, m, 0.002, 5L, 0.05)).generate();
        Files.writeString(dir.resolve("2021-03/dfdg_visitation.csv.gz"), "stale");
        assertTrue(Files.exists(dir.resolve("_truth/2021-03/karantaene.csv")));
        assertTrue(Files.exists(dir.resolve("_truth/2021-03/yr_findings.csv")));
        new DeliveryGenerator(new GeneratorOptions(dir, m, m, 0.002, 5L, 0.0)).generate();
        try (Stream<Path> files = Files.list(dir.resolve("2021-03"))) {
            assertEquals(List.of("_manifest.csv", "befolkning.csv.gz", "cpr_borger.csv", "dfdg_aktivitet.csv",
                    "dfdg_samtale.csv", "dfdg_visitation.csv", "dream.csv", "ky_opgave.csv", "ky_sag.csv",
                    "ky_ydelse.csv", "yr_beregning.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertFalse(Files.exists(dir.resolve("_truth/2021-03/karantaene.csv")), "old truth removed");
        assertFalse(Files.exists(dir.resolve("_truth/2021-03/yr_findings.csv")), "old YR truth removed");
    }
}
