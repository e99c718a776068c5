package dk.flis.generator;

import dk.flis.common.reference.Municipalities;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * dfdg_aktivitet: about 60 % of citizens get 1–4 activities, each starting inside one of their visitation spells
 * (same municipality) from the history start on, and every delivered version of them. Own random stream, so
 * the other files do not change when this does.
 */
final class ActivityBuilder {
    /** Drawn above the 60 % target: some citizens' activities fall before the history start or after the window. */
    static final double ACTIVE_RATE = 0.78;
    /** Recent activities first delivered with an early status and re-delivered later with the final one. */
    static final double REDELIVERY_RATE = 0.3;
    /**
     * Activities delivered as two versions in one file, the later opdateret_tidspunkt on the first line (the
     * pairs are about 2 % of all rows).
     */
    static final double SAME_FILE_RATE = 0.01;
    static final double UNKNOWN_RATE = 0.005;
    static final double FEJLOPRETTET_RATE = 0.03;
    /** Share of all activities with no slutdato; only status Optaget, Planlagt or Henvist can be open. */
    static final double OPEN_RATE = 0.15;
    static final double MONDAY_START = 0.6;
    /**
     * A citizen's activities fall in the first three years after their first visitation (those before the
     * history start or after the last data day are not in the data). A fixed spread, not "until the window
     * end", keeps the monthly flow level: a citizen who arrived last month does not get all 1–4 at once.
     */
    static final long SPREAD_DAYS = 3 * 365;
    /** A re-delivery comes up to this many deliveries later (never after {@code to}). */
    static final int MAX_DELAY = 3;

    private static final WeightedChoice<Integer> COUNT = new WeightedChoice<Integer>()
            .add(1, 40).add(2, 30).add(3, 20).add(4, 10);
    private static final List<String> OPEN_STATUSES = List.of("Optaget", "Planlagt", "Henvist");
    /** P(open | status open-able) so that about {@link #OPEN_RATE} of all activities are open. */
    private static final double OPEN_GIVEN_STATUS = OPEN_RATE / 0.40;

    /** A version plus its place among the rows of one file (two versions of one id: final first). */
    private record Placed(Activity activity, int order) {}

    /** The final content of an activity, its spell's forloeb_id and its planned slutdato (null when open). */
    private record Draft(Activity activity, String forloebId, LocalDate planned) {}

    private record Single(Draft draft, Placed placed) {}

    private final GeneratorOptions options;
    private final Map<String, YearMonth> visitationDelivery;
    private final SplittableRandom rng;
    private final List<Placed> out = new ArrayList<>();
    /** Single-version activities per delivery, and the deliveries that already hold a same-file pair. */
    private final Map<YearMonth, List<Single>> singles = new TreeMap<>();
    private final Set<YearMonth> monthsWithPair = new HashSet<>();
    private long lastId;

    private ActivityBuilder(GeneratorOptions options, Map<String, YearMonth> visitationDelivery,
                            SplittableRandom rng) {
        this.options = options;
        this.visitationDelivery = visitationDelivery;
        this.rng = rng;
    }

    /**
     * Every delivered version ({@code line} still 0), ordered by delivery, startdato, aktivitet_id and, for two
     * versions in one file, the later opdateret_tidspunkt first.
     *
     * @param visitationDelivery first delivery of each forloeb_id: an activity never arrives before the
     *                           visitation of its spell (so its citizen is already in cpr_borger)
     */
    static List<Activity> versions(List<Person> persons, Map<String, YearMonth> visitationDelivery,
                                   GeneratorOptions options, SplittableRandom rng) {
        ActivityBuilder b = new ActivityBuilder(options, visitationDelivery, rng);
        for (Person p : persons) {
            b.person(p);
        }
        b.pairInEveryDelivery();
        b.out.sort(ActivityBuilder::fileOrder);
        return b.out.stream().map(Placed::activity).toList();
    }

    private static int fileOrder(Placed x, Placed y) {
        Activity a = x.activity();
        Activity b = y.activity();
        int c = a.delivery().compareTo(b.delivery());
        if (c == 0) {
            c = a.startdato().compareTo(b.startdato());
        }
        if (c == 0) {
            c = a.aktivitetId().compareTo(b.aktivitetId());
        }
        return c != 0 ? c : Integer.compare(x.order(), y.order());
    }

    private void person(Person p) {
        if (rng.nextDouble() >= ACTIVE_RATE) {
            return;
        }
        LocalDate lo = options.historyStart();
        LocalDate hi = options.lastDataDay();
        List<Spells.Spell> spells = Spells.of(p, hi);
        LocalDate first = spells.get(0).first();
        int n = COUNT.pick(rng);
        List<Spells.Spell> chosen = new ArrayList<>(n);
        List<LocalDate> starts = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            LocalDate d = first.plusDays(rng.nextLong(SPREAD_DAYS));
            boolean monday = rng.nextDouble() < MONDAY_START;
            if (d.isBefore(lo) || d.isAfter(hi)) {
                continue; // before the history window, or still in the future
            }
            Spells.Spell s = Spells.containing(spells, d);
            chosen.add(s);
            starts.add(startDay(d, monday, s.first().isBefore(lo) ? lo : s.first(), s.last()));
        }
        // ids in start order per citizen
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparing(starts::get));
        for (int k : order) {
            schedule(activity(p, chosen.get(k), starts.get(k)));
        }
    }

    /** Mostly the Monday on or after {@code d}; else {@code d} moved off a weekend; always inside {@code [lo, hi]}. */
    private static LocalDate startDay(LocalDate d, boolean monday, LocalDate lo, LocalDate hi) {
        if (monday) {
            LocalDate m = d.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            if (!m.isAfter(hi)) {
                return m;
            }
        }
        LocalDate w = PopulationBuilder.workingDay(d, lo, hi);
        return w.isBefore(lo) || w.isAfter(hi) ? d : w;
    }

    /** The final (latest) version's content; delivery and opdateret_tidspunkt are set by {@link #schedule}. */
    private Draft activity(Person p, Spells.Spell spell, LocalDate start) {
        Person.Event visit = spell.visit();
        String kommunenavn = Municipalities.byCode(visit.kommunekode()).kommunenavn();
        String type = ActivityCategories.TYPE.pick(rng);
        String status = ActivityCategories.STATUS.pick(rng);
        boolean open = OPEN_STATUSES.contains(status) && rng.nextDouble() < OPEN_GIVEN_STATUS;
        LocalDate planned = start.plusWeeks(2 + rng.nextInt(25)).minusDays(1);
        LocalDate slut = open ? null : planned;
        if (!open && status.equals("Afbrudt")) {
            slut = start.plusDays(rng.nextLong(ChronoUnit.DAYS.between(start, planned)));
        }
        String aarsag = rng.nextDouble() < FEJLOPRETTET_RATE ? "Fejloprettet" : ActivityCategories.aarsag(status, rng);
        String pulje = rng.nextDouble() < 0.35 ? ActivityCategories.PULJE.pick(rng) : null;
        BigDecimal timer = rng.nextDouble() < 0.3 ? null : BigDecimal.valueOf(50 + rng.nextInt(321), 1);
        String jobtype = ActivityCategories.jobtype(type, rng);
        Boolean statslig = jobtype == null ? null
                : jobtype.equals("Stat") || jobtype.equals("Offentlig") && rng.nextDouble() < 0.05;
        String[] course = ActivityCategories.course(type, rng);
        String hArt = null;
        String hType = null;
        String hForm = null;
        BigDecimal hUdgift = null;
        if (rng.nextDouble() < 0.05) {
            int art = rng.nextInt(ActivityCategories.HJAELPEMIDDEL_ARTER.size());
            hArt = ActivityCategories.HJAELPEMIDDEL_ARTER.get(art);
            hType = ActivityCategories.HJAELPEMIDDEL_TYPER.get(2 * art + rng.nextInt(2));
            hForm = rng.nextDouble() < 0.7 ? "Tilskud" : "Udlån";
            hUdgift = BigDecimal.valueOf(50_000 + rng.nextLong(4_450_001), 2);
        }
        String sArt = null;
        String sType = null;
        if (rng.nextDouble() < 0.03) {
            List<String> arter = ActivityCategories.STOETTEPERSON_ARTER;
            List<String> typer = ActivityCategories.STOETTEPERSON_TYPER;
            sArt = arter.get(rng.nextInt(arter.size()));
            sType = typer.get(rng.nextInt(typer.size()));
        }
        String aktiverende = ActivityCategories.aktiverendeOrganisation(kommunenavn, rng);
        if (rng.nextDouble() < UNKNOWN_RATE) {
            switch (rng.nextInt(4)) {
                case 0 -> status = ActivityCategories.UNKNOWN_STATUS;
                case 1 -> type = ActivityCategories.UNKNOWN_TYPE;
                case 2 -> aarsag = ActivityCategories.UNKNOWN_AARSAG;
                default -> pulje = ActivityCategories.UNKNOWN_PULJE;
            }
        }
        Activity a = new Activity(LandingCsv.id('A', ++lastId), p.base.cpr(), visit.kommunekode(),
                aktiverende, visit.organisation(), type, status, aarsag, pulje, start, slut, timer, jobtype, statslig,
                course == null ? null : course[0], course == null ? null : course[1], hArt, hType, hForm, hUdgift,
                sArt, sType, null, null, 0);
        return new Draft(a, visit.forloebId(), open ? null : planned);
    }

    /**
     * Delivery M carries activities that started in M − 1 (the first delivery all older ones), never before
     * the spell's visitation. Recent ones may come first with an early status, then again 1–3 deliveries
     * later (and after the month of slutdato) with the final one, not at all when that is after {@code to};
     * some come as two versions in one file.
     */
    private void schedule(Draft draft) {
        Activity a = draft.activity();
        LocalDate start = a.startdato();
        YearMonth due = max(max(options.from(), YearMonth.from(start).plusMonths(1)),
                visitationDelivery.get(draft.forloebId()));
        LocalDate endOfStartMonth = YearMonth.from(start).atEndOfMonth();
        boolean recent = !YearMonth.from(start).isBefore(options.from().minusMonths(MAX_DELAY));
        boolean redeliver = rng.nextDouble() < REDELIVERY_RATE && recent;
        boolean pair = !redeliver && rng.nextDouble() < SAME_FILE_RATE;
        LocalDate plannedSlut = draft.planned();
        if (redeliver) {
            String early = ActivityCategories.earlyStatus(a.status(), rng);
            LocalDateTime first = at(day(start, endOfStartMonth), 8, 16);
            out.add(new Placed(a.version(early, null, plannedSlut, first, due), 0));
            // the final status arrives 1–3 deliveries later, and not before the month after slutdato
            YearMonth later = due.plusMonths(1 + rng.nextInt(MAX_DELAY));
            if (a.slutdato() != null) {
                later = max(later, YearMonth.from(a.slutdato()).plusMonths(1));
            }
            if (!later.isAfter(options.to())) { // else the final status is still in the future
                YearMonth changed = later.minusMonths(1);
                LocalDate after = a.slutdato() != null && a.slutdato().isAfter(changed.atDay(1)) ? a.slutdato()
                        : changed.atDay(1);
                LocalDateTime second = at(day(after, changed.atEndOfMonth()), 8, 16);
                out.add(new Placed(a.version(a.status(), a.aarsag(), a.slutdato(), second, later), 0));
            }
        } else if (pair) {
            addPair(draft, due);
        } else {
            LocalDate asOf = due.minusMonths(1).atEndOfMonth();
            LocalDate ref = a.slutdato() != null ? a.slutdato().plusDays(14) : endOfStartMonth;
            LocalDateTime only = at(day(start, ref.isAfter(asOf) ? asOf : ref), 8, 16);
            Placed placed = new Placed(a.version(a.status(), a.aarsag(), a.slutdato(), only, due), 0);
            out.add(placed);
            singles.computeIfAbsent(due, m -> new ArrayList<>()).add(new Single(draft, placed));
        }
    }

    /** The early version and, written above it, the final one with a later opdateret_tidspunkt. */
    private void addPair(Draft draft, YearMonth due) {
        Activity a = draft.activity();
        LocalDate endOfStartMonth = YearMonth.from(a.startdato()).atEndOfMonth();
        String early = ActivityCategories.earlyStatus(a.status(), rng);
        LocalDate firstDay = day(a.startdato(), endOfStartMonth);
        LocalDateTime first = at(firstDay, 8, 12);
        LocalDateTime second = at(day(firstDay, endOfStartMonth), 12, 16);
        out.add(new Placed(a.version(a.status(), a.aarsag(), a.slutdato(), second, due), 0));
        out.add(new Placed(a.version(early, null, draft.planned(), first, due), 1));
        monthsWithPair.add(due);
    }

    /** Every delivery gets at least one same-file pair, so a month-by-month load meets the case every month. */
    private void pairInEveryDelivery() {
        for (YearMonth m = options.from(); !m.isAfter(options.to()); m = m.plusMonths(1)) {
            List<Single> candidates = singles.get(m);
            if (!monthsWithPair.contains(m) && candidates != null) {
                Single pick = candidates.get(rng.nextInt(candidates.size()));
                out.remove(pick.placed());
                addPair(pick.draft(), m);
            }
        }
    }

    /** A day in {@code [lo, hi]}, a working day when the drawn one can move to one inside. */
    private LocalDate day(LocalDate lo, LocalDate hi) {
        LocalDate d = lo.plusDays(rng.nextLong(ChronoUnit.DAYS.between(lo, hi) + 1));
        LocalDate w = PopulationBuilder.workingDay(d, lo, hi);
        return w.isBefore(lo) || w.isAfter(hi) ? d : w;
    }

    /** A time of day in {@code [fromHour, toHour)}. */
    private LocalDateTime at(LocalDate d, int fromHour, int toHour) {
        return d.atTime(LocalTime.ofSecondOfDay(fromHour * 3600L + rng.nextInt((toHour - fromHour) * 3600)));
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }
}
