package dk.flis.generator;

import dk.flis.common.reference.Municipalities;
import dk.flis.common.reference.Municipality;
import dk.flis.common.yr.RefusionLadder;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * yr_beregning, the clean world: about 70 % of the citizens with a visitation spell in force from 2020-01-01 on
 * are paid a benefit chosen from the spell's visitationskategori for part of the spell (from its start, for a
 * benefit-typical length). One row per paid week-part (a week over a month end is two rows), counters per
 * citizen across benefits, sats from the ladder in conf, and 2 % corrections in a later koerselsperiode. Own
 * random stream. The rows are returned in file order (see {@link YrStore}).
 */
final class YrBuilder {
    /** YR exists from this day (seed 000 §7.2, {@code flis.yr-start}). */
    static final LocalDate YR_START = LocalDate.of(2020, 1, 1);
    /** Monday of ISO week 202001: week index 0. */
    static final LocalDate WEEK0 = LocalDate.of(2019, 12, 30);
    static final double YR_CITIZENS = 0.70;
    /** A spell of a YR citizen has a paid benefit period this often (else the citizen supports themself). */
    static final double SPELL_PAID = 0.85;
    /** Share of benefit periods that start 1–6 weeks after the visitation. */
    static final double DELAYED_START = 0.3;
    /** From 50, in a pension-path category, a spell leads to førtidspension (seniorpension from 60) this often. */
    static final double PENSION = 0.15;
    static final double FLEKSBIDRAG = 0.35;
    static final double OTHER_PAYER = 0.02;
    static final double CORRECTION = 0.02;
    /** Weeks of self-support (genoptjeningstaeller) that restart the ydelsestaeller. */
    static final int RESET_WEEKS = 52;
    /** Yearly regulation of the benefit rates (satsregulering), per year after 2020. */
    static final double REGULATION = 0.016;

    /** A paid stretch of one benefit in one municipality: weekly bruttoudgift in øre (2020 level). */
    private record Period(int benefit, int kommune, int betaling, LocalDate first, LocalDate last, int weekly,
                          int fleksPromille) {
        Period until(LocalDate newLast) {
            return new Period(benefit, kommune, betaling, first, newLast, weekly, fleksPromille);
        }
    }

    private final RefusionLadder ladder;
    private final SplittableRandom rng;
    private final Map<String, String> kategori;
    private final YrStore store;
    private final LocalDate hi;
    private final WeightedChoice<Integer> byPopulation = new WeightedChoice<>();
    private final int[] weekCounter;
    private final int[] weekGenopt;
    private final boolean[] weekPaid;
    private final short lastDeliverable;

    private YrBuilder(List<Person> persons, Map<String, String> kategori, GeneratorOptions options,
                      RefusionLadder ladder, SplittableRandom rng) {
        this.ladder = ladder;
        this.rng = rng;
        this.kategori = kategori;
        this.hi = options.lastDataDay();
        this.store = new YrStore(persons.stream().map(p -> p.base.cpr()).toList(), options.from());
        Municipalities.all().stream().sorted(Comparator.comparingInt(Municipality::kommunekode))
                .forEach(m -> byPopulation.add(m.kommunekode(), m.indbyggere()));
        int weeks = hi.isBefore(YR_START) ? 0 : weekIndex(hi) + 1;
        this.weekCounter = new int[weeks];
        this.weekGenopt = new int[weeks];
        this.weekPaid = new boolean[weeks];
        this.lastDeliverable = YrStore.month(options.to().minusMonths(1));
    }

    /**
     * Every row delivered in {@code from..to}, in file order (empty when the data ends before 2020).
     * {@code kategori}: each forloeb_id's latest delivered visitationskategori.
     */
    static YrStore build(List<Person> persons, Map<String, String> kategori, GeneratorOptions options,
                         RefusionLadder ladder, SplittableRandom rng) {
        YrBuilder b = new YrBuilder(persons, kategori, options, ladder, rng);
        if (!b.hi.isBefore(YR_START)) {
            for (int i = 0; i < persons.size(); i++) {
                b.person(i, persons.get(i));
            }
        }
        b.store.sortIntoFileOrder();
        return b.store;
    }

    static int weekIndex(LocalDate day) {
        return (int) ((day.toEpochDay() - WEEK0.toEpochDay()) / 7);
    }

    private void person(int index, Person p) {
        List<Spells.Spell> spells = Spells.of(p, hi);
        List<Spells.Spell> relevant = spells.stream().filter(s -> !s.last().isBefore(YR_START)).toList();
        if (relevant.isEmpty() || rng.nextDouble() >= YR_CITIZENS) {
            return;
        }
        int prior = rng.nextInt(151);
        List<Period> periods = periods(p, relevant);
        if (periods.isEmpty()) {
            return;
        }
        // week-parts: split at ISO week ends and month ends
        List<int[]> parts = new ArrayList<>(); // {period, startEpochDay, days, week}
        for (int k = 0; k < periods.size(); k++) {
            Period period = periods.get(k);
            for (LocalDate d = period.first(); !d.isAfter(period.last()); ) {
                LocalDate end = min(min(period.last(), d.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY))),
                        d.withDayOfMonth(d.lengthOfMonth()));
                int w = weekIndex(d);
                parts.add(new int[] {k, (int) d.toEpochDay(), (int) (end.toEpochDay() - d.toEpochDay() + 1), w});
                weekPaid[w] = true;
                d = end.plusDays(1);
            }
        }
        // counters: +1 per paid ISO week, restart after 52 weeks of self-support
        int counter = prior;
        int previous = -1;
        for (int w = 0; w < weekPaid.length; w++) {
            if (!weekPaid[w]) {
                continue;
            }
            int gap = previous < 0 ? w : w - previous - 1;
            counter = gap >= RESET_WEEKS ? 1 : counter + 1;
            weekCounter[w] = counter;
            weekGenopt[w] = Math.min(gap, RESET_WEEKS);
            previous = w;
        }
        for (int[] part : parts) {
            Period period = periods.get(part[0]);
            int w = part[3];
            LocalDate first = LocalDate.ofEpochDay(part[1]);
            double factor = 1 + REGULATION * (first.getYear() - 2020);
            int brutto = (int) Math.round(period.weekly() * factor * part[2] / 7.0);
            int row = add(index, period, part[1], part[2], YrStore.month(YearMonth.from(first)), weekCounter[w],
                    weekGenopt[w], brutto);
            if (rng.nextDouble() < CORRECTION) {
                int later = 1 + rng.nextInt(2);
                int share = 100 + rng.nextInt(501); // 10.0–60.0 % of the original, never all of it
                short koersel = (short) (store.koersel[row] + later);
                if (koersel <= lastDeliverable) {
                    add(index, period, part[1], part[2], koersel, weekCounter[w], weekGenopt[w],
                            -promille(brutto, share));
                }
            }
        }
        for (int[] part : parts) {
            weekPaid[part[3]] = false;
        }
    }

    private int add(int personIndex, Period period, int startDay, int days, short koersel, int taeller, int genopt,
                    int brutto) {
        int i = store.add();
        store.person[i] = personIndex;
        store.finKommune[i] = (short) period.kommune();
        store.bopKommune[i] = (short) period.kommune();
        store.betKommune[i] = (short) period.betaling();
        store.benefit[i] = (byte) period.benefit();
        store.start[i] = startDay;
        store.days[i] = (byte) days;
        store.koersel[i] = koersel;
        store.taeller[i] = (short) taeller;
        store.genoptjening[i] = (byte) genopt;
        store.brutto[i] = brutto;
        store.fleksbidrag[i] = promille(brutto, period.fleksPromille());
        setSats(store, ladder, i, ladder.sats(YrBenefits.ALL.get(period.benefit()).finansieringstype(), taeller));
        return i;
    }

    /** Writes sats and the amounts that follow from it and bruttoudgift (fleksbidrag is kept). */
    static void setSats(YrStore store, RefusionLadder ladder, int i, int sats) {
        YrBenefits.Benefit b = YrBenefits.ALL.get(store.benefit[i]);
        store.sats[i] = (byte) sats;
        int share = percent(store.brutto[i], sats);
        store.refusion[i] = b.refusion() ? share : 0;
        store.medfinansiering[i] = b.refusion() ? 0 : share;
        store.finansiering[i] = store.refusion[i] - store.medfinansiering[i] - store.fleksbidrag[i];
    }

    /** round(amount × pct / 100), half away from zero (BigDecimal HALF_UP on two decimals). */
    static int percent(int amount, int pct) {
        long x = (long) amount * pct;
        long q = (Math.abs(x) + 50) / 100;
        return (int) (x < 0 ? -q : q);
    }

    static int promille(int amount, int promille) {
        long x = (long) amount * promille;
        long q = (Math.abs(x) + 500) / 1000;
        return (int) (x < 0 ? -q : q);
    }

    /**
     * The citizen's paid periods from 2020-01-01 on, in time order, adjacent equal ones merged. A spell's benefit
     * period starts at the visitation (or 1–6 weeks later) and lasts a benefit-typical time; a citizen whose
     * periods all lie before 2020 (an old open spell) gets one benefit period of a random spell's kind that overlaps
     * the window instead, so about 70 % of the citizens really are paid in the data.
     */
    private List<Period> periods(Person p, List<Spells.Spell> relevant) {
        List<Period> out = new ArrayList<>();
        int pension = -1;
        int pensionWeekly = 0;
        for (Spells.Spell s : relevant) {
            if (pension >= 0) { // granted for good: paid through every later spell
                add(out, period(s, pension, s.first(), s.last(), pensionWeekly));
                continue;
            }
            if (rng.nextDouble() >= SPELL_PAID) {
                continue;
            }
            int age = p.ageAt(max(s.first(), YR_START));
            String kategori = kategori(s);
            int benefit;
            if (age >= 50 && YrBenefits.pensionPath(kategori) && rng.nextDouble() < PENSION) {
                benefit = age >= 60 && rng.nextBoolean() ? YrBenefits.SENIORPENSION : YrBenefits.FOERTIDSPENSION;
                pension = benefit;
            } else {
                benefit = YrBenefits.forCategory(kategori, s.visit().organisation(), rng);
            }
            int delay = rng.nextDouble() < DELAYED_START ? 7 * (1 + rng.nextInt(6)) + rng.nextInt(7) : 0;
            Period drawn = period(s, benefit, s.first().plusDays(delay), null, -1);
            pensionWeekly = drawn.weekly();
            add(out, drawn);
        }
        if (out.isEmpty()) {
            // The last spell (open to the last data day), with a start uniform in [its first day in the window −
            // length + 1, last data day]: as many such periods run on every day, so the monthly flow stays level.
            Spells.Spell s = relevant.get(relevant.size() - 1);
            LocalDate lo = max(s.first(), YR_START);
            int benefit = YrBenefits.forCategory(kategori(s), s.visit().organisation(), rng);
            YrBenefits.Benefit kind = YrBenefits.ALL.get(benefit);
            int days = 7 * (kind.minWeeks() + rng.nextInt(kind.maxWeeks() - kind.minWeeks() + 1)) + rng.nextInt(7);
            LocalDate a = lo.minusDays(days - 1L).plusDays(rng.nextLong(hi.toEpochDay() - lo.toEpochDay() + days));
            add(out, period(s, benefit, max(a, lo), min(s.last(), a.plusDays(days - 1L)), -1));
        }
        return out;
    }

    /**
     * A benefit period in spell {@code s} from {@code a}: to {@code b} when given, else for a drawn length; a
     * weekly amount of −1 is drawn.
     */
    private Period period(Spells.Spell s, int benefit, LocalDate a, LocalDate b, int weekly) {
        YrBenefits.Benefit kind = YrBenefits.ALL.get(benefit);
        if (b == null) {
            if (kind.maxWeeks() == YrBenefits.FOREVER) {
                b = s.last();
            } else {
                int weeks = kind.minWeeks() + rng.nextInt(kind.maxWeeks() - kind.minWeeks() + 1);
                b = min(s.last(), a.plusDays(7L * weeks + rng.nextInt(7) - 1));
            }
        }
        if (weekly < 0) {
            weekly = kind.minWeekly() + rng.nextInt(kind.maxWeekly() - kind.minWeekly() + 1);
        }
        int kommune = s.visit().kommunekode();
        int fleks = benefit == YrBenefits.FLEKSLOENTILSKUD && rng.nextDouble() < FLEKSBIDRAG ? 20 + rng.nextInt(61) : 0;
        int betaling = rng.nextDouble() < OTHER_PAYER ? byPopulation.pickOther(rng, kommune) : kommune;
        return new Period(benefit, kommune, betaling, max(a, YR_START), b, weekly, fleks);
    }

    /** The spell's visitationskategori as finally delivered (a DFDG correction changes it; silver shows that). */
    private String kategori(Spells.Spell s) {
        return kategori.getOrDefault(s.visit().forloebId(), s.visit().kategori());
    }

    /** Adds a period that has days from 2020-01-01 on; one that simply continues the last one extends it. */
    private static void add(List<Period> out, Period next) {
        if (next.first().isAfter(next.last())) {
            return;
        }
        int last = out.size() - 1;
        Period prev = last >= 0 ? out.get(last) : null;
        if (prev != null && prev.last().plusDays(1).equals(next.first()) && prev.benefit() == next.benefit()
                && prev.kommune() == next.kommune() && prev.betaling() == next.betaling()) {
            out.set(last, prev.until(next.last()));
        } else {
            out.add(next);
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
