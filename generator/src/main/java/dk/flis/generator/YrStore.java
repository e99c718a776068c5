package dk.flis.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * yr_beregning rows in columns of primitives (about 50 bytes a row instead of ~400 as records), so scale 1.0 fits
 * in memory; {@link #view} shows them as {@link YrRow} records made on demand. After {@link #sortIntoFileOrder} row
 * i has beregning_id {@code B} + (i + 1), and the rows are in delivery order, each delivery by beregning_id.
 * Amounts are in øre (hundredths).
 */
final class YrStore {
    int size;
    int[] person = new int[0];
    short[] finKommune = new short[0];
    short[] bopKommune = new short[0];
    short[] betKommune = new short[0];
    byte[] benefit = new byte[0];
    byte[] sats = new byte[0];
    int[] start = new int[0];
    byte[] days = new byte[0];
    /** year × 12 + month − 1 of koerselsperiode. */
    short[] koersel = new short[0];
    int[] brutto = new int[0];
    int[] refusion = new int[0];
    int[] medfinansiering = new int[0];
    int[] fleksbidrag = new int[0];
    int[] finansiering = new int[0];
    short[] taeller = new short[0];
    byte[] genoptjening = new byte[0];
    /** Physical line in the delivered file (header = 1), set when the file is written. */
    int[] line = new int[0];

    private final List<String> cprs;
    private final YearMonth from;

    YrStore(List<String> cprs, YearMonth from) {
        this.cprs = cprs;
        this.from = from;
    }

    static short month(YearMonth m) {
        return (short) (m.getYear() * 12 + m.getMonthValue() - 1);
    }

    static YearMonth month(short index) {
        return YearMonth.of(index / 12, index % 12 + 1);
    }

    int add() {
        if (size == person.length) {
            grow(Math.max(1024, size + (size >> 1)));
        }
        return size++;
    }

    private void grow(int n) {
        person = Arrays.copyOf(person, n);
        finKommune = Arrays.copyOf(finKommune, n);
        bopKommune = Arrays.copyOf(bopKommune, n);
        betKommune = Arrays.copyOf(betKommune, n);
        benefit = Arrays.copyOf(benefit, n);
        sats = Arrays.copyOf(sats, n);
        start = Arrays.copyOf(start, n);
        days = Arrays.copyOf(days, n);
        koersel = Arrays.copyOf(koersel, n);
        brutto = Arrays.copyOf(brutto, n);
        refusion = Arrays.copyOf(refusion, n);
        medfinansiering = Arrays.copyOf(medfinansiering, n);
        fleksbidrag = Arrays.copyOf(fleksbidrag, n);
        finansiering = Arrays.copyOf(finansiering, n);
        taeller = Arrays.copyOf(taeller, n);
        genoptjening = Arrays.copyOf(genoptjening, n);
    }

    /**
     * Stable counting sort by (koerselsperiode, beregningsstart): within a key rows keep the order they were made
     * in (person, then time). Also trims the columns and makes the line column.
     */
    void sortIntoFileOrder() {
        int n = size;
        if (n == 0) {
            grow(0);
            line = new int[0];
            return;
        }
        int minK = Integer.MAX_VALUE;
        int maxK = Integer.MIN_VALUE;
        int minS = Integer.MAX_VALUE;
        int maxS = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            minK = Math.min(minK, koersel[i]);
            maxK = Math.max(maxK, koersel[i]);
            minS = Math.min(minS, start[i]);
            maxS = Math.max(maxS, start[i]);
        }
        int spanS = maxS - minS + 1;
        int buckets = (maxK - minK + 1) * spanS;
        int[] count = new int[buckets + 1];
        for (int i = 0; i < n; i++) {
            count[(koersel[i] - minK) * spanS + start[i] - minS + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            count[b + 1] += count[b];
        }
        int[] target = new int[n];
        for (int i = 0; i < n; i++) {
            target[i] = count[(koersel[i] - minK) * spanS + start[i] - minS]++;
        }
        person = permute(person, target);
        finKommune = permute(finKommune, target);
        bopKommune = permute(bopKommune, target);
        betKommune = permute(betKommune, target);
        benefit = permute(benefit, target);
        sats = permute(sats, target);
        start = permute(start, target);
        days = permute(days, target);
        koersel = permute(koersel, target);
        brutto = permute(brutto, target);
        refusion = permute(refusion, target);
        medfinansiering = permute(medfinansiering, target);
        fleksbidrag = permute(fleksbidrag, target);
        finansiering = permute(finansiering, target);
        taeller = permute(taeller, target);
        genoptjening = permute(genoptjening, target);
        line = new int[n];
    }

    private static int[] permute(int[] a, int[] target) {
        int[] out = new int[target.length];
        for (int i = 0; i < target.length; i++) {
            out[target[i]] = a[i];
        }
        return out;
    }

    private static short[] permute(short[] a, int[] target) {
        short[] out = new short[target.length];
        for (int i = 0; i < target.length; i++) {
            out[target[i]] = a[i];
        }
        return out;
    }

    private static byte[] permute(byte[] a, int[] target) {
        byte[] out = new byte[target.length];
        for (int i = 0; i < target.length; i++) {
            out[target[i]] = a[i];
        }
        return out;
    }

    /** Delivery M holds koerselsperiode M − 1; the first delivery also everything older. */
    YearMonth delivery(int i) {
        YearMonth due = month(koersel[i]).plusMonths(1);
        return due.isBefore(from) ? from : due;
    }

    short deliveryIndex(int i) {
        return (short) Math.max(koersel[i] + 1, month(from));
    }

    /** The first row delivered in {@code m} or later (rows are in delivery order). */
    int firstRowDeliveredIn(YearMonth m) {
        short target = month(m);
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (deliveryIndex(mid) < target) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static String beregningId(int i) {
        return LandingCsv.id('B', i + 1L);
    }

    /** A unique 11-digit id per row: a bijection of the row number (37 is coprime to 10^11). */
    static String eIndkomstId(int i) {
        long n = (i + 1L) * 48_271L * 37L % 100_000_000_000L;
        String digits = Long.toString(n);
        StringBuilder sb = new StringBuilder(12).append('E');
        for (int k = digits.length(); k < 11; k++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    YrRow row(int i) {
        YrBenefits.Benefit b = YrBenefits.ALL.get(benefit[i]);
        LocalDate first = LocalDate.ofEpochDay(start[i]);
        return new YrRow(beregningId(i), cprs.get(person[i]), finKommune[i], bopKommune[i], betKommune[i],
                b.ydelse(), b.finansieringstype(), sats[i], first, first.plusDays(days[i] - 1L), month(koersel[i]),
                money(brutto[i]), money(refusion[i]), money(medfinansiering[i]), money(fleksbidrag[i]),
                money(finansiering[i]), taeller[i], genoptjening[i], b.funktion(), b.dranst(), eIndkomstId(i),
                delivery(i), line[i]);
    }

    static BigDecimal money(int oere) {
        return BigDecimal.valueOf(oere, 2);
    }

    /**
     * Row i as the text fields of the file, straight from the columns: the same text as
     * {@code LandingCsv.row(row(i))}, without making the record (scale 1.0 writes about 10 million rows a year).
     */
    String[] fields(int i) {
        YrBenefits.Benefit b = YrBenefits.ALL.get(benefit[i]);
        return new String[] {beregningId(i), cprs.get(person[i]), number(finKommune[i]), number(bopKommune[i]),
            number(betKommune[i]), b.ydelse(), b.finansieringstype(), number(sats[i]), date(start[i]),
            date(start[i] + days[i] - 1), monthText(koersel[i]), moneyText(brutto[i]), moneyText(refusion[i]),
            moneyText(medfinansiering[i]), moneyText(fleksbidrag[i]), moneyText(finansiering[i]), number(taeller[i]),
            number(genoptjening[i]), b.funktion(), b.dranst(), eIndkomstId(i)};
    }

    private static final String[] NUMBERS = new String[1000];
    private String[] dates = new String[0];
    private int firstDate;

    private static String number(int n) {
        if (n < 0 || n >= NUMBERS.length) {
            return Integer.toString(n);
        }
        String s = NUMBERS[n];
        if (s == null) {
            s = Integer.toString(n);
            NUMBERS[n] = s;
        }
        return s;
    }

    private String date(int epochDay) {
        if (dates.length == 0) {
            firstDate = epochDay - 400;
            dates = new String[4000];
        }
        int k = epochDay - firstDate;
        if (k < 0 || k >= dates.length) {
            return LandingCsv.DATE.format(LocalDate.ofEpochDay(epochDay));
        }
        String s = dates[k];
        if (s == null) {
            s = LandingCsv.DATE.format(LocalDate.ofEpochDay(epochDay));
            dates[k] = s;
        }
        return s;
    }

    private static String monthText(short index) {
        int m = index % 12 + 1;
        return (index / 12) + (m < 10 ? "-0" : "-") + m;
    }

    /** øre as {@code [-]kroner.øre} with two decimals, like {@code BigDecimal.valueOf(oere, 2).toPlainString()}. */
    static String moneyText(int oere) {
        StringBuilder sb = new StringBuilder(12);
        long v = oere;
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        sb.append(v / 100).append('.');
        long c = v % 100;
        if (c < 10) {
            sb.append('0');
        }
        return sb.append(c).toString();
    }

    /** The rows as records, made on demand (immutable, random access). */
    List<YrRow> view() {
        return new View(this, 0, size);
    }

    /** Rows {@code lo..hi-1} as records. */
    List<YrRow> view(int lo, int hi) {
        return new View(this, lo, hi);
    }

    /** An immutable list of YrRow backed by the columns. */
    static final class View extends AbstractList<YrRow> implements RandomAccess {
        private final YrStore store;
        private final int lo;
        private final int hi;

        View(YrStore store, int lo, int hi) {
            this.store = store;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        public YrRow get(int index) {
            if (index < 0 || index >= hi - lo) {
                throw new IndexOutOfBoundsException(index);
            }
            return store.row(lo + index);
        }

        @Override
        public int size() {
            return hi - lo;
        }

        @Override
        public List<YrRow> subList(int fromIndex, int toIndex) {
            if (fromIndex < 0 || toIndex > size() || fromIndex > toIndex) {
                throw new IndexOutOfBoundsException(fromIndex + ".." + toIndex);
            }
            return new View(store, lo + fromIndex, lo + toIndex);
        }
    }
}
