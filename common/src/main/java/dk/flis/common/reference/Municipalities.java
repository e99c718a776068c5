package dk.flis.common.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The 98 municipalities (resources/reference/kommuner.csv, the project's own copy of the official list). */
public final class Municipalities {
    private static final List<Municipality> ALL = load();
    private static final Map<Integer, Municipality> BY_CODE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Municipality::kommunekode, Function.identity()));

    private Municipalities() {}

    public static List<Municipality> all() {
        return ALL;
    }

    public static Set<Integer> codes() {
        return BY_CODE.keySet();
    }

    public static boolean isMunicipality(int kommunekode) {
        return BY_CODE.containsKey(kommunekode);
    }

    public static Municipality byCode(int kommunekode) {
        Municipality m = BY_CODE.get(kommunekode);
        if (m == null) {
            throw new IllegalArgumentException("Unknown kommunekode " + kommunekode);
        }
        return m;
    }

    private static List<Municipality> load() {
        List<Municipality> out = new ArrayList<>();
        for (String[] f : ReferenceCsv.rows("kommuner.csv")) {
            out.add(new Municipality(Integer.parseInt(f[0]), f[1], Integer.parseInt(f[2]), f[3], Integer.parseInt(f[4])));
        }
        if (out.size() != 98) {
            throw new IllegalStateException("kommuner.csv must hold 98 municipalities, found " + out.size());
        }
        return Collections.unmodifiableList(out);
    }
}
