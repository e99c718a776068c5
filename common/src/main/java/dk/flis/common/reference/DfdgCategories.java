package dk.flis.common.reference;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The DFDG category values the project knows (seed 000 §5.1.3–5.1.15, resources/reference/dfdg_kategorier.csv).
 * DFDG releases change these lists: a value not listed is kept and reported, never quarantined (SPEC 3.3).
 */
public final class DfdgCategories {
    private static final Map<String, List<String>> KNOWN = ReferenceCsv.rows("dfdg_kategorier.csv").stream()
            .collect(Collectors.groupingBy(f -> f[0], TreeMap::new,
                    Collectors.mapping(f -> f[1], Collectors.toUnmodifiableList())));

    private DfdgCategories() {}

    /** Dimension name → known values, e.g. {@code aktivitetsstatus → [Planlagt, Optaget, …]}. */
    public static Map<String, List<String>> known() {
        return KNOWN;
    }

    public static List<String> known(String dimension) {
        return KNOWN.getOrDefault(dimension, List.of());
    }
}
