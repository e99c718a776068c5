package dk.flis.generator;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * cpr_borger per delivery: every citizen in that delivery's dfdg_visitation, as of the last day of the month
 * before (bopaelskommune follows moves); about 1 % of citizens change surname in a later delivery.
 */
final class CitizenRegister {
    static final double RENAME_RATE = 0.01;

    /** Rows of all deliveries ordered by delivery then cpr; {@code citizens}: each cpr's latest row, by cpr. */
    record Result(List<CitizenRow> rows, List<Citizen> citizens) {}

    private CitizenRegister() {}

    static Result build(List<Person> persons, List<Visitation> versions, SplittableRandom rng) {
        Map<String, Person> byCpr = new HashMap<>();
        persons.forEach(p -> byCpr.put(p.base.cpr(), p));
        Map<String, TreeSet<YearMonth>> appearances = new HashMap<>();
        TreeMap<YearMonth, TreeSet<String>> cprsByDelivery = new TreeMap<>();
        for (Visitation v : versions) {
            appearances.computeIfAbsent(v.cpr(), c -> new TreeSet<>()).add(v.delivery());
            cprsByDelivery.computeIfAbsent(v.delivery(), m -> new TreeSet<>()).add(v.cpr());
        }
        rename(persons, appearances, rng);

        List<CitizenRow> rows = new ArrayList<>();
        TreeMap<String, Citizen> latest = new TreeMap<>();
        cprsByDelivery.forEach((month, cprs) -> {
            for (String cpr : cprs) {
                Citizen c = byCpr.get(cpr).asDeliveredIn(month);
                rows.add(new CitizenRow(month, c));
                latest.put(cpr, c);
            }
        });
        return new Result(rows, List.copyOf(latest.values()));
    }

    /** Only a citizen delivered at least twice can show a change; the draw rate keeps ~1 % of all citizens. */
    private static void rename(List<Person> persons, Map<String, TreeSet<YearMonth>> appearances,
                               SplittableRandom rng) {
        List<Person> eligible = persons.stream()
                .filter(p -> appearances.getOrDefault(p.base.cpr(), new TreeSet<>()).size() >= 2)
                .sorted(Comparator.comparing(p -> p.base.cpr()))
                .toList();
        if (eligible.isEmpty()) {
            return;
        }
        double rate = Math.min(1.0, RENAME_RATE * persons.size() / eligible.size());
        for (Person p : eligible) {
            if (rng.nextDouble() < rate) {
                List<YearMonth> later = new ArrayList<>(appearances.get(p.base.cpr()));
                p.renamedFrom = later.get(1 + rng.nextInt(later.size() - 1));
                p.newEfternavn = DanishNames.otherSurname(rng, p.base.efternavn());
            }
        }
    }
}
