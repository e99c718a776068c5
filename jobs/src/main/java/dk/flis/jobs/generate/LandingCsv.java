package dk.flis.jobs.generate;

import java.time.format.DateTimeFormatter;

/** SPEC 2 text format: {@code ;} separated, empty = null, quote only a field holding {@code ;} or {@code "}. */
final class LandingCsv {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

    private LandingCsv() {}

    static String line(String[] fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(';');
            }
            sb.append(field(fields[i]));
        }
        return sb.toString();
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(';') >= 0 || value.indexOf('"') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    static String[] row(Visitation v) {
        return new String[] {v.forloebId(), v.cpr(), Integer.toString(v.kommunekode()), v.visitationskategori(),
            TIMESTAMP.format(v.visitationstidspunkt()), v.visiterendeOrganisation()};
    }

    static String[] row(Citizen c) {
        return new String[] {c.cpr(), c.fornavn(), c.efternavn(), DATE.format(c.foedselsdato()), c.koen(),
            Integer.toString(c.bopaelskommune()), c.civilstand(), c.statsborgerskab()};
    }

    static String[] row(BefolkningRow b) {
        return new String[] {MONTH.format(b.maaned()), Integer.toString(b.kommunekode()), b.koen(),
            Integer.toString(b.alder()), Integer.toString(b.antal())};
    }
}
