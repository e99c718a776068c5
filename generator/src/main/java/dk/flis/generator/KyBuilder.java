package dk.flis.generator;

import dk.flis.common.reference.Municipalities;
import dk.flis.common.reference.Municipality;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * ky_sag, ky_opgave and ky_ydelse (seed 003): case flows Oprettet → (Under oplysning) → Bevilget / Afslag /
 * Henlagt → (Afsluttet), some still open; every state change delivered in the month after it happened, one in ten
 * a month late, in shuffled order within a file; 0–3 tasks per case (an open version, then the final one);
 * granted cases get 1–2 benefits, some across month ends, some open. Three roles: a few cases have another
 * citizen as ydelsesmodtager, a few a recipient that is not a person (empty cpr_ydelsesmodtager). Municipalities
 * start KY on staggered dates from 2020-03-02 to 2021-11-08 (seed 003 §1): before its start a municipality has
 * no KY data at all. Own random stream, so the other files do not change.
 */
final class KyBuilder {
    static final LocalDate FIRST_START = LocalDate.of(2020, 3, 2);
    static final LocalDate LAST_START = LocalDate.of(2021, 11, 8);
    static final double CASE_RATE = 0.3;
    private static final String[] ARTER = {"H", "E", "A", "S", "T", "F", "L", "G", "R", "K"};
    private static final int[] ART_WEIGHTS = {40, 25, 8, 6, 5, 4, 4, 3, 3, 2};
    private static final Map<String, String> TYPE = Map.of("H", "HTF_KONTANT", "E", "HTF_ENGANGS_OY", "A",
            "HTF_INT_OY", "S", "HTF_INT_SHY", "T", "HTF_TRANSITION", "F", "HTF_FORREVALIDERING", "L",
            "HTF_LEDIGHEDSYDELSE", "G", "HTF_GODTGOERELSE", "R", "HTF_REVALIDERING", "K", "HTF_RESIDUAL");
    private static final String[] TITLER = {"Beskæftigelseskrav", "Bidragspligt", "Børnetilskud", "Bopælsstatus",
        "Bopælsstatus børn"};

    /** The month's rows of each file, in file order. */
    record Files(Map<YearMonth, List<String[]>> sager, Map<YearMonth, List<String[]>> opgaver,
                 Map<YearMonth, List<String[]>> ydelser) {}

    private final GeneratorOptions options;
    private final SplittableRandom rng;
    private final Files files = new Files(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    private long lastCase;
    private long lastTask;
    private long lastBenefit;

    private KyBuilder(GeneratorOptions options, SplittableRandom rng) {
        this.options = options;
        this.rng = rng;
    }

    /** A municipality's KY start: the 98 codes in order, spread evenly from FIRST_START to LAST_START. */
    static LocalDate start(int kommunekode) {
        List<Municipality> all = Municipalities.all();
        int i = 0;
        while (all.get(i).kommunekode() != kommunekode) {
            i++;
        }
        long span = ChronoUnit.DAYS.between(FIRST_START, LAST_START);
        return FIRST_START.plusDays(span * i / (all.size() - 1));
    }

    static Files build(List<Person> persons, GeneratorOptions options, SplittableRandom rng) {
        KyBuilder b = new KyBuilder(options, rng);
        Map<Integer, LocalDate> starts = new HashMap<>();
        Municipalities.all().forEach(m -> starts.put(m.kommunekode(), start(m.kommunekode())));
        LocalDate last = options.lastDataDay();
        for (Person p : persons) {
            if (p.visits.isEmpty() || rng.nextDouble() >= CASE_RATE) {
                continue;
            }
            int n = 1 + rng.nextInt(2);
            for (int k = 0; k < n; k++) {
                LocalDate from = LocalDate.of(2020, 3, 2);
                long days = ChronoUnit.DAYS.between(from, last);
                if (days <= 0) {
                    return b.shuffled();
                }
                LocalDateTime created = from.plusDays(rng.nextLong(days)).atTime(8 + rng.nextInt(8), rng.nextInt(60),
                        rng.nextInt(60));
                int kommune = p.kommuneAt(created);
                if (created.toLocalDate().isBefore(starts.get(kommune))) {
                    continue;
                }
                String other = persons.get(rng.nextInt(persons.size())).base.cpr();
                b.caseOf(p.base.cpr(), other, kommune, created);
            }
        }
        return b.shuffled();
    }

    private void caseOf(String cpr, String otherCpr, int kommune, LocalDateTime created) {
        String sag = LandingCsv.id('K', ++lastCase);
        String art = pick();
        double role = rng.nextDouble();
        String modtager = role < 0.05 ? "" : role < 0.08 ? otherCpr : cpr;
        String ansoegning = rng.nextDouble() < 0.7 ? ts(created.minusDays(rng.nextInt(6)).minusHours(rng.nextInt(5)))
                : "";
        String kle = rng.nextBoolean() ? "32.18.10" : "32.18.14";
        Municipality m = Municipalities.byCode(kommune);
        String behandler = "SB" + kommune + "-" + rng.nextInt(10);
        String org = "Jobcenter " + m.kommunenavn();
        List<Object[]> events = new ArrayList<>();
        events.add(new Object[] {"Oprettet", created, ""});
        LocalDateTime t = created;
        if (rng.nextDouble() < 0.6) {
            t = t.plusDays(1 + rng.nextInt(10)).plusMinutes(rng.nextInt(600));
            events.add(new Object[] {"Under oplysning", t, ""});
        }
        double d = rng.nextDouble();
        LocalDateTime decided = t.plusDays(2 + rng.nextInt(90)).plusMinutes(rng.nextInt(900));
        String decision = d < 0.65 ? "Bevilget" : d < 0.83 ? "Afslag" : d < 0.9 ? "Henlagt" : null;
        if (decision != null) {
            events.add(new Object[] {decision, decided, decision.equals("Bevilget") ? "Bevilling"
                    : decision.equals("Afslag") ? "Afslag" : "Henlæg"});
            if (decision.equals("Bevilget") && rng.nextDouble() < 0.7) {
                events.add(new Object[] {"Afsluttet", decided.plusDays(30 + rng.nextInt(200)), "Bevilling"});
            }
        }
        boolean late = rng.nextDouble() < 0.1;
        for (Object[] e : events) {
            LocalDateTime at = (LocalDateTime) e[1];
            String[] row = {sag, String.valueOf(kommune), modtager, cpr, art, TYPE.get(art),
                e[0].equals("Bevilget") || e[0].equals("Afsluttet") ? "32.18.14" : kle, (String) e[2],
                (String) e[0], ansoegning, ts(created), ts(at), behandler, org};
            add(files.sager(), deliveryOf(at, late && e[0].equals(decision)), row);
        }
        int tasks = rng.nextInt(4);
        for (int i = 0; i < tasks; i++) {
            String id = LandingCsv.id('O', ++lastTask);
            LocalDateTime opened = created.plusDays(rng.nextInt(20)).plusMinutes(rng.nextInt(600));
            double s = rng.nextDouble();
            String status = s < 0.7 ? "Gennemført" : s < 0.8 ? "Afbrudt" : "Åben";
            LocalDateTime done = opened.plusMinutes(60 + rng.nextInt(30 * 24 * 60));
            String titel = TITLER[rng.nextInt(TITLER.length)];
            YearMonth openedIn = deliveryOf(opened, false);
            YearMonth doneIn = deliveryOf(done, false);
            if (status.equals("Åben") || !doneIn.equals(openedIn)) {
                add(files.opgaver(), openedIn, new String[] {id, sag, String.valueOf(kommune), cpr, titel, "Åben",
                    ts(opened), ""});
            }
            if (!status.equals("Åben")) {
                add(files.opgaver(), doneIn, new String[] {id, sag, String.valueOf(kommune), cpr, titel, status,
                    ts(opened), ts(done)});
            }
        }
        if ("Bevilget".equals(decision)) {
            int n = 1 + rng.nextInt(2);
            for (int i = 0; i < n; i++) {
                LocalDate start = decided.toLocalDate().plusDays(rng.nextInt(11) + 30L * i);
                String slut = rng.nextDouble() < 0.2 ? "" : LandingCsv.DATE.format(start.plusDays(rng.nextInt(121)));
                String beloeb = (500 + rng.nextInt(20000)) + "." + String.format("%02d", rng.nextInt(100));
                add(files.ydelser(), deliveryOf(start.atStartOfDay(), false), new String[] {
                    LandingCsv.id('Y', ++lastBenefit), sag, String.valueOf(kommune), modtager, art, TYPE.get(art),
                    LandingCsv.DATE.format(start), slut, beloeb});
            }
        }
    }

    /** Delivered in the month after it happened (a late one a month after that); history goes in the first. */
    private YearMonth deliveryOf(LocalDateTime at, boolean late) {
        YearMonth m = YearMonth.from(at).plusMonths(late ? 2 : 1);
        return m.isBefore(options.from()) ? options.from() : m;
    }

    private void add(Map<YearMonth, List<String[]>> file, YearMonth month, String[] row) {
        if (!month.isAfter(options.to())) {
            file.computeIfAbsent(month, x -> new ArrayList<>()).add(row);
        }
    }

    /** State changes and versions arrive in any order within a file (SPEC 3.5). */
    private Files shuffled() {
        for (Map<YearMonth, List<String[]>> f : List.of(files.sager(), files.opgaver(), files.ydelser())) {
            for (List<String[]> rows : f.values()) {
                for (int i = rows.size() - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    String[] x = rows.get(i);
                    rows.set(i, rows.get(j));
                    rows.set(j, x);
                }
            }
        }
        return files;
    }

    private String pick() {
        int total = 0;
        for (int w : ART_WEIGHTS) {
            total += w;
        }
        int r = rng.nextInt(total);
        for (int i = 0; i < ARTER.length; i++) {
            r -= ART_WEIGHTS[i];
            if (r < 0) {
                return ARTER[i];
            }
        }
        return ARTER[0];
    }

    private static String ts(LocalDateTime t) {
        return LandingCsv.TIMESTAMP.format(t);
    }
}
