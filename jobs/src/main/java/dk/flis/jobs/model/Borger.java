package dk.flis.jobs.model;

import static dk.flis.jobs.model.TableDef.gold;
import static org.apache.spark.sql.functions.col;

import dk.flis.common.privacy.Identities;
import dk.flis.common.reference.ReferenceTables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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
                                Ydelsesrefusion.SILVER_YR, Ky.FACT_SAG, Ky.FACT_OPGAVE, Ky.FACT_YDELSE,
                                Dream.SILVER_UGE,
                                "bronze.dfdg_visitation", "bronze.dfdg_aktivitet", "bronze.dfdg_samtale",
                                "bronze.yr_beregning", "bronze.ky_sag", "bronze.ky_opgave", "bronze.ky_ydelse",
                                "bronze.dream", "bronze.cpr_borger")
                        .perMunicipality()
                        .by("Identities.dimBorger", in -> Identities.dimBorger(
                                List.of(in.get(Dfdg.FACT_VISITATIONSFORLOEB), in.get(Dfdg.FACT_AKTIVERING),
                                        in.get(Dfdg.FACT_SAMTALE), in.get(Ydelsesrefusion.SILVER_YR)
                                                .select(col("finansieringskommune").as("kommunekode"),
                                                        col("cpr_id")),
                                        // Every KY citizen in any role (seed 003 §8.1.1).
                                        role(in.get(Ky.FACT_SAG), "ydelsesmodtager_cpr_id"),
                                        role(in.get(Ky.FACT_SAG), "bevillingsmodtager_cpr_id"),
                                        in.get(Ky.FACT_OPGAVE), role(in.get(Ky.FACT_YDELSE),
                                                "ydelsesmodtager_cpr_id"),
                                        // DREAM citizens get køn and civilstand here (seed 001).
                                        in.get(Dream.SILVER_UGE)),
                                List.of(in.get("bronze.dfdg_visitation"), in.get("bronze.dfdg_aktivitet"),
                                        in.get("bronze.dfdg_samtale"), in.get("bronze.yr_beregning"),
                                        in.get("bronze.ky_sag").select(col("cpr_ydelsesmodtager").as("cpr")),
                                        in.get("bronze.ky_sag").select(col("cpr_bevillingsmodtager").as("cpr")),
                                        in.get("bronze.ky_opgave"),
                                        in.get("bronze.ky_ydelse").select(col("cpr_ydelsesmodtager").as("cpr")),
                                        in.get("bronze.dream")),
                                in.get("bronze.cpr_borger"), in.context().pseudonymizer())));
    }

    private static Dataset<Row> role(Dataset<Row> fact, String cprIdColumn) {
        return fact.where(col(cprIdColumn).isNotNull()).select(col("kommunekode"), col(cprIdColumn).as("cpr_id"));
    }
}
