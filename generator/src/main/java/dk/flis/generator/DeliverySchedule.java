package dk.flis.generator;

import dk.flis.generator.Visitation.Arrival;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which delivery each visitation arrives in. Delivery M carries the visitations of month M−1 and the first
 * delivery all older history too; some arrive late, some reappear later corrected (SPEC 2: latest delivery wins).
 * Only recent records (the last {@value #MAX_DELAY} months before the first delivery, and everything after) are
 * late or corrected: the first delivery is a full extract, so 2 % of years of history must not flood the next.
 */
final class DeliverySchedule {
    static final double LATE_RATE = 0.02;
    static final double CORRECTION_RATE = 0.01;
    /** A late record or a correction arrives up to this many deliveries later (never after {@code to}). */
    static final int MAX_DELAY = 3;

    private DeliverySchedule() {}

    /** Every delivered version, ordered by delivery, then visitationstidspunkt, then forloeb_id. */
    static List<Visitation> versions(List<Person> persons, GeneratorOptions options, SplittableRandom rng) {
        List<Visitation> out = new ArrayList<>();
        YearMonth to = options.to();
        for (Person p : persons) {
            for (Person.Event e : p.visits) {
                YearMonth due = max(options.from(), YearMonth.from(e.tidspunkt()).plusMonths(1));
                YearMonth delivered = due;
                Arrival arrival = Arrival.ON_TIME;
                boolean recent = !YearMonth.from(e.tidspunkt()).isBefore(options.from().minusMonths(MAX_DELAY));
                if (rng.nextDouble() < LATE_RATE && recent && due.isBefore(to)) {
                    delivered = later(due, to, rng);
                    arrival = Arrival.LATE;
                }
                out.add(version(e, e.kategori(), delivered, arrival));
                if (rng.nextDouble() < CORRECTION_RATE && recent && delivered.isBefore(to)) {
                    String corrected = VisitationCategories.pickOther(p.ageAt(e.tidspunkt().toLocalDate()),
                            e.kategori(), rng);
                    out.add(version(e, corrected, later(delivered, to, rng), Arrival.CORRECTION));
                }
            }
        }
        out.sort(Comparator.comparing(Visitation::delivery).thenComparing(Visitation::visitationstidspunkt)
                .thenComparing(Visitation::forloebId));
        return out;
    }

    /** 1..MAX_DELAY months after {@code m}, capped at {@code to} ({@code m} must be before {@code to}). */
    private static YearMonth later(YearMonth m, YearMonth to, SplittableRandom rng) {
        long room = Math.min(MAX_DELAY, ChronoUnit.MONTHS.between(m, to));
        return m.plusMonths(1 + rng.nextLong(room));
    }

    private static Visitation version(Person.Event e, String kategori, YearMonth delivery, Arrival arrival) {
        return new Visitation(e.forloebId(), e.cpr(), e.kommunekode(), kategori, e.tidspunkt(), e.organisation(),
                delivery, arrival);
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }
}
