package dk.flis.generator;

/**
 * A finding the YR counter validation (SPEC 3.4, {@code CounterValidation}) must report for the generated data:
 * {@code uge} is the ISO week key, {@code ydelse} the citizen-week's benefits sorted and joined with ", " for the
 * week rules (the row's ydelse for the row rules), {@code beregningId} only for SATS_FORKERT and
 * BELOEB_UOVERENSSTEMMELSE (else null).
 */
public record YrFinding(String regel, String cpr, int uge, String ydelse, String beregningId) {}
