package dk.flis.generator;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * What silver.dream_uge must hold after every delivery of a generated world is loaded: per citizen and covered
 * week, the code of the latest delivery covering it (SPEC 2.1). Worked out on demand, in plain Java, from the
 * same draws the files were written from.
 */
public final class DreamTruth {
    private final DreamBuilder dream;
    private final GeneratorOptions options;

    DreamTruth(DreamBuilder dream, GeneratorOptions options) {
        this.dream = dream;
        this.options = options;
    }

    /** One covered citizen-week as last delivered. */
    public record Week(String cpr, int uge, String ydelseskode) {}

    /** Every covered citizen-week after loading deliveries {@code from} … {@code to} (within the generated ones). */
    public List<Week> latest(YearMonth from, YearMonth to) {
        YearMonth first = from.isBefore(DreamBuilder.FIRST) ? DreamBuilder.FIRST : from;
        // week index → the latest delivery covering it
        java.util.TreeMap<Integer, YearMonth> latest = new java.util.TreeMap<>();
        for (YearMonth m = first; !m.isAfter(to) && !m.isAfter(options.to()); m = m.plusMonths(1)) {
            for (int w : DreamBuilder.weeksOf(m)) {
                latest.put(w, m);
            }
        }
        List<Week> out = new ArrayList<>();
        for (int p = 0; p < dream.size(); p++) {
            String cpr = dream.cpr(p);
            for (var e : latest.entrySet()) {
                out.add(new Week(cpr, Integer.parseInt(DreamBuilder.weekKey(e.getKey())),
                        dream.deliveredCode(p, e.getKey(), e.getValue())));
            }
        }
        return out;
    }

    /** The delivered line count of dream.csv per delivery is the number of citizens: one line each. */
    public int citizens() {
        return dream.size();
    }
}
