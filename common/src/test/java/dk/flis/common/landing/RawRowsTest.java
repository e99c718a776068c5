package dk.flis.common.landing;

import static dk.flis.common.test.Frames.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.flis.common.test.Frames;
import dk.flis.common.test.SparkExtension;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class RawRowsTest {

    private static Dataset<Row> parse(SparkSession spark, Source source, String... lines) {
        Row[] rows = new Row[lines.length];
        for (int i = 0; i < lines.length; i++) {
            rows[i] = row((long) i + 2, lines[i]);
        }
        return RawRows.typed(Frames.of(spark, "linje LONG, raa_linje STRING", rows), source.fields());
    }

    @Test
    void goodVisitationIsTypedAndLeadingZeroCprSurvives(SparkSession spark) {
        Dataset<Row> out = parse(spark, Source.DFDG_VISITATION,
                "V1;0101901234;751;Jobparat;2020-01-06 09:15:00;\"Jobcenter Aarhus; Vest\"",
                "V2;0101901234;751;Jobparat;2020-01-07 09:15:00;");
        assertEquals(List.of(
                        "V1|0101901234|751|2020-01-06T09:15|Jobcenter Aarhus; Vest|null",
                        "V2|0101901234|751|2020-01-07T09:15|null|null"),
                Frames.lines(out, "forloeb_id", "cpr", "kommunekode", "visitationstidspunkt",
                        "visiterende_organisation", "_karantaene_aarsag"));
        assertEquals("timestamp_ntz", out.schema().apply("visitationstidspunkt").dataType().typeName());
    }

    @Test
    void eachBadRowGetsItsReason(SparkSession spark) {
        Dataset<Row> out = parse(spark, Source.DFDG_VISITATION,
                "V1;010190123;751;Jobparat;2020-01-06 09:15:00;X",       // 9-digit cpr
                "V2;01019O1234;751;Jobparat;2020-01-06 09:15:00;X",      // letter O in cpr
                "V3;0101901234;411;Jobparat;2020-01-06 09:15:00;X",      // Christiansø is no municipality
                "V4;0101901234;751;Jobparat;2020-01-06 25:00:00;X",      // hour 25
                "V5;0101901234;751;Jobparat;2020-01-06T09:15:00;X",      // ISO 'T'
                "V6;0101901234;751;Jobparat;2020-01-06 09:15:00",        // one field short
                "V7;0101901234;751;Jobparat;2020-01-06 09:15:00;X;Y",    // one field too many
                ";;;;;");                                               // empty: cpr and kommunekode missing
        assertEquals(List.of(
                        "2|CPR: cpr er ikke 10 cifre",
                        "3|CPR: cpr er ikke 10 cifre",
                        "4|KOMMUNEKODE: kommunekode er ikke en af de 98 kommunekoder",
                        "5|TIDSPUNKT: visitationstidspunkt er ikke et gyldigt tidspunkt yyyy-MM-dd HH:mm:ss",
                        "6|TIDSPUNKT: visitationstidspunkt er ikke et gyldigt tidspunkt yyyy-MM-dd HH:mm:ss",
                        "7|FELTANTAL: antal felter svarer ikke til overskriften (6 forventet)",
                        "8|FELTANTAL: antal felter svarer ikke til overskriften (6 forventet)",
                        "9|CPR: cpr er ikke 10 cifre; KOMMUNEKODE: kommunekode er ikke en af de 98 kommunekoder"),
                Frames.lines(out, "linje", "_karantaene_aarsag"));
    }

    @Test
    void datesNumbersMonthsAndBooleansMustParseExactly(SparkSession spark) {
        assertEquals(List.of(
                        "2|null",
                        "3|MAANED: maaned er ikke en gyldig maaned YYYY-MM",
                        "4|TAL: alder er ikke et gyldigt tal",
                        "5|TAL: antal er ikke et gyldigt tal"),
                Frames.lines(parse(spark, Source.BEFOLKNING,
                        "2020-01;751;M;30;1200", "2020-13;751;M;30;1200", "2020-01;751;M;3.5;1200",
                        "2020-01;751;M;30;12a"), "linje", "_karantaene_aarsag"));
        assertEquals(List.of(
                        "2|1990-01-01|null",
                        "3|null|DATO: foedselsdato er ikke en gyldig dato yyyy-MM-dd",
                        "4|null|DATO: foedselsdato er ikke en gyldig dato yyyy-MM-dd"),
                Frames.lines(parse(spark, Source.CPR_BORGER,
                        "0101901234;Anna;Hansen;1990-01-01;K;751;Ugift;Dansk",
                        "0101901234;Anna;Hansen;1990-02-30;K;751;Ugift;Dansk",
                        "0101901234;Anna;Hansen;01-01-1990;K;751;Ugift;Dansk"), "linje", "foedselsdato", "_karantaene_aarsag"));
        assertEquals(List.of("2|true|null", "3|null|JA_NEJ: afholdt er ikke J eller N"),
                Frames.lines(parse(spark, Source.DFDG_SAMTALE,
                        "S1;0101901234;751;Jobsamtale;Telefon;2020-01-06 09:15:00;J;Jobcenter Aarhus;",
                        "S2;0101901234;751;Jobsamtale;Telefon;2020-01-06 09:15:00;Ja;Jobcenter Aarhus;"),
                        "linje", "afholdt", "_karantaene_aarsag"));
    }
}
