package dk.flis.generator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * One dfdg_aktivitet row as delivered: every column typed (null = empty field), plus the delivery month and the
 * 1-based physical line in that file (header = line 1; with defects, counted after the bad rows were inserted).
 * A record and its later versions share the {@code aktivitetId}.
 */
public record Activity(String aktivitetId, String cpr, int kommunekode, String aktiverendeOrganisation,
                       String visiterendeOrganisation, String aktivitetstype, String status, String aarsag,
                       String puljenavn, LocalDate startdato, LocalDate slutdato, BigDecimal timerPrUge,
                       String jobtype, Boolean statsligtJob, String amuKode, String kursusnavn,
                       String hjaelpemiddelArt, String hjaelpemiddelType, String hjaelpemiddelForm,
                       BigDecimal hjaelpemiddelUdgift, String stoettepersonArt, String stoettepersonType,
                       LocalDateTime opdateretTidspunkt, YearMonth delivery, int line) {

    Activity withLine(int newLine) {
        return new Activity(aktivitetId, cpr, kommunekode, aktiverendeOrganisation, visiterendeOrganisation,
                aktivitetstype, status, aarsag, puljenavn, startdato, slutdato, timerPrUge, jobtype, statsligtJob,
                amuKode, kursusnavn, hjaelpemiddelArt, hjaelpemiddelType, hjaelpemiddelForm, hjaelpemiddelUdgift,
                stoettepersonArt, stoettepersonType, opdateretTidspunkt, delivery, newLine);
    }

    /** Another version of this activity: new status, aarsag, slutdato, opdateret_tidspunkt and delivery. */
    Activity version(String newStatus, String newAarsag, LocalDate newSlutdato, LocalDateTime opdateret,
                     YearMonth newDelivery) {
        return new Activity(aktivitetId, cpr, kommunekode, aktiverendeOrganisation, visiterendeOrganisation,
                aktivitetstype, newStatus, newAarsag, puljenavn, startdato, newSlutdato, timerPrUge, jobtype,
                statsligtJob, amuKode, kursusnavn, hjaelpemiddelArt, hjaelpemiddelType, hjaelpemiddelForm,
                hjaelpemiddelUdgift, stoettepersonArt, stoettepersonType, opdateret, newDelivery, 0);
    }
}
