package dk.flis.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.landing.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dream.csv against yr_beregning for the same citizens, and its width and restatements. */
class DreamGeneratorTest {
    static final YearMonth FROM = YearMonth.of(2020, 1);
    static final YearMonth TO = YearMonth.of(2021, 3);

    @TempDir
    static Path tmp;
    static GeneratedWorld world;

    @BeforeAll
    static void generate() throws IOException {
        world = new DeliveryGenerator(new GeneratorOptions(tmp, FROM, TO, 0.002, 11L, 0.0)).generate();
    }

    @Test
    void aWeekPaidInYrCarriesThatBenefitsCodeInDream() {
        Map<String, String> latest = new HashMap<>();
        world.dream().latest(FROM, TO).forEach(w -> latest.put(w.cpr() + "|" + w.uge(), w.ydelseskode()));
        // The last delivery's own weeks may still be registered late; every earlier week has been restated.
        int lastRestated = Integer.parseInt(DreamBuilder.weekKey(DreamBuilder.weeksOf(TO.minusMonths(1)).get(
                DreamBuilder.weeksOf(TO.minusMonths(1)).size() - 1)));
        // A citizen paid two benefits in one week (e.g. kontanthjælp ending, fleksløntilskud starting) has one of
        // their codes: DREAM holds one code a week.
        Map<String, java.util.Set<String>> allowed = new HashMap<>();
        for (YrRow r : world.yrRows()) {
            if (!r.correction() && r.uge() <= lastRestated) {
                allowed.computeIfAbsent(r.cpr() + "|" + r.uge(), k -> new java.util.HashSet<>())
                        .addAll(List.of(codesOf(r.ydelse()).split("\\|")));
            }
        }
        int checked = 0;
        for (var e : allowed.entrySet()) {
            if (!latest.containsKey(e.getKey())) {
                continue; // 202001 (Monday in 2019) is in no delivery
            }
            String code = latest.get(e.getKey());
            assertTrue(code != null && e.getValue().contains(code), e.getKey().substring(11) + ": YR pays "
                    + e.getValue() + " but DREAM says " + code);
            checked++;
        }
        assertTrue(checked > 1000, "checked " + checked);
    }

    private static String codesOf(String ydelse) {
        return switch (ydelse) {
            case "Kontanthjælp" -> "130|730";
            case "Uddannelseshjælp" -> "140|720";
            case "Sygedagpenge" -> "890";
            case "Arbejdsløshedsdagpenge" -> "111";
            case "Jobafklaringsforløb" -> "785";
            case "Ressourceforløbsydelse" -> "810";
            case "Ledighedsydelse" -> "740";
            case "Fleksløntilskud" -> "771";
            case "Revalideringsydelse" -> "760";
            case "Førtidspension" -> "783";
            default -> "600";
        };
    }

    @Test
    void aFileHasAYearOfWeeksAndItsMonthsColumns() throws IOException {
        String header = Files.readAllLines(tmp.resolve("2021-03").resolve("dream.csv")).get(0);
        List<String> cols = List.of(header.split(";"));
        assertEquals(Source.DREAM.header(), String.join(";", cols.subList(0, 4)));
        List<String> weeks = cols.stream().filter(c -> c.startsWith("y_")).toList();
        assertEquals(52, weeks.size());
        // February 2021's Mondays are 1, 8, 15 and 22 February: weeks 202105 … 202108, and 52 weeks back.
        assertEquals("y_2010", weeks.get(0)); // 2020 has 53 weeks
        assertEquals("y_2108", weeks.get(51));
        assertTrue(cols.containsAll(List.of("branche_2021_02", "grad_2021_02", "arbejdssted_2021_02",
                "branche_2020_03", "grad_2020_03")));
        String before2021 = Files.readAllLines(tmp.resolve("2020-12").resolve("dream.csv")).get(0);
        assertTrue(!before2021.contains("arbejdssted_"), "the optional family is absent before 2021");
        assertEquals(world.dream().citizens() + 1,
                Files.readAllLines(tmp.resolve("2021-03").resolve("dream.csv")).size());
    }

    @Test
    void lateRegistrationsAreRestatedByTheNextDelivery() {
        Map<String, String> first = new HashMap<>();
        world.dream().latest(FROM, YearMonth.of(2020, 6)).forEach(w -> first.put(w.cpr() + "|" + w.uge(),
                String.valueOf(w.ydelseskode())));
        long restated = world.dream().latest(FROM, YearMonth.of(2020, 7)).stream()
                .filter(w -> w.uge() >= 202019 && w.uge() <= 202022 && w.ydelseskode() != null
                        && first.get(w.cpr() + "|" + w.uge()).equals("null"))
                .count();
        assertTrue(restated > 0, "some of May's benefit weeks first arrive empty");
    }
}
