package dk.flis.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The generator's working model of one citizen: base data and the true visitation history in time order. */
final class Person {
    final Citizen base;
    final List<Event> visits = new ArrayList<>();
    /** A surname change (marriage, name change) visible from this delivery on; null when none. */
    YearMonth renamedFrom;
    String newEfternavn;

    Person(Citizen base) {
        this.base = base;
    }

    /** A visitation as it happened (before delivery). */
    record Event(String forloebId, String cpr, LocalDateTime tidspunkt, int kommunekode, String kategori,
                 String organisation) {}

    int ageAt(LocalDate day) {
        return Period.between(base.foedselsdato(), day).getYears();
    }

    /** Municipality of the latest visitation at or before {@code t}: where the citizen lived then. */
    int kommuneAt(LocalDateTime t) {
        int kommune = visits.get(0).kommunekode();
        for (Event e : visits) {
            if (e.tidspunkt().isAfter(t)) {
                break;
            }
            kommune = e.kommunekode();
        }
        return kommune;
    }

    /** cpr_borger content as of delivery {@code m} (data as of the last day of m − 1). */
    Citizen asDeliveredIn(YearMonth m) {
        LocalDateTime asOf = m.minusMonths(1).atEndOfMonth().atTime(23, 59, 59);
        String efternavn = renamedFrom != null && !m.isBefore(renamedFrom) ? newEfternavn : base.efternavn();
        return new Citizen(base.cpr(), base.fornavn(), efternavn, base.foedselsdato(), base.koen(), kommuneAt(asOf),
                base.civilstand(), base.statsborgerskab());
    }
}
