package dk.flis.generator;

import dk.flis.common.reference.Benefits;
import dk.flis.common.yr.RefusionLadder;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The YR benefits the generator pays, by index: names and finansieringstype exactly as
 * {@code reference/ydelser_yr.csv}, the kommunal kontoplan funktion, a weekly bruttoudgift range (2020 level) and
 * how long a benefit period lasts.
 */
final class YrBenefits {
    /** One benefit: weekly amounts in øre, period length in weeks. */
    record Benefit(String ydelse, String finansieringstype, String funktion, int minWeekly, int maxWeekly,
                   int minWeeks, int maxWeeks) {
        boolean refusion() {
            return finansieringstype.equals(RefusionLadder.REFUSION);
        }

        /** dranst 2 (statsrefusion) for refusion benefits, 1 (drift) for medfinansiering. */
        String dranst() {
            return refusion() ? "002" : "001";
        }
    }

    static final int KONTANTHJAELP = 0;
    static final int UDDANNELSESHJAELP = 1;
    static final int SYGEDAGPENGE = 2;
    static final int A_DAGPENGE = 3;
    static final int JOBAFKLARING = 4;
    static final int RESSOURCEFORLOEB = 5;
    static final int LEDIGHEDSYDELSE = 6;
    static final int FLEKSLOENTILSKUD = 7;
    static final int REVALIDERING = 8;
    static final int FOERTIDSPENSION = 9;
    static final int SENIORPENSION = 10;
    /** Pensions are granted for good. */
    static final int FOREVER = Integer.MAX_VALUE;

    static final List<Benefit> ALL = List.of(
            benefit("Kontanthjælp", "5.57.73", 2_500, 3_800, 8, 156),
            benefit("Uddannelseshjælp", "5.57.73", 1_500, 2_800, 8, 104),
            benefit("Sygedagpenge", "5.57.71", 3_500, 4_600, 2, 52),
            benefit("Arbejdsløshedsdagpenge", "5.57.78", 3_500, 4_600, 4, 104),
            benefit("Jobafklaringsforløb", "5.58.82", 2_500, 3_800, 26, 104),
            benefit("Ressourceforløbsydelse", "5.58.82", 2_500, 3_800, 52, 260),
            benefit("Ledighedsydelse", "5.58.81", 3_300, 4_300, 4, 52),
            benefit("Fleksløntilskud", "5.58.81", 1_800, 3_000, 52, 520),
            benefit("Revalideringsydelse", "5.58.80", 3_500, 4_600, 26, 156),
            benefit("Førtidspension", "5.48.68", 3_900, 4_100, FOREVER, FOREVER),
            benefit("Seniorpension", "5.48.65", 3_900, 4_100, FOREVER, FOREVER));

    /** Share of jobparat citizens on a-dagpenge: all visited by an a-kasse (25 %), then this share of the rest. */
    private static final double A_DAGPENGE_REST = (0.60 - 0.25) / 0.75;

    private YrBenefits() {}

    private static Benefit benefit(String ydelse, String funktion, int minKr, int maxKr, int minWeeks, int maxWeeks) {
        String type = Benefits.all().stream().filter(b -> b.ydelse().equals(ydelse)).findFirst()
                .orElseThrow(() -> new IllegalStateException(ydelse + " is not in ydelser_yr.csv"))
                .finansieringstype();
        return new Benefit(ydelse, type, funktion, minKr * 100, maxKr * 100, minWeeks, maxWeeks);
    }

    /** The benefit a visitation category leads to (Jobparat: a-dagpenge or kontanthjælp). */
    static int forCategory(String kategori, String organisation, SplittableRandom rng) {
        return switch (kategori) {
            case "Jobparat" -> organisation.endsWith("A-kasse") || rng.nextDouble() < A_DAGPENGE_REST
                    ? A_DAGPENGE : KONTANTHJAELP;
            case "Aktivitetsparat" -> KONTANTHJAELP;
            case "Uddannelsesparat", "Åbenlyst uddannelsesparat" -> UDDANNELSESHJAELP;
            case "Sygedagpengemodtager kategori 1", "Sygedagpengemodtager kategori 2",
                 "Sygedagpengemodtager kategori 3" -> SYGEDAGPENGE;
            case "Jobafklaringsforløb" -> JOBAFKLARING;
            case "Ressourceforløb" -> RESSOURCEFORLOEB;
            case "Ledighedsydelsesmodtager" -> LEDIGHEDSYDELSE;
            case "Fleksjob" -> FLEKSLOENTILSKUD;
            case "Revalidend" -> REVALIDERING;
            default -> throw new IllegalArgumentException("No YR benefit for " + kategori);
        };
    }

    /** Categories from which an older citizen may be granted a pension instead. */
    static boolean pensionPath(String kategori) {
        return switch (kategori) {
            case "Ressourceforløb", "Jobafklaringsforløb", "Ledighedsydelsesmodtager", "Fleksjob", "Aktivitetsparat",
                 "Sygedagpengemodtager kategori 3" -> true;
            default -> false;
        };
    }
}
