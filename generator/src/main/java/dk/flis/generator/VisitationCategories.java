package dk.flis.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Visitationskategorier (seed 000 §5.1.2) with rough national shares. The uddannelsesparat categories are for
 * citizens under 30 only (uddannelseshjælp); sygedagpenge, ressource- and jobafklaringsforløb weigh more later
 * in working life.
 */
final class VisitationCategories {
    static final List<String> ALL = List.of("Jobparat", "Aktivitetsparat", "Uddannelsesparat",
            "Åbenlyst uddannelsesparat", "Sygedagpengemodtager kategori 1", "Sygedagpengemodtager kategori 2",
            "Sygedagpengemodtager kategori 3", "Jobafklaringsforløb", "Ressourceforløb", "Ledighedsydelsesmodtager",
            "Revalidend", "Fleksjob");

    private static final double[] UNDER_30 = {30, 18, 14, 7, 8, 4, 2, 3, 2, 1, 1, 2};
    private static final double[] FROM_30 = {32, 20, 0, 0, 13, 7, 4, 6, 5, 4, 1, 6};
    private static final WeightedChoice<String> YOUNG = table(UNDER_30);
    private static final WeightedChoice<String> OLDER = table(FROM_30);

    /** A-kasser visit their own members in the first months of unemployment (jobparat dagpengemodtagere). */
    static final List<String> A_KASSER = List.of("3F A-kasse", "HK A-kasse", "Krifa A-kasse",
            "Dansk Metal A-kasse", "FOA A-kasse", "Akademikernes A-kasse", "Min A-kasse", "Det Faglige Hus A-kasse",
            "Ase A-kasse", "Lederne A-kasse", "BUPL A-kasse");

    private VisitationCategories() {}

    private static WeightedChoice<String> table(double[] weights) {
        WeightedChoice<String> t = new WeightedChoice<>();
        for (int i = 0; i < ALL.size(); i++) {
            t.add(ALL.get(i), weights[i]);
        }
        return t;
    }

    static String pick(int age, SplittableRandom rng) {
        return (age < 30 ? YOUNG : OLDER).pick(rng);
    }

    static String pickOther(int age, String not, SplittableRandom rng) {
        return (age < 30 ? YOUNG : OLDER).pickOther(rng, not);
    }

    /**
     * Who visited: mostly the jobcenter; an a-kasse for some jobparat citizens. The youth unit's name carries
     * quotes on purpose, so every delivery exercises the {@code "} quoting path of SPEC 2.
     */
    static String organisation(String category, String kommunenavn, SplittableRandom rng) {
        if (category.equals("Jobparat") && rng.nextDouble() < 0.25) {
            return A_KASSER.get(rng.nextInt(A_KASSER.size()));
        }
        if (category.contains("ddannelsesparat") && rng.nextDouble() < 0.3) {
            return "Jobcenter " + kommunenavn + " - \"Ungeindsatsen\"";
        }
        return "Jobcenter " + kommunenavn;
    }
}
