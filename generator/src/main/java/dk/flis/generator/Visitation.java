package dk.flis.generator;

import java.time.LocalDateTime;
import java.time.YearMonth;

/** One dfdg_visitation row as delivered (a record and its correction are two versions with the same id). */
public record Visitation(String forloebId, String cpr, int kommunekode, String visitationskategori,
                         LocalDateTime visitationstidspunkt, String visiterendeOrganisation, YearMonth delivery,
                         Arrival arrival) {

    /** Why this version is in {@link #delivery()}. */
    public enum Arrival {
        /** In the delivery after its month (or in the first delivery, for older history). */
        ON_TIME,
        /** 1–3 deliveries after it should have arrived. */
        LATE,
        /** A later version of an already delivered record with another visitationskategori. */
        CORRECTION
    }
}
