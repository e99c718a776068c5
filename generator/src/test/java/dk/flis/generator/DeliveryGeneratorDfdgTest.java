package dk.flis.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.landing.QuarantineReason;
import dk.flis.common.landing.Source;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dfdg_aktivitet and dfdg_samtale: a clean run (scale 0.01, deliveries 2020-01..2020-04) checked through the files
 * it wrote, against the citizens' visitation spells; plus a 2 % defect run for the truth lines.
 */
class DeliveryGeneratorDfdgTest {
    static final YearMonth FROM = YearMonth.of(2020, 1);
    static final YearMonth TO = YearMonth.of(2020, 4);
    static final String AKTIVITET = "dfdg_aktivitet.csv";
    static final String SAMTALE = "dfdg_samtale.csv";
    static final Set<String> UNKNOWN = Set.of(ActivityCategories.UNKNOWN_STATUS, ActivityCategories.UNKNOWN_TYPE,
            ActivityCategories.UNKNOWN_AARSAG, ActivityCategories.UNKNOWN_PULJE);

    @TempDir
    static Path tmp;
    static Path out;
    static GeneratedWorld world;
    static Path dirtyOut;
    static GeneratedWorld dirty;

    @BeforeAll
    static void generate() throws IOException {
        out = tmp.resolve("a");
        world = new DeliveryGenerator(new GeneratorOptions(out, FROM, TO, 0.01, 7L, 0.0)).generate();
        dirtyOut = tmp.resolve("dirty");
        dirty = new DeliveryGenerator(new GeneratorOptions(dirtyOut, FROM, TO, 0.005, 3L, 0.02)).generate();
    }

    static List<YearMonth> months() {
        return Stream.iterate(FROM, m -> !m.isAfter(TO), m -> m.plusMonths(1)).toList();
    }

    static Path file(Path run, YearMonth m, String name) {
        return run.resolve(m.toString()).resolve(name);
    }

    // ---------------------------------------------------------------- files

    @Test
    void headersAreExactAndEveryCleanRowParses() {
        for (YearMonth m : months()) {
            List<String> a = LandingFiles.lines(file(out, m, AKTIVITET));
            assertEquals("aktivitet_id;cpr;kommunekode;aktiverende_organisation;visiterende_organisation;"
                    + "aktivitetstype;status;aarsag;puljenavn;startdato;slutdato;timer_pr_uge;jobtype;statsligt_job;"
                    + "amu_kode;kursusnavn;hjaelpemiddel_art;hjaelpemiddel_type;hjaelpemiddel_form;"
                    + "hjaelpemiddel_udgift;stoetteperson_art;stoetteperson_type;opdateret_tidspunkt", a.get(0));
            assertEquals(Source.DFDG_AKTIVITET.header(), a.get(0));
            List<String> s = LandingFiles.lines(file(out, m, SAMTALE));
            assertEquals("samtale_id;cpr;kommunekode;samtaletype;kontaktform;samtaletidspunkt;afholdt;"
                    + "indkaldende_organisation;deltagere", s.get(0));
            for (String[] row : LandingFiles.rows(file(out, m, AKTIVITET))) {
                assertEquals(List.of(), LandingFiles.problems(Source.DFDG_AKTIVITET, row), String.join(";", row));
            }
            for (String[] row : LandingFiles.rows(file(out, m, SAMTALE))) {
                assertEquals(List.of(), LandingFiles.problems(Source.DFDG_SAMTALE, row), String.join(";", row));
            }
        }
    }

    @Test
    void filesHoldExactlyTheWorldsRowsAtTheirLines() {
        for (GeneratedWorld w : List.of(world, dirty)) {
            Path run = w == world ? out : dirtyOut;
            for (YearMonth m : months()) {
                List<String> aLines = LandingFiles.lines(file(run, m, AKTIVITET));
                List<Activity> acts = w.activitiesDeliveredIn(m);
                int bad = (int) w.defects().stream().filter(d -> d.delivery().equals(m) && d.fil().equals(AKTIVITET))
                        .count();
                assertEquals(aLines.size() - 1, acts.size() + bad);
                for (Activity a : acts) {
                    assertArrayEquals(asRead(LandingCsv.row(a)), LandingFiles.fields(aLines.get(a.line() - 1)),
                            a.toString());
                }
                List<String> sLines = LandingFiles.lines(file(run, m, SAMTALE));
                List<Conversation> convs = w.conversationsDeliveredIn(m);
                for (Conversation c : convs) {
                    assertArrayEquals(asRead(LandingCsv.row(c)), LandingFiles.fields(sLines.get(c.line() - 1)),
                            c.toString());
                }
                assertTrue(!acts.isEmpty() && !convs.isEmpty(), "both files every month");
            }
        }
    }

    @Test
    void sameOptionsGiveByteIdenticalFiles() throws IOException {
        Path again = tmp.resolve("b");
        GeneratedWorld second = new DeliveryGenerator(new GeneratorOptions(again, FROM, TO, 0.01, 7L, 0.0)).generate();
        assertEquals(world.activities(), second.activities());
        assertEquals(world.conversations(), second.conversations());
        for (YearMonth m : months()) {
            for (String name : List.of("_manifest.csv", AKTIVITET, SAMTALE)) {
                assertArrayEquals(Files.readAllBytes(file(out, m, name)), Files.readAllBytes(file(again, m, name)),
                        m + "/" + name);
            }
        }
    }

    // ---------------------------------------------------------------- activities

    @Test
    void everyActivityStartsInsideOneOfItsCitizensSpellsInThatMunicipality() {
        Map<String, List<Spell>> spells = spellsFromVisitations(world);
        LocalDate historyStart = LocalDate.of(2016, 1, 1);
        LocalDate lastDay = TO.minusMonths(1).atEndOfMonth();
        int midweek = 0;
        int acrossMonthEnd = 0;
        for (Activity a : world.activities()) {
            Spell s = spells.get(a.cpr()).stream()
                    .filter(x -> !a.startdato().isBefore(x.start) && a.startdato().isBefore(x.end))
                    .findFirst().orElseThrow(() -> new AssertionError("no spell for " + a));
            assertEquals(s.kommune, a.kommunekode(), "municipality of the spell: " + a);
            assertFalse(a.startdato().isBefore(s.start), a.toString());
            assertFalse(a.startdato().isBefore(historyStart), a.toString());
            assertFalse(a.startdato().isAfter(lastDay), a.toString());
            midweek += a.startdato().getDayOfWeek() != DayOfWeek.MONDAY ? 1 : 0;
            if (a.slutdato() != null) {
                assertFalse(a.slutdato().isBefore(a.startdato()), a.toString());
                acrossMonthEnd += YearMonth.from(a.slutdato()).isAfter(YearMonth.from(a.startdato())) ? 1 : 0;
            }
        }
        assertTrue(midweek > 0.2 * world.activities().size(), "midweek starts " + midweek);
        assertTrue(acrossMonthEnd > 0.3 * world.activities().size(), "spanning a month end " + acrossMonthEnd);
    }

    @Test
    void aboutSixtyPercentOfCitizensHaveOneToFourActivities() {
        Map<String, Set<String>> perCitizen = new HashMap<>();
        world.latestActivities().values().forEach(a ->
                perCitizen.computeIfAbsent(a.cpr(), c -> new HashSet<>()).add(a.aktivitetId()));
        double share = (double) perCitizen.size() / world.citizens().size();
        assertTrue(share > 0.5 && share < 0.7, "share with activities " + share);
        perCitizen.values().forEach(ids -> assertTrue(ids.size() >= 1 && ids.size() <= 4));
        world.latestActivities().keySet().forEach(id -> assertTrue(id.matches("A[0-9]{8}"), id));
    }

    @Test
    void columnsHoldTheSeedValuesInTheirShares() {
        Map<String, Activity> latest = world.latestActivities();
        int n = latest.size();
        Map<String, Integer> status = new TreeMap<>();
        int open = 0;
        int noTimer = 0;
        int fejl = 0;
        int hjaelp = 0;
        int stoette = 0;
        int dun = 0;
        int amu = 0;
        for (Activity a : latest.values()) {
            status.merge(a.status(), 1, Integer::sum);
            assertTrue(ActivityCategories.STATUSES.contains(a.status()) || UNKNOWN.contains(a.status()), a.status());
            assertTrue(ActivityCategories.TYPES.contains(a.aktivitetstype()) || UNKNOWN.contains(a.aktivitetstype()));
            assertTrue(a.aarsag() == null || ActivityCategories.AARSAGER.contains(a.aarsag())
                    || UNKNOWN.contains(a.aarsag()), a.aarsag());
            assertTrue(a.puljenavn() == null || ActivityCategories.PULJER.contains(a.puljenavn())
                    || UNKNOWN.contains(a.puljenavn()), a.puljenavn());
            if (a.slutdato() == null) {
                open++;
                assertTrue(List.of("Optaget", "Planlagt", "Henvist", ActivityCategories.UNKNOWN_STATUS)
                        .contains(a.status()), a.toString());
            } else {
                long days = a.slutdato().toEpochDay() - a.startdato().toEpochDay() + 1;
                assertTrue(days <= 26 * 7, a.toString());
                assertTrue(days >= 14 || a.status().equals("Afbrudt"), a.toString());
            }
            if (a.timerPrUge() == null) {
                noTimer++;
            } else {
                assertTrue(a.timerPrUge().scale() <= 1);
                assertTrue(a.timerPrUge().compareTo(new BigDecimal("5.0")) >= 0
                        && a.timerPrUge().compareTo(new BigDecimal("37.0")) <= 0, a.timerPrUge().toString());
            }
            assertEquals(a.jobtype() != null, a.statsligtJob() != null, a.toString());
            assertTrue(a.jobtype() == null || ActivityCategories.JOBTYPER.contains(a.jobtype()));
            fejl += "Fejloprettet".equals(a.aarsag()) ? 1 : 0;
            assertEquals(a.amuKode() != null, a.kursusnavn() != null);
            if (a.amuKode() != null) {
                assertTrue(a.amuKode().matches("[0-9]{5}|DUN-[0-9]{4}"), a.amuKode());
                dun += a.amuKode().startsWith("DUN-") ? 1 : 0;
                amu += a.amuKode().startsWith("DUN-") ? 0 : 1;
            }
            boolean h = a.hjaelpemiddelArt() != null;
            assertEquals(h, a.hjaelpemiddelType() != null);
            assertEquals(h, a.hjaelpemiddelForm() != null);
            assertEquals(h, a.hjaelpemiddelUdgift() != null);
            if (h) {
                hjaelp++;
                assertTrue(ActivityCategories.HJAELPEMIDDEL_ARTER.contains(a.hjaelpemiddelArt()));
                assertTrue(ActivityCategories.HJAELPEMIDDEL_TYPER.contains(a.hjaelpemiddelType()));
                assertTrue(Set.of("Tilskud", "Udlån").contains(a.hjaelpemiddelForm()));
                assertEquals(2, a.hjaelpemiddelUdgift().scale());
                assertTrue(a.hjaelpemiddelUdgift().compareTo(new BigDecimal("500.00")) >= 0
                        && a.hjaelpemiddelUdgift().compareTo(new BigDecimal("45000.00")) <= 0);
            }
            assertEquals(a.stoettepersonArt() != null, a.stoettepersonType() != null);
            if (a.stoettepersonArt() != null) {
                stoette++;
                assertTrue(ActivityCategories.STOETTEPERSON_ARTER.contains(a.stoettepersonArt()));
                assertTrue(ActivityCategories.STOETTEPERSON_TYPER.contains(a.stoettepersonType()));
            }
            assertTrue(a.aktiverendeOrganisation().startsWith("Jobcenter ")
                    || a.aktiverendeOrganisation().startsWith("Kommune ")
                    || a.aktiverendeOrganisation().endsWith("A-kasse"), a.aktiverendeOrganisation());
        }
        assertTrue(share(status.get("Gennemført"), n) > 0.22 && share(status.get("Optaget"), n) > 0.18,
                status.toString());
        assertTrue(share(status.get("Ansat"), n) > 0.02 && share(status.get("Annulleret"), n) > 0.03,
                status.toString());
        assertTrue(share(open, n) > 0.08 && share(open, n) < 0.25, "open " + open);
        assertTrue(share(noTimer, n) > 0.22 && share(noTimer, n) < 0.38, "no timer " + noTimer);
        assertTrue(share(fejl, n) > 0.015 && share(fejl, n) < 0.05, "Fejloprettet " + fejl);
        assertTrue(share(hjaelp, n) > 0.025 && share(hjaelp, n) < 0.08, "hjælpemiddel " + hjaelp);
        assertTrue(share(stoette, n) > 0.01 && share(stoette, n) < 0.05, "støtteperson " + stoette);
        assertTrue(dun > 0 && amu > 0, "both code systems: " + amu + " AMU, " + dun + " DUN");
    }

    @Test
    void versionsArriveAfterTheStartMonthAndLaterVersionsAreNewer() {
        LocalDateTime lastDataMoment = TO.minusMonths(1).atEndOfMonth().atTime(23, 59, 59);
        Map<String, List<Activity>> byId = new TreeMap<>();
        world.activities().forEach(a -> byId.computeIfAbsent(a.aktivitetId(), k -> new ArrayList<>()).add(a));
        Map<String, YearMonth> firstInCprBorger = new HashMap<>();
        world.citizenRows().forEach(r -> firstInCprBorger.putIfAbsent(r.citizen().cpr(), r.delivery()));
        int redelivered = 0;
        int recent = 0;
        for (List<Activity> versions : byId.values()) {
            Activity first = versions.get(0);
            YearMonth due = YearMonth.from(first.startdato()).plusMonths(1);
            due = due.isBefore(FROM) ? FROM : due;
            assertFalse(first.delivery().isBefore(due), first.toString());
            assertFalse(first.delivery().isBefore(firstInCprBorger.get(first.cpr())), "citizen known: " + first);
            boolean isRecent = !YearMonth.from(first.startdato()).isBefore(FROM.minusMonths(3))
                    && first.delivery().isBefore(TO);
            recent += isRecent ? 1 : 0;
            for (Activity v : versions) {
                assertTrue(v.opdateretTidspunkt().isBefore(v.delivery().atDay(1).atStartOfDay()), v.toString());
                assertFalse(v.opdateretTidspunkt().isAfter(lastDataMoment));
                assertFalse(v.opdateretTidspunkt().toLocalDate().isBefore(v.startdato()), v.toString());
            }
            if (versions.size() == 2 && versions.get(1).delivery().isAfter(first.delivery())) {
                redelivered++;
                Activity last = versions.get(1);
                assertTrue(last.opdateretTidspunkt().isAfter(first.opdateretTidspunkt()));
                assertTrue(List.of("Planlagt", "Optaget", "Henvist").contains(first.status()), first.toString());
                assertNull(first.aarsag());
                assertEquals(first.startdato(), last.startdato());
                assertEquals(first.aktivitetstype(), last.aktivitetstype());
            }
            assertTrue(versions.size() <= 2);
        }
        assertTrue(redelivered > 0.1 * recent && redelivered < 0.35 * recent, redelivered + " of " + recent);
    }

    @Test
    void twoVersionsInOneFileHaveTheLaterOpdateretOnTheEarlierLine() {
        int pairs = 0;
        for (GeneratedWorld w : List.of(world, dirty)) {
            Map<String, List<Activity>> byIdAndMonth = new HashMap<>();
            w.activities().forEach(a -> byIdAndMonth.computeIfAbsent(a.delivery() + a.aktivitetId(),
                    k -> new ArrayList<>()).add(a));
            for (List<Activity> same : byIdAndMonth.values()) {
                if (same.size() < 2) {
                    continue;
                }
                assertEquals(2, same.size());
                pairs++;
                Activity onTop = same.get(0).line() < same.get(1).line() ? same.get(0) : same.get(1);
                Activity below = onTop == same.get(0) ? same.get(1) : same.get(0);
                assertTrue(onTop.opdateretTidspunkt().isAfter(below.opdateretTidspunkt()), onTop + " / " + below);
                assertEquals(onTop, w.latestActivities().get(onTop.aktivitetId()), "latest opdateret wins");
            }
        }
        assertTrue(pairs > 20, "pairs " + pairs);
        for (YearMonth m : months()) {
            long inMonth = world.activitiesDeliveredIn(m).stream()
                    .collect(Collectors.groupingBy(Activity::aktivitetId, Collectors.counting()))
                    .values().stream().filter(c -> c == 2).count();
            assertTrue(inMonth > 0, "a pair in every delivery: " + m);
        }
    }

    @Test
    void unknownCategoryValuesAreValidRowsNotDefects() throws IOException {
        int unknown = 0;
        for (YearMonth m : months()) {
            Set<Integer> bad = truthLines(m, AKTIVITET);
            List<String> lines = LandingFiles.lines(file(dirtyOut, m, AKTIVITET));
            for (int n = 2; n <= lines.size(); n++) {
                String[] f = LandingFiles.fields(lines.get(n - 1));
                boolean odd = f.length == 23 && (UNKNOWN.contains(f[5]) || UNKNOWN.contains(f[6])
                        || UNKNOWN.contains(f[7]) || UNKNOWN.contains(f[8]));
                if (odd && !bad.contains(n)) {
                    unknown++;
                    assertEquals(List.of(), LandingFiles.problems(Source.DFDG_AKTIVITET, f));
                }
            }
        }
        assertTrue(unknown > 0, "some unknown category values");
        long inWorld = world.activities().stream().filter(a -> Stream.of(a.status(), a.aktivitetstype(),
                a.aarsag(), a.puljenavn()).anyMatch(v -> v != null && UNKNOWN.contains(v))).count();
        double share = (double) inWorld / world.activities().size();
        assertTrue(share > 0.001 && share < 0.015, "unknown share " + share);
    }

    @Test
    void defectRowsInTheNewFilesAreBrokenAsStatedWithFreshIds() throws IOException {
        Set<String> ids = dirty.activities().stream().map(Activity::aktivitetId).collect(Collectors.toSet());
        dirty.conversations().forEach(c -> ids.add(c.samtaleId()));
        for (YearMonth m : months()) {
            for (String name : List.of(AKTIVITET, SAMTALE)) {
                Source source = name.equals(AKTIVITET) ? Source.DFDG_AKTIVITET : Source.DFDG_SAMTALE;
                Map<Integer, QuarantineReason> truth = truth(m, name);
                assertEquals(DefectInjector.reasons(source).size(), Set.copyOf(truth.values()).size(), m + name);
                List<String> lines = LandingFiles.lines(file(dirtyOut, m, name));
                for (int n = 2; n <= lines.size(); n++) {
                    String[] f = LandingFiles.fields(lines.get(n - 1));
                    QuarantineReason stated = truth.get(n);
                    assertEquals(stated == null ? List.of() : List.of(stated), LandingFiles.problems(source, f),
                            m + "/" + name + " line " + n);
                    if (stated != null && stated != QuarantineReason.FELTANTAL) {
                        assertTrue(f[0].matches("[AS]9[0-9]{7}") && !ids.contains(f[0]), f[0]);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- conversations

    @Test
    void conversationsLieInTheirSpellsInWorkingHoursWithListedParticipants() {
        Map<String, List<Spell>> spells = spellsFromVisitations(world);
        int none = 0;
        int held = 0;
        Set<String> types = new HashSet<>();
        Set<String> forms = new HashSet<>();
        Map<String, Integer> perCitizen = new HashMap<>();
        for (Conversation c : world.conversations()) {
            assertTrue(c.samtaleId().matches("S[0-9]{8}"));
            LocalDate day = c.samtaletidspunkt().toLocalDate();
            Spell s = spells.get(c.cpr()).stream().filter(x -> !day.isBefore(x.start) && day.isBefore(x.end))
                    .findFirst().orElseThrow(() -> new AssertionError("no spell for " + c));
            assertEquals(s.kommune, c.kommunekode(), c.toString());
            assertTrue(day.getDayOfWeek().getValue() <= 5, c.toString());
            int hour = c.samtaletidspunkt().getHour();
            assertTrue(hour >= 8 && hour < 16, c.toString());
            assertTrue(ConversationCategories.SAMTALETYPER.contains(c.samtaletype()), c.samtaletype());
            assertTrue(ConversationCategories.KONTAKTFORMER.contains(c.kontaktform()), c.kontaktform());
            types.add(c.samtaletype());
            forms.add(c.kontaktform());
            assertTrue(c.deltagere().size() <= 3);
            assertEquals(c.deltagere().size(), Set.copyOf(c.deltagere()).size(), "distinct");
            assertTrue(ConversationCategories.DELTAGERE.containsAll(c.deltagere()), c.deltagere().toString());
            none += c.deltagere().isEmpty() ? 1 : 0;
            held += c.afholdt() ? 1 : 0;
            YearMonth due = YearMonth.from(day).plusMonths(1);
            assertFalse(c.delivery().isBefore(due.isBefore(FROM) ? FROM : due), c.toString());
            perCitizen.merge(c.cpr(), 1, Integer::sum);
        }
        int n = world.conversations().size();
        assertTrue(share(none, n) > 0.4 && share(none, n) < 0.6, "no participants " + none);
        assertTrue(share(held, n) > 0.8 && share(held, n) < 0.9, "held " + held);
        assertEquals(ConversationCategories.SAMTALETYPER.size(), types.size());
        assertEquals(ConversationCategories.KONTAKTFORMER.size(), forms.size());
        perCitizen.values().forEach(k -> assertTrue(k <= 6));
        assertEquals(n, world.latestConversations().size(), "one version each");
    }

    @Test
    void deltagereInTheFileAreJoinedWithBarsAndEmptyWhenNone() {
        int joined = 0;
        for (YearMonth m : months()) {
            for (String[] row : LandingFiles.rows(file(out, m, SAMTALE))) {
                if (!row[8].isEmpty()) {
                    for (String d : row[8].split("\\|", -1)) {
                        assertTrue(ConversationCategories.DELTAGERE.contains(d), row[8]);
                    }
                    joined += row[8].contains("|") ? 1 : 0;
                }
                assertTrue(row[6].equals("J") || row[6].equals("N"));
            }
        }
        assertTrue(joined > 0, "some conversations have several participants");
    }

    // ---------------------------------------------------------------- helpers

    /** A row as a reader sees it: null (empty field) reads back as "". */
    static String[] asRead(String[] row) {
        return Stream.of(row).map(v -> v == null ? "" : v).toArray(String[]::new);
    }

    static double share(Integer k, int n) {
        return k == null ? 0 : (double) k / n;
    }

    /** SPEC 3.1 spells from the delivered visitations: per date the latest time; end = next kept date. */
    record Spell(LocalDate start, LocalDate end, int kommune) {}

    static Map<String, List<Spell>> spellsFromVisitations(GeneratedWorld w) {
        Map<String, List<Visitation>> perCitizen = new HashMap<>();
        w.latestVisitations().values().stream().sorted(Comparator.comparing(Visitation::visitationstidspunkt))
                .forEach(v -> perCitizen.computeIfAbsent(v.cpr(), k -> new ArrayList<>()).add(v));
        Map<String, List<Spell>> out = new HashMap<>();
        perCitizen.forEach((cpr, vs) -> {
            Map<LocalDate, Visitation> kept = new TreeMap<>();
            vs.forEach(v -> kept.put(v.visitationstidspunkt().toLocalDate(), v)); // later time wins
            List<Visitation> k = List.copyOf(kept.values());
            List<Spell> spells = new ArrayList<>();
            for (int i = 0; i < k.size(); i++) {
                LocalDate end = i + 1 < k.size() ? k.get(i + 1).visitationstidspunkt().toLocalDate()
                        : LocalDate.of(9999, 12, 31);
                spells.add(new Spell(k.get(i).visitationstidspunkt().toLocalDate(), end, k.get(i).kommunekode()));
            }
            out.put(cpr, spells);
        });
        return out;
    }

    static Map<Integer, QuarantineReason> truth(YearMonth m, String fil) throws IOException {
        List<String> lines = Files.readAllLines(dirtyOut.resolve("_truth").resolve(m.toString())
                .resolve("karantaene.csv"), StandardCharsets.UTF_8);
        Map<Integer, QuarantineReason> out = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] p = line.split(";");
            if (p[0].equals(fil)) {
                out.put(Integer.parseInt(p[1]), QuarantineReason.valueOf(p[2]));
            }
        }
        return out;
    }

    static Set<Integer> truthLines(YearMonth m, String fil) throws IOException {
        return truth(m, fil).keySet();
    }
}
