package dk.flis.generator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * dream.csv (SPEC 2.1, seed 002) for the generated citizens, consistent with yr_beregning: a week paid in YR
 * carries that benefit's DREAM code (kontanthjælp → 130/730, sygedagpenge → 890, …), every other week is empty
 * (self-supporting). Each delivery has national width: its own weeks (Mondays in the previous month) and the weeks
 * before them back to a year in all, so every week is restated about eleven times. About 3 % of benefit weeks are
 * registered late: their first delivery shows them empty, every later one has the code. Monthly branche, grad and
 * (from 2021 deliveries on) arbejdssted come from a per-citizen, per-month draw.
 */
final class DreamBuilder {
    /** Weekly columns per file: a year. */
    static final int WIDTH = 52;
    /** The first delivery with weeks: its own weeks are January 2020's, when YR starts. */
    static final YearMonth FIRST = YearMonth.of(2020, 2);
    /** arbejdssted_YYYY_MM is delivered from this delivery on (the family is optional: absent before). */
    static final YearMonth ARBEJDSSTED_FROM = YearMonth.of(2021, 1);
    /** Per mille of benefit weeks first delivered empty. */
    private static final int LATE_PER_MILLE = 30;
    private static final String[] BRANCHER = {"471100", "561010", "862100", "410000", "493100", "869090", "851000"};
    private static final String[] GRADER = {"0", "0", "0", "0.25", "0.5", "0.75", "1", "1"};

    private final List<Person> persons;
    private final long seed;
    /** Per person and week (index since {@link YrBuilder#WEEK0}): code + 1 of {@link #CODES}, 0 = no benefit. */
    private final byte[][] codes;
    private final int weeks;

    /** DREAM code per YR benefit ({@link YrBenefits#ALL}); a second code for the aktivitetsparat variant. */
    private static final String[][] CODES = {
        {"130", "730"}, {"140", "720"}, {"890", "890"}, {"111", "111"}, {"785", "785"}, {"810", "810"},
        {"740", "740"}, {"771", "771"}, {"760", "760"}, {"783", "783"},
        // Seniorpension has no group of its own in dream_koder.csv: an unlisted code, so "Anden ydelse".
        {"600", "600"}};

    private DreamBuilder(List<Person> persons, long seed, int weeks) {
        this.persons = persons;
        this.seed = seed;
        this.weeks = weeks;
        this.codes = new byte[persons.size()][];
    }

    static DreamBuilder build(List<Person> persons, YrStore yr, GeneratorOptions options) {
        DreamBuilder b = new DreamBuilder(persons, options.seed(), YrBuilder.weekIndex(options.lastDataDay()) + 2);
        for (int i = 0; i < yr.size; i++) {
            if (yr.brutto[i] <= 0) {
                continue; // a correction pays nothing
            }
            int p = yr.person[i];
            byte[] row = b.codes[p] == null ? (b.codes[p] = new byte[b.weeks]) : b.codes[p];
            int from = YrBuilder.weekIndex(LocalDate.ofEpochDay(yr.start[i]));
            int to = YrBuilder.weekIndex(LocalDate.ofEpochDay(yr.start[i] + yr.days[i] - 1L));
            for (int w = Math.max(0, from); w <= to && w < b.weeks; w++) {
                row[w] = (byte) (yr.benefit[i] + 1);
            }
        }
        return b;
    }

    /** A deterministic draw in [0, n) for (person, key, salt). */
    private int draw(int person, int key, int salt, int n) {
        long h = seed * 0x9E3779B97F4A7C15L + person * 0xBF58476D1CE4E5B9L + key * 0x94D049BB133111EBL + salt;
        h ^= h >>> 31;
        h *= 0x7FB5D329728EA185L;
        h ^= h >>> 27;
        return (int) Long.remainderUnsigned(h, n);
    }

    /** The true DREAM code of person p in week index w, or null (self-supporting). */
    String code(int p, int w) {
        byte[] row = codes[p];
        if (row == null || w < 0 || w >= weeks || row[w] == 0) {
            return null;
        }
        return CODES[row[w] - 1][draw(p, 0, 1, 3) == 0 ? 0 : 1];
    }

    /** The code as delivery m shows it: a late registration is empty in the week's own delivery only. */
    String deliveredCode(int p, int w, YearMonth m) {
        String code = code(p, w);
        boolean own = YearMonth.from(YrBuilder.WEEK0.plusWeeks(w)).plusMonths(1).equals(m);
        return code != null && own && draw(p, w, 2, 1000) < LATE_PER_MILLE ? null : code;
    }

    /** Week indexes delivery m covers, ascending: its own weeks and those before, {@link #WIDTH} at most. */
    static List<Integer> weeksOf(YearMonth m) {
        YearMonth own = m.minusMonths(1);
        // The week of the month's last day has its Monday in the month (the 22nd or later).
        int last = YrBuilder.weekIndex(own.atEndOfMonth());
        List<Integer> out = new ArrayList<>();
        for (int w = Math.max(1, last - WIDTH + 1); w <= last; w++) {
            out.add(w);
        }
        return out;
    }

    /** The months of the covered weeks' Mondays, ascending. */
    static List<YearMonth> monthsOf(List<Integer> weekIndexes) {
        List<YearMonth> out = new ArrayList<>();
        for (int w : weekIndexes) {
            YearMonth mm = YearMonth.from(YrBuilder.WEEK0.plusWeeks(w));
            if (out.isEmpty() || !out.get(out.size() - 1).equals(mm)) {
                out.add(mm);
            }
        }
        return out;
    }

    /** The wide header columns of delivery m. */
    static List<String> wideHeader(YearMonth m) {
        List<Integer> ws = weeksOf(m);
        List<String> out = new ArrayList<>();
        for (int w : ws) {
            out.add("y_" + weekKey(w).substring(2));
        }
        for (YearMonth mm : monthsOf(ws)) {
            String suffix = String.format("%04d_%02d", mm.getYear(), mm.getMonthValue());
            out.add("branche_" + suffix);
            out.add("grad_" + suffix);
            if (!m.isBefore(ARBEJDSSTED_FROM)) {
                out.add("arbejdssted_" + suffix);
            }
        }
        return out;
    }

    /** YYYYWW of a week index. */
    static String weekKey(int w) {
        LocalDate monday = YrBuilder.WEEK0.plusWeeks(w);
        return String.format("%04d%02d", monday.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                monday.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The employment degree of person p in month mm: lower in months with many benefit weeks. */
    String grad(int p, YearMonth mm, List<Integer> weeksOfMonth) {
        int onBenefit = 0;
        for (int w : weeksOfMonth) {
            onBenefit += code(p, w) == null ? 0 : 1;
        }
        int key = mm.getYear() * 12 + mm.getMonthValue();
        if (onBenefit == weeksOfMonth.size() && draw(p, key, 3, 4) != 0) {
            return "0";
        }
        return GRADER[draw(p, key, 4, GRADER.length)];
    }

    int size() {
        return persons.size();
    }

    String cpr(int p) {
        return persons.get(p).base.cpr();
    }

    /** Delivery m's columns, worked out once per file. */
    record Layout(YearMonth m, List<Integer> weeks, List<YearMonth> months, List<List<Integer>> weeksPerMonth,
                  boolean arbejdssted) {
        static Layout of(YearMonth m) {
            List<Integer> ws = weeksOf(m);
            List<YearMonth> months = monthsOf(ws);
            List<List<Integer>> per = months.stream().map(mm -> ws.stream()
                    .filter(w -> YearMonth.from(YrBuilder.WEEK0.plusWeeks(w)).equals(mm)).toList()).toList();
            return new Layout(m, ws, months, per, !m.isBefore(ARBEJDSSTED_FROM));
        }
    }

    /** Person p's line in a delivery: cpr, kommunekode, koen, alder, then the cells of {@link #wideHeader}. */
    String[] row(int p, Layout l) {
        Person person = persons.get(p);
        LocalDate asOf = l.m().minusMonths(1).atEndOfMonth();
        String[] out = new String[4 + l.weeks().size() + l.months().size() * (l.arbejdssted() ? 3 : 2)];
        int kommune = person.kommuneAt(asOf.atTime(23, 59, 59));
        out[0] = person.base.cpr();
        out[1] = Integer.toString(kommune);
        out[2] = person.base.koen();
        out[3] = Integer.toString(Math.max(0, person.ageAt(asOf)));
        int k = 4;
        for (int w : l.weeks()) {
            String code = deliveredCode(p, w, l.m());
            out[k++] = code == null ? "" : code;
        }
        for (int i = 0; i < l.months().size(); i++) {
            String grad = grad(p, l.months().get(i), l.weeksPerMonth().get(i));
            boolean works = !grad.equals("0");
            out[k++] = works ? BRANCHER[draw(p, 0, 5, BRANCHER.length)] : "";
            out[k++] = grad;
            if (l.arbejdssted()) {
                out[k++] = works ? Integer.toString(kommune) : "";
            }
        }
        return out;
    }
}
