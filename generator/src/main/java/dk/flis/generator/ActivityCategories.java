package dk.flis.generator;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * dfdg_aktivitet category values (seed 000 §5.1.3–5.1.10) with rough shares. Status is spelled as in SPEC 2.1
 * ({@code Annulleret}, {@code Ansat}); the other lists keep the seed's spelling. The {@code UNKNOWN_*} values
 * stand for a newer DFDG release: valid rows that silver must keep and flag (SPEC 3.3), never defects.
 */
final class ActivityCategories {
    static final List<String> TYPES = List.of("Virksomhedspraktik", "Løntilskud privat", "Løntilskud offentlig",
            "Vejledning og opkvalificering", "Nytteindsats", "Mentor", "AMU-kursus", "Ordinær uddannelse",
            "Jobrotation", "Fleksjob");
    static final List<String> STATUSES = List.of("Planlagt", "Optaget", "Annulleret", "Afbrudt", "Gennemført",
            "Henvist", "Ansat", "Afsluttet");
    static final List<String> AARSAGER = List.of("Fejloprettet", "Revision af plan",
            "Aflyst af jobcenter/AA/A-kasse/Kursusudbyder", "Overholdt ikke aktivitet", "Udeblevet fra Start/møde",
            "Afbrudt kursus", "Ikke ansat", "Ikke kontaktet/mødet arbejdsgiver", "Ønsker ikke jobbet",
            "Opsagt af ledig", "Opsagt af virksomheden", "Eksporteret", "Overgået til Ressourceforløb");
    static final List<String> PULJER = List.of("Opkvalificering ved ansættelse, ikke-forsikrede (§ 99 i LAB)",
            "Opkvalificering ved ansættelse, forsikrede (§ 99 i LAB)", "Regional uddannelsespulje",
            "Pulje til uddannelsesløft med 80 pct. Dagpenge", "Seks-ugers jobrettet uddannelse",
            "Jobrettet uddannelse udover 6 uger", "Øvrig indsats og mentor",
            "Pulje til uddannelsesløft med 100 pct. Dagpenge", "Pulje til opkvalificering inden for mangelområder",
            "Aktivitet uden refusion", "Øvrige puljer med 100 pct. Tilskud", "Andet");
    static final List<String> JOBTYPER = List.of("Almindeligt job", "Voksenelev", "Stat", "Virksomhedspraktik",
            "Privat", "Offentlig");
    static final List<String> HJAELPEMIDDEL_ARTER = List.of("Undervisningsmateriale", "Arbejdsredskaber",
            "Arbejdspladsinretning");
    /** Seed 000 §5.1.9 type names, two per art (in the order of {@link #HJAELPEMIDDEL_ARTER}). */
    static final List<String> HJAELPEMIDDEL_TYPER = List.of("It-udstyr ifm undervisning", "Undervisningsmateriale",
            "It-udstyr, software, programmer, apps mv. som arbejdsredskab",
            "Værktøj, udstyr, og andre arbejdsredskaber", "Tilgængelighedsløsninger som fx rampe, lift døråbner",
            "Arbejdspladsindregning i øvrigt");
    static final List<String> HJAELPEMIDDEL_FORMER = List.of("Tilskud", "Udlån");
    static final List<String> STOETTEPERSON_ARTER = List.of("Uddannelse", "Lønmodtager", "Selvstændig", "Ledig");
    static final List<String> STOETTEPERSON_TYPER = List.of("Fysisk aflastning", "Sekrætararbejde",
            "Strukturering og/eller Kvalitetssikring af arbejde", "Oplæsning og/eller Forklaring af tekst",
            "Tegnsprogstolkning", "Føre bil i arbejdstiden", "Særlig personlig støtte",
            "Introduktion til nye opgaver", "Fastholdelse i opgaven", "Andet");

    static final String UNKNOWN_STATUS = "Igangsat";
    static final String UNKNOWN_TYPE = "Digital opkvalificering";
    static final String UNKNOWN_AARSAG = "Overgået til digitalt forløb";
    static final String UNKNOWN_PULJE = "Pulje til grøn omstilling";

    /** Shares of the final (latest) status, from the brief for seed 000 §5.1.3. */
    static final WeightedChoice<String> STATUS = new WeightedChoice<String>()
            .add("Optaget", 25).add("Gennemført", 30).add("Afbrudt", 10).add("Planlagt", 8).add("Henvist", 7)
            .add("Annulleret", 7).add("Ansat", 5).add("Afsluttet", 8);
    static final WeightedChoice<String> TYPE = new WeightedChoice<String>()
            .add("Virksomhedspraktik", 20).add("Løntilskud privat", 8).add("Løntilskud offentlig", 6)
            .add("Vejledning og opkvalificering", 22).add("Nytteindsats", 6).add("Mentor", 10).add("AMU-kursus", 12)
            .add("Ordinær uddannelse", 6).add("Jobrotation", 3).add("Fleksjob", 7);
    static final WeightedChoice<String> PULJE = new WeightedChoice<String>()
            .add(PULJER.get(0), 6).add(PULJER.get(1), 5).add(PULJER.get(2), 10).add(PULJER.get(3), 6)
            .add(PULJER.get(4), 12).add(PULJER.get(5), 5).add(PULJER.get(6), 18).add(PULJER.get(7), 4)
            .add(PULJER.get(8), 5).add(PULJER.get(9), 15).add(PULJER.get(10), 6).add(PULJER.get(11), 8);

    /** Why an activity ended early, by status (Fejloprettet is drawn separately, for any status). */
    private static final Map<String, List<String>> AARSAG_BY_STATUS = Map.of(
            "Afbrudt", List.of("Overholdt ikke aktivitet", "Udeblevet fra Start/møde", "Afbrudt kursus",
                    "Opsagt af ledig", "Opsagt af virksomheden", "Overgået til Ressourceforløb", "Ikke ansat",
                    "Ikke kontaktet/mødet arbejdsgiver", "Ønsker ikke jobbet"),
            "Annulleret", List.of("Revision af plan", "Aflyst af jobcenter/AA/A-kasse/Kursusudbyder",
                    "Udeblevet fra Start/møde", "Ønsker ikke jobbet"),
            "Afsluttet", List.of("Revision af plan", "Eksporteret", "Overgået til Ressourceforløb"),
            "Gennemført", List.of("Ikke ansat"));
    private static final Map<String, Double> AARSAG_RATE = Map.of("Afbrudt", 0.8, "Annulleret", 0.7,
            "Afsluttet", 0.3, "Gennemført", 0.1);

    /** Jobtype for the job-like activity types (empty for the others). */
    private static final Map<String, WeightedChoice<String>> JOBTYPE_BY_TYPE = Map.of(
            "Virksomhedspraktik", new WeightedChoice<String>().add("Virksomhedspraktik", 80).add("Privat", 10)
                    .add("Offentlig", 10),
            "Løntilskud privat", new WeightedChoice<String>().add("Privat", 85).add("Almindeligt job", 15),
            "Løntilskud offentlig", new WeightedChoice<String>().add("Offentlig", 75).add("Stat", 25),
            "Jobrotation", new WeightedChoice<String>().add("Almindeligt job", 50).add("Voksenelev", 30)
                    .add("Privat", 20),
            "Fleksjob", new WeightedChoice<String>().add("Almindeligt job", 40).add("Privat", 35)
                    .add("Offentlig", 20).add("Stat", 5));

    /** AMU courses: 5-digit AMU codes. */
    static final List<String[]> AMU = List.of(
            new String[] {"40165", "Truckcertifikat B"}, new String[] {"47596", "Grundlæggende IT-kompetencer"},
            new String[] {"40978", "Svejsning, MAG-svejsning af stumpsømme"},
            new String[] {"45074", "Kundeservice i detailhandlen"},
            new String[] {"48596", "Førstehjælp på arbejdspladsen"},
            new String[] {"44874", "Hygiejne for fødevarebranchen"}, new String[] {"47345", "Professionel rengøring"},
            new String[] {"40338", "Personbefordring med bus, erhvervskørekort"},
            new String[] {"46847", "Lagerstyring og logistik"},
            new String[] {"48183", "Dansk som andetsprog på arbejdspladsen"},
            new String[] {"42660", "Kranfører, mobilkran"},
            new String[] {"49223", "Pædagogisk assistance i daginstitutioner"},
            new String[] {"40112", "Arbejdsmiljø og sikkerhed"}, new String[] {"45882", "Kørekort til kategori C"});
    /** Educations: DUN codes ("DUN-" + 4 digits); FLIS merges them with AMU into one dimension (§5.1.4). */
    static final List<String[]> DUN = List.of(
            new String[] {"DUN-5080", "Social- og sundhedshjælper"},
            new String[] {"DUN-5130", "Pædagogisk assistent"},
            new String[] {"DUN-4010", "Erhvervsuddannelse, tømrer"}, new String[] {"DUN-3610", "HF-enkeltfag"},
            new String[] {"DUN-1270", "Forberedende voksenundervisning (FVU) dansk"},
            new String[] {"DUN-1275", "Forberedende voksenundervisning (FVU) matematik"},
            new String[] {"DUN-4420", "Erhvervsuddannelse, lager- og terminaluddannelsen"},
            new String[] {"DUN-2210", "Almen voksenuddannelse (AVU)"},
            new String[] {"DUN-6120", "Akademiuddannelse i ledelse, modul"});

    private ActivityCategories() {}

    static String aarsag(String status, SplittableRandom rng) {
        List<String> options = AARSAG_BY_STATUS.get(status);
        if (options == null || rng.nextDouble() >= AARSAG_RATE.get(status)) {
            return null;
        }
        return options.get(rng.nextInt(options.size()));
    }

    /** Null for activity types that are not a job. */
    static String jobtype(String type, SplittableRandom rng) {
        WeightedChoice<String> choice = JOBTYPE_BY_TYPE.get(type);
        return choice == null ? null : choice.pick(rng);
    }

    /** {@code [amu_kode, kursusnavn]} for AMU-kursus and Ordinær uddannelse, else null. */
    static String[] course(String type, SplittableRandom rng) {
        double amuShare = switch (type) {
            case "AMU-kursus" -> 0.85;
            case "Ordinær uddannelse" -> 0.25;
            default -> -1;
        };
        if (amuShare < 0) {
            return null;
        }
        List<String[]> list = rng.nextDouble() < amuShare ? AMU : DUN;
        return list.get(rng.nextInt(list.size()));
    }

    /** The status an activity is first delivered with when its final status comes later. */
    static String earlyStatus(String finalStatus, SplittableRandom rng) {
        return switch (finalStatus) {
            case "Planlagt" -> "Henvist";
            case "Henvist", "Optaget" -> "Planlagt";
            case "Annulleret" -> rng.nextBoolean() ? "Planlagt" : "Henvist";
            default -> rng.nextDouble() < 0.8 ? "Optaget" : "Planlagt";
        };
    }

    /** Mostly the jobcenter; some activities are run by the municipality itself or an a-kasse. */
    static String aktiverendeOrganisation(String kommunenavn, SplittableRandom rng) {
        double x = rng.nextDouble();
        if (x < 0.70) {
            return "Jobcenter " + kommunenavn;
        }
        if (x < 0.85) {
            return "Kommune " + kommunenavn;
        }
        return VisitationCategories.A_KASSER.get(rng.nextInt(VisitationCategories.A_KASSER.size()));
    }
}
