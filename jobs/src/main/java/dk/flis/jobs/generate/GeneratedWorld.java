package dk.flis.jobs.generate;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 */
public record GeneratedWorld(GeneratorOptions options, List<Citizen> citizens, List<CitizenRow> citizenRows,
                             List<Visitation> visitations, List<BefolkningRow> befolkning, List<Defect> defects,
                             List<DeliveredFile> files, List<Activity> activities,
                             List<Conversation> conversations) {

    public GeneratedWorld {
        citizens = List.copyOf(citizens);
        citizenRows = List.copyOf(citizenRows);
        visitations = List.copyOf(visitations);
        befolkning = List.copyOf(befolkning);
        defects = List.copyOf(defects);
        files = List.copyOf(files);
        activities = List.copyOf(activities);
        conversations = List.copyOf(conversations);
    }

    /** A world without activities and conversations (the constructor before they existed). */
    public GeneratedWorld(GeneratorOptions options, List<Citizen> citizens, List<CitizenRow> citizenRows,
                          List<Visitation> visitations, List<BefolkningRow> befolkning, List<Defect> defects,
                          List<DeliveredFile> files) {
        this(options, citizens, citizenRows, visitations, befolkning, defects, files, List.of(), List.of());
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
                        + "%d defect rows%n",
                perMonth.size(), options.from(), options.to(), options.out(), options.scale(), options.seed(),
                options.defects(), citizens.size(), latestVisitations().size(), visitations.size(),
                latestActivities().size(), activities.size(), latestConversations().size(), defects.size()));
        perMonth.forEach((m, line) -> out.append(m).append(line).append(System.lineSeparator()));
        return out.toString();
    }
}
