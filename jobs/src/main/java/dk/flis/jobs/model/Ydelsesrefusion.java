package dk.flis.jobs.model;

import static dk.flis.jobs.model.TableDef.gold;
import static dk.flis.jobs.model.TableDef.silver;

import dk.flis.common.yr.CounterValidation;
import dk.flis.common.yr.YrMonthly;
import java.util.List;

/**
 * Ydelsesrefusion (seed 004, seed 001 §3.1): finance per kørsel and beregningsperiode, the citizen's months and
 * weeks on the refusion ladder, development per municipality, and the NBI counter findings.
 */
public final class Ydelsesrefusion implements Model {
    public static final String SILVER_YR = "silver.yr_beregning";
    public static final String FACT_YR_PERSON_MAANED = "gold.fact_yr_person_maaned";

    @Override
    public List<TableDef> tables() {
        return List.of(
                // Corrections are rows of their own (new beregning_id, negative amounts): all are kept.
                silver("yr_beregning").grain("calculation, latest version").reads("bronze.yr_beregning")
                        .perCitizen()
                        .by("LatestVersion.perKey", in -> Silver.pseudonymised(in, Silver.latest(
                                in.get("bronze.yr_beregning"), List.of("beregning_id")))),
                gold("fact_yr_finans")
                        .grain("kommune × kørsel × beregningsperiode × ydelse × finansieringstype × sats")
                        .reads(SILVER_YR).perMunicipality().perMonth("beregningsperiode")
                        .by("YrMonthly.finance", in -> YrMonthly.finance(in.get(SILVER_YR))),
                gold("fact_yr_person_maaned").grain("kommune × citizen × ydelse × month").reads(SILVER_YR)
                        .perMunicipality().perMonth("maaned")
                        .by("YrMonthly.personMonths", in -> YrMonthly.personMonths(in.get(SILVER_YR),
                                in.context().ladder(), in.context().fromMonth())),
                gold("fact_yr_person_uge").grain("kommune × citizen × ISO week × ydelse (Antal Person uge)")
                        .reads(SILVER_YR).perMunicipality().perWeek("uge")
                        .by("YrMonthly.personWeeks", in -> YrMonthly.personWeeks(in.get(SILVER_YR),
                                in.context().ladder(), in.context().fromWeek())),
                gold("fact_yr_udvikling_maaned").grain("kommune × month × ydelse").reads(FACT_YR_PERSON_MAANED)
                        .perMunicipality().perMonth("maaned")
                        .by("YrMonthly.development", in -> YrMonthly.development(in.get(FACT_YR_PERSON_MAANED))),
                gold("fact_yr_udvikling_detalje")
                        .grain("kommune × month × ydelse × interval × genoptjening × bopælskommune × betalingskommune")
                        .reads(FACT_YR_PERSON_MAANED).perMunicipality().perMonth("maaned")
                        .by("YrMonthly.development", in -> YrMonthly.development(in.get(FACT_YR_PERSON_MAANED),
                                "interval", "genoptjening", "bopaelskommune", "betalingskommune")),
                gold("dq_yr_findings").grain("NBI counter finding").reads(SILVER_YR).perMunicipality().perWeek("uge")
                        .by("CounterValidation.findings", in -> CounterValidation.findings(in.get(SILVER_YR),
                                in.context().ladder(), in.context().fromWeek())));
    }
}
