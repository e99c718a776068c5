package dk.flis.jobs.model;

import static dk.flis.jobs.model.TableDef.gold;
import static dk.flis.jobs.model.TableDef.silver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.jobs.FlisException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The declared graph is validated before a run: order from inputs, unknown inputs and cycles are start-up errors. */
class ModelGraphTest {
    private static Model model(TableDef... tables) {
        return () -> List.of(tables);
    }

    private static TableDef table(TableDef.Builder b) {
        return b.by("f", in -> null);
    }

    @Test
    void orderFollowsInputsNotDeclarationOrder() {
        ModelGraph g = new ModelGraph(List.of(model(
                table(gold("c").reads("gold.b", "silver.a")),
                table(gold("b").reads("silver.a")),
                table(silver("a").reads("bronze.dfdg_visitation")))));
        assertEquals(List.of("silver.a", "gold.b", "gold.c"), g.order().stream().map(TableDef::id).toList());
    }

    @Test
    void unknownInputIsAStartUpErrorNamingBothTables() {
        FlisException e = assertThrows(FlisException.class, () -> new ModelGraph(List.of(model(
                table(gold("x").reads("silver.nowhere"))))));
        assertEquals("Model graph: gold.x reads silver.nowhere, which is neither a bronze source nor a declared"
                + " table.", e.getMessage());
        assertThrows(FlisException.class, () -> new ModelGraph(List.of(model(
                table(gold("x").reads("bronze.no_such_source"))))));
    }

    @Test
    void cycleIsAStartUpErrorNamingItsTables() {
        FlisException e = assertThrows(FlisException.class, () -> new ModelGraph(List.of(model(
                table(silver("a").reads("bronze.dfdg_visitation")),
                table(gold("p").reads("gold.q", "silver.a")),
                table(gold("q").reads("gold.p"))))));
        assertEquals("Model graph: a cycle among gold.p, gold.q.", e.getMessage());
    }

    @Test
    void upstreamOfKeepsOnlyWhatTheTargetsNeedInTheSameOrder() {
        ModelGraph g = new ModelGraph(List.of(model(
                table(gold("c").reads("gold.b", "silver.a")),
                table(gold("d").reads("silver.e")),
                table(gold("b").reads("silver.a")),
                table(silver("e").reads("bronze.yr_beregning")),
                table(silver("a").reads("bronze.dfdg_visitation")))));
        ModelGraph c = g.upstreamOf(List.of("gold.c"));
        assertEquals(List.of("silver.a", "gold.b", "gold.c"), c.order().stream().map(TableDef::id).toList());
        assertEquals(java.util.Set.of(dk.flis.common.landing.Source.DFDG_VISITATION), c.sources());
        FlisException e = assertThrows(FlisException.class, () -> g.upstreamOf(List.of("gold.nowhere")));
        assertEquals("Model graph: no table gold.nowhere.", e.getMessage());
        // The bench's like-for-like graph: the DuckDB reference's four tables read two sources.
        assertEquals(java.util.Set.of("dfdg_visitation", "yr_beregning"), ModelGraph.flis().upstreamOf(List.of(
                "gold.fact_dfdg_visitationsforloeb", "gold.fact_dfdg_visitation_uge", "gold.fact_yr_finans",
                "gold.dq_yr_findings")).sources().stream().map(dk.flis.common.landing.Source::tableName)
                .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void aTableMaintainedPerCitizenMustBeFedOnlyByPerCitizenSources() {
        // KY cases are not tracked per citizen (a case has two citizen roles): such a table can only be rebuilt.
        FlisException e = assertThrows(FlisException.class, () -> new ModelGraph(List.of(model(
                table(silver("v").reads("bronze.dfdg_visitation")),
                table(silver("k").reads("bronze.ky_sag")),
                table(gold("x").reads("silver.v", "silver.k").perCitizen())))));
        assertEquals("Model graph: gold.x is declared per citizen but is fed by bronze.ky_sag, whose changes are not"
                + " tracked per citizen.", e.getMessage());
        ModelGraph g = new ModelGraph(List.of(model(
                table(silver("v").reads("bronze.dfdg_visitation").perCitizen()),
                table(gold("w").reads("silver.v").perCitizenWeekly()),
                table(gold("m").reads("gold.w", "silver.y").perMonth("maaned")),
                table(silver("y").reads("bronze.yr_beregning")))));
        assertEquals(java.util.Set.of(dk.flis.common.landing.Source.DFDG_VISITATION,
                dk.flis.common.landing.Source.YR_BEREGNING), g.sourcesOf("gold.m"));
        assertEquals(List.of("per citizen", "per citizen + new weeks", "months from the first change", "—"),
                java.util.stream.Stream.of("silver.v", "gold.w", "gold.m", "silver.y").map(id -> g.table(id)
                        .incremental().map(TableDef.Incremental::describe).orElse("—")).toList());
    }

    @Test
    void aTableIsDeclaredOnce() {
        assertThrows(FlisException.class, () -> new ModelGraph(List.of(model(table(gold("a"))),
                model(table(gold("a"))))));
    }

    /** Every contract table of SPEC 4 that the implemented models own is declared, municipality ones by kommunekode. */
    @Test
    void theFlisGraphDeclaresTheContractTables() {
        ModelGraph g = ModelGraph.flis();
        List<String> perMunicipality = List.of("dim_borger", "fact_dfdg_visitationsforloeb", "fact_dfdg_visitation_uge",
                "fact_dfdg_aktivering", "fact_dfdg_aktivering_uge", "fact_dfdg_samtale", "fact_ydelsesaktivitet_uge",
                "fact_yr_finans", "fact_yr_udvikling_maaned", "dq_yr_findings");
        for (String t : perMunicipality) {
            assertEquals(List.of("kommunekode"), g.table("gold." + t).partitionBy(), t);
        }
        for (String t : List.of("dim_kommune", "dim_tid", "benchmark_ydelsesaktivitet", "benchmark_yr")) {
            assertTrue(g.table("gold." + t) != null, t);
        }
        List<String> models = new ArrayList<>();
        g.order().forEach(t -> {
            if (!models.contains(t.model())) {
                models.add(t.model());
            }
        });
        assertTrue(models.containsAll(List.of("Borger", "Dfdg", "Ydelsesrefusion", "Ydelsesaktivitet")), "" + models);
    }

    @Test
    void docsTablesMdIsTheCurrentPlan() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "tables.md"));
        assertEquals(ModelGraph.flis().plan(), doc,
                "docs/tables.md is stale: regenerate it with ./flis run --plan > docs/tables.md");
    }
}
