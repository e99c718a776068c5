package dk.flis.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A citizen's true visitation spells by the SPEC 3.1 rules: on one date only the latest visitation counts; a
 * spell runs from its visitation's date to the day before the next kept visitation, the last one to {@code hi}.
 * The spells cover every day from the first visitation on without gaps. Activities and conversations are put
 * in them.
 */
final class Spells {
    /** Days {@code first..last} (inclusive) of the spell opened by {@code visit}. */
    record Spell(Person.Event visit, LocalDate first, LocalDate last) {}

    private Spells() {}

    /** In time order; the last spell ends on {@code hi} (the last data day). */
    static List<Spell> of(Person p, LocalDate hi) {
        List<Person.Event> kept = new ArrayList<>();
        for (Person.Event e : p.visits) {
            int last = kept.size() - 1;
            if (last >= 0 && kept.get(last).tidspunkt().toLocalDate().equals(e.tidspunkt().toLocalDate())) {
                kept.set(last, e);
            } else {
                kept.add(e);
            }
        }
        List<Spell> spells = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            LocalDate start = kept.get(i).tidspunkt().toLocalDate();
            LocalDate end = i + 1 < kept.size() ? kept.get(i + 1).tidspunkt().toLocalDate().minusDays(1) : hi;
            spells.add(new Spell(kept.get(i), start, end));
        }
        return spells;
    }

    /** The spell in force on {@code day} (which must lie between the first spell's start and {@code hi}). */
    static Spell containing(List<Spell> spells, LocalDate day) {
        for (Spell s : spells) {
            if (!day.isAfter(s.last())) {
                return s;
            }
        }
        throw new IllegalArgumentException(day + " is after the last spell");
    }
}
