package dk.flis.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** dfdg_samtale category values (seed 000 §5.1.13–5.1.15) with rough shares. */
final class ConversationCategories {
    static final List<String> SAMTALETYPER = List.of("Opfølgningssamtale", "Fleksjobopfølgningssamtale",
            "Jobsamtale", "Henvisning", "Informationsmøde", "CV samtale", "Informationsmøde uden mødepligt",
            "Rådighedssamtale", "Integrationssamtale", "Jobsamtale med a-kasse", "Samtale i rehabiliteringsteam",
            "Anden samtale");
    static final List<String> KONTAKTFORMER = List.of("Personlig kontakt", "Telefon", "Brev", "Digitalt",
            "Møde direkte på arbejde", "Videokonference", "Andet");
    /** §5.1.15; a conversation's deltagere are joined with {@code |} in this order. */
    static final List<String> DELTAGERE = List.of("A-kassekonsulent", "Handicaphjælper", "Tolk", "Mentor",
            "Partsrepræsentant", "Bisidder", "Støtte-/kontaktperson", "Sundhedskoordinator", "Arbejdsgiver",
            "Virksomhedskonsulent", "Sundhedsrepræsentant", "Koordinerende sagsbehandler",
            "Personlig jobformidler", "Anden deltager");

    private static final WeightedChoice<String> TYPE = new WeightedChoice<String>()
            .add("Opfølgningssamtale", 18).add("Fleksjobopfølgningssamtale", 3).add("Jobsamtale", 30)
            .add("Henvisning", 5).add("Informationsmøde", 6).add("CV samtale", 8)
            .add("Informationsmøde uden mødepligt", 3).add("Rådighedssamtale", 5).add("Integrationssamtale", 4)
            .add("Jobsamtale med a-kasse", 8).add("Samtale i rehabiliteringsteam", 3).add("Anden samtale", 7);
    private static final WeightedChoice<String> KONTAKTFORM = new WeightedChoice<String>()
            .add("Personlig kontakt", 45).add("Telefon", 25).add("Brev", 3).add("Digitalt", 10)
            .add("Møde direkte på arbejde", 4).add("Videokonference", 10).add("Andet", 3);
    private static final WeightedChoice<Integer> DELTAGER_INDEX = new WeightedChoice<>();

    static {
        double[] w = {14, 3, 8, 10, 3, 6, 6, 4, 8, 12, 3, 9, 7, 7};
        for (int i = 0; i < w.length; i++) {
            DELTAGER_INDEX.add(i, w[i]);
        }
    }

    private ConversationCategories() {}

    /** Fleksjob spells get fleksjob follow-ups, forløb spells rehabiliteringsteam meetings, more often. */
    static String samtaletype(String visitationskategori, SplittableRandom rng) {
        double x = rng.nextDouble();
        if (visitationskategori.equals("Fleksjob") && x < 0.5) {
            return "Fleksjobopfølgningssamtale";
        }
        if ((visitationskategori.equals("Ressourceforløb") || visitationskategori.equals("Jobafklaringsforløb"))
                && x < 0.2) {
            return "Samtale i rehabiliteringsteam";
        }
        return TYPE.pick(rng);
    }

    static String kontaktform(SplittableRandom rng) {
        return KONTAKTFORM.pick(rng);
    }

    /** Half have none; else 1–3 distinct types (60/30/10 %), in list order. */
    static List<String> deltagere(SplittableRandom rng) {
        if (rng.nextDouble() < 0.5) {
            return List.of();
        }
        double x = rng.nextDouble();
        int n = x < 0.6 ? 1 : x < 0.9 ? 2 : 3;
        boolean[] chosen = new boolean[DELTAGERE.size()];
        for (int k = 0; k < n; k++) {
            int i;
            do {
                i = DELTAGER_INDEX.pick(rng);
            } while (chosen[i]);
            chosen[i] = true;
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i]) {
                out.add(DELTAGERE.get(i));
            }
        }
        return List.copyOf(out);
    }

    /** Who called the meeting: an a-kasse for its own conversations, else mostly the jobcenter. */
    static String indkaldendeOrganisation(String samtaletype, String kommunenavn, SplittableRandom rng) {
        double x = rng.nextDouble();
        if (samtaletype.equals("Jobsamtale med a-kasse")) {
            return VisitationCategories.A_KASSER.get(rng.nextInt(VisitationCategories.A_KASSER.size()));
        }
        return x < 0.92 ? "Jobcenter " + kommunenavn : "Kommune " + kommunenavn;
    }
}
