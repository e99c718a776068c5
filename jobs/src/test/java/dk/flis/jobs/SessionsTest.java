package dk.flis.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.flis.common.test.SparkExtension;
import java.util.Map;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Settings a step wants for a while: set where the session has none of its own, taken away afterwards. */
@ExtendWith(SparkExtension.class)
class SessionsTest {
    @Test
    void withDefaultsKeepsTheSessionsOwnSettingsAndRestoresTheRest(SparkSession spark) {
        RuntimeConfig conf = spark.conf();
        String own = conf.get(Sessions.CODEGEN_MODE); // the test session interprets (SparkExtension)
        assertFalse(conf.contains(Sessions.HUGE_METHOD_LIMIT));
        Map<String, String> wanted = Map.of(Sessions.CODEGEN_MODE, "FALLBACK", Sessions.HUGE_METHOD_LIMIT, "8000");

        Sessions.withDefaults(spark, wanted, () -> {
            assertEquals("8000", conf.get(Sessions.HUGE_METHOD_LIMIT));
            assertEquals(own, conf.get(Sessions.CODEGEN_MODE));
        });
        assertFalse(conf.contains(Sessions.HUGE_METHOD_LIMIT));
        assertEquals(own, conf.get(Sessions.CODEGEN_MODE));

        assertThrows(IllegalStateException.class, () -> Sessions.withDefaults(spark, wanted, () -> {
            throw new IllegalStateException("a failed step");
        }));
        assertFalse(conf.contains(Sessions.HUGE_METHOD_LIMIT), "taken away after a failure too");
    }
}
