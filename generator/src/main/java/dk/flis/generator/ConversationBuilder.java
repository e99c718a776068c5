package dk.flis.generator;

import dk.flis.common.reference.Municipalities;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * dfdg_samtale: 0–6 conversations per citizen in the three years after their first visitation, each in the
 * spell in force that day (those before the history start or after the last data day are not in the data), on
 * working days at 5-minute slots 08:00–15:55. One version each. Own random stream.
 */
final class ConversationBuilder {
    static final double HELD_RATE = 0.85;
    private static final WeightedChoice<Integer> COUNT = new WeightedChoice<Integer>()
            .add(0, 12).add(1, 18).add(2, 20).add(3, 18).add(4, 14).add(5, 10).add(6, 8);

    private record Slot(Spells.Spell spell, LocalDateTime at) {}

    private ConversationBuilder() {}

    /**
     * Every conversation ({@code line} still 0), ordered by delivery, samtaletidspunkt, samtale_id. Delivery M
     * carries the conversations of month M − 1, the first delivery all older ones, and never one before the
     * first delivery of its spell's visitation.
     */
    static List<Conversation> conversations(List<Person> persons, Map<String, YearMonth> visitationDelivery,
                                            GeneratorOptions options, SplittableRandom rng) {
        List<Conversation> out = new ArrayList<>();
        long lastId = 0;
        LocalDate lo = options.historyStart();
        LocalDate hi = options.lastDataDay();
        for (Person p : persons) {
            int n = COUNT.pick(rng);
            if (n == 0) {
                continue;
            }
            List<Spells.Spell> spells = Spells.of(p, hi);
            LocalDate first = spells.get(0).first();
            List<Slot> drawn = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                LocalDate d = first.plusDays(rng.nextLong(ActivityBuilder.SPREAD_DAYS));
                LocalTime time = LocalTime.of(8, 0).plusMinutes(5L * rng.nextInt(96));
                if (d.isBefore(lo) || d.isAfter(hi)) {
                    continue; // before the history window, or still in the future
                }
                Spells.Spell s = Spells.containing(spells, d);
                LocalDate w = PopulationBuilder.workingDay(d, s.first(), s.last());
                if (w.isBefore(s.first()) || w.isAfter(s.last()) || w.isBefore(lo) || w.isAfter(hi)
                        || w.getDayOfWeek().getValue() > 5) {
                    continue; // a weekend at the edge of a spell or the window: no meeting
                }
                drawn.add(new Slot(s, w.atTime(time)));
            }
            drawn.sort(Comparator.comparing(Slot::at));
            for (Slot slot : drawn) {
                LocalDateTime at = slot.at();
                Person.Event visit = slot.spell().visit();
                String kommunenavn = Municipalities.byCode(visit.kommunekode()).kommunenavn();
                String type = ConversationCategories.samtaletype(visit.kategori(), rng);
                String kontakt = ConversationCategories.kontaktform(rng);
                boolean held = rng.nextDouble() < HELD_RATE;
                String org = ConversationCategories.indkaldendeOrganisation(type, kommunenavn, rng);
                List<String> deltagere = ConversationCategories.deltagere(rng);
                YearMonth due = max(max(options.from(), YearMonth.from(at).plusMonths(1)),
                        visitationDelivery.get(visit.forloebId()));
                out.add(new Conversation(LandingCsv.id('S', ++lastId), p.base.cpr(), visit.kommunekode(), type,
                        kontakt, at, held, org, deltagere, due, 0));
            }
        }
        out.sort((a, b) -> {
            int c = a.delivery().compareTo(b.delivery());
            if (c == 0) {
                c = a.samtaletidspunkt().compareTo(b.samtaletidspunkt());
            }
            return c != 0 ? c : a.samtaleId().compareTo(b.samtaleId());
        });
        return out;
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }
}
