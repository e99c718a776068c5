package dk.flis.jobs.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.flis.common.landing.Source;
import dk.flis.jobs.Sessions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a source's batch is compiled (bench/RESULTS.md, "Bronze's field rules"). */
class BronzeSettingsTest {
    private static final Map<String, String> INTERPRETED = Map.of(Sessions.CODEGEN_MODE, "NO_CODEGEN");
    private static final Map<String, String> PER_EXPRESSION = Map.of("spark.sql.codegen.wholeStage", "false");
    private static final Map<String, String> COMPILED_SMALL_METHODS = Map.of(Sessions.HUGE_METHOD_LIMIT, "8000");

    @Test
    void smallBatchesInterpretLargeNarrowOnesCompileInSmallMethodsLargeWideOnesPerExpression() {
        assertEquals(INTERPRETED, BronzeStep.settings(Source.KY_YDELSE, 448), "the demo's KY");
        assertEquals(INTERPRETED, BronzeStep.settings(Source.DFDG_VISITATION, 9), "a one-file delivery");
        assertEquals(INTERPRETED, BronzeStep.settings(Source.YR_BEREGNING, 49_999));
        assertEquals(COMPILED_SMALL_METHODS, BronzeStep.settings(Source.YR_BEREGNING, 50_000));
        assertEquals(COMPILED_SMALL_METHODS, BronzeStep.settings(Source.YR_BEREGNING, 1_039_780), "0.1 × 12");
        assertEquals(INTERPRETED, BronzeStep.settings(Source.DREAM, 4_999), "the demo's DREAM month");
        assertEquals(PER_EXPRESSION, BronzeStep.settings(Source.DREAM, 45_045), "a month at 0.1");
        assertEquals(PER_EXPRESSION, BronzeStep.settings(Source.DREAM, 1_576_575), "DREAM's whole stage is above 64 kB");
    }
}
