package dk.flis.generator;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * One dfdg_samtale row as delivered: every column typed ({@code deltagere} split on {@code |}, empty list for an
 * empty field), plus the delivery month and the 1-based physical line in that file (header = line 1).
 */
public record Conversation(String samtaleId, String cpr, int kommunekode, String samtaletype, String kontaktform,
                           LocalDateTime samtaletidspunkt, boolean afholdt, String indkaldendeOrganisation,
                           List<String> deltagere, YearMonth delivery, int line) {

    public Conversation {
        deltagere = List.copyOf(deltagere);
    }

    Conversation withLine(int newLine) {
        return new Conversation(samtaleId, cpr, kommunekode, samtaletype, kontaktform, samtaletidspunkt, afholdt,
                indkaldendeOrganisation, deltagere, delivery, newLine);
    }
}
