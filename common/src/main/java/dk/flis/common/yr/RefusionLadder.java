package dk.flis.common.yr;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;

/**
 * The refusion and medfinansiering ladders of LBK 221 of 12/02/2021 §5 (SPEC 3.4), read from {@code conf/}
 * ({@code flis.yr.trapper}): the sats that applies after a number of weeks counted by {@code ydelsestaeller}.
 */
public final class RefusionLadder {
    public static final String REFUSION = "Refusion";
    public static final String MEDFINANSIERING = "Medfinansiering";

    private final Map<String, List<LadderStep>> ladders;

    public RefusionLadder(Map<String, List<LadderStep>> ladders) {
        for (String type : List.of(REFUSION, MEDFINANSIERING)) {
            List<LadderStep> steps = ladders.get(type);
            if (steps == null || steps.isEmpty() || steps.get(0).fra() != 1) {
                throw new IllegalArgumentException("The " + type + " ladder must start at ydelsestaeller 1");
            }
        }
        this.ladders = Map.copyOf(ladders);
    }

    public List<LadderStep> steps(String finansieringstype) {
        List<LadderStep> s = new ArrayList<>(ladders.get(finansieringstype));
        s.sort(Comparator.comparingInt(LadderStep::fra));
        return s;
    }

    /** Plain-Java lookup (tests, generator). */
    public int sats(String finansieringstype, int taeller) {
        int sats = 0;
        for (LadderStep step : steps(finansieringstype)) {
            if (taeller >= step.fra()) {
                sats = step.sats();
            }
        }
        return sats;
    }

    /** The sats the ladder gives for a counter column and a finansieringstype column. */
    public Column expectedSats(Column finansieringstype, Column taeller) {
        return when(finansieringstype.equalTo(REFUSION), satsOf(REFUSION, taeller))
                .when(finansieringstype.equalTo(MEDFINANSIERING), satsOf(MEDFINANSIERING, taeller));
    }

    private Column satsOf(String type, Column taeller) {
        List<LadderStep> s = steps(type);
        Column c = lit(s.get(0).sats());
        for (int i = 1; i < s.size(); i++) {
            c = when(taeller.geq(s.get(i).fra()), lit(s.get(i).sats())).otherwise(c);
        }
        return c;
    }

    /** The ladder interval of a counter, e.g. {@code 1-4}, {@code 5-26}, {@code 53+} (steps of the refusion ladder). */
    public Column interval(Column taeller) {
        List<LadderStep> s = steps(REFUSION);
        Column c = lit(null).cast("string");
        for (int i = 0; i < s.size(); i++) {
            String label = i + 1 < s.size() ? s.get(i).fra() + "-" + (s.get(i + 1).fra() - 1) : s.get(i).fra() + "+";
            c = when(taeller.geq(s.get(i).fra()), lit(label)).otherwise(c);
        }
        return c;
    }
}
