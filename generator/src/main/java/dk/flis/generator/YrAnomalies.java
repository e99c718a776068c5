package dk.flis.generator;

import dk.flis.common.yr.CounterValidation;
import dk.flis.common.yr.LadderStep;
import dk.flis.common.yr.RefusionLadder;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The counter-validation findings put into yr_beregning when defects > 0 (SPEC 3.4): per delivery and rule about
 * {@code defects × paid citizen-weeks / 5} (at least one), each producing exactly one finding. Changes the rows in
 * place and returns the truth. Own random stream; the rows, their ids and dates stay those of the clean world.
 *
 * <p>Only citizen-weeks without corrections whose rows all arrive in one delivery are used (counter rules: the
 * week before too has no correction), so a finding first appears, with its final values, in that delivery — the
 * delivery of its last contributing row. Anomalies of one citizen are at least three ISO weeks apart.
 */
final class YrAnomalies {
    /** A finding and the delivery it first appears in. */
    record Found(YearMonth delivery, YrFinding finding) {}

    private static final List<String> RULES = List.of(CounterValidation.BRUTTO_OVER_10000,
            CounterValidation.TAELLER_STAAR_STILLE, CounterValidation.TAELLER_SPRING, CounterValidation.SATS_FORKERT,
            CounterValidation.BELOEB_UOVERENSSTEMMELSE);

    private record Anomaly(String regel, int person, int week) {}

    /** One citizen-week: its rows (in beregningsstart order) and facts about them. */
    private record Week(int index, int[] rows, boolean corrected, short firstDelivery, short lastDelivery) {}

    private final YrStore store;
    private final RefusionLadder ladder;
    private final SplittableRandom rng;
    private final List<String> cprs;
    /** Rows of each person: {@code byPerson[personStart[p] .. personStart[p + 1])}. */
    private final int[] byPerson;
    private final int[] personStart;

    private YrAnomalies(YrStore store, RefusionLadder ladder, SplittableRandom rng, List<String> cprs, int persons) {
        this.store = store;
        this.ladder = ladder;
        this.rng = rng;
        this.cprs = cprs;
        personStart = new int[persons + 1];
        for (int i = 0; i < store.size; i++) {
            personStart[store.person[i] + 1]++;
        }
        for (int p = 0; p < persons; p++) {
            personStart[p + 1] += personStart[p];
        }
        byPerson = new int[store.size];
        int[] next = Arrays.copyOf(personStart, persons);
        for (int i = 0; i < store.size; i++) {
            byPerson[next[store.person[i]]++] = i;
        }
    }

    static List<Found> inject(YrStore store, double defects, RefusionLadder ladder, SplittableRandom rng,
                              List<String> cprs) {
        if (defects == 0 || store.size == 0) {
            return List.of();
        }
        return new YrAnomalies(store, ladder, rng, cprs, cprs.size()).run(defects);
    }

    private List<Found> run(double defects) {
        // candidates per delivery: week rules and row rules use "clean" weeks, counter rules also need a paid,
        // uncorrected week directly before
        TreeMap<Short, long[]> paidWeeks = new TreeMap<>();
        TreeMap<Short, LongList> weekCandidates = new TreeMap<>();
        TreeMap<Short, LongList> counterCandidates = new TreeMap<>();
        for (int p = 0; p + 1 < personStart.length; p++) {
            if (personStart[p] == personStart[p + 1]) {
                continue;
            }
            Week previous = null;
            for (Week w : weeks(p)) {
                paidWeeks.computeIfAbsent(w.lastDelivery(), k -> new long[1])[0]++;
                if (!w.corrected() && w.firstDelivery() == w.lastDelivery()) {
                    long key = key(p, w.index());
                    weekCandidates.computeIfAbsent(w.lastDelivery(), k -> new LongList()).add(key);
                    if (previous != null && previous.index() == w.index() - 1 && !previous.corrected()) {
                        counterCandidates.computeIfAbsent(w.lastDelivery(), k -> new LongList()).add(key);
                    }
                }
                previous = w;
            }
        }

        Set<Long> claimed = new HashSet<>();
        Map<Integer, List<Anomaly>> perPerson = new TreeMap<>();
        for (Map.Entry<Short, long[]> month : paidWeeks.entrySet()) {
            int count = Math.max(1, (int) Math.round(defects * month.getValue()[0] / RULES.size()));
            LongList weeks = weekCandidates.getOrDefault(month.getKey(), new LongList());
            LongList counters = counterCandidates.getOrDefault(month.getKey(), new LongList());
            for (String regel : RULES) {
                boolean counterRule = regel.equals(CounterValidation.TAELLER_STAAR_STILLE)
                        || regel.equals(CounterValidation.TAELLER_SPRING);
                LongList from = counterRule ? counters : weeks;
                for (int picked = 0; picked < count && from.size > 0; ) {
                    long key = from.removeRandom(rng);
                    int p = (int) (key >>> 24);
                    int w = (int) (key & 0xFFFFFF);
                    // the weeks either side of an anomaly stay clean
                    if (claimed.contains(key(p, w - 1)) || claimed.contains(key) || claimed.contains(key(p, w + 1))) {
                        continue;
                    }
                    claimed.add(key(p, w - 1));
                    claimed.add(key);
                    claimed.add(key(p, w + 1));
                    perPerson.computeIfAbsent(p, k -> new ArrayList<>()).add(new Anomaly(regel, p, w));
                    picked++;
                }
            }
        }

        List<Found> found = new ArrayList<>();
        perPerson.forEach((p, anomalies) -> found.addAll(apply(p, anomalies)));
        found.sort((a, b) -> {
            int c = a.delivery().compareTo(b.delivery());
            if (c == 0) {
                c = a.finding().regel().compareTo(b.finding().regel());
            }
            if (c == 0) {
                c = a.finding().cpr().compareTo(b.finding().cpr());
            }
            if (c == 0) {
                c = Integer.compare(a.finding().uge(), b.finding().uge());
            }
            return c != 0 ? c : String.valueOf(a.finding().beregningId()).compareTo(
                    String.valueOf(b.finding().beregningId()));
        });
        return found;
    }

    /** Counter anomalies first (they move the counter and the sats of every later week), then the row ones. */
    private List<Found> apply(int p, List<Anomaly> anomalies) {
        List<Week> weeks = weeks(p);
        Map<Integer, String> counterRule = new TreeMap<>();
        anomalies.stream().filter(a -> a.regel().startsWith("TAELLER")).forEach(a -> counterRule.put(a.week(), a.regel()));
        if (!counterRule.isEmpty()) {
            int written = 0;
            for (int k = 0; k < weeks.size(); k++) {
                Week w = weeks.get(k);
                int first = w.rows()[0];
                int clean = store.taeller[first];
                String rule = counterRule.get(w.index());
                int counter;
                if (k == 0) {
                    counter = clean;
                } else if (CounterValidation.TAELLER_STAAR_STILLE.equals(rule)) {
                    counter = written;
                } else if (CounterValidation.TAELLER_SPRING.equals(rule)) {
                    counter = written + 2 + rng.nextInt(3);
                } else {
                    counter = store.genoptjening[first] >= YrBuilder.RESET_WEEKS ? 1 : written + 1;
                }
                written = counter;
                if (counter != clean) {
                    for (int r : w.rows()) {
                        store.taeller[r] = (short) counter;
                        YrBuilder.setSats(store, ladder, r, ladder.sats(type(r), counter));
                    }
                }
            }
        }
        List<Found> out = new ArrayList<>();
        for (Anomaly a : anomalies) {
            Week w = weeks.stream().filter(x -> x.index() == a.week()).findFirst().orElseThrow();
            int[] rows = w.rows();
            YearMonth delivery = YrStore.month(w.lastDelivery());
            switch (a.regel()) {
                case CounterValidation.BRUTTO_OVER_10000 -> {
                    int total = 0;
                    for (int r : rows) {
                        total += store.brutto[r];
                    }
                    int r = rows[rng.nextInt(rows.length)];
                    int target = 1_000_000 + rng.nextInt(1_500_000); // a back-payment: 10 000–24 999.99 kr that week
                    store.brutto[r] += target - total;
                    YrBuilder.setSats(store, ladder, r, store.sats[r]);
                    out.add(weekFinding(a, rows, delivery));
                }
                case CounterValidation.TAELLER_STAAR_STILLE, CounterValidation.TAELLER_SPRING ->
                        out.add(weekFinding(a, rows, delivery));
                case CounterValidation.SATS_FORKERT -> {
                    int r = rows[rng.nextInt(rows.length)];
                    int expected = ladder.sats(type(r), store.taeller[r]);
                    List<Integer> others = new ArrayList<>(new TreeSet<>(ladder.steps(type(r)).stream()
                            .map(LadderStep::sats).toList()));
                    others.remove(Integer.valueOf(expected));
                    YrBuilder.setSats(store, ladder, r, others.get(rng.nextInt(others.size())));
                    out.add(rowFinding(a, r));
                }
                case CounterValidation.BELOEB_UOVERENSSTEMMELSE -> {
                    int r = rows[rng.nextInt(rows.length)];
                    int off = 100 + rng.nextInt(50_000); // 1.00–500.99 kr
                    store.finansiering[r] += rng.nextBoolean() ? off : -off;
                    out.add(rowFinding(a, r));
                }
                default -> throw new IllegalStateException(a.regel());
            }
        }
        return out;
    }

    private String type(int r) {
        return YrBenefits.ALL.get(store.benefit[r]).finansieringstype();
    }

    private Found weekFinding(Anomaly a, int[] rows, YearMonth delivery) {
        TreeSet<String> ydelser = new TreeSet<>();
        for (int r : rows) {
            ydelser.add(YrBenefits.ALL.get(store.benefit[r]).ydelse());
        }
        return new Found(delivery, new YrFinding(a.regel(), cprs.get(a.person()), uge(store.start[rows[0]]),
                String.join(", ", ydelser), null));
    }

    private Found rowFinding(Anomaly a, int r) {
        return new Found(store.delivery(r), new YrFinding(a.regel(), cprs.get(a.person()), uge(store.start[r]),
                YrBenefits.ALL.get(store.benefit[r]).ydelse(), YrStore.beregningId(r)));
    }

    static int uge(int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return d.get(IsoFields.WEEK_BASED_YEAR) * 100 + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    private static long key(int person, int week) {
        return ((long) person << 24) | (week & 0xFFFFFF);
    }

    /** The citizen's paid weeks in time order. */
    private List<Week> weeks(int p) {
        int lo = personStart[p];
        int n = personStart[p + 1] - lo;
        long[] order = new long[n];
        for (int k = 0; k < n; k++) {
            int r = byPerson[lo + k];
            order[k] = ((long) store.start[r] << 32) | r;
        }
        Arrays.sort(order);
        List<Week> out = new ArrayList<>();
        int k = 0;
        while (k < n) {
            int week = YrBuilder.weekIndex(LocalDate.ofEpochDay(order[k] >> 32));
            int j = k;
            boolean corrected = false;
            short first = Short.MAX_VALUE;
            short last = Short.MIN_VALUE;
            while (j < n && YrBuilder.weekIndex(LocalDate.ofEpochDay(order[j] >> 32)) == week) {
                int r = (int) order[j];
                corrected |= store.brutto[r] < 0;
                first = (short) Math.min(first, store.deliveryIndex(r));
                last = (short) Math.max(last, store.deliveryIndex(r));
                j++;
            }
            int[] rows = new int[j - k];
            for (int m = k; m < j; m++) {
                rows[m - k] = (int) order[m];
            }
            out.add(new Week(week, rows, corrected, first, last));
            k = j;
        }
        return out;
    }

    /** A growable list of longs with random removal (swap with the last). */
    private static final class LongList {
        long[] items = new long[16];
        int size;

        void add(long v) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
        }

        long removeRandom(SplittableRandom rng) {
            int i = rng.nextInt(size);
            long v = items[i];
            items[i] = items[--size];
            return v;
        }
    }
}
