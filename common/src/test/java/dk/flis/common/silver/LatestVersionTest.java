package dk.flis.common.silver;

import static dk.flis.common.test.Frames.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class LatestVersionTest {

    @Test
    void latestDeliveryThenLatestUpdateThenLastLineWins(SparkSession spark) {
        var rows = Frames.of(spark, "id STRING, status STRING, opdateret TIMESTAMP_NTZ, leverance STRING, linje LONG",
                // A: a later delivery wins even with an older update time
                row("A", "Planlagt", LocalDateTime.parse("2020-03-01T10:00"), "2020-02", 9L),
                row("A", "Optaget", LocalDateTime.parse("2020-01-01T10:00"), "2020-03", 2L),
                // B: same delivery, the later update wins over the later line
                row("B", "Gennemført", LocalDateTime.parse("2020-02-10T10:00"), "2020-03", 3L),
                row("B", "Afbrudt", LocalDateTime.parse("2020-02-09T10:00"), "2020-03", 4L),
                // C: same delivery, same update time: the last line wins
                row("C", "Planlagt", LocalDateTime.parse("2020-02-10T10:00"), "2020-03", 5L),
                row("C", "Annulleret", LocalDateTime.parse("2020-02-10T10:00"), "2020-03", 6L));
        assertEquals(List.of("A|Optaget", "B|Gennemført", "C|Annulleret"),
                Frames.lines(LatestVersion.perKey(rows, List.of("id"), "opdateret"), "id", "status"));
    }
}
