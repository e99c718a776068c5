package dk.flis.generator;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The clean truth behind the generated deliveries, for tests that compute expected gold figures on their own.
 * Nothing here contains a defect row: {@code defects} only says where they were put.
 *
 * @param citizens      each citizen's latest delivered cpr_borger content, ordered by cpr
 * @param citizenRows   every cpr_borger row as delivered, by delivery then cpr
 * @param visitations   every dfdg_visitation version as delivered (corrections share the forloeb_id), by
 *                      delivery, visitationstidspunkt, forloeb_id
 * @param befolkning    every befolkning row, by delivery, kommunekode, koen (M before K), alder
 * @param defects       injected bad rows, by delivery, file, line
 * @param files         the data files written, as listed in each manifest (by delivery, then file name)
 * @param activities    every dfdg_aktivitet version as delivered, by delivery then line
 * @param conversations every dfdg_samtale row as delivered, by delivery then line
 * @param yrRows        every yr_beregning row as delivered (with defects > 0: with the injected findings, without
 *                      the quarantine rows), by delivery then line (= beregning_id order); made on demand from a
 *                      compact store, so keep what you need rather than the records
 * @param yrFindingsByDelivery the counter-validation findings injected with defects > 0 (none for a clean run),
 *                      under the delivery they first appear in, each by regel, cpr, uge, beregning_id
 * @param dream         DREAM's latest delivered week states (null for a world made without DREAM)
 */
public record GeneratedWorld(GeneratorOptions options, List<Citizen> citizens, List<CitizenRow> citizenRows,
                             List<Visitation> visitations, List<BefolkningRow> befolkning, List<Defect> defects,
                             List<DeliveredFile> files, List<Activity> activities,
                             List<Conversation> conversations, List<YrRow> yrRows,
                             SortedMap<YearMonth, List<YrFinding>> yrFindingsByDelivery, DreamTruth dream) {

    public GeneratedWorld {
        citizens = List.copyOf(citizens);
        citizenRows = List.copyOf(citizenRows);
        visitations = List.copyOf(visitations);
        befolkning = List.copyOf(befolkning);
        defects = List.copyOf(defects);
        files = List.copyOf(files);
        activities = List.copyOf(activities);
        conversations = List.copyOf(conversations);
        yrRows = yrRows instanceof YrStore.View ? yrRows : List.copyOf(yrRows);
        TreeMap<YearMonth, List<YrFinding>> findings = new TreeMap<>();
        yrFindingsByDelivery.forEach((m, f) -> findings.put(m, List.copyOf(f)));
        yrFindingsByDelivery = Collections.unmodifiableSortedMap(findings);
    }

    /** A world without yr_beregning (the constructor before it existed). */
    public GeneratedWorld(GeneratorOptions options, List<Citizen> citizens, List<CitizenRow> citizenRows,
                          List<Visitation> visitations, List<BefolkningRow> befolkning, List<Defect> defects,
                          List<DeliveredFile> files, List<Activity> activities, List<Conversation> conversations) {
        this(options, citizens, citizenRows, visitations, befolkning, defects, files, activities, conversations,
                List.of(), new TreeMap<>(), null);
    }

    /** A world without activities and conversations (the constructor before they existed). */
    public GeneratedWorld(GeneratorOptions options, List<Citizen> citizens, List<CitizenRow> citizenRows,
                          List<Visitation> visitations, List<BefolkningRow> befolkning, List<Defect> defects,
                          List<DeliveredFile> files) {
        this(options, citizens, citizenRows, visitations, befolkning, defects, files, List.of(), List.of(), List.of(),
                new TreeMap<>(), null);
    }

    public List<Visitation> visitationsDeliveredIn(YearMonth delivery) {
        return visitations.stream().filter(v -> v.delivery().equals(delivery)).toList();
    }

    /** Latest delivered version per forloeb_id (what silver keeps), in forloeb_id order. */
    public Map<String, Visitation> latestVisitations() {
        Map<String, Visitation> latest = new TreeMap<>();
        visitations.forEach(v -> latest.merge(v.forloebId(), v, (a, b) -> b.delivery().isAfter(a.delivery()) ? b : a));
        return latest;
    }

    /** The dfdg_aktivitet rows of one delivery, in line order. */
    public List<Activity> activitiesDeliveredIn(YearMonth delivery) {
        return activities.stream().filter(a -> a.delivery().equals(delivery)).toList();
    }

    /**
     * The version of each aktivitet_id that wins under SPEC 2: latest delivery, then latest
     * opdateret_tidspunkt, then last line; in aktivitet_id order.
     */
    public Map<String, Activity> latestActivities() {
        Comparator<Activity> order = Comparator.comparing(Activity::delivery)
                .thenComparing(Activity::opdateretTidspunkt).thenComparingInt(Activity::line);
        Map<String, Activity> latest = new TreeMap<>();
        activities.forEach(a -> latest.merge(a.aktivitetId(), a, (x, y) -> order.compare(y, x) > 0 ? y : x));
        return latest;
    }

    /** The dfdg_samtale rows of one delivery, in line order. */
    public List<Conversation> conversationsDeliveredIn(YearMonth delivery) {
        return conversations.stream().filter(c -> c.delivery().equals(delivery)).toList();
    }

    /** The winning row per samtale_id (latest delivery, then last line), in samtale_id order. */
    public Map<String, Conversation> latestConversations() {
        Comparator<Conversation> order = Comparator.comparing(Conversation::delivery)
                .thenComparingInt(Conversation::line);
        Map<String, Conversation> latest = new TreeMap<>();
        conversations.forEach(c -> latest.merge(c.samtaleId(), c, (x, y) -> order.compare(y, x) > 0 ? y : x));
        return latest;
    }

    /** The yr_beregning rows of one delivery, in line order. */
    public List<YrRow> yrRowsDeliveredIn(YearMonth delivery) {
        int lo = firstYrRowDeliveredIn(delivery);
        int hi = firstYrRowDeliveredIn(delivery.plusMonths(1));
        return yrRows.subList(lo, hi);
    }

    /** Rows are in delivery order: binary search, so a month of a large world needs no scan. */
    private int firstYrRowDeliveredIn(YearMonth delivery) {
        int lo = 0;
        int hi = yrRows.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (yrRows.get(mid).delivery().isBefore(delivery)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Every finding the YR counter validation must report on all delivered yr_beregning rows (SPEC 3.4), by
     * delivery, regel, cpr, uge, beregning_id. Empty for a clean run: clean data has no finding.
     */
    public List<YrFinding> yrFindings() {
        List<YrFinding> all = new ArrayList<>();
        yrFindingsByDelivery.values().forEach(all::addAll);
        return all;
    }

    /** The findings that first appear once this delivery is loaded (its _truth/M/yr_findings.csv). */
    public List<YrFinding> yrFindingsDeliveredIn(YearMonth delivery) {
        return yrFindingsByDelivery.getOrDefault(delivery, List.of());
    }

    /** Rows per file per delivery month (defect rows in brackets), for the CLI. */
    public String summary() {
        Map<YearMonth, StringBuilder> perMonth = new LinkedHashMap<>();
        for (DeliveredFile f : files) {
            StringBuilder sb = perMonth.computeIfAbsent(f.delivery(), m -> new StringBuilder());
            sb.append(String.format("  %-20s %9d", f.fil(), f.rows()));
            if (f.defectRows() > 0) {
                sb.append(String.format(" (%d bad)", f.defectRows()));
            }
        }
        StringBuilder out = new StringBuilder(String.format(
                "Generated %d deliveries %s..%s into %s (scale %s, seed %d, defects %s): %d citizens, "
                        + "%d visitations (%d versions), %d activities (%d versions), %d conversations, "
                        + "%d yr_beregning rows, %d defect rows, %d YR findings%n",
                perMonth.size(), options.from(), options.to(), options.out(), options.scale(), options.seed(),
                options.defects(), citizens.size(), latestVisitations().size(), visitations.size(),
                latestActivities().size(), activities.size(), latestConversations().size(), yrRows.size(),
                defects.size(), yrFindings().size()));
        perMonth.forEach((m, line) -> out.append(m).append(line).append(System.lineSeparator()));
        return out.toString();
    }
}
