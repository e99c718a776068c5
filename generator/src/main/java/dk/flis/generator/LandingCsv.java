package dk.flis.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

    /** {@code prefix} + {@code n} zero-padded to 8 digits, like {@code String.format("A%08d", n)} but cheaper. */
    static String id(char prefix, long n) {
        String digits = Long.toString(n);
        StringBuilder sb = new StringBuilder(9).append(prefix);
        for (int i = digits.length(); i < 8; i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    static String[] row(Activity a) {
        return new String[] {a.aktivitetId(), a.cpr(), Integer.toString(a.kommunekode()),
            a.aktiverendeOrganisation(), a.visiterendeOrganisation(), a.aktivitetstype(), a.status(), a.aarsag(),
            a.puljenavn(), date(a.startdato()), date(a.slutdato()), decimal(a.timerPrUge()), a.jobtype(),
            bool(a.statsligtJob()), a.amuKode(), a.kursusnavn(), a.hjaelpemiddelArt(), a.hjaelpemiddelType(),
            a.hjaelpemiddelForm(), decimal(a.hjaelpemiddelUdgift()), a.stoettepersonArt(), a.stoettepersonType(),
            timestamp(a.opdateretTidspunkt())};
    }

    static String[] row(Conversation c) {
        return new String[] {c.samtaleId(), c.cpr(), Integer.toString(c.kommunekode()), c.samtaletype(),
            c.kontaktform(), timestamp(c.samtaletidspunkt()), bool(c.afholdt()), c.indkaldendeOrganisation(),
            c.deltagere().isEmpty() ? null : String.join("|", c.deltagere())};
    }

    static String[] row(YrRow r) {
        return new String[] {r.beregningId(), r.cpr(), Integer.toString(r.finansieringskommune()),
            Integer.toString(r.bopaelskommune()), Integer.toString(r.betalingskommune()), r.ydelse(),
            r.finansieringstype(), Integer.toString(r.sats()), date(r.beregningsstart()), date(r.beregningsslut()),
            MONTH.format(r.koerselsperiode()), decimal(r.bruttoudgift()), decimal(r.refusion()),
            decimal(r.medfinansiering()), decimal(r.fleksbidrag()), decimal(r.finansieringsbeloeb()),
            Integer.toString(r.ydelsestaeller()), Integer.toString(r.genoptjeningstaeller()), r.funktion(), r.dranst(),
            r.eIndkomstId()};
    }

    private static String date(LocalDate d) {
        return d == null ? null : DATE.format(d);
    }

    private static String timestamp(LocalDateTime t) {
        return t == null ? null : TIMESTAMP.format(t);
    }

    private static String decimal(BigDecimal b) {
        return b == null ? null : b.toPlainString();
    }

    private static String bool(Boolean b) {
        return b == null ? null : b ? "J" : "N";
    }
}
