package dk.flis.common.privacy;

import static dk.flis.common.test.Frames.row;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class PseudonymizerTest {

    @Test
    void knownHmacSha256Vector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                new Pseudonymizer("Jefe").pseudonymize("what do ya want for nothing?"));
    }

    @Test
    void sparkColumnEqualsJavaHmacForShortAndLongKeys(SparkSession spark) {
        for (String key : List.of("k", "x".repeat(64), "en meget lang nøgle ".repeat(10))) {
            Pseudonymizer p = new Pseudonymizer(key);
            List<String> got = Frames.lines(Frames.of(spark, "cpr STRING", row("0101901234"), row("3112999999"))
                    .select(col("cpr"), p.cprId(col("cpr")).as("id")), "cpr", "id");
            assertEquals(List.of("0101901234|" + p.pseudonymize("0101901234"),
                    "3112999999|" + p.pseudonymize("3112999999")), got);
        }
    }

    @Test
    void leadingZeroMattersAndKeyMatters() {
        Pseudonymizer p = new Pseudonymizer("a");
        assertNotEquals(p.pseudonymize("0101901234"), p.pseudonymize("101901234"));
        assertNotEquals(p.pseudonymize("0101901234"), new Pseudonymizer("b").pseudonymize("0101901234"));
        assertEquals(64, p.pseudonymize("0101901234").length());
    }
}
