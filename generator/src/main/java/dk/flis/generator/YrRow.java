package dk.flis.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;

/**
 * One yr_beregning row as delivered: every column typed (amounts with two decimals, negative for a correction),
 * plus the delivery month and the 1-based physical line in that file (header = line 1).
 */
public record YrRow(String beregningId, String cpr, int finansieringskommune, int bopaelskommune,
                    int betalingskommune, String ydelse, String finansieringstype, int sats,
                    LocalDate beregningsstart, LocalDate beregningsslut, YearMonth koerselsperiode,
                    BigDecimal bruttoudgift, BigDecimal refusion, BigDecimal medfinansiering, BigDecimal fleksbidrag,
                    BigDecimal finansieringsbeloeb, int ydelsestaeller, int genoptjeningstaeller, String funktion,
                    String dranst, String eIndkomstId, YearMonth delivery, int line) {

    /** A correction: negative amounts for an earlier period, run in a later koerselsperiode. */
    public boolean correction() {
        return bruttoudgift.signum() < 0;
    }

    /** ISO week key (week-year × 100 + week) of beregningsstart, e.g. 202053. */
    public int uge() {
        return beregningsstart.get(IsoFields.WEEK_BASED_YEAR) * 100
                + beregningsstart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }
}
