package dk.flis.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import dk.flis.jobs.lake.Lakehouse;
import dk.flis.jobs.lake.Layer;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Flis.open on a small Delta lakehouse: tables as gold.x with their declared grain, HTML results, charts. */
@ExtendWith(SparkExtension.class)
class NotebookApiTest {
    @TempDir
    Path dir;

    private Flis lakehouse(SparkSession spark) {
        Lakehouse lake = new Lakehouse(spark, dir.resolve("lake").toString());
        lake.overwrite(spark.sql("SELECT * FROM VALUES (751, 'a', 'F1', 202053, 'Jobparat'),"
                + " (751, 'a', 'F1', 202101, 'Jobparat'), (101, 'b', 'F2', 202101, 'Aktivitetsparat')"
                + " AS t(kommunekode, cpr_id, forloeb_id, uge, visitationskategori)"),
                Layer.GOLD, "fact_dfdg_visitation_uge", "kommunekode");
        return Flis.open(dir.resolve("lake").toString());
    }

    @Test
    void openMakesEveryTableQueryableWithItsDeclaredGrain(SparkSession spark) {
        Flis flis = lakehouse(spark);
        assertEquals(List.of("202053|1", "202101|2"), Frames.lines(flis.sql("SELECT uge, count(DISTINCT cpr_id) AS n"
                + " FROM gold.fact_dfdg_visitation_uge GROUP BY uge"), "uge", "n"));
        assertEquals(List.of("gold|fact_dfdg_visitation_uge|Dfdg|3|visitation spell × ISO week in force"),
                Frames.lines(flis.tables(), "lag", "tabel", "model", "raekker", "grain"));
        assertTrue(flis.root().endsWith(dir.resolve("lake").toString()), flis.root());
        // Opened again (a notebook re-running its first cell, or another lakehouse): the names are registered anew
        // and the files are untouched.
        Flis again = Flis.open(dir.resolve("lake").toString());
        assertEquals(3, again.sql("SELECT * FROM gold.fact_dfdg_visitation_uge").count());
        assertEquals(3, spark.read().format("delta").load(dir.resolve("lake/gold/fact_dfdg_visitation_uge").toString())
                .count());
    }

    @Test
    void showIsAnHtmlTableOfTheFirstRows(SparkSession spark) {
        Flis flis = lakehouse(spark);
        assertEquals("<table>\n<thead><tr><th>uge</th><th>kategori</th></tr></thead>\n<tbody>\n"
                + "<tr><td style=\"text-align:right\">202053</td><td>Jobparat &lt;1&gt;</td></tr>\n"
                + "</tbody>\n</table>\n<p>(first 1 rows)</p>\n", Flis.show(flis.sql("SELECT uge,"
                + " visitationskategori || ' <1>' AS kategori FROM gold.fact_dfdg_visitation_uge ORDER BY uge"), 1));
    }

    @Test
    void chartsDrawSmallResultsAndRefuseUnaggregatedOnes(SparkSession spark) {
        Flis flis = lakehouse(spark);
        var perWeek = flis.sql("SELECT uge, visitationskategori, count(*) AS borgere"
                + " FROM gold.fact_dfdg_visitation_uge GROUP BY 1, 2 ORDER BY 1, 2 DESC");
        var data = Charts.dataset(perWeek, "uge", "visitationskategori", "borgere");
        assertEquals(List.of("Jobparat", "Aktivitetsparat"), data.getRowKeys());
        assertEquals(List.of("202053", "202101"), data.getColumnKeys());
        assertEquals(1.0, data.getValue("Aktivitetsparat", "202101").doubleValue());
        for (BufferedImage image : List.of(Charts.bars(perWeek, "uge", "visitationskategori", "borgere", "Borgere"),
                Charts.stackedBars(perWeek, "uge", "visitationskategori", "borgere", "Borgere"),
                Charts.lines(perWeek, "uge", null, "borgere", "Borgere"))) {
            assertEquals(900, image.getWidth());
            assertEquals(420, image.getHeight());
            long coloured = 0;
            for (int x = 0; x < 900; x++) {
                for (int y = 0; y < 420; y++) {
                    int rgb = image.getRGB(x, y) & 0xffffff;
                    coloured += rgb != 0xffffff && (rgb >> 16 & 0xff) != (rgb & 0xff) ? 1 : 0;
                }
            }
            assertTrue(coloured > 20, "bars or lines in colour: " + coloured);
        }
        var tooMany = spark.range(Charts.MAX_ROWS + 1).selectExpr("id AS uge", "id AS n");
        var e = assertThrows(IllegalArgumentException.class, () -> Charts.bars(tooMany, "uge", null, "n", "x"));
        assertTrue(e.getMessage().startsWith("More than 5000 rows to draw: aggregate first"), e.getMessage());
    }

    @Test
    void aFolderWithoutGoldSaysWhatToDo() {
        var e = assertThrows(IllegalArgumentException.class, () -> Flis.open(dir.resolve("tom").toString()));
        assertTrue(e.getMessage().startsWith("No gold tables in " + dir.resolve("tom") + ": run ./flis demo"),
                e.getMessage());
    }
}
