package dk.flis.jobs.model;

import static dk.flis.jobs.model.TableDef.gold;
import static org.apache.spark.sql.functions.col;

import dk.flis.common.privacy.Identities;
import dk.flis.common.reference.ReferenceTables;
import java.util.List;

/** The conformed dimensions: municipalities, days, and the citizens of each municipality's facts. */
public final class Borger implements Model {
    @Override
    public List<TableDef> tables() {
        return List.of(
                gold("dim_kommune").grain("municipality").once()
                        .by("ReferenceTables.municipalities", in -> ReferenceTables.municipalities(in.spark())),
                gold("dim_tid").grain("day, 2000-01-01 … 2040-12-31").once()
                        .by("ReferenceTables.days", in -> ReferenceTables.days(in.spark())),
                gold("dim_borger").grain("kommune × citizen, with cpr and name")
                        .reads(Dfdg.FACT_VISITATIONSFORLOEB, Dfdg.FACT_AKTIVERING, Dfdg.FACT_SAMTALE,
                                Ydelsesrefusion.SILVER_YR, "bronze.dfdg_visitation", "bronze.dfdg_aktivitet",
                                "bronze.dfdg_samtale", "bronze.yr_beregning", "bronze.cpr_borger")
                        .perMunicipality()
                        .by("Identities.dimBorger", in -> Identities.dimBorger(
                                List.of(in.get(Dfdg.FACT_VISITATIONSFORLOEB), in.get(Dfdg.FACT_AKTIVERING),
                                        in.get(Dfdg.FACT_SAMTALE), in.get(Ydelsesrefusion.SILVER_YR)
                                                .select(col("finansieringskommune").as("kommunekode"),
                                                        col("cpr_id"))),
                                List.of(in.get("bronze.dfdg_visitation"), in.get("bronze.dfdg_aktivitet"),
                                        in.get("bronze.dfdg_samtale"), in.get("bronze.yr_beregning")),
                                in.get("bronze.cpr_borger"), in.context().pseudonymizer())));
    }
}
