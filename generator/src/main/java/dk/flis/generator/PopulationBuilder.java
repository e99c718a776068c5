package dk.flis.generator;

import dk.flis.common.reference.Municipalities;
import dk.flis.common.reference.Municipality;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Citizens spread over the 98 municipalities by {@code indbyggere}, each with a true visitation history:
 * 1–6 visitations weeks to years apart on working days in working hours, some same-day re-visitations and
 * some moves to another municipality.
 */
final class PopulationBuilder {
    /** Share of visitations followed by a second visitation on the same date (SPEC 3.1 keeps the latest). */
    static final double SAME_DAY_RATE = 0.03;
    /** Drawn a little above the 4 % target: a move needs a second visitation inside the window. */
    static final double MOVE_RATE = 0.042;
    /** Share of follow-up visitations that keep the previous category (a re-assessment, not a change). */
    private static final double KEEP_CATEGORY = 0.3;
    /** Visitations per citizen, 1..6, before the window end cuts long histories short. */
    private static final WeightedChoice<Integer> VISIT_COUNT = new WeightedChoice<Integer>()
            .add(1, 25).add(2, 27).add(3, 21).add(4, 13).add(5, 9).add(6, 5);
    /** Age at the first visitation. */
    private static final WeightedChoice<int[]> AGE_BAND = new WeightedChoice<int[]>()
            .add(new int[] {16, 24}, 22).add(new int[] {25, 29}, 12).add(new int[] {30, 39}, 20)
            .add(new int[] {40, 49}, 19).add(new int[] {50, 59}, 20).add(new int[] {60, 64}, 7);

    private final GeneratorOptions options;
    private final SplittableRandom rng;
    private final List<Municipality> municipalities;
    private final WeightedChoice<Municipality> byPopulation = new WeightedChoice<>();
    private final Set<String> cprs = new HashSet<>();
    private long lastId;

    PopulationBuilder(GeneratorOptions options, SplittableRandom rng) {
        this.options = options;
        this.rng = rng;
        this.municipalities = Municipalities.all().stream()
                .sorted(Comparator.comparingInt(Municipality::kommunekode)).toList();
        municipalities.forEach(m -> byPopulation.add(m, m.indbyggere()));
    }

    /** Every cpr handed out (membership only, never iterated). */
    Set<String> cprs() {
        return cprs;
    }

    List<Person> build() {
        double[] weights = municipalities.stream().mapToDouble(Municipality::indbyggere).toArray();
        int[] perMunicipality = Apportion.shares(weights, options.citizenCount(), options.everyMunicipality() ? 1 : 0);
        List<Person> persons = new ArrayList<>(options.citizenCount());
        for (int i = 0; i < municipalities.size(); i++) {
            for (int n = 0; n < perMunicipality[i]; n++) {
                persons.add(person(municipalities.get(i)));
            }
        }
        return persons;
    }

    private Person person(Municipality home) {
        LocalDate lo = options.firstVisitationFrom();
        LocalDate hi = options.lastDataDay();
        LocalDate first = workingDay(lo.plusDays(rng.nextLong(ChronoUnit.DAYS.between(lo, hi) + 1)), lo, hi);
        int[] band = AGE_BAND.pick(rng);
        int age = band[0] + rng.nextInt(band[1] - band[0] + 1);
        LocalDate birth = first.minusYears(age).minusDays(rng.nextInt(365));
        boolean male = rng.nextBoolean();
        String cpr = freshCpr(birth, male);
        Person p = new Person(new Citizen(cpr, DanishNames.firstName(male, rng), DanishNames.surname(rng), birth,
                male ? "M" : "K", home.kommunekode(), DanishNames.civilStatus(age, rng), DanishNames.citizenship(rng)));

        boolean mover = rng.nextDouble() < MOVE_RATE;
        int count = Math.max(VISIT_COUNT.pick(rng), mover ? 2 : 1);
        List<LocalDate> dates = visitDates(first, count, hi);
        int moveAt = mover && dates.size() >= 2 ? 1 + rng.nextInt(dates.size() - 1) : Integer.MAX_VALUE;
        int newHome = moveAt == Integer.MAX_VALUE ? home.kommunekode() : byPopulation.pickOther(rng, home).kommunekode();

        String category = null;
        for (int i = 0; i < dates.size(); i++) {
            LocalDate day = dates.get(i);
            int kommune = i >= moveAt ? newHome : home.kommunekode();
            int ageThen = p.ageAt(day);
            boolean keep = category != null && rng.nextDouble() < KEEP_CATEGORY
                    && (ageThen < 30 || !category.contains("ddannelsesparat"));
            category = keep ? category : VisitationCategories.pick(ageThen, rng);
            LocalTime time = workingTime();
            p.visits.add(event(cpr, day.atTime(time), kommune, category));
            if (rng.nextDouble() < SAME_DAY_RATE) {
                LocalTime other = workingTime();
                while (other.equals(time)) {
                    other = workingTime();
                }
                p.visits.add(event(cpr, day.atTime(other), kommune, VisitationCategories.pickOther(ageThen, category, rng)));
            }
        }
        p.visits.sort(Comparator.comparing(Person.Event::tidspunkt));
        return p;
    }

    private Person.Event event(String cpr, LocalDateTime at, int kommune, String category) {
        String org = VisitationCategories.organisation(category, Municipalities.byCode(kommune).kommunenavn(), rng);
        return new Person.Event(String.format("V%08d", ++lastId), cpr, at, kommune, category, org);
    }

    /** Spell gaps: mostly weeks to months, some a year or two (a citizen back after a period in work). */
    private List<LocalDate> visitDates(LocalDate first, int count, LocalDate hi) {
        List<LocalDate> dates = new ArrayList<>(List.of(first));
        LocalDate day = first;
        while (dates.size() < count) {
            double x = rng.nextDouble();
            int gap = x < 0.6 ? 14 + rng.nextInt(167) : x < 0.9 ? 180 + rng.nextInt(271) : 450 + rng.nextInt(351);
            day = workingDay(day.plusDays(gap), day, hi);
            if (day.isAfter(hi)) {
                break;
            }
            dates.add(day);
        }
        return dates;
    }

    /** Weekends move to the nearest working day inside [lo, hi] (Saturday back, Sunday forward). */
    static LocalDate workingDay(LocalDate d, LocalDate lo, LocalDate hi) {
        DayOfWeek w = d.getDayOfWeek();
        if (w == DayOfWeek.SATURDAY) {
            return within(d.minusDays(1), lo, hi) ? d.minusDays(1) : d.plusDays(2);
        }
        if (w == DayOfWeek.SUNDAY) {
            return within(d.plusDays(1), lo, hi) ? d.plusDays(1) : d.minusDays(2);
        }
        return d;
    }

    private static boolean within(LocalDate d, LocalDate lo, LocalDate hi) {
        return !d.isBefore(lo) && !d.isAfter(hi);
    }

    /** 08:00:00–15:59:59. */
    private LocalTime workingTime() {
        return LocalTime.ofSecondOfDay(8 * 3600 + rng.nextInt(8 * 3600));
    }

    private String freshCpr(LocalDate birth, boolean male) {
        String cpr;
        do {
            cpr = Cpr.of(birth, male, rng);
        } while (!cprs.add(cpr));
        return cpr;
    }

    /** A cpr no citizen has (for defect rows, which must not touch the clean world). */
    String unusedCpr(LocalDate birth, boolean male, SplittableRandom other) {
        String cpr;
        do {
            cpr = Cpr.of(birth, male, other);
        } while (!cprs.add(cpr));
        return cpr;
    }
}
