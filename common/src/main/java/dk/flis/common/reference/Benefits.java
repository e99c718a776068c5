package dk.flis.common.reference;

import java.util.List;

/** The YR benefits with their Release 6.0 benefit group and finansieringstype (resources/reference/ydelser_yr.csv). */
public final class Benefits {
    /** The group of a citizen-week with no YR benefit (seed 000 §7.2). */
    public static final String UDEN_YDELSE = "Uden ydelse i YR";
    /** A benefit YR reports that the reference list does not know yet. */
    public static final String ANDEN_YDELSE = "Anden ydelse";

    public record Benefit(String ydelse, String ydelsesgruppe, String finansieringstype) {}

    private static final List<Benefit> ALL = ReferenceCsv.rows("ydelser_yr.csv").stream()
            .map(f -> new Benefit(f[0], f[1], f[2])).toList();

    private Benefits() {}

    public static List<Benefit> all() {
        return ALL;
    }
}
