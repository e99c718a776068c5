package dk.flis.generator;

import java.util.List;
import java.util.SplittableRandom;

/** Danish first names per sex, common surnames (roughly by frequency), civil status and citizenship. */
final class DanishNames {
    private static final List<String> MALE = List.of("Peter", "Jens", "Michael", "Lars", "Henrik", "Thomas",
            "Søren", "Jan", "Christian", "Martin", "Niels", "Anders", "Morten", "Jesper", "Mads", "Rasmus",
            "Per", "Hans", "Mikkel", "Kim", "Frederik", "Jonas", "Emil", "Mathias", "Oliver", "Nikolaj", "Jørgen",
            "Bo", "Kasper", "Ole", "Simon", "Tobias", "Magnus", "Jakob", "Mohammad", "Ali");
    private static final List<String> FEMALE = List.of("Anne", "Kirsten", "Mette", "Hanne", "Anna", "Helle",
            "Susanne", "Lene", "Maria", "Marianne", "Lone", "Camilla", "Pia", "Louise", "Charlotte", "Bente",
            "Tina", "Inge", "Gitte", "Julie", "Sofie", "Ida", "Emma", "Laura", "Mathilde", "Cecilie", "Line",
            "Signe", "Karina", "Birgitte", "Freja", "Caroline", "Sara", "Malene", "Fatima", "Zeynep");
    private static final WeightedChoice<String> SURNAMES = new WeightedChoice<String>()
            .add("Nielsen", 22).add("Jensen", 22).add("Hansen", 19).add("Andersen", 15).add("Pedersen", 15)
            .add("Christensen", 11).add("Larsen", 11).add("Sørensen", 10).add("Rasmussen", 8).add("Jørgensen", 8)
            .add("Petersen", 7).add("Madsen", 6).add("Kristensen", 6).add("Olsen", 5).add("Thomsen", 5)
            .add("Christiansen", 4).add("Poulsen", 4).add("Johansen", 4).add("Møller", 4).add("Mortensen", 4)
            .add("Knudsen", 3).add("Jakobsen", 3).add("Mikkelsen", 3).add("Olesen", 3).add("Frederiksen", 3)
            .add("Laursen", 3).add("Henriksen", 3).add("Lund", 3).add("Holm", 2).add("Schmidt", 2)
            .add("Eriksen", 2).add("Kristiansen", 2).add("Clausen", 2).add("Simonsen", 2).add("Svendsen", 2)
            .add("Andreasen", 2).add("Iversen", 2).add("Østergaard", 2).add("Jeppesen", 2).add("Vestergaard", 2)
            .add("Nissen", 1).add("Lauridsen", 1).add("Kjær", 1).add("Dahl", 1).add("Bach", 1).add("Yilmaz", 1)
            .add("Hussein", 1).add("Kowalski", 1);
    private static final WeightedChoice<String> CITIZENSHIP = new WeightedChoice<String>()
            .add("Dansk", 86).add("Polsk", 2).add("Rumænsk", 2).add("Syrisk", 1.5).add("Tyrkisk", 1.5)
            .add("Ukrainsk", 1.5).add("Tysk", 1).add("Litauisk", 1).add("Irakisk", 1).add("Somalisk", 0.8)
            .add("Svensk", 0.7).add("Afghansk", 0.5).add("Norsk", 0.5);

    private DanishNames() {}

    static String firstName(boolean male, SplittableRandom rng) {
        List<String> names = male ? MALE : FEMALE;
        return names.get(rng.nextInt(names.size()));
    }

    static String surname(SplittableRandom rng) {
        return SURNAMES.pick(rng);
    }

    static String otherSurname(SplittableRandom rng, String not) {
        return SURNAMES.pickOther(rng, not);
    }

    static String citizenship(SplittableRandom rng) {
        return CITIZENSHIP.pick(rng);
    }

    /** Civil status by age: the young are mostly unmarried, widowhood only later in life. */
    static String civilStatus(int age, SplittableRandom rng) {
        double x = rng.nextDouble();
        double married = age < 25 ? 0.05 : age < 35 ? 0.35 : 0.50;
        double divorced = age < 30 ? 0.01 : age < 45 ? 0.10 : 0.16;
        double widowed = age < 45 ? 0.0 : age < 55 ? 0.02 : 0.06;
        if (x < married) {
            return "Gift";
        } else if (x < married + divorced) {
            return "Fraskilt";
        } else if (x < married + divorced + widowed) {
            return "Enke/enkemand";
        }
        return "Ugift";
    }
}
