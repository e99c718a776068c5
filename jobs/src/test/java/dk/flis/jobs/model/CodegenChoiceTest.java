package dk.flis.jobs.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which runs interpret their expressions (bench/RESULTS.md: below 4 MiB of bronze it is faster, above it is not). */
class CodegenChoiceTest {
    @Test
    void onlyRunsBelowFourMebibytesOfBronzeInterpret() {
        assertTrue(ModelRunner.interpreted(0), "an empty lakehouse: a one-file delivery");
        assertTrue(ModelRunner.interpreted(700_000), "two deliveries at scale 0.003 (CI's size)");
        assertTrue(ModelRunner.interpreted((4L << 20) - 1));
        assertFalse(ModelRunner.interpreted(4L << 20));
        assertFalse(ModelRunner.interpreted(10_000_000), "the demo's 10 MB keep compiled code");
    }
}
