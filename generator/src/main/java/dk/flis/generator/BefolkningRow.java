package dk.flis.generator;

import java.time.YearMonth;

/** One befolkning row: population of one municipality, sex and single year of age in {@code maaned}. */
public record BefolkningRow(YearMonth delivery, YearMonth maaned, int kommunekode, String koen, int alder,
                            int antal) {}
