package dk.flis.generator;

import dk.flis.common.landing.Field;
import dk.flis.common.landing.QuarantineReason;
import dk.flis.common.landing.Source;
import java.time.YearMonth;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.RandomAccess;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * Adds bad rows to a file: each a copy of a real row with a fresh id and exactly one thing broken, inserted at
 * a random line. The clean rows stay as they were, so the clean world does not depend on the defect rate.
 * With a rate above 0 every file gets at least one row per reason that can apply to it.
 */
final class DefectInjector {
    /** Rows of a file as written, and the injected ones with their line numbers. */
    record Result(List<String[]> rows, List<Defect> defects) {}

    private record Placed(int before, int order, String[] row, QuarantineReason reason) {}

    private final SplittableRandom rng;
    private final double rate;

    DefectInjector(SplittableRandom rng, double rate) {
        this.rng = rng;
        this.rate = rate;
    }

    /** FELTANTAL always; otherwise the reasons of the source's typed fields. */
    static List<QuarantineReason> reasons(Source source) {
        return reasons(source.fields());
    }

    /** FELTANTAL always; otherwise the reasons of these typed fields (a DREAM file's depend on its header). */
    static List<QuarantineReason> reasons(List<Field> fields) {
        EnumSet<QuarantineReason> set = EnumSet.of(QuarantineReason.FELTANTAL);
        fields.stream().map(f -> f.type().reason()).filter(r -> r != null).forEach(set::add);
        return List.copyOf(set);
    }

    /** {@code freshId} gives the copy an id of its own (identity for files without one). */
    Result inject(YearMonth delivery, String fil, Source source, List<String[]> clean, UnaryOperator<String[]> freshId) {
        if (rate == 0 || clean.isEmpty()) {
            return new Result(clean, List.of());
        }
        List<QuarantineReason> reasons = reasons(source);
        int count = Math.max(reasons.size(), (int) Math.round(rate * clean.size()));
        List<Placed> placed = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            QuarantineReason reason = k < reasons.size() ? reasons.get(k) : reasons.get(rng.nextInt(reasons.size()));
            String[] copy = freshId.apply(clean.get(rng.nextInt(clean.size())).clone());
            placed.add(new Placed(rng.nextInt(clean.size() + 1), k, breakRow(copy, source.fields(), reason), reason));
        }
        placed.sort(Comparator.comparingInt(Placed::before).thenComparingInt(Placed::order));

        List<String[]> rows = new ArrayList<>(clean.size() + count);
        List<Defect> defects = new ArrayList<>(count);
        int next = 0;
        for (int i = 0; i <= clean.size(); i++) {
            while (next < placed.size() && placed.get(next).before() == i) {
                Placed p = placed.get(next++);
                rows.add(p.row());
                defects.add(new Defect(delivery, fil, rows.size() + 1, p.reason())); // header is line 1
            }
            if (i < clean.size()) {
                rows.add(clean.get(i));
            }
        }
        return new Result(rows, defects);
    }

    /**
     * {@link #inject} for a file too large to hold as text: {@code clean.apply(i)} makes row i on demand, and the
     * result's rows are a view that makes the clean ones as they are read. The same draws as {@code inject}.
     */
    Result injectLazily(YearMonth delivery, String fil, Source source, int size, IntFunction<String[]> clean,
                        UnaryOperator<String[]> freshId) {
        return injectLazily(delivery, fil, source.fields(), size, clean, freshId);
    }

    /** {@link #injectLazily} for a file typed by {@code fields} (DREAM: the fixed fields and its wide columns). */
    Result injectLazily(YearMonth delivery, String fil, List<Field> fields, int size, IntFunction<String[]> clean,
                        UnaryOperator<String[]> freshId) {
        if (rate == 0 || size == 0) {
            return new Result(new Merged(size, clean, new int[0], new String[0][]), List.of());
        }
        List<QuarantineReason> reasons = reasons(fields);
        int count = Math.max(reasons.size(), (int) Math.round(rate * size));
        List<Placed> placed = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            QuarantineReason reason = k < reasons.size() ? reasons.get(k) : reasons.get(rng.nextInt(reasons.size()));
            String[] copy = freshId.apply(clean.apply(rng.nextInt(size)).clone());
            placed.add(new Placed(rng.nextInt(size + 1), k, breakRow(copy, fields, reason), reason));
        }
        placed.sort(Comparator.comparingInt(Placed::before).thenComparingInt(Placed::order));
        int[] at = new int[count];
        String[][] bad = new String[count][];
        List<Defect> defects = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            at[k] = placed.get(k).before() + k; // index among all rows: k bad rows are above it
            bad[k] = placed.get(k).row();
            defects.add(new Defect(delivery, fil, at[k] + 2, placed.get(k).reason())); // header is line 1
        }
        return new Result(new Merged(size, clean, at, bad), defects);
    }

    /** Clean rows made on demand with the bad rows at their indexes {@code at} (ascending). */
    private static final class Merged extends AbstractList<String[]> implements RandomAccess {
        private final int cleanSize;
        private final IntFunction<String[]> clean;
        private final int[] at;
        private final String[][] bad;

        Merged(int cleanSize, IntFunction<String[]> clean, int[] at, String[][] bad) {
            this.cleanSize = cleanSize;
            this.clean = clean;
            this.at = at;
            this.bad = bad;
        }

        @Override
        public String[] get(int index) {
            int k = Arrays.binarySearch(at, index);
            return k >= 0 ? bad[k] : clean.apply(index + k + 1); // -(insertion point) - 1 = k: bad rows above
        }

        @Override
        public int size() {
            return cleanSize + at.length;
        }
    }

    private String[] breakRow(String[] row, List<Field> fields, QuarantineReason reason) {
        if (reason == QuarantineReason.FELTANTAL) {
            if (rng.nextBoolean()) {
                int drop = rng.nextInt(row.length);
                String[] shorter = new String[row.length - 1];
                for (int i = 0, j = 0; i < row.length; i++) {
                    if (i != drop) {
                        shorter[j++] = row[i];
                    }
                }
                return shorter;
            }
            String[] longer = Arrays.copyOf(row, row.length + 1);
            longer[row.length] = "";
            return longer;
        }
        // Prefer a field that holds a value (a date cannot be broken from an empty slutdato); when every
        // candidate is empty (statsligt_job, the decimals) the broken value is made from nothing.
        List<Integer> candidates = new ArrayList<>();
        List<Integer> empty = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).type().reason() == reason) {
                (row[i] == null || row[i].isEmpty() ? empty : candidates).add(i);
            }
        }
        if (candidates.isEmpty()) {
            candidates = empty;
        }
        int i = candidates.get(rng.nextInt(candidates.size()));
        row[i] = brokenValue(reason, row[i]);
        return row;
    }

    /** One typical way each value type goes wrong in real extracts. */
    private String brokenValue(QuarantineReason reason, String value) {
        String v = value == null ? "" : value;
        String[] options = switch (reason) {
            // An optional cpr may be empty (KY's non-person recipient): then a too-short one breaks it.
            case CPR -> v.length() < 10 ? new String[] {"12345", "X23456789"}
                    : new String[] {v.substring(1), v.substring(0, 6) + "XXXX", v.substring(0, 6) + "-" + v.substring(6)};
            case KOMMUNEKODE -> new String[] {"411", "999", "0"};
            case DATO -> new String[] {v.substring(0, 4) + "-02-30", v.substring(0, 4) + "-13-" + v.substring(8, 10),
                v.substring(8, 10) + "-" + v.substring(5, 7) + "-" + v.substring(0, 4)};
            case TIDSPUNKT -> new String[] {v.substring(0, 10) + " 25" + v.substring(13), v.replace(' ', 'T')};
            case TAL -> new String[] {v + "a", v + ",5"};
            case MAANED -> new String[] {v.substring(0, 4) + "-13", v.substring(0, 4) + "-00", v.replace("-", "")};
            case JA_NEJ -> new String[] {"Ja", "1"};
            case YDELSESKODE -> new String[] {"12", "1A3", v + "0"};
            case GRAD -> new String[] {"1.5", "0,5", "-0.2"};
            case FELTANTAL -> throw new IllegalArgumentException("FELTANTAL breaks the row, not a value");
        };
        return options[rng.nextInt(options.length)];
    }
}
