package dk.flis.common.landing;

import static dk.flis.common.landing.FieldType.BOOL;
import static dk.flis.common.landing.FieldType.CPR;
import static dk.flis.common.landing.FieldType.CPR_OPTIONAL;
import static dk.flis.common.landing.FieldType.DATE;
import static dk.flis.common.landing.FieldType.DECIMAL;
import static dk.flis.common.landing.FieldType.INT;
import static dk.flis.common.landing.FieldType.KOMMUNE;
import static dk.flis.common.landing.FieldType.MONTH;
import static dk.flis.common.landing.FieldType.TEXT;
import static dk.flis.common.landing.FieldType.TIMESTAMP;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The raw file kinds of a monthly delivery (SPEC 2.1): file name, header and field types, as data. */
public enum Source {
    CPR_BORGER("cpr_borger",
            f("cpr", CPR), f("fornavn", TEXT), f("efternavn", TEXT), f("foedselsdato", DATE), f("koen", TEXT),
            f("bopaelskommune", KOMMUNE), f("civilstand", TEXT), f("statsborgerskab", TEXT)),
    BEFOLKNING("befolkning",
            f("maaned", MONTH), f("kommunekode", KOMMUNE), f("koen", TEXT), f("alder", INT), f("antal", INT)),
    DFDG_VISITATION("dfdg_visitation",
            f("forloeb_id", TEXT), f("cpr", CPR), f("kommunekode", KOMMUNE), f("visitationskategori", TEXT),
            f("visitationstidspunkt", TIMESTAMP), f("visiterende_organisation", TEXT)),
    DFDG_AKTIVITET("dfdg_aktivitet",
            f("aktivitet_id", TEXT), f("cpr", CPR), f("kommunekode", KOMMUNE), f("aktiverende_organisation", TEXT),
            f("visiterende_organisation", TEXT), f("aktivitetstype", TEXT), f("status", TEXT), f("aarsag", TEXT),
            f("puljenavn", TEXT), f("startdato", DATE), f("slutdato", DATE), f("timer_pr_uge", DECIMAL),
            f("jobtype", TEXT), f("statsligt_job", BOOL), f("amu_kode", TEXT), f("kursusnavn", TEXT),
            f("hjaelpemiddel_art", TEXT), f("hjaelpemiddel_type", TEXT), f("hjaelpemiddel_form", TEXT),
            f("hjaelpemiddel_udgift", DECIMAL), f("stoetteperson_art", TEXT), f("stoetteperson_type", TEXT),
            f("opdateret_tidspunkt", TIMESTAMP)),
    DFDG_SAMTALE("dfdg_samtale",
            f("samtale_id", TEXT), f("cpr", CPR), f("kommunekode", KOMMUNE), f("samtaletype", TEXT),
            f("kontaktform", TEXT), f("samtaletidspunkt", TIMESTAMP), f("afholdt", BOOL),
            f("indkaldende_organisation", TEXT), f("deltagere", TEXT)),
    YR_BEREGNING("yr_beregning",
            f("beregning_id", TEXT), f("cpr", CPR), f("finansieringskommune", KOMMUNE), f("bopaelskommune", KOMMUNE),
            f("betalingskommune", KOMMUNE), f("ydelse", TEXT), f("finansieringstype", TEXT), f("sats", INT),
            f("beregningsstart", DATE), f("beregningsslut", DATE), f("koerselsperiode", MONTH),
            f("bruttoudgift", DECIMAL), f("refusion", DECIMAL), f("medfinansiering", DECIMAL),
            f("fleksbidrag", DECIMAL), f("finansieringsbeloeb", DECIMAL), f("ydelsestaeller", INT),
            f("genoptjeningstaeller", INT), f("funktion", TEXT), f("dranst", TEXT), f("e_indkomst_id", TEXT)),
    KY_SAG("ky_sag",
            f("sag_id", TEXT), f("kommunekode", KOMMUNE), f("cpr_ydelsesmodtager", CPR_OPTIONAL),
            f("cpr_bevillingsmodtager", CPR), f("ydelsesart", TEXT), f("ydelsestype", TEXT), f("kle_nummer", TEXT),
            f("afgoerelsestype", TEXT), f("sagstilstand", TEXT), f("ansoegningstidspunkt", TIMESTAMP),
            f("oprettet_tidspunkt", TIMESTAMP), f("tilstand_tidspunkt", TIMESTAMP), f("sagsbehandler_id", TEXT),
            f("organisation", TEXT)),
    KY_OPGAVE("ky_opgave",
            f("opgave_id", TEXT), f("sag_id", TEXT), f("kommunekode", KOMMUNE), f("cpr", CPR),
            f("opgavetitel", TEXT), f("opgavestatus", TEXT), f("oprettet_tidspunkt", TIMESTAMP),
            f("afsluttet_tidspunkt", TIMESTAMP)),
    KY_YDELSE("ky_ydelse",
            f("ydelse_id", TEXT), f("sag_id", TEXT), f("kommunekode", KOMMUNE), f("cpr_ydelsesmodtager", CPR_OPTIONAL),
            f("ydelsesart", TEXT), f("ydelsestype", TEXT), f("startdato", DATE), f("slutdato", DATE),
            f("beloeb", DECIMAL)),
    /** Wide: these fixed columns are followed by y_YYWW, branche_YYYY_MM and grad_YYYY_MM columns. */
    DREAM("dream",
            f("cpr", CPR), f("kommunekode", KOMMUNE), f("koen", TEXT), f("alder", INT));

    private final String fileBase;
    private final List<Field> fields;

    Source(String fileBase, Field... fields) {
        this.fileBase = fileBase;
        this.fields = List.of(fields);
    }

    private static Field f(String name, FieldType type) {
        return Field.of(name, type);
    }

    /** File name without extension and the bronze table name, e.g. {@code dfdg_visitation}. */
    public String tableName() {
        return fileBase;
    }

    public List<Field> fields() {
        return fields;
    }

    public String header() {
        return fields.stream().map(Field::name).collect(Collectors.joining(";"));
    }

    public boolean isWide() {
        return this == DREAM;
    }

    /** The source a landing file name belongs to: {@code x.csv} or {@code x.csv.gz}. */
    public static Optional<Source> forFileName(String fileName) {
        return Arrays.stream(values())
                .filter(s -> fileName.equals(s.fileBase + ".csv") || fileName.equals(s.fileBase + ".csv.gz"))
                .findFirst();
    }
}
